import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ForecastPanel } from "~/components/forecast-panel";
import { idSchema } from "~/discussion/schemas";
import { questionQuerySchema } from "~/forecast/api-schemas";
import analysisCss from "~/styles/analysis.css?url";
import chartCss from "~/styles/charts.css?url";
import { notFound } from "~/utils/errors";
import type { LineageStep } from "~/services/types";
import { runLoader, runOwner } from "~/actions/http.server";
import { socialMeta } from "~/components/social-meta";
import { cardVersion } from "~/utils/chart-png.server";

export const links = () => [{ rel: "stylesheet", href: chartCss }, { rel: "stylesheet", href: analysisCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: "Forecast lineage · Forkcast" }, ...(data ? socialMeta(data.social) : [])];

/** The page's own query: ?sensitivity=1 (computed here, for readers without JavaScript), ?year= & ?pct= (the question form). */
const pageQuery = z.object({
  sensitivity: z.literal("1").optional().catch(undefined),
  year: questionQuerySchema.shape.year.catch(undefined),
  pct: z.coerce.number().gt(0).lt(100).optional().catch(undefined),
  embed: z.literal("1").optional().catch(undefined),
});

// /forecasts/:id — a forecast with its lineage back to the post it forks.
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That forecast");
    const q = pageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { postId, steps } = await context.services.forks.lineage(id.data, context.user);
    const post = postId ? await context.services.posts.byId(postId) : null;
    const forecast = await context.services.forecasts.present(id.data, context.user);
    const asked = q.year !== undefined || q.pct !== undefined;
    const question = asked && forecast.cdf ? (await context.services.forecasts.document(id.data, context.user, { year: q.year, p: q.pct === undefined ? undefined : q.pct / 100 }).catch(() => null))?.question ?? null : null;
    let sensitivity = null;
    if (q.sensitivity) {
      await context.services.limits.consume("analysis", context.ip);
      sensitivity = await context.services.analysis.sensitivity(id.data, undefined, context.user, runOwner(context));
    }
    const origin = new URL(request.url).origin;
    const pageUrl = `${origin}/forecasts/${id.data}`;
    const title = post ? `A forecast on “${post.title}”` : "A forecast on Forkcast";
    const social = {
      title,
      description: forecast.description,
      url: pageUrl,
      image: forecast.svg ? { url: `${origin}/api/forecasts/${id.data}.png?v=${cardVersion(forecast.svg)}`, alt: forecast.description } : null,
      oembed: `${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`,
    };
    return { id: id.data, post, steps, forecast, sensitivity, question, social, embedTitle: title, embedOpen: q.embed === "1" };
  });
}

function stepLabel(s: LineageStep): string {
  if (s.kind === "post") return `The post's forecast, by ${s.authorName}`;
  return s.hidden ? "A fork whose comment was removed or deleted" : `Fork by ${s.authorName}`;
}

export default function ForecastLineage() {
  const { id, post, steps, forecast, sensitivity, question, embedTitle, embedOpen } = useLoaderData<typeof loader>();
  return (
    <div className="post lineage">
      {post ? (
        <p className="breadcrumb">
          <Link to={`/posts/${post.slug}`}>← {post.title}</Link>
        </p>
      ) : null}
      <h1>Forecast lineage</h1>
      <ol>
        {steps.map((s, i) => (
          <li key={s.forecastId} className={s.forecastId === id ? "is-current" : undefined}>
            {/* Each step is named by its author, and the name leads to that step's own page. */}
            <strong>
              {s.forecastId === id ? (
                <span aria-current="page">{stepLabel(s)}</span>
              ) : (
                <Link to={`/forecasts/${s.forecastId}`}>{stepLabel(s)}</Link>
              )}
            </strong>
            {s.commentId && post ? (
              <>
                {" "}
                · <Link to={`/posts/${post.slug}/comments/${s.commentId}`}>{s.kind === "post" ? "comment" : `${s.hidden ? "the" : `${s.authorName}'s`} reply`}</Link>
              </>
            ) : null}
            {i > 0 ? (
              <>
                {" "}
                · <Link to={`/compare?a=${steps[i - 1]!.forecastId}&b=${s.forecastId}`}>compare with the step before</Link>
              </>
            ) : null}
            {s.forecastId !== id ? (
              <>
                {" "}
                · <Link to={`/compare?a=${s.forecastId}&b=${id}`}>compare with this one</Link>
              </>
            ) : null}
            <div className="lineage__meta">{s.headline}</div>
            {s.changed.length ? <div className="lineage__meta">Changed: {s.changed.join("; ")}</div> : null}
          </li>
        ))}
      </ol>
      <ForecastPanel forecast={forecast} sensitivity={sensitivity} question={question} embedTitle={embedTitle} embedOpen={embedOpen} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
