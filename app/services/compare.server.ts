// Compare any two: two forecasts of a thread (fork vs fork, across branches, a fork vs the
// post), or a forecast vs a thread's community aggregate. Overlay, input diff, and the
// attribution of the difference, all on one seed (ADR 016).
import { eq } from "drizzle-orm";
import { first, type Store } from "../../db/store";
import { describeShift, overlaySpec } from "../charts/index";
import { answerQuestion, cdfOf, CODE_CHANGE, diffInputs, formatHeadline, formatMetricValue, metricValue, type ForecastResult } from "../forecast/index";
import { codeDiff, diffSummary } from "../forecast/squiggle/code-diff";
import { drawOrNull, phoneVariant } from "./forecast-view.server";
import { appError, notFound } from "../utils/errors";
import type { Viewer } from "../discussion/permissions";
import { presentAttribution, type AnalysisService } from "./analysis.server";
import type { ForecastService } from "./forecasts.server";
import type { createForkService } from "./forks.server";
import type { AttributionView, ChartVariant, CompareSide, CompareView } from "./types";

type Loaded = CompareSide & { result: ForecastResult; row?: { seed: number; sampleCount: number; modelVersion: number } };

const HEADLINE_ROWS = [
  { label: "Median year", metric: { kind: "yearAt", p: 0.5 } },
  { label: "10th percentile year", metric: { kind: "yearAt", p: 0.1 } },
  { label: "P(by 2030)", metric: { kind: "probBy", year: 2030 } },
  { label: "P(by 2036)", metric: { kind: "probBy", year: 2036 } },
  { label: "P(by 2050)", metric: { kind: "probBy", year: 2050 } },
  { label: "P(by 2100)", metric: { kind: "probBy", year: 2100 } },
] as const;

