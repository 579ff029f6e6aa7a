// CPU-heavy work off the request thread: model runs (inputs arrive validated and resolved)
// and Markdown rendering.
import { computePrepared, evaluateRuns, getModel, type ComputeOptions, type EvaluateTask, type Inputs } from "../app/forecast/index";
import { renderTask, type MarkdownTask } from "../app/services/render.server";

export interface ComputeTask {
  modelId: string;
  inputs: Inputs;
  options: ComputeOptions;
}

export default function compute(task: ComputeTask) {
  const started = performance.now();
  const outcome = computePrepared(task.modelId, task.inputs, task.options);
  return { outcome, ms: performance.now() - started };
}

/** An analysis's batch: the runs share a seed and sample count, so the model's session reuses work. */
export function evaluate(task: EvaluateTask): (number | null)[] {
  const model = getModel(task.modelId);
  if (!model) throw new Error(`Unknown model "${task.modelId}"`);
  return evaluateRuns(model, task);
}

export function render(task: MarkdownTask) {
  return renderTask(task);
}
