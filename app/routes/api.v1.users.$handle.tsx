import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleParam, noQuerySchema, userSchema } from "~/discussion/open-api";
import { answer, apiRead, apiUser, originOf, parseApiQuery, parseParam } from "~/actions/open-api.server";

// GET /api/v1/users/:handle — a public profile (docs/decisions/027).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRead(context, async () => {
    const handle = parseParam("handle", params.handle, handleParam);
    parseApiQuery(request, noQuerySchema);
    return answer(userSchema, apiUser(originOf(request), await context.services.catalog.user(handle)));
  });
}
