import { and, eq } from "drizzle-orm";
import { first, single, type Database, type Store, type Tables } from "../../db/store";
import { commentVisibility, type Viewer } from "../discussion/permissions";
import { answerQuestion, canonicalJson, cdfOf, diffInputs, getModel, prepareRun, type QuestionAnswer, type ComputeOptions, type EvaluateTask, type ForecastModel, type ForecastResult, type Inputs, type RunOutcome } from "../forecast/index";
import { appError, notFound } from "../utils/errors";
import { describeResult, describeShift, forecastSpec, overlaySpec, phoneSpec, type ChartOptions } from "../charts/index";
import type { TopLevelSpec } from "vega-lite";
import { renderSvgCached } from "../utils/chart-svg.server";
import { modelDefinitions, seriesCsv } from "./model-definitions.server";
import { presentForecast } from "./forecast-view.server";
import type { Clock } from "./clock";
import type { MarkdownTask, RenderedMarkdown } from "./render.server";
import type { ComputedForecast, ForecastPresentation, StoredProgram } from "./types";
import { applyInputs, prepareSquiggleRun, SQUIGGLE_MODEL_ID, SQUIGGLE_VERSION } from "../forecast/squiggle/index";
import { SYSTEM_OWNER, type SquiggleService } from "./squiggle.server";

export interface ComputeTask {
  modelId: string;
  inputs: Inputs;
  options: ComputeOptions;
}
export interface ComputeReply {
  outcome: RunOutcome;
  ms: number;
}
/** Runs models and Markdown renders off the request thread (server/compute-pool.ts). */
export interface ComputeRunner {
  run(task: ComputeTask): Promise<ComputeReply>;
  /** Many runs on one seed and sample count, one metric read from each (analyses). */
  evaluate(task: EvaluateTask): Promise<(number | null)[]>;
  render(task: MarkdownTask): Promise<RenderedMarkdown>;
}

export interface ComputeOpts {
  sampleCount?: number;
  seed?: number;
  /** What `overrides` are measured against (a fork's parent inputs); the model defaults otherwise. */
  base?: Inputs;
  /** Squiggle: the program's text. */
  source?: unknown;
  /** Squiggle: who asked (a user id or an address), for the sandbox's per-owner cap. */
  owner?: string;
}

export type ForecastRow = Tables["forecasts"]["$inferSelect"];

/** Inputs that differ from a base set (the model defaults, or the parent's inputs). */
function overridesOf(model: ForecastModel, inputs: Inputs, base: Inputs): Inputs {
  const changed = new Set(diffInputs(model, base, inputs).map((d) => d.name));
  const out: Inputs = Object.create(null);
  for (const name of changed) out[name] = inputs[name]!;
  return out;
}

const defaultsOf = (model: ForecastModel): Inputs => Object.fromEntries(model.inputs.map((i) => [i.name, i.default]));

const inputErrors = (errors: { path: string; message: string }[]) =>
  appError(400, errors.map((e) => e.message).join("; "), Object.fromEntries(errors.map((e) => [e.path || "inputs", e.message])));

export type ChartLayout = "wide" | "phone";

/**
 * A preview's chart at both of the editor's widths: the wide drawing where the preview spans the
 * editor, the phone one where it sits beside the inputs or on a phone, so its text stays
 * readable (docs/decisions/025). A drawing that fails is left out, not an error.
 */
async function previewCharts(key: string, build: (options: ChartOptions) => TopLevelSpec, wide: ChartOptions, label: string): Promise<{ svg: string | null; narrowSvg: string | null }> {
  const draw = (k: string, spec: () => TopLevelSpec) => Promise.resolve().then(() => renderSvgCached(k, spec(), { label })).catch(() => null);
  const [svg, narrowSvg] = await Promise.all([draw(key, () => build(wide)), draw(`${key}:phone`, () => phoneSpec(build))]);
  return { svg, narrowSvg };
}

function chartSpec(result: ForecastResult, layout: ChartLayout) {
  return layout === "phone" ? phoneSpec((options) => forecastSpec(result, options)) : forecastSpec(result);
}

