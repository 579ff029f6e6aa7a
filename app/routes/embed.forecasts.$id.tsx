import { SHARED_PAGE } from "~/utils/shared-page";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { embedQuerySchema } from "~/discussion/embed";
import { idSchema } from "~/discussion/schemas";
import { formatHeadline } from "~/forecast/format";
import { runLoader } from "~/actions/http.server";
import { discussionPath, embedTitle } from "~/actions/embed.server";
import { oembedLink } from "~/components/social-meta";
import { originOf } from "~/actions/open-api.server";
import { notFound } from "~/utils/errors";
import embedCss from "~/styles/embed.css?url";

// /embed/forecasts/:id — a forecast's chart and headline numbers alone, for other sites to frame
// (the only pages whose CSP allows that: server/csp.ts). Static: no script, no form, no cookie
// needed; light, dark (?theme=) or the reader's own scheme. A fork whose comment is gone is not
// found, exactly as its chart is not (docs/decisions/027).
export const handle = { embed: true, ...SHARED_PAGE };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: embedCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.title} · Forkcast` }, { name: "robots", content: "noindex" }, oembedLink(data.origin, `${data.origin}/forecasts/${data.id}`, data.title)]
    : [{ title: "Not found · Forkcast" }, { name: "robots", content: "noindex" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That forecast");
    const { theme } = embedQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    // As a signed-out reader sees it, whoever's cookie comes along: an embed is the same for everyone.
    const card = await context.services.catalog.forecastCard(id.data);
    const draw = (layout: "wide" | "phone") => context.services.forecasts.svg(id.data, null, layout).catch(() => null);
    const [wide, phone] = await Promise.all([draw("wide"), draw("phone")]);
    return {
      id: card.id,
      origin: originOf(request),
      theme,
      title: embedTitle(card),
      byline: `${card.kind === "post" ? "Forecast" : card.kind === "fork" ? "Fork" : "Question"} by ${card.author.displayName} · ${card.modelTitle}`,
      outdated: card.kind === "post" && card.post !== null && card.post.forecastId !== card.id,
      headlines: card.headlines.slice(0, 4).map((h) => ({ key: h.key, label: h.label, text: formatHeadline(h) })),
      description: card.description,
      wide,
      phone,
      discussion: discussionPath(card),
    };
  });
}

export default function ForecastEmbed() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className={`embed embed--${d.theme}`}>
      <header className="embed__head">
        <a className="embed__title" href={d.discussion} target="_blank" rel="noopener">
          {d.title}
        </a>
        <p className="embed__byline">
          {d.byline}
          {d.outdated ? " · an earlier version of the post's forecast" : ""}
        </p>
      </header>
      {d.headlines.length ? (
        <dl className="embed__headlines">
          {d.headlines.map((h) => (
            <div key={h.key} className="embed__headline">
              <dt>{h.label}</dt>
              <dd>{h.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <figure className={d.wide && d.phone ? "embed__chart embed__chart--both" : "embed__chart"}>
        {/* Our own renderer's SVG (app/utils/chart-svg.server.ts), as on the post page; CSS picks the drawing for the frame's width. */}
        {d.wide ? <div className="embed__svg embed__svg--wide" dangerouslySetInnerHTML={{ __html: d.wide }} /> : <p className="embed__unavailable">The chart is not available.</p>}
        {d.phone ? <div className="embed__svg embed__svg--phone" dangerouslySetInnerHTML={{ __html: d.phone }} /> : null}
        <figcaption className="visually-hidden">{d.description}</figcaption>
      </figure>
      <footer className="embed__foot">
        <a href={d.discussion} target="_blank" rel="noopener">
          Read the discussion on Forkcast →
        </a>
      </footer>
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <div className="embed embed--auto">
      <p className="embed__unavailable" role="alert">
        This forecast is not available.
      </p>
    </div>
  );
}
