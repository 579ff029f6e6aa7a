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
    // A Squiggle run is counted against its owner by the sandbox (a few at a time each).
    const owner = context.user ? `user:${context.user.id}` : `ip:${context.ip}`;
    const preview = await context.services.forecasts.preview(body.modelId, body.inputs, {
      sampleCount: body.sampleCount,
      parentInputs: body.parentInputs,
      source: body.source,
      parentForecastId: body.parentForecastId,
      owner,
      viewer: context.user,
    });
    return Response.json({ ok: true, ...preview });
  });
}

export async function loader() {
  return Response.json({ ok: false, error: "Use POST with a JSON body: {\"modelId\": …, \"inputs\": {…}}." }, { status: 405 });
}
