// CPU-heavy work off the request thread: model runs (inputs arrive validated and resolved),
// Markdown rendering and chart SVGs.
import type { TopLevelSpec } from "vega-lite";
import { computePrepared, evaluateRuns, getModel, type ComputeOptions, type EvaluateTask, type Inputs } from "../app/forecast/index";
import { renderTask, type MarkdownTask } from "../app/services/render.server";
import type { RenderOptions } from "../app/utils/chart-svg.server";

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

// Loaded on first use: only the bundle's workers draw charts (see compute-pool.ts).
const charts = () => import("../app/utils/chart-svg.server");

export async function chart(task: { spec: TopLevelSpec; options: RenderOptions }) {
  return (await charts()).renderSvg(task.spec, task.options);
}

export async function warmCharts(task: { specs: TopLevelSpec[] }) {
  return (await charts()).warmUpCharts(task.specs);
}
