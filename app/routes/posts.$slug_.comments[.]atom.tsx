import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomResponse, commentEntries } from "~/actions/feeds.server";
import { runApi } from "~/actions/http.server";

// GET /posts/:slug/comments.atom — a post's newest visible comments.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return runApi(async () => {
    const post = await context.services.posts.bySlug(params.slug ?? "", null);
    const origin = new URL(request.url).origin;
    const items = await context.services.feeds.comments(post.id, post.slug, post.title);
    return atomResponse(request, { title: `Comments on “${post.title}”`, path: `/posts/${post.slug}/comments.atom`, alternate: `/posts/${post.slug}`, entries: commentEntries(origin, items), updated: post.editedAt ?? post.createdAt });
  });
}
