import type { LoaderFunctionArgs } from "@remix-run/node";
import { retryAfter, runSearch } from "~/actions/search.server";

// GET /search.json?q= — what the header's search-as-you-type asks (components/search-box.tsx);
// a resource route, so plain Responses (Remix's `data` keeps no status here); the same schema and filters as /search, a few hits of each kind, 400 with a sentence otherwise.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const limit = url.searchParams.get("limit") === "page" ? 20 : 5;
  const outcome = await runSearch(context, url, limit);
  if (!outcome.ok) return Response.json({ error: outcome.error, field: outcome.field }, { status: outcome.status, headers: { "Cache-Control": "no-store", ...retryAfter(outcome) } });
  const { posts, comments, users, terms } = outcome.results;
  return Response.json({ terms, posts, comments, users }, { headers: { "Cache-Control": "no-store" } });
}
