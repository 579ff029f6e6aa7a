import type { LoaderFunctionArgs } from "@remix-run/node";
import { noQuerySchema, postIdParam, postSchema } from "~/discussion/open-api";
import { answer, apiPost, apiRead, originOf, parseApiQuery, parseParam } from "~/actions/open-api.server";

// GET /api/v1/posts/:id — a post with its rendered body (docs/decisions/027).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRead(context, async () => {
    const id = parseParam("id", params.id, postIdParam);
    parseApiQuery(request, noQuerySchema);
    return answer(postSchema, apiPost(originOf(request), await context.services.catalog.post(id)));
  });
}
