// The editor's form contract, for the route that receives it.
//
// With JavaScript, the editor submits one hidden field, `<name>`, holding the JSON
// EditorPayload {modelId, inputs: overrides, rationales?}. That field is rendered only
// after hydration, so a no-JS submission never carries it.
//
// Without JavaScript, the server-rendered editor is still a working form of plain fields
// (they are also present, and ignored, when the JSON field is there). Names, for an editor
// rendered with name="forecast":
//
//   forecast.$model              the model id (a hidden field; the model picker needs JS)
//   forecast.<path>              one value, <path> as in fields.ts, e.g.
//                                  forecast.hw_halving_years        "2.5"
//                                  forecast.low_end_update          "shift"
//                                  forecast.anchors.3.weight        "5"
//                                  forecast.genome_params.kind      "lognormal" (hidden; switching kinds needs JS)
//                                  forecast.genome_params.median    "7.5e8"
//                                  forecast.genome_params.sdOom     "0.35"
//                                  forecast.x.components.0.weight   "0.5"  (mixtures)
//   forecast.$why.<input>        a fork's one-line rationale for a changed input
//   forecast.$source             a Squiggle model's program (its parameters are edited in the
//                                code itself when scripts are off)
//
// Numbers are read as the editor reads them ("1e15", "1,000", "3%"); text that does not
// parse is kept as text, so the engine's schema rejects it with a message for that field.
// Use readForecastForm(name, formData) to get {modelId, inputs, rationales} either way,
// then validate the inputs with the engine (validateInputs / runModel) as for any input.

import { readInputs, type Fields } from "./fields";
import { overridesOf } from "./payload";
import { SQUIGGLE_MODEL_ID, type ForecastModel, type Inputs } from "../../forecast/index";

export const MODEL_FIELD = "$model";
export const WHY_FIELD = "$why";
export const SOURCE_FIELD = "$source";

/** The HTML name of the field at `path` for an editor named `name`. */
export function fieldName(name: string, path: string): string {
  return `${name}.${path}`;
}

/** Overrides (inputs differing from the defaults) rebuilt from fields keyed by path (prefix removed). */
export function inputsFromFormFields(model: ForecastModel, fields: Record<string, string>): Inputs {
  const safe: Fields = Object.create(null);
  for (const [k, v] of Object.entries(fields)) if (typeof v === "string") safe[k] = v;
  return overridesOf(model, readInputs(model, safe));
}

export interface SplitFields {
  /** The JSON field's text when present and non-empty (a JS submission). */
  json?: string;
  modelId?: string;
  source?: string;
  /** Value fields keyed by path, prefix removed. */
  fields: Record<string, string>;
  rationales: Record<string, string>;
}

/** Sort a form's entries (FormData, URLSearchParams or [key, value] pairs) into the editor's parts. */
export function splitFormFields(name: string, entries: Iterable<[string, unknown]>): SplitFields {
  const out: SplitFields = { fields: Object.create(null), rationales: Object.create(null) };
  const prefix = `${name}.`;
  const whyPrefix = `${WHY_FIELD}.`;
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    if (key === name) {
      if (value.trim()) out.json = value;
      continue;
    }
    if (!key.startsWith(prefix)) continue;
    const path = key.slice(prefix.length);
    if (path === MODEL_FIELD) out.modelId = value;
    else if (path === SOURCE_FIELD) out.source = value;
    else if (path.startsWith(whyPrefix)) out.rationales[path.slice(whyPrefix.length)] = value;
    else if (!path.startsWith("$")) out.fields[path] = value;
  }
  return out;
}

export type ForecastFormResult =
  | { ok: true; modelId: string; inputs: Inputs; rationales: Record<string, string>; source?: string }
  | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The submitted forecast, from the JSON field (JS) or the plain fields (no JS). The inputs
 * are NOT validated here: pass them to the engine's validateInputs/runModel. Rationales are
 * returned as sent (trimmed); the caller keeps those of changed inputs.
 */
export function readForecastForm(
  name: string,
  entries: Iterable<[string, unknown]>,
  getModel: (id: string) => ForecastModel | undefined,
): ForecastFormResult {
  const split = splitFormFields(name, entries);
  if (split.json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(split.json);
    } catch {
      return { ok: false, error: "The forecast could not be read (malformed JSON)" };
    }
    if (!isRecord(parsed) || typeof parsed.modelId !== "string" || !isRecord(parsed.inputs)) {
      return { ok: false, error: "The forecast must be {modelId, inputs}" };
    }
    const squiggle = parsed.modelId === SQUIGGLE_MODEL_ID;
    if (!squiggle && !getModel(parsed.modelId)) return { ok: false, error: `Unknown model "${parsed.modelId}"` };
    const rationales: Record<string, string> = Object.create(null);
    if (isRecord(parsed.rationales)) {
      for (const [k, v] of Object.entries(parsed.rationales)) if (typeof v === "string" && v.trim()) rationales[k] = v.trim();
    }
    const source = squiggle && typeof parsed.source === "string" ? { source: parsed.source } : {};
    return { ok: true, modelId: parsed.modelId, inputs: parsed.inputs as Inputs, rationales, ...source };
  }
  if (split.modelId === undefined) return { ok: false, error: "No forecast was submitted" };
  if (split.modelId === SQUIGGLE_MODEL_ID) {
    // Without scripts a Squiggle model's parameters are edited in its code, which is sent whole.
    const rationales: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(split.rationales)) if (v.trim()) rationales[k] = v.trim();
    return { ok: true, modelId: SQUIGGLE_MODEL_ID, inputs: {}, rationales, ...(split.source !== undefined ? { source: split.source } : {}) };
  }
  const model = getModel(split.modelId);
  if (!model) return { ok: false, error: `Unknown model "${split.modelId}"` };
  const rationales: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(split.rationales)) if (v.trim()) rationales[k] = v.trim();
  return { ok: true, modelId: model.id, inputs: inputsFromFormFields(model, split.fields), rationales };
}
