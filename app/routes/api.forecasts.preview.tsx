import type { ActionFunctionArgs } from "@remix-run/node";
import { previewRequestSchema } from "~/forecast/api-schemas";
import { appError } from "~/utils/errors";
import { readJson, runApi } from "~/actions/http.server";

// POST /api/forecasts/preview: computes (or finds cached) without saving anything.
export async function action({ request, context }: ActionFunctionArgs) {
  return runApi(async () => {
    if (request.method !== "POST") throw appError(405, "Use POST with a JSON body.");
    const body = await readJson(request, previewRequestSchema);
    // Previews save nothing but cost a model run: counted per address, signed in or not.
    await context.services.limits.consume("preview", context.ip);
    const preview = await context.services.forecasts.preview(body.modelId, body.inputs, { sampleCount: body.sampleCount, parentInputs: body.parentInputs, parentForecastId: body.parentForecastId });
    return Response.json({ ok: true, ...preview });
  });
}

export async function loader() {
  return Response.json({ ok: false, error: "Use POST with a JSON body: {\"modelId\": …, \"inputs\": {…}}." }, { status: 405 });
}
