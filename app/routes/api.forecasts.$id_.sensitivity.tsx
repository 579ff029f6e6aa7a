import type { LoaderFunctionArgs } from "@remix-run/node";
import { sensitivityQuerySchema } from "~/forecast/api-schemas";
import { idSchema } from "~/discussion/schemas";
import { notFound } from "~/utils/errors";
import { parseQuery, runApi, runOwner } from "~/actions/http.server";

// GET /api/forecasts/:id/sensitivity[?metric=median|year@0.25|p@2036|headline:<key>]: every
// input at its low and high end on the forecast's own seed, largest swing first (ADR 017).
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That forecast");
    const query = parseQuery(request, sensitivityQuerySchema);
    await context.services.limits.consume("analysis", context.ip);
    const view = await context.services.analysis.sensitivity(id.data, query.metric, context.user, runOwner(context));
    return Response.json({ ok: true, ...view }, { headers: { "Cache-Control": "private, max-age=300" } });
  });
}
