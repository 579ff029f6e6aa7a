import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomResponse, postEntries } from "~/actions/feeds.server";
import { runApi } from "~/actions/http.server";

// GET /tags/:slug/feed.atom — the newest posts carrying a tag.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return runApi(async () => {
    const tag = await context.services.tags.bySlug(params.slug ?? "");
    const origin = new URL(request.url).origin;
    const items = await context.services.feeds.byTag(tag.id);
    return atomResponse(request, { title: `Forkcast: ${tag.name}`, path: `/tags/${tag.slug}/feed.atom`, alternate: `/tags/${tag.slug}`, entries: postEntries(origin, items), updated: tag.editedAt ?? tag.createdAt });
  });
}
