import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomResponse, postEntries } from "~/actions/feeds.server";
import { runApi } from "~/actions/http.server";

// GET /users/:handle/feed.atom — one author's newest posts.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return runApi(async () => {
    const user = await context.services.users.requireByHandle(params.handle ?? "");
    const origin = new URL(request.url).origin;
    const items = await context.services.feeds.byAuthor(user.id);
    return atomResponse(request, { title: `Forkcast: posts by ${user.displayName}`, path: `/users/${user.handle}/feed.atom`, alternate: `/users/${user.handle}`, entries: postEntries(origin, items), updated: user.createdAt });
  });
}
