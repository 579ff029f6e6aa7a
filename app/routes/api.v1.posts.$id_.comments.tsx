import type { LoaderFunctionArgs } from "@remix-run/node";
import { commentPageSchema, commentsQuerySchema, postIdParam } from "~/discussion/open-api";
import { answer, apiComment, apiRead, decodeCursor, nextUrl, originOf, parseApiQuery, parseParam } from "~/actions/open-api.server";

// GET /api/v1/posts/:id/comments?cursor=&limit= — a thread oldest first, as signed-out readers
// see it: deleted and removed comments keep their place and nothing else (docs/decisions/027).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRead(context, async () => {
    const id = parseParam("id", params.id, postIdParam);
    const query = parseApiQuery(request, commentsQuerySchema);
    const { items, hasMore } = await context.services.catalog.commentsPage(id, { after: decodeCursor(query.cursor), limit: query.limit });
    const last = items.at(-1);
    const next = hasMore && last ? nextUrl(request, { at: last.createdAt, id: last.id }) : null;
    return answer(commentPageSchema, { items: items.map((c) => apiComment(originOf(request), c)), next }, next);
  });
}
