// Running many input sets on one seed and sample count, and reading one metric from each:
// the work every analysis hands to a worker (or, for scripts and tests, runs in place).

import { diffInputs } from "../diff";
import { resolveInputs } from "../schema";
import type { ComputeOptions, ForecastModel, ForecastResult, Inputs } from "../types";
import { metricValue, type Metric } from "./metric";
import type { Player } from "./shapley";

export interface EvaluateTask {
  modelId: string;
  options: ComputeOptions;
  metric: Metric;
  /** Resolved input sets (every input present). */
  runs: Inputs[];
}

/** The metric of every run, in order; a run the model cannot compute gives null. */
export function evaluateRuns(model: ForecastModel, task: Omit<EvaluateTask, "modelId">): (number | null)[] {
  const compute = model.session ? model.session(task.options) : (inputs: Inputs) => model.compute(inputs, task.options);
  return task.runs.map((inputs) => {
    let result: ForecastResult;
    try {
      result = compute(inputs);
    } catch {
      return null;
    }
    return metricValue(result, task.metric);
  });
}

/** The changed inputs between two input sets, as attribution players (table inputs as one player). */
export function playersOf(model: ForecastModel, from: Inputs, to: Inputs): Player[] {
  const a = resolveInputs(model, from);
  const b = resolveInputs(model, to);
  return diffInputs(model, a, b).map((d) => ({ name: d.name, label: d.label, from: a[d.name]!, to: b[d.name]! }));
}

export interface QuestionAnswer {
  /** P(by year), when a year was asked and lies in the modelled range. */
  year?: number;
  pByYear?: number | null;
  /** The (fractional) year at probability p, when p was asked; null when not reached in range. */
  p?: number;
  yearAtP?: number | null;
}

/** "Your own question" for any result with an arrival CDF: P(by year) and the year at p. */
export function answerQuestion(result: ForecastResult, q: { year?: number; p?: number }): QuestionAnswer {
  const out: QuestionAnswer = {};
  if (q.year !== undefined) {
    out.year = q.year;
    out.pByYear = metricValue(result, { kind: "probBy", year: q.year });
  }
  if (q.p !== undefined) {
    out.p = q.p;
    out.yearAtP = metricValue(result, { kind: "yearAt", p: q.p });
  }
  return out;
}
