// Forks: a reply's forecast made by changing some of a parent forecast's inputs. This module
// checks the parent, computes the fork and how much of its headline shift each changed input
// explains on its own (the crux), before the write transaction stores it with the comment.
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { first, type Store } from "../../db/store";
import { communitySpec, describeShift, overlaySpec, phoneSpec } from "../charts/index";
import { poolCdfs } from "../forecast/pool";
import { answerInputOf, answerQuestion, cdfOf, CODE_CHANGE, diffInputs, formatHeadline, formatInputValue, getModel, literalInputs, skeleton, SQUIGGLE_MODEL_ID, type ForecastResult, type Inputs } from "../forecast/index";
import { renderSvgCached } from "../utils/chart-svg.server";
import { versionedUrl } from "../utils/asset-version.server";
import { memo } from "../utils/memo.server";
import { appError, conflict, isAppError, notFound } from "../utils/errors";
import type { ForecastRow, ForecastService } from "./forecasts.server";
import type { AnalysisService } from "./analysis.server";
import { spreadOf } from "./spread.server";
import { presentFork } from "./fork-view.server";
import { drawOrNull } from "./forecast-view.server";
import type { Clock } from "./clock";
import { authorize, loadThread } from "./guard.server";
import type { AttributionRecord, CommunityView, ComputedForecast, ForkPresentation, LegacyAttribution, LineageStep, SpreadView } from "./types";
import { commentVisibility, PUBLIC_COMMENT_STATUSES, type Viewer } from "../discussion/permissions";

export interface PreparedFork {
  computed: ComputedForecast;
  parentForecastId: number;
  rationales: Record<string, string>;
  /**
   * Shapley attribution of the shift from the parent (ADR 017); a Squiggle fork's changes one
   * at a time instead (ADR 018); null when nothing to split.
   */
  attribution: AttributionRecord | LegacyAttribution[] | null;
  /** Whose forecast is forked, and what the fork does to it in words: for their notification. */
  parentAuthorId: number;
  shift: string;
  /** A quick forecast's answer: who asked the question, and this answer against the asker's. */
  question?: { askerId: number; text: string; shift: string };
}

/**
 * What a fork cannot change (a question) it need not send: taken from the parent when absent.
 * Everything else is read as the editor sends it, relative to the model's defaults. (The
 * editor leaves out values equal to a default, so a fork that "changes" a fixed input to the
 * model's default keeps the parent's without a refusal: the outcome a refusal would ask for.)
 */
function withFixedInputs(modelId: string, overrides: unknown, parentInputs: Inputs): unknown {
  const model = getModel(modelId);
  if (!model || typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) return overrides;
  const out: Record<string, unknown> = { ...(overrides as Record<string, unknown>) };
  for (const def of model.inputs) if (def.fixedInForks && !Object.hasOwn(out, def.name) && Object.hasOwn(parentInputs, def.name)) out[def.name] = parentInputs[def.name];
  return out;
}

/** Past this many changes, measuring each on its own would cost too many sandbox runs for one reply. */
const MAX_SQUIGGLE_ATTRIBUTED = 12;

/**
 * A Squiggle fork's changes one at a time, applied to the parent on the same draws: each
 * changed parameter the parent's program has, and the code change (the fork's program with the
 * parent's values for the parameters both have). Stored in the per-change form the fork card
 * reads ({name, label, alone}); the engine's Shapley attribution needs its worker pool.
 */
