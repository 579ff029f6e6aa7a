// The worker-thread pool that runs models off the event loop, with a wall-clock limit per run
// (an aborted running task terminates its worker) and a bounded queue.
import { Piscina } from "piscina";
import type { ComputeRunner, ComputeTask, ComputeReply } from "../app/services/forecasts.server";
import type { EvaluateTask } from "../app/forecast/index";
import type { MarkdownTask, RenderedMarkdown } from "../app/services/render.server";
import { appError } from "../app/utils/errors";
import { listModels, prepareRun } from "../app/forecast/index";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg, type RenderOptions } from "../app/utils/chart-svg.server";

/** Pathological 100 KB Markdown parses in a few seconds; past this it is refused. */
const MARKDOWN_BUDGET_MS = 10_000;
/** An analysis batch holds up to ~50 runs: it gets this many single-run budgets. */
const EVALUATE_BUDGET_RUNS = 4;

export interface ComputePoolOptions {
  /** Wall-clock budget of one run, from submission (queueing included). */
  timeoutMs: number;
  maxThreads?: number;
  maxQueue?: number;
}

export interface ComputePool extends ComputeRunner {
  /**
   * Whether the workers draw charts: in the bundle. From source (dev, integration tests) a
   * worker cannot load vega through tsx, so the request thread draws them as before.
   */
  drawsCharts: boolean;
  /** Draws a chart on a worker; on this thread when the pool is saturated. */
  chart(spec: TopLevelSpec, options: RenderOptions): Promise<string>;
  warmUp(chartSpecs?: TopLevelSpec[]): Promise<void>;
  close(): Promise<void>;
}

export function createComputePool(options: ComputePoolOptions): ComputePool {
  // From source (tsx, vitest) the worker is TypeScript; in the bundle it is dist/compute.worker.js.
  const fromSource = import.meta.url.endsWith(".ts");
  const filename = new URL(fromSource ? "./compute.worker.ts" : "./compute.worker.js", import.meta.url).href;
  const inheritsTsx = process.execArgv.some((a) => a.includes("tsx"));
  const pool = new Piscina({
    filename,
    minThreads: options.maxThreads ?? 2,
    maxThreads: options.maxThreads ?? 2,
    maxQueue: options.maxQueue ?? 64,
    idleTimeout: 60_000,
    // V8 heap flags are process-wide and a Worker refuses them in its execArgv.
    execArgv: [...process.execArgv.filter((a) => !/^--max-(old|semi)-space-size/.test(a)), ...(fromSource && !inheritsTsx ? ["--import", "tsx"] : [])],
  });

  return {
    async run(task: ComputeTask): Promise<ComputeReply> {
      // Aborting a running task terminates its worker, so a runaway model cannot hold a thread.
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        return (await pool.run(task, { signal })) as ComputeReply;
      } catch (e) {
        if (signal.aborted) {
          throw appError(422, `This forecast took longer than the ${options.timeoutMs} ms compute budget; try fewer samples or less extreme inputs.`);
        }
        if (/queue/i.test(String(e))) throw appError(503, "The forecast engine is busy; try again in a few seconds.", undefined, 5);
        throw e;
      }
    },
    async evaluate(task: EvaluateTask): Promise<(number | null)[]> {
      const budget = options.timeoutMs * EVALUATE_BUDGET_RUNS;
      const signal = AbortSignal.timeout(budget);
      try {
        return (await pool.run(task, { name: "evaluate", signal })) as (number | null)[];
      } catch (e) {
        if (signal.aborted) throw appError(422, `This analysis took longer than its ${budget} ms compute budget; try a forecast with fewer samples.`);
        if (/queue/i.test(String(e))) throw appError(503, "The forecast engine is busy; try again in a few seconds.", undefined, 5);
        throw e;
      }
    },
    async render(task: MarkdownTask): Promise<RenderedMarkdown> {
      const signal = AbortSignal.timeout(MARKDOWN_BUDGET_MS);
      try {
        return (await pool.run(task, { name: "render", signal })) as RenderedMarkdown;
      } catch (e) {
        if (signal.aborted) throw appError(422, "This text took too long to format; simplify its Markdown (very long tables or deeply nested lists) and try again.");
        if (/queue/i.test(String(e))) throw appError(503, "The server is busy; try again in a few seconds.", undefined, 5);
        throw e;
      }
    },
    drawsCharts: !fromSource,
    async chart(spec: TopLevelSpec, opts: RenderOptions): Promise<string> {
      if (fromSource) return renderSvg(spec, opts);
      try {
        return (await pool.run({ spec, options: opts }, { name: "chart", signal: AbortSignal.timeout(MARKDOWN_BUDGET_MS) })) as string;
      } catch (e) {
        // A full queue should not cost a reader the chart: draw it here instead.
        if (/queue/i.test(String(e))) return renderSvg(spec, opts);
        throw e;
      }
    },
    /** Starts the workers and runs each model (and draws each chart kind) once, so JIT and loading are paid. */
    async warmUp(chartSpecs: TopLevelSpec[] = []) {
      const tasks = [];
      if (!fromSource) for (let i = 0; i < (options.maxThreads ?? 2); i++) tasks.push(pool.run({ specs: chartSpecs }, { name: "warmCharts" }).catch(() => undefined));
      for (let i = 0; i < (options.maxThreads ?? 2); i++) {
        for (const model of listModels()) {
          const prepared = prepareRun(model.id, {}, { sampleCount: 2000 });
          if (prepared.ok) tasks.push(pool.run({ modelId: model.id, inputs: prepared.inputs, options: prepared.options }).catch(() => undefined));
        }
      }
      await Promise.all(tasks);
    },
    async close() {
      await pool.destroy();
    },
  };
}
