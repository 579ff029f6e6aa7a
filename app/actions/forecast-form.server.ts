// Reads the forecast a post form carries (the editor's JSON with JavaScript, its plain fields
// without) and computes it, mapping the engine's per-input errors onto the form's fields.
import type { AppLoadContext } from "@remix-run/node";
import { readForecastForm } from "../components/forecast-editor/form-fields";
import { getModel } from "../forecast/index";
import type { ComputedForecast } from "../services/types";
import { appError, isAppError } from "../utils/errors";
import { runOwner } from "./http.server";

export const FORECAST_FIELD = "forecast";
export const ATTACH_FIELD = "attachForecast";

/**
 * Reads the editor named `field` from a submitted form and hands its model and inputs to
 * `use`; per-input errors come back keyed `<field>.<path>` so the editor shows each beside
 * its input.
 */
export async function withEditorInputs<T>(
  field: string,
  values: Record<string, string>,
  use: (read: { modelId: string; inputs: unknown; rationales: Record<string, string>; source?: string }) => Promise<T>,
): Promise<T> {
  const read = readForecastForm(field, Object.entries(values), getModel);
  if (!read.ok) throw appError(400, read.error, { [field]: read.error });
  try {
    return await use(read);
  } catch (e) {
    if (isAppError(e) && e.fields) {
      const fields = Object.fromEntries(Object.entries(e.fields).map(([path, message]) => [path ? `${field}.${path}` : field, message]));
      throw appError(e.status, `Check the ${field === FORECAST_FIELD ? "forecast" : field}: ${e.message}`, fields, e.retryAfter, e.detail);
    }
    throw e;
  }
}

/** null when the author chose not to attach a forecast. */
export async function submittedForecast(context: AppLoadContext, values: Record<string, string>): Promise<ComputedForecast | null> {
  if (values[ATTACH_FIELD] !== "on") return null;
  const owner = runOwner(context);
  return withEditorInputs(FORECAST_FIELD, values, (read) => context.services.forecasts.compute(read.modelId, read.inputs, { source: read.source, owner }));
}
