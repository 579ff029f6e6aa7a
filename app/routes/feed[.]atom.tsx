import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomResponse, postEntries } from "~/actions/feeds.server";
import { runApi } from "~/actions/http.server";

// GET /feed.atom — the newest posts on the site.
export async function loader({ context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const origin = new URL(request.url).origin;
    const items = await context.services.feeds.site();
    return atomResponse(request, { title: "Forkcast: new posts", subtitle: "Quantitative forecasts and the arguments about them.", path: "/feed.atom", alternate: "/", entries: postEntries(origin, items), updated: context.services.now() });
  });
}
