import type { LoaderFunctionArgs } from "@remix-run/node";
import { postPageSchema, postsQuerySchema } from "~/discussion/open-api";
import { answer, apiPostSummary, apiRead, decodeCursor, nextUrl, originOf, parseApiQuery } from "~/actions/open-api.server";

// GET /api/v1/posts?cursor=&limit=&author= — posts, newest first (docs/decisions/027).
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRead(context, async () => {
    const query = parseApiQuery(request, postsQuerySchema);
    const { items, hasMore } = await context.services.catalog.postsPage({ after: decodeCursor(query.cursor), limit: query.limit, authorHandle: query.author });
    const last = items.at(-1);
    const next = hasMore && last ? nextUrl(request, { at: last.createdAt, id: last.id }) : null;
    return answer(postPageSchema, { items: items.map((p) => apiPostSummary(originOf(request), p)), next }, next);
  });
}
