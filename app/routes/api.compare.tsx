import type { LoaderFunctionArgs } from "@remix-run/node";
import { compareQuerySchema } from "~/forecast/api-schemas";
import { parseQuery, runApi } from "~/actions/http.server";

// GET /api/compare?a=ID&b=ID (a forecast id, or "aggregate-<postId>" for a thread's aggregate):
// headlines side by side, the input diff and the attribution of the difference (ADR 017).
export async function loader({ context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const q = parseQuery(request, compareQuerySchema);
    await context.services.limits.consume("analysis", context.ip);
    const view = await context.services.compare.compare(q.a, q.b, { year: q.year, p: q.p }, context.user);
    const { overlay, ...rest } = view;
    return Response.json({ ok: true, ...rest, description: overlay.description });
  });
}
