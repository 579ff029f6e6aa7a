// Analyses of stored forecasts and drafts: sensitivity (tornado), attribution of a shift
// (Shapley), and "what would I need to believe" (solve). Every run of one analysis uses the
// base forecast's seed and sample count (common random numbers, ADR 016), and the batches go
// to the worker pool split in two, so both threads work (ADR 017).
import {
  SQUIGGLE_MODEL_ID,
  assembleTornado,
  defaultMetric,
  formatInUnit,
  formatMetricValue,
  formatNumber,
  metricKey,
  metricValue,
  metricLabel,
  metricUnit,
  parseMetric,
  planShapley,
  planTornado,
  shapleyValues,
  playersOf,
  prepareRun,
  roundParts,
  solveFor,
  solveParameter,
  solvableIds,
  type ComputeOptions,
  type ForecastModel,
  type ForecastResult,
  type Inputs,
  type Metric,
  type SolveOutcome,
} from "../forecast/index";
import type { SolveRequest } from "../forecast/api-schemas";
import { describeTornado, tornadoSpec, tornadoTable } from "../charts/tornado";
import { PHONE, raiseFonts } from "../charts/theme";
import { renderSvgCached } from "../utils/chart-svg.server";
import { appError, isAppError, notFound } from "../utils/errors";
import { prepareSquiggleRun } from "../forecast/squiggle/index";
import type { ComputeRunner, ForecastService } from "./forecasts.server";
import { SYSTEM_OWNER, type StoredProgram } from "./squiggle.server";
import type { Viewer } from "../discussion/permissions";
import type { AttributionRecord, AttributionView, SensitivityView } from "./types";
import { memo } from "../utils/memo.server";
import { formatDelta } from "../forecast/format";

/** Analyses run at the forecast's own sample count, up to this (the site's default). */
export const ANALYSIS_MAX_SAMPLES = 100_000;
/**
 * A Squiggle analysis runs its program once per input set in the sandbox, one run after
 * another (the sandbox lets one owner run one program at a time), so it samples less.
 */
export const SQUIGGLE_ANALYSIS_MAX_SAMPLES = 10_000;
/** Exact Shapley needs 2^n runs; in the sandbox that is affordable for this many changed parameters. */
const SQUIGGLE_MAX_PLAYERS = 4;
const WORKER_SPLIT = 2;
const CACHE_CAP = 64;

/** Parts rounded for reading, adding up to the rounded total; the largest is the crux. */
export function presentAttribution(a: AttributionRecord): AttributionView {
  const scale = a.unit === "pp" ? 100 : 1;
  const decimals = 1;
  const rounded = roundParts(a.parts.map((p) => p.value * scale), a.total * scale, decimals);
  // The unit was recorded with the result it measured: a headline's metric text alone cannot
  // tell a probability (read in points) from a plain number.
  const unit = a.unit === "years" || a.unit === "pp" || a.unit === "OOM" ? a.unit : "";
  const fmtDelta = (x: number) => (unit ? formatDelta(x, unit, decimals) : formatNumber(x));
  const biggest = a.parts.length ? a.parts.reduce((m, p) => (Math.abs(p.value) > Math.abs(m.value) ? p : m)) : null;
  const parts = a.parts
    .map((p, i) => ({ name: p.name, label: p.label, value: p.value, rounded: rounded[i]!, text: fmtDelta(rounded[i]! / scale), crux: p === biggest }))
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
  return {
    metricLabel: a.metricLabel,
    fromText: formatInUnit(unit, a.from),
    toText: formatInUnit(unit, a.to),
    totalText: fmtDelta(a.total),
    parts,
    methodText: a.methodText,
    /** For drawing: the largest |part| in display units. */
    scaleMax: Math.max(1e-9, ...parts.map((p) => Math.abs(p.rounded))),
  };
}

/**
 * The metric of every run, on the pool: split in two tasks (alternating runs, so both workers
 * get heavy and light ones), each of which keeps its own model session.
 */
