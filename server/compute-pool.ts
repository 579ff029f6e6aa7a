// The worker-thread pool that runs models, analyses, Markdown renders and (in the bundle) charts
// off the event loop. Work is shared fairly between the people asking (server/fair-queue.ts):
// each may hold one thread at a time, and a task that outlasts its budget terminates its worker.
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { ComputeRunner, ComputeTask, ComputeReply } from "../app/services/forecasts.server";
import type { EvaluateTask } from "../app/forecast/index";
import type { MarkdownTask, RenderedMarkdown } from "../app/services/render.server";
import { appError } from "../app/utils/errors";
import { listModels, prepareRun } from "../app/forecast/index";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg, type RenderOptions } from "../app/utils/chart-svg.server";
import { createFairQueue, QueueFullError } from "./fair-queue";
import { currentOwner } from "./request-scope";

export interface ComputePoolOptions {
  /** Wall-clock budget of one model run, from when it gets a thread. */
  timeoutMs: number;
  /** Wall-clock budget of one Markdown render, from when it gets a thread. */
  markdownBudgetMs?: number;
  maxThreads?: number;
  /** Tasks waiting for a thread, in all. */
  maxQueue?: number;
}

/**
 * A real 100 KB post renders in well under a second; micromark's super-linear corners (runs
 * of unmatched delimiters) take longer, and past this they are refused.
 */
export const MARKDOWN_BUDGET_MS = 2000;
/** An analysis batch holds up to ~50 runs: it gets this many single-run budgets. */
const EVALUATE_BUDGET_RUNS = 4;
/** Tasks one person may have waiting: a fork's attribution runs one at a time, so a person needs few. */
const WAITING_PER_OWNER = 8;
/**
 * Tasks waiting in all. Each belongs to a request already in memory, and requests in flight
 * are capped per person (server/middleware.ts), so this only stops a crowd from queueing work
 * nobody will wait for; a burst of a thousand replies from 125 people fits.
 */
const MAX_WAITING = 1024;

/** A chart is quick; this only stops one that hangs. */
const CHART_BUDGET_MS = 10_000;

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
  const threads = options.maxThreads ?? 2;
  const markdownBudgetMs = options.markdownBudgetMs ?? MARKDOWN_BUDGET_MS;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // V8 heap flags are process-wide and a Worker refuses them in its execArgv.
    execArgv: [...process.execArgv.filter((a) => !/^--max-(old|semi)-space-size/.test(a)), ...(fromSource && !inheritsTsx ? ["--import", "tsx"] : [])],
  });
  // The fair queue hands out exactly the pool's threads, so a task's budget starts when it runs.
  const fair = createFairQueue({ slots: threads, perOwner: 1, maxWaiting: options.maxQueue ?? MAX_WAITING, maxWaitingPerOwner: WAITING_PER_OWNER });

  /**
   * Runs one task within a budget that starts when a worker starts it (the worker says so on a
   * port): time spent waiting for a worker that is being replaced is not charged to the task.
   * Aborting a running task terminates its worker, so nothing runaway keeps a thread.
   */
  async function submit<T>(task: unknown, name: string | undefined, budgetMs: number, overBudget: () => Error): Promise<T> {
    try {
      return await fair.run(currentOwner(), async () => {
        const budget = new AbortController();
        const { port1, port2 } = new MessageChannel();
        let timer: NodeJS.Timeout | undefined;
        port1.once("message", () => (timer = setTimeout(() => budget.abort(), budgetMs)));
        try {
          return (await pool.run({ task, started: port2 }, { ...(name ? { name } : {}), signal: budget.signal, transferList: [port2] })) as T;
        } catch (e) {
          if (budget.signal.aborted) throw overBudget();
          throw e;
        } finally {
          clearTimeout(timer);
          port1.close();
        }
      });
    } catch (e) {
      if (e instanceof QueueFullError) {
        throw appError(503, e.mine ? "You already have several things being computed; try again in a few seconds." : "The server is busy; try again in a few seconds.", undefined, 5);
      }
      throw e;
    }
  }

  return {
    run(task: ComputeTask): Promise<ComputeReply> {
      return submit(task, undefined, options.timeoutMs, () =>
        appError(422, `This forecast took longer than the ${options.timeoutMs} ms compute budget; try fewer samples or less extreme inputs.`),
      );
    },
    evaluate(task: EvaluateTask): Promise<(number | null)[]> {
      const budget = options.timeoutMs * EVALUATE_BUDGET_RUNS;
      return submit(task, "evaluate", budget, () => appError(422, `This analysis took longer than its ${budget} ms compute budget; try a forecast with fewer samples.`));
    },
    render(task: MarkdownTask): Promise<RenderedMarkdown> {
      return submit(task, "render", markdownBudgetMs, () =>
        appError(
          422,
          `This text is too complex to format within ${markdownBudgetMs / 1000} s. Simplify its Markdown: long runs of unmatched *, _, [ or ( in one paragraph, very long tables or deeply nested lists.`,
          { markdown: "This text is too complex to format; simplify its Markdown." },
        ),
      );
    },
    drawsCharts: !fromSource,
    async chart(spec: TopLevelSpec, opts: RenderOptions): Promise<string> {
      if (fromSource) return renderSvg(spec, opts);
      try {
        return await submit<string>({ spec, options: opts }, "chart", CHART_BUDGET_MS, () => appError(422, "This chart took too long to draw."));
      } catch (e) {
        // A full queue should not cost a reader the chart: draw it here instead.
        if ((e as { status?: number }).status === 503) return renderSvg(spec, opts);
        throw e;
      }
    },
    /** Starts the workers and runs each model (and draws each chart kind) once, so JIT and loading are paid. */
    async warmUp(chartSpecs: TopLevelSpec[] = []) {
      const tasks: Promise<unknown>[] = [];
      const direct = (task: unknown, name?: string) => {
        const { port1, port2 } = new MessageChannel();
        return pool
          .run({ task, started: port2 }, { transferList: [port2], ...(name ? { name } : {}) })
          .catch(() => undefined)
          .finally(() => port1.close());
      };
      if (!fromSource) for (let i = 0; i < threads; i++) tasks.push(direct({ specs: chartSpecs }, "warmCharts"));
      for (let i = 0; i < threads; i++) {
        for (const model of listModels()) {
          const prepared = prepareRun(model.id, {}, { sampleCount: 2000 });
          if (!prepared.ok) continue;
          const task: ComputeTask = { modelId: model.id, inputs: prepared.inputs, options: prepared.options };
          tasks.push(direct(task));
        }
      }
      await Promise.all(tasks);
    },
    async close() {
      await pool.destroy();
    },
  };
}
