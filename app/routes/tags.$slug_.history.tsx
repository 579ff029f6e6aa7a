import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionHistory } from "~/components/revision-history";
import { runLoader } from "~/actions/http.server";

export const meta: MetaFunction = () => [{ title: "Wiki history · Forkcast" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const { tag, versions } = await context.services.tags.history(params.slug ?? "");
    return { tag: { slug: tag.slug, name: tag.name }, versions };
  });
}

export default function TagHistory() {
  const { tag, versions } = useLoaderData<typeof loader>();
  return (
    <section className="history">
      <p className="breadcrumb">
        <Link to={`/tags/${tag.slug}`}>← Back to {tag.name}</Link>
      </p>
      <h1>Wiki history</h1>
      <p className="history__intro">{versions.length === 1 ? "This wiki page has not been edited." : "Every version of this wiki page, newest first, with what each edit changed and who wrote it. Each edit is also in the public moderation log."}</p>
      <RevisionHistory versions={versions.map((v) => ({ ...v, byline: v.editorHandle }))} />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
