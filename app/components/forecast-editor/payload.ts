// What the editor sends: overrides (inputs that differ from the model defaults), the
// hidden field's JSON, the preview request body, and the "3 inputs changed: …" line.

import { canonicalJson, diffInputs, resolveInputs, validateInputs } from "../../forecast/index";
import type { ForecastModel, InputDiff, InputIssue, InputValue, Inputs } from "../../forecast/index";

/** The value the hidden `<input name>` carries, as JSON. */
export interface EditorPayload {
  modelId: string;
  /** Only inputs that differ from the model defaults. */
  inputs: Inputs;
  /** Forks only: one line of "why" per changed input (non-empty ones). */
  rationales?: Record<string, string>;
}

export interface PreviewRequest {
  modelId: string;
  inputs: Inputs;
  parentInputs?: Inputs;
  /** Squiggle: the program. */
  source?: string;
  parentForecastId?: number;
}

export const RATIONALE_MAX = 200;

function same(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** Inputs of `inputs` whose values differ from the model defaults, in model order. */
export function overridesOf(model: ForecastModel, inputs: Inputs): Inputs {
  const out: Inputs = {};
  for (const def of model.inputs) {
    if (!Object.hasOwn(inputs, def.name)) continue;
    const v = inputs[def.name];
    if (!same(v, def.default)) out[def.name] = v;
  }
  return out;
}

/** Model defaults overlaid with `partial` (a safe copy; unknown keys are ignored). */
export function fullInputs(model: ForecastModel, partial: Inputs | undefined): Inputs {
  return resolveInputs(model, partial ?? {});
}

/** The inputs a change is measured against: the parent's when forking, else the preset's (or defaults). */
export function baselineInputs(model: ForecastModel, parentInputs: Inputs | undefined, presetValues: Inputs | undefined): Inputs {
  return fullInputs(model, parentInputs ?? presetValues ?? {});
}

/** Inputs that differ from the baseline, with readable "was"/"now" texts (tables: only changed rows). */
export function changedInputs(model: ForecastModel, baseline: Inputs, current: Inputs): InputDiff[] {
  return diffInputs(model, baseline, current);
}

/** Rationales for changed inputs only, trimmed, one line, non-empty. */
export function cleanRationales(rationales: Record<string, string>, changed: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of changed) {
    if (!Object.hasOwn(rationales, name)) continue;
    const text = rationales[name].replace(/\s+/g, " ").trim().slice(0, RATIONALE_MAX);
    if (text) out[name] = text;
  }
  return out;
}

export function editorPayload(
  modelId: string,
  overrides: Inputs,
  fork?: { rationales: Record<string, string>; changed: Iterable<string> },
): EditorPayload {
  const payload: EditorPayload = { modelId, inputs: overrides };
  if (fork) payload.rationales = cleanRationales(fork.rationales, fork.changed);
  return payload;
}

/** A fork of a stored forecast names it: the server then previews on its seed and over its curve. */
export function previewRequest(modelId: string, overrides: Inputs, parentInputs?: Inputs, parentForecastId?: number): PreviewRequest {
  if (parentForecastId !== undefined) return { modelId, inputs: overrides, parentForecastId };
  return parentInputs ? { modelId, inputs: overrides, parentInputs } : { modelId, inputs: overrides };
}

/**
 * The browser-side check, with the server's own schema (schema.ts inputsSchema via
 * validateInputs) and then the model's cross-input checks on the resolved inputs, as
 * runModel does.
 */
export function checkInputs(model: ForecastModel, overrides: Inputs): InputIssue[] {
  const validated = validateInputs(model, overrides);
  if (!validated.ok) return validated.errors;
  try {
    return model.validate?.(resolveInputs(model, validated.inputs)) ?? [];
  } catch {
    return [];
  }
}

/** "brain FLOP/s" from "Brain FLOP/s"; acronyms ("FLOP per …", "GDP …") keep their case. */
export function lowerLabel(label: string): string {
  if (label.length > 1 && label[1] === label[1].toUpperCase() && /[A-Z]/.test(label[1])) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export { fullLabel } from "../../forecast/index";

/** "3 inputs changed: brain FLOP/s, hardware cost halving time, spend doubling time and 2 more". */
export function changeSummary(diffs: { label: string }[], max = 4): string {
  if (diffs.length === 0) return "No inputs changed";
  const names = diffs.map((d) => lowerLabel(d.label));
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  const list = rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
  return `${diffs.length} ${diffs.length === 1 ? "input" : "inputs"} changed: ${list}`;
}

/** Whether two values are the same input value (canonical JSON). */
export function sameValue(a: InputValue | undefined, b: InputValue | undefined): boolean {
  return same(a, b);
}
