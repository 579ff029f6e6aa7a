// Validation of user-supplied (partial) inputs against a model's InputDef list.
//
// Inputs arrive as JSON from forks, URLs and workers, so every key is checked against
// the model's own list, prototype-related keys are refused at any depth, and accepted
// values are copied into fresh objects: nothing the user sends can reach a prototype.
// Messages name the input by its label, in a forecaster's words.

import { z } from "zod";
import { cloneValue, FORBIDDEN_KEYS, isPlainObject, validateValue } from "./schema-values";
import type { ForecastModel, InputDef, InputIssue, InputValue, Inputs } from "./types";

export { validateValue } from "./schema-values";

/**
 * A zod schema for a partial set of inputs of `model`: each own key must be one of the
 * model's inputs and its value must pass that input's checks. Parsing yields a fresh,
 * null-prototype object holding deep copies of the accepted values.
 */
export function inputsSchema(model: ForecastModel): z.ZodType<Inputs> {
  // One schema per model object: the fork editor checks its inputs on every render.
  let schema = schemas.get(model);
  if (!schema) schemas.set(model, (schema = buildInputsSchema(model)));
  return schema;
}

const schemas = new WeakMap<ForecastModel, z.ZodType<Inputs>>();

function buildInputsSchema(model: ForecastModel): z.ZodType<Inputs> {
  const defs = new Map<string, InputDef>(model.inputs.map((d) => [d.name, d]));
  return z
    .custom<Record<string, unknown>>(isPlainObject, { message: "Inputs must be an object mapping input names to values" })
    .superRefine((obj, ctx) => {
      for (const key of Object.keys(obj)) {
        if (FORBIDDEN_KEYS.has(key)) {
          ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not an allowed input name` });
          continue;
        }
        const def = defs.get(key);
        if (!def) {
          ctx.addIssue({ code: "custom", path: [key], message: `Unknown input "${key}": ${model.title} has no such input` });
          continue;
        }
        for (const issue of validateValue(def, obj[key])) {
          ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        }
      }
    })
    .transform((obj) => {
      const out = Object.create(null) as Inputs;
      for (const key of Object.keys(obj)) out[key] = cloneValue(obj[key] as InputValue);
      return out;
    });
}

/** Zod issues as {path, message} with the path joined by dots ("genome_params.median"). */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export type ValidationResult = { ok: true; inputs: Inputs } | { ok: false; errors: InputIssue[] };

/** Validate a partial set of inputs without throwing. */
export function validateInputs(model: ForecastModel, raw: unknown): ValidationResult {
  const parsed = inputsSchema(model).safeParse(raw);
  return parsed.success ? { ok: true, inputs: parsed.data } : { ok: false, errors: toInputIssues(parsed.error) };
}

/**
 * Full inputs: the model defaults overlaid with `partial`. Only the model's own input
 * names are read (with Object.hasOwn), into a null-prototype object, so keys such as
 * "__proto__" in `partial` can never have an effect. Values are deep copies.
 */
export function resolveInputs(model: ForecastModel, partial: Inputs): Inputs {
  const out = Object.create(null) as Inputs;
  for (const def of model.inputs) {
    out[def.name] = cloneValue(Object.hasOwn(partial, def.name) ? partial[def.name] : def.default);
  }
  return out;
}