async function squiggleAttribution(
  forecasts: ForecastService,
  c: { parent: ForecastRow; parentInputs: Inputs; parentSource: string; computed: ComputedForecast; changed: { name: string; label: string }[]; codeChanged: boolean; crn: { seed: number; sampleCount: number; owner?: string } },
): Promise<LegacyAttribution[] | null> {
  const { parentInputs, computed } = c;
  const parentModel = await forecasts.modelOf(c.parent);
  const headline = async (inputs: Inputs, source: string) => (await forecasts.compute(SQUIGGLE_MODEL_ID, inputs, { ...c.crn, source })).result.headlines[0]?.value ?? null;
  const alone: { name: string; label: string; run: () => Promise<number | null> }[] = [];
  for (const d of c.changed) {
    if (parentModel?.inputs.some((i) => i.name === d.name)) alone.push({ name: d.name, label: d.label, run: () => headline({ ...parentInputs, [d.name]: computed.inputs[d.name]! }, c.parentSource) });
  }
  if (c.codeChanged) {
    const shared = Object.fromEntries(computed.model.inputs.filter((i) => Object.hasOwn(parentInputs, i.name)).map((i) => [i.name, parentInputs[i.name]!]));
    alone.push({ name: CODE_CHANGE, label: "The code change", run: () => headline(shared, computed.program!.source) });
  }
  const total = c.changed.length + (c.codeChanged ? 1 : 0);
  if (total === 1 && alone.length === 1) return [{ name: alone[0]!.name, label: alone[0]!.label, alone: computed.result.headlines[0]?.value ?? null }];
  if (total <= 1 || total > MAX_SQUIGGLE_ATTRIBUTED) return null;
  const out: LegacyAttribution[] = [];
  for (const a of alone) {
    // A change that does not fit the other program on its own (a parameter whose kind the code changed) is left out.
    const value = await a.run().catch((e: unknown) => (isAppError(e) && e.status < 500 ? undefined : Promise.reject(e)));
    if (value !== undefined) out.push({ name: a.name, label: a.label, alone: value });
  }
  return out;
}


async function poolForks(forecasts: ForecastService, own: ForecastResult, rows: { id: number; authorId: number }[]) {
  const latest = new Map<number, number>();
  for (const r of rows) latest.set(r.authorId, r.id);
  const all = [];
  for (const r of rows) {
    const loaded = await forecasts.load(r.id);
    if (loaded.result) all.push({ id: r.id, result: loaded.result });
  }
  const latestIds = new Set(latest.values());
  const aggregate = poolCdfs(all.filter((f) => latestIds.has(f.id)).map((f) => f.result));
  return { own, all, aggregate, authors: latest.size };
}

