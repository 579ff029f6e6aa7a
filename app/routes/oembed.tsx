import type { LoaderFunctionArgs } from "@remix-run/node";
import { embedSize, embeddableTarget, iframeSnippet, oembedQuerySchema } from "~/discussion/embed";
import { apiRead, originOf, parseApiQuery } from "~/actions/open-api.server";
import { embedTitle } from "~/actions/embed.server";
import { appError } from "~/utils/errors";
import { CARD } from "~/utils/chart-png.server";

// GET /oembed?url=…&format=json (oEmbed 1.0, §2.2–2.3): a post's, a comment's or a forecast's
// page on this site answers a `rich` embed of its forecast (docs/decisions/027).
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRead(context, async () => {
    const query = parseApiQuery(request, oembedQuerySchema);
    // The spec's answer to a format the provider does not offer.
    if (query.format !== undefined && query.format !== "json") throw appError(501, `Only format=json is offered, not “${query.format}”.`);
    const origin = originOf(request);
    let url: URL;
    try {
      url = new URL(query.url, origin);
    } catch {
      throw appError(400, "url: that is not a URL; give the address of a post or forecast on this site.", { url: "Not a URL." });
    }
    if (url.origin !== origin) throw appError(404, `url: only pages on ${origin} can be embedded from here.`, { url: "Not on this site." });
    const target = embeddableTarget(url.pathname);
    if (!target) throw appError(404, "url: that page has no forecast to embed; give a post, a reply with a fork, or a forecast page.", { url: "Nothing to embed there." });
    const forecastId = target.kind === "forecast" ? target.id : await context.services.catalog.forecastOf(target);
    if (forecastId === null) throw appError(404, "url: that page carries no forecast anyone may see.", { url: "No public forecast there." });
    const card = await context.services.catalog.forecastCard(forecastId);
    const size = embedSize(query);
    const title = embedTitle(card);
    return Response.json(
      {
        version: "1.0",
        type: "rich",
        provider_name: "Forkcast",
        provider_url: `${origin}/`,
        title,
        author_name: card.author.displayName,
        author_url: `${origin}/users/${card.author.handle}`,
        html: iframeSnippet(origin, card.id, title, size),
        width: size.width,
        height: size.height,
        cache_age: 3600,
        // The social card, when it fits what the consumer can show.
        ...((query.maxwidth ?? CARD.width) >= CARD.width && (query.maxheight ?? CARD.height) >= CARD.height
          ? { thumbnail_url: `${origin}/api/forecasts/${card.id}.png`, thumbnail_width: CARD.width, thumbnail_height: CARD.height }
          : {}),
      },
      { headers: { "Cache-Control": "public, no-cache" } },
    );
  });
}
