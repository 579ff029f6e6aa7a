// CPU-heavy work off the request thread: model runs (inputs arrive validated and resolved),
// analysis batches, Markdown rendering and chart SVGs. Each task comes in an envelope with a port on which the worker says
// when it starts, so the pool's budget counts running time only, never a worker's start-up.
import { setPriority } from "node:os";
import type { MessagePort } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import type { RenderOptions } from "../app/utils/chart-svg.server";
import { computePrepared, evaluateRuns, getModel, type EvaluateTask } from "../app/forecast/index";
import type { ComputeTask } from "../app/services/forecasts.server";
import { renderTask, type MarkdownTask } from "../app/services/render.server";

// Renders and model runs yield the CPU to the request thread, which answers everyone: a busy
// pool then slows other work in the pool, not the server. On Linux the nice value is per
// thread, so this lowers only this worker. Where that is refused, the pool runs as it is.
try {
  setPriority(0, 10);
} catch {
  // not permitted here; nothing else depends on it
}

// The first render in a thread pays for loading and compiling the Markdown pipeline; paid here,
// while the worker starts, it is never charged to someone's budget (the clock starts at begin()).
renderTask({ markdown: "Warm-up: *emphasis*, a [link](https://example.com), a table\n\n| a |\n|---|\n| 1 |\n\nand $x^2$.", titles: [] });

export interface Envelope<T> {
  task: T;
  started: MessagePort;
}

function begin<T>(envelope: Envelope<T>): T {
  envelope.started.postMessage("started");
  envelope.started.close();
  return envelope.task;
}

export default function compute(envelope: Envelope<ComputeTask>) {
  const task = begin(envelope);
  const started = performance.now();
  const outcome = computePrepared(task.modelId, task.inputs, task.options);
  return { outcome, ms: performance.now() - started };
}

/** An analysis's batch: the runs share a seed and sample count, so the model's session reuses work. */
export function evaluate(envelope: Envelope<EvaluateTask>): (number | null)[] {
  const task = begin(envelope);
  const model = getModel(task.modelId);
  if (!model) throw new Error(`Unknown model "${task.modelId}"`);
  return evaluateRuns(model, task);
}

export function render(envelope: Envelope<MarkdownTask>) {
  return renderTask(begin(envelope));
}

// Loaded on first use: only the bundle's workers draw charts (see compute-pool.ts).
const charts = () => import("../app/utils/chart-svg.server");

export async function chart(envelope: Envelope<{ spec: TopLevelSpec; options: RenderOptions }>) {
  const task = begin(envelope);
  return (await charts()).renderSvg(task.spec, task.options);
}

export async function warmCharts(envelope: Envelope<{ specs: TopLevelSpec[] }>) {
  return (await charts()).warmUpCharts(begin(envelope).specs);
}