export function createForkService(store: Store, now: Clock, forecasts: ForecastService, analysis: AnalysisService) {
  const { db, t } = store;
  const pool = (own: ForecastResult, rows: { id: number; authorId: number }[]) => poolForks(forecasts, own, rows);
  // Kept per service: post, comment and forecast ids name rows of this store only.
  const communityViews = memo<CommunityView>(256);
  const forkViews = memo<ForkPresentation | null>(1024);
  const { users, comments, forecasts: forecastsTable } = t;
  // The two reads every view of a thread with forks makes. The public forks carry what both
  // the community aggregate and the Assumptions view need, so the page reads them once.
  const publicForks = db
    .select({ id: forecastsTable.id, commentId: forecastsTable.commentId, authorId: forecastsTable.authorId, name: users.displayName, inputs: forecastsTable.inputs, createdAt: forecastsTable.createdAt, programHash: forecastsTable.programHash })
    .from(forecastsTable)
    .innerJoin(users, eq(users.id, forecastsTable.authorId))
    .innerJoin(comments, eq(comments.id, forecastsTable.commentId))
    .where(and(eq(forecastsTable.postId, sql.placeholder("postId")), inArray(comments.status, PUBLIC_COMMENT_STATUSES), eq(forecastsTable.modelId, sql.placeholder("modelId"))))
    .orderBy(forecastsTable.id)
    .prepare("public_forks");
  // Each fork says whether its author already rebased it: a same-author reply under it forks
  // the post's current forecast. Asked in the same statement, so the thread makes one round trip.
  const later = alias(forecastsTable, "later");
  const laterComment = alias(comments, "later_comment");
  const rebasedByAuthor = db
    .select({ one: sql`1` })
    .from(later)
    .innerJoin(laterComment, eq(laterComment.id, later.commentId))
    .where(and(eq(later.postId, forecastsTable.postId), eq(later.parentForecastId, sql.placeholder("postForecastId")), eq(laterComment.parentId, comments.id), eq(laterComment.authorId, comments.authorId)));
  const forksOfPost = db
    .select({
      id: forecastsTable.id,
      commentId: forecastsTable.commentId,
      authorId: forecastsTable.authorId,
      status: comments.status,
      rebased: sql<number>`case when ${comments.forecastId} is not null and exists ${rebasedByAuthor} then 1 else 0 end`,
    })
    .from(forecastsTable)
    .innerJoin(comments, eq(comments.id, forecastsTable.commentId))
    .where(eq(forecastsTable.postId, sql.placeholder("postId")))
    .prepare("forks_of_post");
  /** Fixed by which forks there are (their rows never change): drawn once per set of forks. */
  const communityOf = (postId: number, postForecastId: number, ownResult: ForecastResult, rows: { id: number; authorId: number }[]) => {
    const key = `community:${postForecastId}:${rows.map((r) => `${r.id}/${r.authorId}`).join(",")}`;
    return communityViews(`${postId}:${key}`, async () => {
      const { own, all, aggregate, authors } = await pool(ownResult, rows);
      const median = aggregate?.headlines.find((h) => h.key === "median");
      const description = `${all.length} ${all.length === 1 ? "fork" : "forks"} by ${authors} ${authors === 1 ? "author" : "authors"}; community aggregate median ${median ? formatHeadline(median) : "not reached"}.`;
      const results = all.map((f) => f.result);
      const svg = await drawOrNull(key, communitySpec(own, results, aggregate, { compact: true }), description);
      const svgNarrow = await drawOrNull(`${key}:phone`, phoneSpec((options) => communitySpec(own, results, aggregate, options)), description);
      const cdf = aggregate ? cdfOf(aggregate) : null;
      const svgUrl = svg === null ? null : versionedUrl(`/api/posts/${postId}/community.svg`, svg);
      const svgNarrowUrl = svgNarrow === null ? null : versionedUrl(`/api/posts/${postId}/community.phone.svg`, svgNarrow);
      if (cdf) Object.freeze(cdf);
      return Object.freeze({ svg, svgUrl, svgNarrow, svgNarrowUrl, description, aggregate: aggregate?.headlines ?? [], forks: all.length, authors, cdf, postId });
    });
  };
  return {
    /**
     * `source`: a Squiggle fork's program when it changes the code (a code fork); parameter
     * forks leave it out and keep the parent's. Squiggle forks share the parent's seed.
     */
    async prepare(postId: number, parentForecastId: number, overrides: unknown, rationales: Record<string, string>, opts: { source?: string; owner?: string } = {}): Promise<PreparedFork> {
      const parent = await forecasts.row(parentForecastId).catch(() => {
        throw notFound("The forecast you are forking");
      });
      if (parent.postId !== postId) throw appError(400, "That forecast belongs to another post's thread; fork it on its own page.");
      if (parent.commentId !== null) {
        const host = await db.select({ status: comments.status }).from(comments).where(eq(comments.id, parent.commentId)).then(first);
        if (!host || host.status !== "visible") throw conflict("That forecast sits on a deleted comment; fork the post's forecast or another fork instead.");
      }
      const parentLoaded = await forecasts.load(parentForecastId);
      const parentInputs = parentLoaded.inputs;
      const squiggle = parent.modelId === SQUIGGLE_MODEL_ID;
      const parentProgram = await forecasts.programOf(parent);
      if (squiggle && !parentProgram) throw conflict("This forecast's Squiggle program is missing; it cannot be forked.");
      let source = squiggle ? (opts.source ?? parentProgram!.source) : undefined;
      let partial = overrides;
      if (squiggle && source !== parentProgram!.source) {
        // Code that differs from the parent's only in parameter values is a parameter fork.
        const edited = await forecasts.squiggleProgram(source, opts.owner ?? "system");
        if (skeleton(edited.source, edited.analysis) === skeleton(parentProgram!.source, parentProgram!.analysis)) {
          const given = typeof overrides === "object" && overrides !== null && !Array.isArray(overrides) ? (overrides as Record<string, unknown>) : {};
          partial = { ...literalInputs(edited.analysis), ...given };
          source = parentProgram!.source;
        }
      }
      // A fork runs on its parent's seed and sample count (common random numbers, ADR 016):
      // the difference between the two is the effect of the changed inputs, not of the draws.
      const crn = { seed: parent.seed, sampleCount: parent.sampleCount, owner: opts.owner };
      const computed = await forecasts.compute(parent.modelId, withFixedInputs(parent.modelId, partial, parentInputs), { base: parentInputs, ...crn, ...(source !== undefined ? { source } : {}) });
      const codeChanged = squiggle && computed.program?.hash !== parentProgram!.hash;
      const changed = diffInputs(computed.model, parentInputs, computed.inputs);
      // An answer keeps the question it answers; a different question is a new one, asked in a reply.
      const fixed = changed.filter((d) => computed.model.inputs.find((i) => i.name === d.name)?.fixedInForks);
      if (fixed.length) {
        const names = fixed.map((d) => d.label.toLowerCase()).join(" and ");
        throw appError(400, `An answer keeps the question as it was asked, so its ${names} cannot change. To ask something else, reply with a question of your own.`, Object.fromEntries(fixed.map((d) => [d.name, `Keep the ${d.label.toLowerCase()} as asked.`])));
      }
      // Agreeing is an answer too: a quick forecast's fork may repeat its parent's number.
      if (changed.length === 0 && !codeChanged && !computed.model.quick) throw appError(400, "This fork changes no inputs; change at least one assumption, or reply without a fork.", { "": "Change at least one input." });

      const keep = new Set(changed.map((d) => d.name));
      const cleanRationales: Record<string, string> = Object.create(null);
      for (const [name, text] of Object.entries(rationales)) if ((keep.has(name) || (codeChanged && name === CODE_CHANGE)) && text.trim()) cleanRationales[name] = text.trim().slice(0, 200);

      // Each change's share of the shift, on the fork's own draws: the ends are the parent (as
      // the current model version computes it on this seed) and the fork itself. A Squiggle
      // program runs in the sandbox, not the engine's pool: its changes are measured one at a time.
      const attribution = squiggle
        ? await squiggleAttribution(forecasts, { parent, parentInputs, parentSource: parentProgram!.source, computed, changed, codeChanged, crn })
        : await analysis.attribute(computed.model, parentInputs, computed.inputs, computed.options, parentLoaded.result);
      const parentResult = parentLoaded.result;
      const shift = parentResult ? describeShift(parentResult, computed.result) : "";
      const prepared: PreparedFork = { computed, parentForecastId, rationales: cleanRationales, attribution, parentAuthorId: parent.authorId, shift };
      if (computed.model.quick) {
        let root = parent;
        for (let i = 0; i < 500 && root.parentForecastId !== null; i++) root = await forecasts.row(root.parentForecastId);
        const rootResult = root.id === parent.id ? parentResult : (await forecasts.load(root.id)).result;
        const text = String((JSON.parse(root.inputs) as Inputs).question ?? "");
        prepared.question = { askerId: root.authorId, text, shift: rootResult ? describeShift(rootResult, computed.result) : shift };
      }
      return prepared;
    },

    /**
     * A stale fork's changes reapplied on the post's current forecast, prepared as a new fork
     * (the old one stays). Only its author may rebase it.
     */
    async prepareRebase(post: { id: number; forecastId: number | null }, commentId: number, userId: number): Promise<PreparedFork> {
      const comment = await db.select().from(comments).where(eq(comments.id, commentId)).then(first);
      if (!comment || comment.postId !== post.id || comment.forecastId === null) throw notFound("That fork");
      await authorize(db, t, userId, "rebase:fork", { ownerId: comment.authorId, thread: await loadThread(db, t, post.id, userId) }, now());
      if (comment.status !== "visible") throw conflict("That fork was deleted.");
      const fork = await forecasts.row(comment.forecastId);
      if (post.forecastId === null) throw conflict("The post no longer has a forecast to rebase onto.");
      if (fork.parentForecastId === post.forecastId) throw conflict("This fork is already based on the current forecast.");
      // A rebase is a reply to the old fork whose forecast forks the current one: once is enough.
      const done = await db
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(forecastsTable, eq(forecastsTable.id, comments.forecastId))
        .where(and(eq(comments.parentId, commentId), eq(comments.authorId, userId), eq(comments.status, "visible"), eq(forecastsTable.parentForecastId, post.forecastId)))
        .then(first);
      if (done) throw conflict("You already rebased this fork onto the current forecast; see the reply below it.");
      const oldParent = fork.parentForecastId === null ? null : await forecasts.row(fork.parentForecastId);
      if (!oldParent || oldParent.commentId !== null) throw conflict("Only forks of the post's own forecast can be rebased.");
      const current = await forecasts.row(post.forecastId);
      if (current.modelId !== fork.modelId) throw conflict("The post's forecast now uses another model; fork it afresh.");
      const model = await forecasts.modelOf(fork);
      if (!model) throw conflict("This fork's model is no longer available.");
      if (fork.programHash !== oldParent.programHash) throw conflict("This fork changed the program's code, which cannot be reapplied automatically; fork the current version afresh.");
      const currentModel = await forecasts.modelOf(current);
      const forkInputs = JSON.parse(fork.inputs) as Inputs;
      const rebased = JSON.parse(current.inputs) as Inputs;
      for (const d of diffInputs(model, JSON.parse(oldParent.inputs) as Inputs, forkInputs)) {
        // A parameter the current program no longer has cannot carry the change.
        if (currentModel?.inputs.some((i) => i.name === d.name)) rebased[d.name] = forkInputs[d.name]!;
      }
      const program = await forecasts.programOf(current);
      return this.prepare(post.id, current.id, rebased, JSON.parse(fork.rationales) as Record<string, string>, program ? { source: program.source, owner: `user:${userId}` } : {});
    },

    /** The chain from the post's forecast down to this one, oldest first; forks the reader may not see stay as bare steps. */
    async lineage(forecastId: number, viewer: Viewer): Promise<{ postId: number | null; steps: LineageStep[] }> {
      await forecasts.readable(forecastId, viewer);
      const steps: LineageStep[] = [];
      const seen = new Set<number>();
      let id: number | null = forecastId;
      let postId: number | null = null;
      while (id !== null && !seen.has(id) && steps.length < 200) {
        seen.add(id);
        const { row, model, inputs, result } = await forecasts.load(id);
        postId = row.postId;
        id = row.parentForecastId;
        const host = row.commentId === null ? null : await db.select({ status: comments.status }).from(comments).where(eq(comments.id, row.commentId)).then(first);
        if (host && commentVisibility(viewer, host) === "hidden") {
          steps.unshift({ forecastId: row.id, kind: "fork", hidden: true, authorName: "", commentId: null, headline: "", changed: [] });
          continue;
        }
        const author = await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.authorId)).then(first);
        const parentInputs = row.parentForecastId ? (JSON.parse((await forecasts.row(row.parentForecastId)).inputs) as Inputs) : null;
        const h = result?.headlines[0];
        steps.unshift({
          forecastId: row.id,
          kind: row.commentId === null ? "post" : "fork",
          hidden: false,
          authorName: author?.name ?? "someone",
          commentId: row.commentId,
          headline: h ? `${h.label}: ${formatHeadline(h)}` : "result unavailable",
          changed: model && parentInputs ? diffInputs(model, parentInputs, inputs).map((d) => `${d.label}: ${d.fromText} → ${d.toText}`) : [],
        });
      }
      return { postId, steps };
    },

    /**
     * Every fork of a post's thread with inputs, outputs, author, time and lineage (exports, panel).
     * Year headlines carry their fractional year too; a reader's question (?year=, ?p=) is answered per fork.
     */
    async exportForPost(postId: number, asked: { year?: number; p?: number } = {}) {
      const rows = await db
        .select({ f: forecastsTable, handle: users.handle, name: users.displayName })
        .from(forecastsTable)
        .innerJoin(users, eq(users.id, forecastsTable.authorId))
        .innerJoin(comments, eq(comments.id, forecastsTable.commentId))
        .where(and(eq(forecastsTable.postId, postId), inArray(comments.status, PUBLIC_COMMENT_STATUSES)))
        .orderBy(forecastsTable.id);
      const out = [];
      for (const { f, handle, name } of rows) {
        const { result } = await forecasts.load(f.id);
        const inputs = JSON.parse(f.inputs) as Inputs;
        const model = getModel(f.modelId);
        const answerDef = model ? answerInputOf(model) : undefined;
        let question: { forecastId: number; answer: string } | null = null;
        if (answerDef) {
          let root = f;
          for (let i = 0; i < 500 && root.parentForecastId !== null; i++) root = await forecasts.row(root.parentForecastId);
          question = { forecastId: root.id, answer: formatInputValue(answerDef, inputs[answerDef.name] ?? answerDef.default) };
        }
        out.push({
          forecastId: f.id,
          commentId: f.commentId,
          author: { handle, displayName: name },
          createdAt: new Date(f.createdAt).toISOString(),
          parentForecastId: f.parentForecastId,
          model: { id: f.modelId, version: f.modelVersion },
          provenance: { seed: f.seed, sampleCount: f.sampleCount, inputsHash: f.inputsHash },
          changed: Object.keys(JSON.parse(f.overrides) as Inputs),
          rationales: JSON.parse(f.rationales) as Record<string, string>,
          inputs,
          headlines: Object.fromEntries((result?.headlines ?? []).map((h) => [h.key, h.value])),
          /** Quick forecasts: the question this fork answers (its root forecast) and the answer as stated. */
          question,
          fractional: Object.fromEntries((result?.headlines ?? []).filter((h) => h.fractional !== undefined).map((h) => [h.key, h.fractional!])),
          /** The reader's own question (?year=, ?p=), answered from this fork's curve. */
          ...(result && (asked.year !== undefined || asked.p !== undefined) ? { yourQuestion: answerQuestion(result, asked) } : {}),
        });
      }
      return out;
    },

    /**
     * The thread's view of the post's forecast: every fork as a thin line and the community
     * aggregate (each author's latest fork, weighted equally) as a bold one. Only for models
     * whose result is a CDF over years.
     */
    async community(postId: number, postForecastId: number | null): Promise<CommunityView | null> {
      const found = await this.forkRows(postId, postForecastId);
      return found && communityOf(postId, postForecastId!, found.own, found.rows);
    },

    /**
     * The community aggregate and the Assumptions view of a post's thread, from one read of its
     * public forks. The spread is asked of every model; the aggregate needs an arrival-year curve.
     */
    async threadViews(postId: number, postForecastId: number | null): Promise<{ community: CommunityView | null; spread: SpreadView | null }> {
      const none = { community: null, spread: null };
      if (postForecastId === null) return none;
      const own = await forecasts.load(postForecastId);
      const model = own.model;
      if (!model) return none;
      const rows = await publicForks.execute({ postId, modelId: own.row.modelId });
      if (rows.length === 0) return none;
      const poolable = own.result?.series.cdf && !model.quick ? own.result : null;
      const [community, spread] = await Promise.all([poolable ? communityOf(postId, postForecastId, poolable, rows) : null, spreadOf(store, { row: own.row, model }, rows)]);
      return { community, spread };
    },

    /**
     * The thread's forks of the post's forecast and their pooled aggregate (each author's latest
     * fork, weighted equally). null when the post's forecast has no arrival-year CDF or no forks.
     */
    async aggregate(postId: number, postForecastId: number | null) {
      const found = await this.forkRows(postId, postForecastId);
      return found && pool(found.own, found.rows);
    },

    /** The post forecast's result and the rows of its public forks, oldest first; null when there is nothing to pool. */
    async forkRows(postId: number, postForecastId: number | null) {
      if (postForecastId === null) return null;
      const own = await forecasts.load(postForecastId);
      // A quick question's thread view is its answers and their aggregate (questions.server.ts).
      if (!own.result?.series.cdf || own.model?.quick) return null;
      const rows = await publicForks.execute({ postId, modelId: own.row.modelId });
      return rows.length === 0 ? null : { own: own.result, rows };
    },

    /** The fork drawn over its parent, as SVG (served at /api/forecasts/:id.overlay.svg, and .overlay.phone.svg). */
    async overlaySvg(forecastId: number, viewer: Viewer, layout: "wide" | "phone" = "wide"): Promise<string> {
      await forecasts.readable(forecastId, viewer);
      const fork = await forecasts.load(forecastId);
      if (!fork.row.parentForecastId || !fork.result) throw notFound("That fork");
      const parent = await forecasts.load(fork.row.parentForecastId);
      if (!parent.result) throw notFound("That fork's parent forecast");
      const author = (await db.select({ name: users.displayName }).from(users).where(eq(users.id, fork.row.authorId)).then(first))?.name ?? "a reader";
      const shift = fork.row.shift ?? describeShift(parent.result, fork.result);
      const labels = fork.model?.quick ? { parent: "Replied to", fork: `Answer by ${author}` } : { parent: "Parent forecast", fork: `Fork by ${author}` };
      const parentResult = parent.result;
      const forkResult = fork.result;
      const spec = layout === "phone" ? phoneSpec((options) => overlaySpec(parentResult, forkResult, labels, options)) : overlaySpec(parentResult, forkResult, labels, { compact: true });
      return renderSvgCached(`overlay:${fork.row.parentForecastId}:${forecastId}:${layout}`, spec, { label: shift });
    },

    /**
     * Every fork in a post's thread that this reader may see, presented, keyed by the comment
     * that carries it. `authors` may still be on its way (the page reads the comments
     * alongside): only the presentation waits for it.
     */
    async presentForPost(postId: number, currentPostForecastId: number | null, authors: Map<number, string> | Promise<Map<number, string>>, viewer: Viewer): Promise<Record<number, ForkPresentation>> {
      const rows = (await forksOfPost.execute({ postId, postForecastId: currentPostForecastId })).filter((r) => commentVisibility(viewer, r) !== "hidden");
      const names = await authors;
      const out: Record<number, ForkPresentation> = {};
      for (const r of rows) {
        const authorName = names.get(r.authorId) ?? "a reader";
        // A fork's presentation is fixed by its row and its parent's (both immutable), which post
        // version is current, its author's name, and whether it was rebased: the key holds all four.
        const wasRebased = Number(r.rebased) === 1;
        const p = await forkViews(`${r.id}:${currentPostForecastId}:${authorName}:${wasRebased}`, async () => {
          const view = await presentFork(forecasts, r.id, { currentPostForecastId, authorName });
          return view && Object.freeze({ ...view, rebased: wasRebased });
        });
        if (p && r.commentId !== null) out[r.commentId] = p;
      }
      return out;
    },
  };
}

