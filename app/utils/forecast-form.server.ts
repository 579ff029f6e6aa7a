// Reads the forecast a post form carries (the editor's JSON with JavaScript, its plain fields
// without) and computes it, mapping the engine's per-input errors onto the form's fields.
import type { AppLoadContext } from "@remix-run/node";
import { readForecastForm } from "../components/forecast-editor/form-fields";
import { getModel } from "../forecast/index";
import type { ComputedForecast } from "../services/forecasts.server";
import { appError, isAppError } from "./errors";

export const FORECAST_FIELD = "forecast";
export const ATTACH_FIELD = "attachForecast";

/** null when the author chose not to attach a forecast. */
export async function submittedForecast(context: AppLoadContext, values: Record<string, string>): Promise<ComputedForecast | null> {
  if (values[ATTACH_FIELD] !== "on") return null;
  const read = readForecastForm(FORECAST_FIELD, Object.entries(values), getModel);
  if (!read.ok) throw appError(400, read.error, { [FORECAST_FIELD]: read.error });
  try {
    return await context.services.forecasts.compute(read.modelId, read.inputs);
  } catch (e) {
    if (isAppError(e) && e.fields) {
      const fields = Object.fromEntries(Object.entries(e.fields).map(([path, message]) => [`${FORECAST_FIELD}.${path}`, message]));
      throw appError(e.status, `Check the forecast: ${e.message}`, fields, e.retryAfter);
    }
    throw e;
  }
}