export function createCompareService(store: Store, forecasts: ForecastService, forks: Pick<ReturnType<typeof createForkService>, "aggregate">, analysis: AnalysisService) {
  const { db, t } = store;
  const { users, posts } = t;
  const nameOf = async (userId: number) => (await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).then(first))?.name ?? "someone";

  async function side(ref: string, viewer: Viewer): Promise<Loaded> {
    const agg = /^aggregate-(\d+)$/.exec(ref);
    if (agg) {
      const postId = Number(agg[1]);
      const post = await db.select({ slug: posts.slug, title: posts.title, forecastId: posts.forecastId }).from(posts).where(eq(posts.id, postId)).then(first);
      if (!post) throw notFound("That thread");
      const pooled = await forks.aggregate(postId, post.forecastId);
      if (!pooled?.aggregate) throw appError(404, "That thread has no aggregate to compare (it needs a forecast with an arrival-year curve, and forks).");
      const own = await forecasts.load(post.forecastId!);
      return {
        ref,
        kind: "aggregate",
        forecastId: null,
        label: `Aggregate of ${pooled.authors} ${pooled.authors === 1 ? "author" : "authors"}' forks`,
        href: `/posts/${post.slug}#forks-heading`,
        modelId: pooled.aggregate.modelId,
        modelTitle: own.model?.title ?? pooled.aggregate.modelId,
        result: pooled.aggregate,
      };
    }
    const id = Number(ref);
    // A fork whose comment this reader may not see is not there to compare (commentVisibility).
    try {
      await forecasts.readable(id, viewer);
    } catch {
      throw notFound(`Forecast ${ref}`);
    }
    const loaded = await forecasts.load(id).catch(() => {
      throw notFound(`Forecast ${ref}`);
    });
    if (!loaded.result) throw appError(410, `Forecast ${ref}'s result is no longer available.`);
    const who = await nameOf(loaded.row.authorId);
    return {
      ref,
      kind: "forecast",
      forecastId: id,
      label: `${loaded.row.commentId === null ? `Post's forecast by ${who}` : `${loaded.model?.quick ? "Answer" : "Fork"} by ${who}`} (#${id})`,
      href: `/forecasts/${id}`,
      modelId: loaded.row.modelId,
      modelTitle: loaded.model?.title ?? loaded.row.modelId,
      result: loaded.result,
      row: { seed: loaded.row.seed, sampleCount: loaded.row.sampleCount, modelVersion: loaded.row.modelVersion },
    };
  }

  return {
    async compare(aRef: string, bRef: string, question: { year?: number; p?: number }, viewer: Viewer): Promise<CompareView> {
      if (aRef === bRef) throw appError(400, "Choose two different forecasts to compare.", { b: "The same as A." });
      const a = await side(aRef, viewer);
      const b = await side(bRef, viewer);
      const notes: string[] = [];
      let aResult = a.result;
      let bResult = b.result;
      let diff: CompareView["diff"] = null;
      let attribution: AttributionView | null = null;
      const bothForecasts = a.kind === "forecast" && b.kind === "forecast";
      if (bothForecasts && a.modelId === b.modelId) {
        const la = await forecasts.load(a.forecastId!);
        const lb = await forecasts.load(b.forecastId!);
        diff = la.model ? diffInputs(la.model, la.inputs, lb.inputs).map((d) => ({ name: d.name, label: d.label, from: d.fromText, to: d.toText })) : null;
        // Two Squiggle forecasts may run different code: a difference the inputs do not show.
        const codeA = la.row.programHash !== lb.row.programHash ? await forecasts.effectiveCode(la.row) : null;
        const codeB = codeA !== null ? await forecasts.effectiveCode(lb.row) : null;
        const codeChanged = codeA !== null && codeB !== null && codeA !== codeB;
        if (codeChanged) {
          const change = codeDiff(codeA, codeB);
          diff = [{ name: CODE_CHANGE, label: "The program's code", from: `${codeA.split("\n").length} lines`, to: `${codeB.split("\n").length} lines (${diffSummary(change).toLowerCase()})` }, ...(diff ?? [])];
          notes.push("A and B run different programs, so the difference is not the inputs' alone and is not split by input. Each forecast's page shows its code.");
        }
        const current = la.model?.version;
        // Seed and sample count make a difference only to a sampled model; a closed-form model
        // and a stated answer come out the same on any draws.
        const sampled = la.model?.sampled !== false;
        const sameDraws = !sampled || (a.row!.seed === b.row!.seed && a.row!.sampleCount === b.row!.sampleCount);
        const older = a.row!.modelVersion !== current || b.row!.modelVersion !== current;
        if ((older || !sameDraws) && la.model) {
          // Different draws (or an older model version): both recomputed on A's seed, so the
          // difference is the inputs' alone.
          const options = { seed: a.row!.seed, sampleCount: a.row!.sampleCount };
          aResult = a.row!.modelVersion === current ? aResult : ((await analysis.onSeed(a.forecastId!, options)) ?? aResult);
          bResult = (await analysis.onSeed(b.forecastId!, options)) ?? bResult;
          const made = sameDraws ? "One of them was made with an older model version" : `B was made on other random draws${older ? " or an older model version" : ""}`;
          notes.push(`${made}; both are shown recomputed with model version ${current}${sampled ? ` on A's seed (${a.row!.seed})` : ""}${codeChanged ? "" : ", so the difference is the inputs' alone"}.`);
        } else if (sampled && !codeChanged) {
          notes.push(`Both forecasts share one seed (${a.row!.seed}) and ${a.row!.sampleCount.toLocaleString("en-US")} samples: the difference is the inputs' alone.`);
        }
        const record = diff && diff.length && !codeChanged ? await analysis.attributeForecasts(a.forecastId!, b.forecastId!) : null;
        attribution = record ? presentAttribution(record) : null;
        if (diff && diff.length === 0) notes.push("The two forecasts have the same inputs.");
      } else if (a.modelId !== b.modelId) {
        notes.push(`A uses ${a.modelTitle} and B ${b.modelTitle}: there are no shared inputs to compare or attribute.`);
      } else {
        notes.push("An aggregate pools forecasts' curves; it has no inputs of its own, so the difference cannot be split by input. Compare two forecasts for that.");
      }
      const hasCdf = Boolean(cdfOf(aResult) && cdfOf(bResult));
      const headlines = hasCdf
        ? HEADLINE_ROWS.map((r) => ({ label: r.label, a: formatMetricValue(r.metric, metricValue(aResult, r.metric)), b: formatMetricValue(r.metric, metricValue(bResult, r.metric)) }))
        : aResult.headlines.map((h) => {
            const other = bResult.headlines.find((x) => x.key === h.key);
            return { label: h.label, a: formatHeadline(h), b: other ? formatHeadline(other) : "n/a" };
          });
      const description = describeShift(aResult, bResult);
      let svg: string | null = null;
      let spec: Record<string, unknown> | null = null;
      let narrow: ChartVariant | null = null;
      if (a.modelId === b.modelId || hasCdf) {
        const labels = { parent: `A: ${a.label}`, fork: `B: ${b.label}`, title: "How B differs from A" };
        const s = overlaySpec(aResult, bResult, labels);
        spec = s as unknown as Record<string, unknown>;
        const key = `compare:${aRef}:${bRef}:${JSON.stringify(notes)}`;
        svg = await drawOrNull(key, s, description);
        narrow = await phoneVariant(key, (options) => overlaySpec(aResult, bResult, labels, options), description);
      }
      const asked = question.year !== undefined || question.p !== undefined;
      return {
        a: strip(a),
        b: strip(b),
        headlines,
        diff,
        attribution,
        notes,
        overlay: { svg, spec, narrow, description },
        question: asked && hasCdf ? { a: answerQuestion(aResult, question), b: answerQuestion(bResult, question) } : null,
        fractionalYears: hasCdf,
      };
    },
  };
}

function strip(s: Loaded): CompareSide {
  return { ref: s.ref, kind: s.kind, forecastId: s.forecastId, label: s.label, href: s.href, modelId: s.modelId, modelTitle: s.modelTitle };
}
