// The forecast engine's public entry point: the only module other code should import.
// Everything here is pure (no IO, clocks or global randomness), so it runs unchanged in
// the browser, on the server and in worker threads.

import { forecastKey, seedFromInputs } from "./canonical";
import { bioAnchors } from "./models/bio-anchors";
import { gptExtrapolationModel } from "./models/gpt-extrapolation";
import { scalingLawsModel } from "./models/scaling-laws";
import { quickModels } from "./quick/index";
import { resolveInputs, validateInputs } from "./schema";
import type { ComputeOptions, ForecastModel, ForecastResult, InputIssue, Inputs } from "./types";

export * from "./types";
export * from "./rng";
export * from "./distributions";
export * from "./summarize";
export * from "./canonical";
export * from "./diff";
export * from "./schema";
export * from "./spread";
export * from "./squiggle/index";
export { bioAnchors, COTRA_2020_SPREADSHEET } from "./models/bio-anchors";
export { gptExtrapolationModel } from "./models/gpt-extrapolation";
export { scalingLawsModel } from "./models/scaling-laws";
export * from "./quick/index";

export const MAX_SAMPLE_COUNT = 1_000_000;
export const DEFAULT_SAMPLE_COUNT = 100_000;

const registry = new Map<string, ForecastModel>();

/** The built-in models by id. Extend it with registerModels(...) below. */
export const models: ReadonlyMap<string, ForecastModel> = registry;

/** Add models to the registry; re-registering an id is a programming error. */
export function registerModels(...list: ForecastModel[]): void {
  for (const model of list) {
    if (registry.has(model.id)) throw new Error(`Forecast model "${model.id}" is registered twice`);
    registry.set(model.id, model);
  }
}

registerModels(bioAnchors, gptExtrapolationModel, scalingLawsModel);
registerModels(...quickModels);

export function getModel(id: string): ForecastModel | undefined {
  return registry.get(id);
}

export function listModels(): ForecastModel[] {
  return [...registry.values()];
}

export type RunOutcome =
  | { ok: true; result: ForecastResult; inputs: Inputs; options: ComputeOptions }
  | { ok: false; errors: InputIssue[] };

function checkOptions(options: Partial<ComputeOptions>): InputIssue[] {
  const errors: InputIssue[] = [];
  const { seed, sampleCount } = options;
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    errors.push({ path: "seed", message: "The seed must be a whole number from 0 to 4294967295" });
  }
  if (sampleCount !== undefined && !(Number.isInteger(sampleCount) && sampleCount >= 1 && sampleCount <= MAX_SAMPLE_COUNT)) {
    errors.push({
      path: "sampleCount",
      message: `The number of samples must be a whole number from 1 to ${MAX_SAMPLE_COUNT.toLocaleString("en-US")}`,
    });
  }
  return errors;
}

export type PreparedRun =
  | { ok: true; model: ForecastModel; inputs: Inputs; options: ComputeOptions; inputsHash: string }
  | { ok: false; errors: InputIssue[] };

/**
 * Validate partial inputs and overlay them on the model defaults, without computing: what a
 * server needs to look up a cached result before it spends a worker on it. Without a seed,
 * the seed is derived from the resolved inputs (docs/models.md §4), so the same fork always
 * renders the same chart.
 */
export function prepareRun(modelId: string, partialInputs: unknown, options: Partial<ComputeOptions> = {}): PreparedRun {
  const model = getModel(modelId);
  if (!model) return { ok: false, errors: [{ path: "modelId", message: `Unknown model "${modelId}"` }] };
  const optionErrors = checkOptions(options);
  const validated = validateInputs(model, partialInputs ?? {});
  if (!validated.ok || optionErrors.length) {
    return { ok: false, errors: [...(validated.ok ? [] : validated.errors), ...optionErrors] };
  }
  const inputs = resolveInputs(model, validated.inputs);
  const crossErrors = model.validate?.(inputs) ?? [];
  if (crossErrors.length) return { ok: false, errors: crossErrors };
  const resolved: ComputeOptions = {
    seed: options.seed ?? seedFromInputs(inputs),
    sampleCount: options.sampleCount ?? DEFAULT_SAMPLE_COUNT,
  };
  const { inputsHash } = forecastKey({ modelId, modelVersion: model.version, inputs, ...resolved });
  return { ok: true, model, inputs, options: resolved, inputsHash };
}

/** Runs an already validated and resolved input set. Never throws. */
export function computePrepared(modelId: string, inputs: Inputs, options: ComputeOptions): RunOutcome {
  const model = getModel(modelId);
  if (!model) return { ok: false, errors: [{ path: "modelId", message: `Unknown model "${modelId}"` }] };
  try {
    return { ok: true, result: model.compute(inputs, options), inputs, options };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ path: "", message: `${model.title} could not be computed: ${reason}` }] };
  }
}

/**
 * Validate a fork's partial inputs, overlay them on the model defaults and compute.
 * Never throws: invalid inputs or options, unknown models and failures inside a model
 * all come back as { ok: false, errors }.
 */
export function runModel(modelId: string, partialInputs: unknown, options: Partial<ComputeOptions> = {}): RunOutcome {
  const prepared = prepareRun(modelId, partialInputs, options);
  if (!prepared.ok) return prepared;
  return computePrepared(modelId, prepared.inputs, prepared.options);
}

export * from "./analysis/index";
