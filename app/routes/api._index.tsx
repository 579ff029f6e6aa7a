import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { openApiDocument } from "~/discussion/openapi-document";
import { Parameters, SchemaFields, TypeOf } from "~/components/api-reference";
import { originOf } from "~/actions/open-api.server";
import apiCss from "~/styles/api.css?url";

// /api — the open API described for people, from the same document /api/openapi.json serves
// (docs/decisions/027).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: apiCss }];
export const meta: MetaFunction = () => [{ title: "API · Forkcast" }, { name: "description", content: "Read posts, comments, users and forecasts as JSON." }];

type Json = Record<string, unknown>;

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = originOf(request);
  return { origin, doc: openApiDocument(origin) as { info: { description: string }; paths: Record<string, { get: Json }>; components: { schemas: Record<string, Json> } } };
}

export default function ApiReference() {
  const { origin, doc } = useLoaderData<typeof loader>();
  const endpoints = Object.entries(doc.paths).map(([path, item]) => ({ path, op: item.get }));
  return (
    <article className="api-page">
      <h1>The Forkcast API</h1>
      <p>{doc.info.description}</p>
      <p>
        Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). To put a forecast's chart on another site, use a post's
        “Embed” button, or ask <code>{origin}/oembed?url=…</code> (oEmbed, JSON). An embed follows the reader's light or dark scheme; add{" "}
        <code>?theme=light</code> or <code>?theme=dark</code> to its address to fix one.
      </p>
      <nav aria-label="Endpoints">
        <ul className="api-toc">
          {endpoints.map(({ path, op }) => (
            <li key={path}>
              <a href={`#${String(op.operationId)}`}>
                <code>GET {path}</code>
              </a>{" "}
              — {String(op.summary)}
            </li>
          ))}
        </ul>
      </nav>
      {endpoints.map(({ path, op }) => {
        const responses = op.responses as unknown as Record<string, Json>;
        const ok = (responses["200"]?.content as Record<string, { schema: unknown }> | undefined)?.["application/json"]?.schema;
        return (
          <section key={path} id={String(op.operationId)} className="api-endpoint">
            <h2>
              <span className="api-method">GET</span> <code>{path}</code>
            </h2>
            <p>{String(op.description)}</p>
            <h3>Parameters</h3>
            <Parameters parameters={op.parameters as unknown as Json[]} />
            <h3>Answers</h3>
            <ul className="api-answers">
              {Object.entries(responses).map(([status, r]) => (
                <li key={status}>
                  <strong>{status}</strong> {String(r.description)}
                  {status === "200" ? (
                    <>
                      {" "}
                      — <TypeOf schema={ok} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <h2 id="schemas">Schemas</h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} className="api-schema">
          <h3>{name}</h3>
          {typeof schema.description === "string" ? <p>{schema.description}</p> : null}
          <SchemaFields schema={schema} />
        </section>
      ))}
    </article>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
