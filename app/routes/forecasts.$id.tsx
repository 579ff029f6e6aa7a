import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ForecastPanel } from "~/components/forecast-panel";
import { idSchema } from "~/discussion/schemas";
import chartCss from "~/styles/charts.css?url";
import { notFound } from "~/utils/errors";
import { runLoader } from "~/actions/http.server";

export const links = () => [{ rel: "stylesheet", href: chartCss }];
export const meta: MetaFunction = () => [{ title: "Forecast lineage · Forkcast" }];

// /forecasts/:id — a forecast with its lineage back to the post it forks.
export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That forecast");
    const { postId, steps } = await context.services.forks.lineage(id.data);
    const post = postId ? context.services.posts.byId(postId) : null;
    return { id: id.data, post, steps, forecast: await context.services.forecasts.present(id.data) };
  });
}

export default function ForecastLineage() {
  const { id, post, steps, forecast } = useLoaderData<typeof loader>();
  return (
    <div className="post lineage">
      {post ? (
        <p className="breadcrumb">
          <Link to={`/posts/${post.slug}`}>← {post.title}</Link>
        </p>
      ) : null}
      <h1>Forecast lineage</h1>
      <ol>
        {steps.map((s) => (
          <li key={s.forecastId} className={s.forecastId === id ? "is-current" : undefined}>
            <strong>{s.kind === "post" ? `The post's forecast, by ${s.authorName}` : `Fork by ${s.authorName}`}</strong>
            {s.commentId && post ? (
              <>
                {" "}
                · <Link to={`/posts/${post.slug}/comments/${s.commentId}`}>comment</Link>
              </>
            ) : null}{" "}
            · <Link to={`/forecasts/${s.forecastId}`}>#{s.forecastId}</Link>
            <div className="lineage__meta">{s.headline}</div>
            {s.changed.length ? <div className="lineage__meta">Changed: {s.changed.join("; ")}</div> : null}
          </li>
        ))}
      </ol>
      <ForecastPanel forecast={forecast} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
