// A Squiggle program as a ForecastModel: its parameters are the inputs, so the editor, the
// schema, diffs, spreads and exports treat it like a built-in model. Its compute() never runs
// the program: that happens in the sandbox (server/squiggle), after prepareSquiggleRun.

import { contentHash, sha256Hex } from "../canonical";
import { resolveInputs, validateInputs } from "../schema";
import type { ComputeOptions, ForecastModel, InputIssue, Inputs } from "../types";
import { applyInputs, parameterInput } from "./params";
import { SQUIGGLE_ADAPTER_VERSION, SQUIGGLE_LIMITS, SQUIGGLE_MODEL_ID, SQUIGGLE_VERSION, type ProgramAnalysis } from "./types";

export function programHash(source: string): string {
  return sha256Hex(source);
}

/**
 * The seed of a program's runs: from its text alone, not its parameter values, so every
 * parameter fork of one program draws the same random numbers (the difference between two
 * forks is the effect of the change, not of noise). Forks of changed code pass their parent's.
 */
export function squiggleSeed(source: string): number {
  return parseInt(programHash(source).slice(0, 8), 16) >>> 0;
}

export function squiggleModel(analysis: ProgramAnalysis): ForecastModel {
  const { output } = analysis;
  return {
    id: SQUIGGLE_MODEL_ID,
    version: SQUIGGLE_ADAPTER_VERSION,
    title: output.label ? `Squiggle model: ${output.label}` : "Squiggle model",
    summary: "A model written in Squiggle; its top-level parameters are the inputs.",
    description: output.description,
    sources: [{ title: `Squiggle ${SQUIGGLE_VERSION} (Quantified Uncertainty Research Institute)`, url: "https://www.squiggle-language.com/" }],
    inputs: analysis.parameters.map(parameterInput),
    presets: [],
    sampled: true,
    compute() {
      throw new Error("Squiggle programs run in the sandbox, not in the engine");
    },
  };
}

export type PreparedSquiggleRun =
  | { ok: true; model: ForecastModel; inputs: Inputs; options: ComputeOptions; inputsHash: string; code: string }
  | { ok: false; errors: InputIssue[] };

function checkSampleCount(n: number | undefined): InputIssue[] {
  const { minSamples, maxSamples } = SQUIGGLE_LIMITS;
  if (n === undefined || (Number.isInteger(n) && n >= minSamples && n <= maxSamples)) return [];
  return [{ path: "sampleCount", message: `A Squiggle model runs with ${minSamples.toLocaleString("en-US")} to ${maxSamples.toLocaleString("en-US")} samples` }];
}

/**
 * Validate partial inputs against the program's parameters, resolve them over the values
 * written in the code, and write them into the program: everything a server needs to look
 * up a cached result before it starts the interpreter. The cache key covers the program's
 * text, the interpreter release, the inputs, the seed and the sample count.
 */
export function prepareSquiggleRun(source: string, analysis: ProgramAnalysis, partial: unknown, options: Partial<ComputeOptions> = {}): PreparedSquiggleRun {
  const model = squiggleModel(analysis);
  const validated = validateInputs(model, partial ?? {});
  const optionErrors = checkSampleCount(options.sampleCount);
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed <= 0xffffffff)) {
    optionErrors.push({ path: "seed", message: "The seed must be a whole number from 0 to 4294967295" });
  }
  if (!validated.ok || optionErrors.length) return { ok: false, errors: [...(validated.ok ? [] : validated.errors), ...optionErrors] };
  const inputs = resolveInputs(model, validated.inputs);
  const resolved: ComputeOptions = {
    seed: options.seed ?? squiggleSeed(source),
    sampleCount: options.sampleCount ?? SQUIGGLE_LIMITS.defaultSamples,
  };
  const inputsHash = contentHash({ program: programHash(source), interpreter: SQUIGGLE_VERSION, inputs });
  return { ok: true, model, inputs, options: resolved, inputsHash, code: applyInputs(source, analysis, inputs) };
}