export function createForecastService(store: Store, now: Clock, runner: ComputeRunner, squiggle: SquiggleService) {
  const { db, t } = store;
  const { comments, forecasts, forecastResults } = t;
  // Parsed results by their immutable key. A thread page reads every fork's result, and its
  // parent's, for the cards, the community view and the spread: parsing each stored JSON
  // (tens of KB) on every request was most of a busy thread's render time. Callers only read.
  const parsed = new Map<string, { result: ForecastResult; computeMs: number }>();
  const PARSED_CAP = 256;
  const rows = new Map<number, ForecastRow>();
  const ROW_CAP = 2048;
  // Previews are never stored: anyone may ask for any number of them. Their results wait here,
  // least recently used first out, in case the author publishes what they previewed.
  const previews = new Map<string, { result: ForecastResult; computeMs: number }>();
  const PREVIEW_CAP = 64;
  const keyOf = (modelId: string, modelVersion: number, inputsHash: string, options: ComputeOptions) => `${modelId}@${modelVersion}:${inputsHash}:${options.seed}:${options.sampleCount}`;
  const previewed = (key: string) => {
    const known = previews.get(key);
    if (known) {
      previews.delete(key);
      previews.set(key, known);
    }
    return known ?? null;
  };
  const cachedResult = async (modelId: string, modelVersion: number, inputsHash: string, options: ComputeOptions): Promise<{ result: ForecastResult; computeMs: number } | null> => {
    const key = keyOf(modelId, modelVersion, inputsHash, options);
    const known = parsed.get(key);
    if (known) {
      parsed.delete(key);
      parsed.set(key, known);
      return known;
    }
    const hit = await db.select().from(forecastResults).where(resultKey(modelId, modelVersion, inputsHash, options)).then(first);
    if (!hit) return null;
    const entry = { result: JSON.parse(hit.result) as ForecastResult, computeMs: hit.computeMs };
    parsed.set(key, entry);
    if (parsed.size > PARSED_CAP) parsed.delete(parsed.keys().next().value as string);
    return entry;
  };

  const resultKey = (modelId: string, modelVersion: number, inputsHash: string, options: ComputeOptions) =>
    and(
      eq(forecastResults.modelId, modelId),
      eq(forecastResults.modelVersion, modelVersion),
      eq(forecastResults.inputsHash, inputsHash),
      eq(forecastResults.seed, options.seed),
      eq(forecastResults.sampleCount, options.sampleCount),
    );

  // Identical inputs are stored once: a concurrent twin may have stored it first. Only for
  // forecasts that are stored (insert(), load()); a computed result waits in memory until then.
  const storeResult = async (modelId: string, modelVersion: number, inputsHash: string, options: ComputeOptions, result: ForecastResult, ms: number) =>
    await store.write((tx) => tx.insert(forecastResults)
      .values({ modelId, modelVersion, inputsHash, seed: options.seed, sampleCount: options.sampleCount, result: JSON.stringify(result), computeMs: Math.round(ms), createdAt: now() })
      .onConflictDoNothing());
  const rememberPreview = (key: string, result: ForecastResult, computeMs: number) => {
    previews.set(key, { result, computeMs });
    if (previews.size > PREVIEW_CAP) previews.delete(previews.keys().next().value as string);
  };

  const computeSquiggle = async (partial: unknown, opts: ComputeOpts): Promise<ComputedForecast> => {
    const owner = opts.owner ?? SYSTEM_OWNER;
    const program = await squiggle.program(opts.source, owner);
    const prepared = prepareSquiggleRun(program.source, program.analysis, partial, { sampleCount: opts.sampleCount, seed: opts.seed });
    if (!prepared.ok) throw inputErrors(prepared.errors);
    const { model, inputs, options, inputsHash } = prepared;
    const overrides = overridesOf(model, inputs, opts.base ?? defaultsOf(model));
    const key = keyOf(model.id, model.version, inputsHash, options);
    const hit = await cachedResult(model.id, model.version, inputsHash, options) ?? previewed(key);
    if (hit) return { model, inputs, overrides, options, inputsHash, result: hit.result, cached: true, computeMs: hit.computeMs, program };
    const { result, ms } = await squiggle.run(program, prepared.code, options, owner);
    rememberPreview(key, result, ms);
    return { model, inputs, overrides, options, inputsHash, result, cached: false, computeMs: ms, program };
  };

  return {
    /**
     * Validates, resolves and computes (or finds the cached result). Throws a 404 for an unknown
     * model, a 400 naming each bad field, 422 when the run exceeds its budget (or a Squiggle
     * program fails), 413 for a Squiggle program over the size cap, 503 when the pool is saturated.
     */
    async compute(modelId: string, partial: unknown, opts: ComputeOpts = {}): Promise<ComputedForecast> {
      if (modelId === SQUIGGLE_MODEL_ID) return computeSquiggle(partial, opts);
      // A model that does not exist is a missing resource, not a malformed field.
      if (!getModel(modelId)) throw appError(404, `There is no model “${modelId}”; GET /api/models lists the models there are.`);
      const asked: Partial<ComputeOptions> = {};
      if (opts.sampleCount !== undefined) asked.sampleCount = opts.sampleCount;
      if (opts.seed !== undefined) asked.seed = opts.seed;
      const prepared = prepareRun(modelId, partial, asked);
      if (!prepared.ok) throw inputErrors(prepared.errors);
      const { model, inputs, options, inputsHash } = prepared;
      const overrides = overridesOf(model, inputs, opts.base ?? defaultsOf(model));
      const key = keyOf(model.id, model.version, inputsHash, options);
      const hit = await cachedResult(model.id, model.version, inputsHash, options) ?? previewed(key);
      if (hit) return { model, inputs, overrides, options, inputsHash, result: hit.result, cached: true, computeMs: hit.computeMs, program: null };
      const reply = await runner.run({ modelId: model.id, inputs, options });
      if (!reply.outcome.ok) {
        const fields = Object.fromEntries(reply.outcome.errors.map((e) => [e.path || "inputs", e.message]));
        throw appError(422, reply.outcome.errors.map((e) => e.message).join("; "), fields);
      }
      const result = reply.outcome.result;
      // Stored only if published (insert() below); until then, kept in memory.
      rememberPreview(key, result, reply.ms);
      return { model, inputs, overrides, options, inputsHash, result, cached: false, computeMs: reply.ms, program: null };
    },

    /** Stores a computed forecast, and its result if not stored yet, inside the caller's write transaction. */
    async insert(
      tx: Database,
      c: ComputedForecast,
      meta: { authorId: number; postId: number | null; commentId?: number | null; parentForecastId?: number | null; rationales?: Record<string, string>; attribution?: object | null; shift?: string },
    ): Promise<number> {
      // Identical inputs are stored once: an earlier post or fork may have stored this result.
      await tx.insert(forecastResults)
        .values({ modelId: c.model.id, modelVersion: c.model.version, inputsHash: c.inputsHash, seed: c.options.seed, sampleCount: c.options.sampleCount, result: JSON.stringify(c.result), computeMs: Math.round(c.computeMs), createdAt: now() })
        .onConflictDoNothing();
      return await tx
        .insert(forecasts)
        .values({
          modelId: c.model.id,
          modelVersion: c.model.version,
          inputs: canonicalJson(c.inputs),
          overrides: canonicalJson(c.overrides),
          rationales: canonicalJson(meta.rationales ?? {}),
          attribution: meta.attribution ? JSON.stringify(meta.attribution) : "[]",
          shift: meta.shift ?? null,
          inputsHash: c.inputsHash,
          programHash: c.program?.hash ?? null,
          seed: c.options.seed,
          sampleCount: c.options.sampleCount,
          parentForecastId: meta.parentForecastId ?? null,
          postId: meta.postId,
          commentId: meta.commentId ?? null,
          authorId: meta.authorId,
          createdAt: now(),
        })
        .returning({ id: forecasts.id })
        .then((rows) => single(rows).id);
    },

    /**
     * The live preview: compute (or hit the cache) and draw, without storing a forecast. A fork's
     * preview (parentForecastId) runs on the parent's seed and sample count and is drawn over the
     * parent's curve, the same overlay its card will show. Squiggle previews (`source`) also say
     * what the program's inputs and output are, so the editor can build its form from the code.
     */
    async preview(modelId: string, partial: unknown, opts: { sampleCount?: number; parentInputs?: unknown; parentForecastId?: number; source?: unknown; owner?: string; viewer?: Viewer } = {}) {
      if (opts.parentForecastId !== undefined) return this.forkPreview(modelId, partial, opts.parentForecastId, { source: opts.source, owner: opts.owner }, opts.viewer ?? null);
      const c = await this.compute(modelId, partial, { sampleCount: opts.sampleCount, source: opts.source, owner: opts.owner });
      let shift: string | undefined;
      if (opts.parentInputs !== undefined) {
        const parent = await this.compute(modelId, opts.parentInputs, { sampleCount: opts.sampleCount });
        shift = describeShift(parent.result, c.result);
      }
      const description = describeResult(c.result);
      const charts = await previewCharts(`main:${c.model.id}:${c.model.version}:${c.inputsHash}:${c.options.seed}:${c.options.sampleCount}`, (options) => forecastSpec(c.result, options), {}, description);
      return { modelId: c.model.id, modelVersion: c.model.version, headlines: c.result.headlines, ...charts, description, shift, cached: c.cached, computeMs: Math.round(c.computeMs), seed: c.options.seed, sampleCount: c.options.sampleCount, ...programOfPreview(c) };
    },

    async forkPreview(modelId: string, partial: unknown, parentForecastId: number, sq: { source?: unknown; owner?: string }, viewer: Viewer) {
      // Only a parent this reader may see (commentVisibility); otherwise as if it did not exist.
      const parent = await Promise.resolve()
        .then(() => this.readable(parentForecastId, viewer))
        .then(() => this.load(parentForecastId))
        .catch(() => {
        throw notFound("The forecast you are forking");
      });
      if (parent.row.modelId !== modelId) throw appError(400, "The forecast you are forking uses another model.", { parentForecastId: "Another model." });
      const options = { seed: parent.row.seed, sampleCount: parent.row.sampleCount };
      const c = await this.compute(modelId, partial, { ...options, ...sq });
      // The parent as the current model version computes it on these draws (its stored result when that is the same thing).
      const parentProgram = await this.programOf(parent.row);
      const parentResult =
        parent.result && parent.row.modelVersion === c.model.version ? parent.result : (await this.compute(modelId, parent.inputs, { ...options, owner: sq.owner, ...(parentProgram ? { source: parentProgram.source } : {}) })).result;
      const shift = describeShift(parentResult, c.result);
      const labels = { parent: "Parent forecast", fork: "Your fork" };
      const charts = await previewCharts(`fork-preview:${parentForecastId}:${c.model.version}:${c.inputsHash}`, (options) => overlaySpec(parentResult, c.result, labels, options), { compact: true }, shift);
      return { modelId: c.model.id, modelVersion: c.model.version, headlines: c.result.headlines, ...charts, description: shift, shift, overlay: true, cached: c.cached, computeMs: Math.round(c.computeMs), seed: c.options.seed, sampleCount: c.options.sampleCount, ...programOfPreview(c) };
    },

    /** GET /api/models (model-definitions.server.ts). */
    definitions: modelDefinitions,

    /**
     * The row, if this reader may see it: a fork is readable exactly while the comment that
     * carries it is (commentVisibility); otherwise 404, as if it never existed.
     */
    async readable(id: number, viewer: Viewer): Promise<ForecastRow> {
      const row = await this.row(id);
      if (row.commentId !== null) {
        const host = await db.select({ status: comments.status }).from(comments).where(eq(comments.id, row.commentId)).then(first);
        if (!host || commentVisibility(viewer, host) === "hidden") throw notFound("That forecast");
      }
      return row;
    },

    /** GET /api/forecasts/:id: inputs, result and provenance; with ?year=/&p=, the reader's own question answered. */
    async document(id: number, viewer: Viewer, question: { year?: number; p?: number } = {}) {
      await this.readable(id, viewer);
      const { row, model, inputs, result } = await this.load(id);
      let answer: QuestionAnswer | undefined;
      if (question.year !== undefined || question.p !== undefined) {
        if (!result) throw appError(410, "This forecast's result is no longer available, so the question cannot be answered.");
        if (!cdfOf(result)) throw appError(400, "This forecast has no arrival-year curve to ask about.", { year: "No arrival-year curve." });
        answer = answerQuestion(result, question);
        const cdf = cdfOf(result)!;
        if (question.year !== undefined && answer.pByYear === null) {
          throw appError(400, `The year must be within the modelled years ${cdf[0]!.year}–${cdf[cdf.length - 1]!.year}.`, { year: `Choose a year from ${cdf[0]!.year} to ${cdf[cdf.length - 1]!.year}.` });
        }
      }
      const program = await this.programOf(row);
      return {
        id: row.id,
        model: { id: row.modelId, version: row.modelVersion, title: model?.title ?? row.modelId, current: model?.version === row.modelVersion },
        provenance: { modelVersion: row.modelVersion, seed: row.seed, sampleCount: row.sampleCount, inputsHash: row.inputsHash, ...(program ? { interpreter: `@quri/squiggle-lang ${SQUIGGLE_VERSION}` } : {}) },
        // `code` is what runs: the program with this forecast's inputs written in (a fork starts from it).
        ...(program ? { program: { hash: program.hash, source: program.source, code: applyInputs(program.source, program.analysis, inputs), inputs: program.model.inputs, output: program.analysis.output } } : {}),
        inputs,
        overrides: JSON.parse(row.overrides) as Inputs,
        rationales: JSON.parse(row.rationales) as Record<string, string>,
        parentForecastId: row.parentForecastId,
        postId: row.postId,
        commentId: row.commentId,
        createdAt: row.createdAt,
        result,
        ...(answer ? { question: answer } : {}),
        // An older model version stored these inputs: `inputs` are restated for today's version.
        ...(model && model.version !== row.modelVersion ? { storedInputs: JSON.parse(row.inputs) as Inputs, versionNote: model.versionNotes?.[row.modelVersion] ?? null } : {}),
      };
    },

    /** The chart as SVG: `phone` is its phone layout (the page's `urls.phoneSvg`; the same cache key as presentForecast's). */
    async svg(id: number, viewer: Viewer, layout: ChartLayout = "wide"): Promise<string> {
      await this.readable(id, viewer);
      const { row, result } = await this.load(id);
      if (!result) throw appError(410, "This forecast's result is no longer available.");
      const key = `main:${row.modelId}:${row.modelVersion}:${row.inputsHash}:${row.seed}:${row.sampleCount}`;
      return renderSvgCached(layout === "phone" ? `${key}:phone` : key, chartSpec(result, layout), { label: describeResult(result) });
    },

    /** Every chart series in long form: one row per point, a `series` column naming its series. */
    async csv(id: number, viewer: Viewer): Promise<string> {
      await this.readable(id, viewer);
      const { result } = await this.load(id);
      if (!result) throw appError(410, "This forecast's result is no longer available.");
      return seriesCsv(result);
    },

    /** The chart as a vega-lite spec, serialized exactly as the page's `urls.spec` was versioned. */
    async specJson(id: number, viewer: Viewer, layout: ChartLayout = "wide"): Promise<string> {
      await this.readable(id, viewer);
      const { result } = await this.load(id);
      if (!result) throw appError(410, "This forecast's result is no longer available.");
      return JSON.stringify(chartSpec(result, layout));
    },

    /**
     * Whether this forecast's assets may sit in shared caches: a post's forecast is public for
     * good (posts are never removed; an edit makes a new forecast), a fork only while its
     * comment stands, so a fork's are never shared (docs/decisions/023).
     */
    async shareable(id: number): Promise<boolean> {
      return (await this.row(id)).commentId === null;
    },

    /** Everything a page shows for a stored forecast. */
    async present(id: number, viewer: Viewer): Promise<ForecastPresentation> {
      await this.readable(id, viewer);
      const { row, model, inputs, result } = await this.load(id);
      const presented = await presentForecast(row, model, inputs, result);
      const code = await this.effectiveCode(row);
      return code === null ? presented : { ...presented, program: { code, interpreter: `@quri/squiggle-lang ${SQUIGGLE_VERSION}` } };
    },

    /** The model a stored forecast was made with: a built-in, or its own Squiggle program's. */
    async modelOf(row: ForecastRow): Promise<ForecastModel | undefined> {
      if (row.modelId !== SQUIGGLE_MODEL_ID) return getModel(row.modelId);
      return row.programHash ? (await squiggle.byHash(row.programHash))?.model : undefined;
    },

    /** A Squiggle forecast's program (null for built-ins). */
    async programOf(row: ForecastRow): Promise<StoredProgram | null> {
      return row.programHash ? await squiggle.byHash(row.programHash) : null;
    },

    /** What a Squiggle forecast runs: its program with its inputs written in. */
    async effectiveCode(row: ForecastRow): Promise<string | null> {
      const program = await this.programOf(row);
      return program ? applyInputs(program.source, program.analysis, JSON.parse(row.inputs) as Inputs) : null;
    },

    /** A Squiggle program, stored (and read by the sandbox) if new. */
    squiggleProgram(source: unknown, owner: string): Promise<StoredProgram> {
      return squiggle.program(source, owner);
    },

    /**
     * A stored forecast run again with some inputs changed, on its own seed and sample count:
     * common random numbers, so the difference is the change's effect. Cached like any run;
     * a Squiggle forecast's changes are written into its program.
     */
    async rerun(id: number, changes: Inputs, opts: { owner?: string } = {}): Promise<ComputedForecast> {
      const row = await this.row(id);
      const stored = JSON.parse(row.inputs) as Inputs;
      const program = await this.programOf(row);
      return this.compute(row.modelId, { ...stored, ...changes }, { base: stored, seed: row.seed, sampleCount: row.sampleCount, owner: opts.owner, ...(program ? { source: program.source } : {}) });
    },

    /** Forecast rows are written once and never changed (an edit makes a new one), so they cache safely. */
    async row(id: number): Promise<ForecastRow> {
      const known = rows.get(id);
      if (known) return known;
      const row = await db.select().from(forecasts).where(eq(forecasts.id, id)).then(first);
      if (!row) throw notFound("That forecast");
      if (rows.size >= ROW_CAP) rows.delete(rows.keys().next().value as number);
      rows.set(id, row);
      return row;
    },

    /**
     * A stored forecast with its result; recomputes (and re-caches) if the result row is gone.
     * `inputs` are restated for the current model version when an older one stored them
     * (model.migrate), so forks and comparisons read them in today's terms.
     */
    async load(id: number): Promise<{ row: ForecastRow; model: ForecastModel | undefined; inputs: Inputs; result: ForecastResult | null }> {
      const row = await this.row(id);
      const model = await this.modelOf(row);
      const stored = JSON.parse(row.inputs) as Inputs;
      const inputs = model && model.version !== row.modelVersion && model.migrate ? model.migrate(stored, row.modelVersion) : stored;
      const options = { seed: row.seed, sampleCount: row.sampleCount };
      const hit = await cachedResult(row.modelId, row.modelVersion, row.inputsHash, options);
      if (hit) return { row, model, inputs, result: hit.result };
      // A result for an older model version is gone for good once the code moved on.
      if (!model || model.version !== row.modelVersion) return { row, model, inputs, result: null };
      const program = await this.programOf(row);
      if (program) {
        const again = await computeSquiggle(stored, { source: program.source, ...options }).catch(() => null);
        if (again) await storeResult(row.modelId, row.modelVersion, row.inputsHash, options, again.result, again.computeMs);
        return { row, model, inputs, result: again?.result ?? null };
      }
      const reply = await runner.run({ modelId: row.modelId, inputs: stored, options });
      if (!reply.outcome.ok) return { row, model, inputs, result: null };
      await storeResult(row.modelId, row.modelVersion, row.inputsHash, options, reply.outcome.result, reply.ms);
      return { row, model, inputs, result: reply.outcome.result };
    },
  };
}
export type ForecastService = ReturnType<typeof createForecastService>;

/** What a Squiggle preview also says: the program's parameters and output, for the editor's form. */
function programOfPreview(c: ComputedForecast) {
  return c.program ? { program: { hash: c.program.hash, inputs: c.model.inputs, output: c.program.analysis.output } } : {};
}