export async function evaluateOnPool(runner: ComputeRunner, modelId: string, options: ComputeOptions, metric: Metric, runs: Inputs[]): Promise<(number | null)[]> {
  const parts = Array.from({ length: Math.min(WORKER_SPLIT, runs.length) }, (_, k) => runs.map((_, i) => i).filter((i) => i % WORKER_SPLIT === k));
  const replies = await Promise.all(parts.map((idx) => runner.evaluate({ modelId, options, metric, runs: idx.map((i) => runs[i]!) })));
  const out = new Array<number | null>(runs.length).fill(null);
  parts.forEach((idx, k) => idx.forEach((i, j) => (out[i] = replies[k]![j] ?? null)));
  return out;
}

export function createAnalysisService(forecasts: ForecastService, runner: ComputeRunner) {
  const kept = memo<unknown>(CACHE_CAP);
  const remember = <T>(key: string, make: () => Promise<T>): Promise<T> => kept(key, make) as Promise<T>;

  const evaluate = (modelId: string, options: ComputeOptions, metric: Metric, runs: Inputs[]) => evaluateOnPool(runner, modelId, options, metric, runs);

  /**
   * The metric of every run of a Squiggle program, on one seed: each run in the sandbox in
   * turn. A run the program refuses (an input it cannot draw) counts as no value, as a
   * built-in model's failed run does.
   */
  async function evaluateSquiggle(program: StoredProgram, options: ComputeOptions, metric: Metric, runs: Inputs[], owner: string): Promise<(number | null)[]> {
    const out: (number | null)[] = [];
    for (const inputs of runs) {
      const computed = await forecasts.compute(SQUIGGLE_MODEL_ID, inputs, { ...options, source: program.source, owner }).catch((e: unknown) => (isAppError(e) && e.status === 422 ? null : Promise.reject(e)));
      out.push(computed ? metricValue(computed.result, metric) : null);
    }
    return out;
  }

  /** A small run in the pool, only to learn what the model's results look like (which metric, its label). */
  async function probe(model: ForecastModel, inputs: Inputs, seed: number): Promise<ForecastResult> {
    const reply = await runner.run({ modelId: model.id, inputs, options: { seed, sampleCount: 1000 } });
    if (!reply.outcome.ok) throw appError(422, reply.outcome.errors.map((e) => e.message).join("; "));
    return reply.outcome.result;
  }

  /** A stored forecast ready to analyse, with the way its runs are evaluated (worker pool, or the Squiggle sandbox). */
  async function loadForAnalysis(id: number, owner = SYSTEM_OWNER) {
    const loaded = await forecasts.load(id);
    const model = loaded.model;
    if (!model) throw appError(409, "This forecast's model is no longer available, so it cannot be analysed.");
    const program = await forecasts.programOf(loaded.row);
    const seed = loaded.row.seed;
    const prepared = program
      ? prepareSquiggleRun(program.source, program.analysis, loaded.inputs, { seed, sampleCount: Math.min(loaded.row.sampleCount, SQUIGGLE_ANALYSIS_MAX_SAMPLES) })
      : prepareRun(model.id, loaded.inputs, { seed, sampleCount: Math.min(loaded.row.sampleCount, ANALYSIS_MAX_SAMPLES) });
    if (!prepared.ok) throw appError(409, `This forecast's inputs no longer fit the model: ${prepared.errors.map((e) => e.message).join("; ")}`);
    const { inputs, options } = prepared;
    const run = program
      ? (metric: Metric, runs: Inputs[]) => evaluateSquiggle(program, options, metric, runs, owner)
      : (metric: Metric, runs: Inputs[]) => evaluate(model.id, options, metric, runs);
    return { ...loaded, model, program, inputs, options, inputsHash: prepared.inputsHash, run };
  }

  /**
   * Attribution of the shift from `from` to `to` (same model), on `options`. Median by
   * default; when some combination's median is beyond the modelled range, P(by the base
   * median's year) instead, which every combination has.
   */
  async function attribute(
    model: ForecastModel,
    from: Inputs,
    to: Inputs,
    options: ComputeOptions,
    sample?: ForecastResult | null,
    run: (metric: Metric, runs: Inputs[]) => Promise<(number | null)[]> = (metric, runs) => evaluate(model.id, options, metric, runs),
  ): Promise<AttributionRecord | null> {
    const players = playersOf(model, from, to);
    if (players.length === 0) return null;
    const plan = planShapley(from, players, options.seed);
    const shape = sample ?? (await probe(model, from, options.seed));
    let metric = defaultMetric(shape);
    let values = await run(metric, plan.runs);
    if (values.some((v) => v === null)) {
      if (metric.kind !== "yearAt") return null;
      const year = values[0] === null ? 2100 : Math.ceil(values[0] as number);
      metric = { kind: "probBy", year };
      values = await run(metric, plan.runs);
      if (values.some((v) => v === null)) return null;
    }
    const a = shapleyValues(plan, values as number[]);
    return {
      v: 2,
      metric: metricKey(metric),
      metricLabel: metricLabel(metric, shape),
      unit: metricUnit(metric, shape),
      method: a.method,
      methodText: a.methodText,
      from: a.from,
      to: a.to,
      total: a.total,
      parts: a.parts,
      seed: options.seed,
      sampleCount: options.sampleCount,
      modelVersion: model.version,
    };
  }

  return {
    evaluate,
    attribute,

    /** The tornado of a stored forecast this reader may see (cached by everything that determines it). */
    async sensitivity(id: number, metricText: string | undefined, viewer: Viewer, owner?: string): Promise<SensitivityView> {
      await forecasts.readable(id, viewer);
      const f = await loadForAnalysis(id, owner);
      const shape = f.result ?? (await probe(f.model, f.inputs, f.options.seed));
      const metric = metricText ? parseMetric(metricText) : defaultMetric(shape);
      if (!metric) throw appError(400, "Unknown metric.", { metric: "Unknown metric." });
      const key = `sens:${f.model.id}@${f.model.version}:${f.inputsHash}:${f.options.seed}:${f.options.sampleCount}:${metricKey(metric)}`;
      return remember(key, async () => {
        const plan = planTornado(f.model, f.inputs);
        const values = await f.run(metric, plan.runs);
        if (metric.kind === "headline" && values[0] === null) throw appError(400, `This forecast has no headline "${metric.key}".`, { metric: "Unknown headline." });
        const tornado = assembleTornado(plan, values, metric);
        const description = describeTornado(tornado);
        const spec = tornadoSpec(tornado);
        const narrowSpec = raiseFonts(tornadoSpec(tornado, { narrow: true }), PHONE.minFont);
        const render = (k: string, s: typeof spec) => renderSvgCached(k, s, { label: description }).catch(() => null);
        const [svg, narrowSvg] = await Promise.all([render(key, spec), render(`${key}:narrow`, narrowSpec)]);
        return {
          forecastId: id,
          modelId: f.model.id,
          modelTitle: f.model.title,
          modelVersion: f.model.version,
          forecastModelVersion: f.row.modelVersion,
          seed: f.options.seed,
          sampleCount: f.options.sampleCount,
          metric: { key: metricKey(metric), label: metricLabel(metric, shape), unit: metricUnit(metric, shape) },
          base: tornado.base,
          baseText: formatMetricValue(metric, tornado.base, shape, tornado.rangeEnd),
          tornado,
          method: `Each input set to its low and its high end with every other input as it is (numbers: a sourced range, or ±0.5 OOM / ±20% without one; distributions: their own 5th and 95th percentiles as single values; table cells: halved and doubled; choices: every other option). All ${tornado.runs} runs use this forecast's seed (${f.options.seed}) and ${f.options.sampleCount.toLocaleString("en-US")} samples, so the bars differ only by the input.${f.program ? " The Squiggle program runs once per bar end in the sandbox, on the interpreter's seeded random numbers." : ""}`,
          description,
          table: tornadoTable(tornado),
          svg,
          spec: spec as unknown as Record<string, unknown>,
          narrow: { svg: narrowSvg, spec: narrowSpec as unknown as Record<string, unknown> },
        };
      });
    },

    /** The value of one input that reaches a target, on the draft's inputs and the parent's seed. */
    async solve(req: SolveRequest, viewer: Viewer, owner = SYSTEM_OWNER): Promise<SolveOutcome & { seed: number; sampleCount: number; modelVersion: number }> {
      const parent = req.parentForecastId === undefined ? null : await (async () => {
        try {
          return await forecasts.readable(req.parentForecastId!, viewer);
        } catch {
          throw notFound("The forecast you are forking");
        }
      })();
      if (parent && parent.modelId !== req.modelId) throw appError(400, "The parent forecast uses another model.", { parentForecastId: "Another model." });
      // A Squiggle model is its program: the one of the forecast being forked.
      const program = parent ? await forecasts.programOf(parent) : null;
      if (req.modelId === SQUIGGLE_MODEL_ID && !program) {
        throw appError(400, "Solving a Squiggle model needs the forecast being forked (parentForecastId): its program is what runs.", { parentForecastId: "Name the forecast being forked." });
      }
      const sampleCap = program ? SQUIGGLE_ANALYSIS_MAX_SAMPLES : ANALYSIS_MAX_SAMPLES;
      const options = parent ? { seed: parent.seed, sampleCount: Math.min(parent.sampleCount, sampleCap) } : { sampleCount: sampleCap };
      const prepared = program ? prepareSquiggleRun(program.source, program.analysis, req.inputs ?? {}, options) : prepareRun(req.modelId, req.inputs ?? {}, options);
      if (!prepared.ok) {
        const fields = Object.fromEntries(prepared.errors.map((e) => [e.path || "inputs", e.message]));
        throw appError(400, prepared.errors.map((e) => e.message).join("; "), fields);
      }
      const model = prepared.model;
      const param = solveParameter(model, prepared.inputs, req.input);
      if (!param) {
        const known = solvableIds(model, prepared.inputs).map((x) => x.id);
        throw appError(400, `"${req.input}" cannot be solved for: choose a number or distribution input, or a table row (${known.slice(0, 4).join(", ")}, …).`, { input: "Not a solvable input." });
      }
      const metric = parseMetric(req.target.metric)!;
      const run = program
        ? (runs: Inputs[]) => evaluateSquiggle(program, prepared.options, metric, runs, owner)
        : (runs: Inputs[]) => evaluate(model.id, prepared.options, metric, runs);
      const key = `solve:${model.id}@${model.version}:${prepared.inputsHash}:${prepared.options.seed}:${prepared.options.sampleCount}:${req.input}:${metricKey(metric)}:${req.target.value}`;
      const outcome = await remember(key, () => solveFor(param, prepared.inputs, { metric, value: req.target.value }, run));
      return { ...outcome, seed: prepared.options.seed, sampleCount: prepared.options.sampleCount, modelVersion: model.version };
    },

    /** Attribution between two stored forecasts of one model, on the first one's seed. */
    async attributeForecasts(a: number, b: number): Promise<AttributionRecord | null> {
      const fa = await loadForAnalysis(a);
      const fb = await loadForAnalysis(b);
      if (fa.model.id !== fb.model.id) return null;
      if (fa.program || fb.program) {
        // Two Squiggle forecasts share players only when they run one program; each Shapley
        // run is a sandbox run, so only a few changed parameters are attributed.
        if (fa.program?.hash !== fb.program?.hash || !fa.result) return null;
        if (playersOf(fa.model, fa.inputs, fb.inputs).length > SQUIGGLE_MAX_PLAYERS) return null;
      }
      const key = `attr:${fa.model.id}@${fa.model.version}:${fa.inputsHash}:${fb.inputsHash}:${fa.options.seed}:${fa.options.sampleCount}`;
      return remember(key, () => attribute(fa.model, fa.inputs, fb.inputs, fa.options, fa.result, fa.run));
    },

    /** The result of a forecast's inputs on another forecast's seed (for comparing across seeds). */
    async onSeed(id: number, options: ComputeOptions): Promise<ForecastResult | null> {
      const f = await loadForAnalysis(id);
      const c = await forecasts.compute(f.model.id, f.inputs, { seed: options.seed, sampleCount: options.sampleCount, ...(f.program ? { source: f.program.source } : {}) });
      return c.result;
    },
  };
}
export type AnalysisService = ReturnType<typeof createAnalysisService>;
