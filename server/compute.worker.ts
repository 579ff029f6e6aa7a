// CPU-heavy work off the request thread: model runs (inputs arrive validated and resolved)
// and Markdown rendering.
import { computePrepared, type ComputeOptions, type Inputs } from "../app/forecast/index";
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

export function render(task: MarkdownTask) {
  return renderTask(task);
}
