import type { ActionFunctionArgs } from "@remix-run/node";
import { solveRequestSchema } from "~/forecast/api-schemas";
import { appError } from "~/utils/errors";
import { readJson, runApi, runOwner } from "~/actions/http.server";

// POST /api/forecasts/solve {"modelId", "inputs"?, "parentForecastId"?, "input", "target": {"metric", "value"}}:
// the value of one input that takes the metric to the target, everything else as given, on the
// parent's seed; or an honest "unreachable" with the range the input can reach (ADR 017).
export async function action({ request, context }: ActionFunctionArgs) {
  return runApi(async () => {
    if (request.method !== "POST") throw appError(405, "Use POST with a JSON body.");
    const body = await readJson(request, solveRequestSchema);
    await context.services.limits.consume("analysis", context.ip);
    return Response.json({ ok: true, ...(await context.services.analysis.solve(body, context.user, runOwner(context))) });
  });
}

export async function loader() {
  return Response.json({ ok: false, error: 'Use POST with a JSON body: {"modelId", "input", "target": {"metric": "median", "value": 2035}}.' }, { status: 405 });
}
