// The thread's answer to a quick question (docs/decisions/015): each author's latest answer
// counts once. Probabilities are summarized by their median and by the geometric mean of
// their odds; dates and quantities are pooled into one distribution (an equal-weight
// mixture). Nothing is extremized.
import { canonicalJson } from "../canonical";
import { formatQuantity } from "../diff";
import { formatPercent } from "../format";
import type { ForecastModel, ForecastResult, Headline, Inputs, QuantilePoint, QuickKind } from "../types";
import { fromAxis, statedCdfAxis, statedDistribution, statedQuantileAxis, type Scale, type StatedDistribution } from "./quantiles";
import { statedHeadlines, valueCdfRows, yearCdfRows, type CdfSource } from "./stated-result";

/** The median: the middle value, or the mean of the middle two. null for no values. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/**
 * The geometric mean of odds, as a probability: each p becomes odds p/(1−p), their logs are
 * averaged, and the mean log-odds goes back to a probability. null unless every p is in (0, 1).
 */
export function geometricMeanOfOdds(ps: readonly number[]): number | null {
  if (ps.length === 0 || !ps.every((p) => p > 0 && p < 1)) return null;
  const meanLogOdds = ps.reduce((s, p) => s + Math.log(p / (1 - p)), 0) / ps.length;
  return 1 / (1 + Math.exp(-meanLogOdds));
}

/** The equal-weight mixture of stated distributions on one scale: its CDF and quantiles. */
export function poolStated(dists: readonly StatedDistribution[], scale: Scale): CdfSource | null {
  if (dists.length === 0 || dists.some((d) => d.scale !== scale)) return null;
  const cdfAxis = (t: number) => dists.reduce((s, d) => s + statedCdfAxis(d, t), 0) / dists.length;
  const quantileAxis = (p: number) => {
    // The mixture's quantile lies between its components' quantiles.
    const qs = dists.map((d) => statedQuantileAxis(d, p));
    let lo = Math.min(...qs);
    let hi = Math.max(...qs);
    for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
      const mid = (lo + hi) / 2;
      if (cdfAxis(mid) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return { scale, cdfAxis, quantileAxis };
}

/** What identifies a question: the model and its inputs that forks must keep. */
export function questionKey(model: ForecastModel, inputs: Inputs): string {
  const fixed: Inputs = {};
  for (const def of model.inputs) if (def.fixedInForks) fixed[def.name] = inputs[def.name] ?? def.default;
  return `${model.id}:${canonicalJson(fixed)}`;
}

export interface QuickAnswerSource {
  /** Identifies the author across answers (a user id). */
  authorKey: string | number;
  authorName: string;
  forecastId: number;
  /** The reply carrying the answer; null for a post's own forecast. */
  commentId: number | null;
  /** Milliseconds since the epoch: decides which of an author's answers is their latest. */
  createdAt: number;
  inputs: Inputs;
  /** The answer is (a version of) the question itself. */
  asker: boolean;
}

export interface QuickAnswer {
  authorName: string;
  forecastId: number;
  commentId: number | null;
  asker: boolean;
  /** The probability, or the median of a date or quantity. */
  value: number;
  /** The answer as stated: "35%", "90% interval 2027 to 2040". */
  text: string;
  /** Dates and quantities: the 5th and 95th percentiles, for the answers' strip. */
  low?: number;
  high?: number;
}

export interface QuickAggregate {
  kind: QuickKind;
  /** Each author's latest answer, lowest first. */
  answers: QuickAnswer[];
  /** Probability: median and geometric mean of odds. Date, quantity: the pool's median and 90% interval. */
  headlines: Headline[];
  /** Dates and quantities: the pooled distribution as a result, drawn like an answer. */
  pooled: ForecastResult | null;
  /** "Median 30% · geometric mean of odds 28% · 4 answers" */
  summary: string;
}

/** Each author's latest item: by time, then by forecast id (later ids were stored later). */
export function latestByAuthor<T extends { authorKey: string | number; createdAt: number; forecastId: number }>(items: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const it of items) {
    const key = String(it.authorKey);
    const prev = latest.get(key);
    if (!prev || it.createdAt > prev.createdAt || (it.createdAt === prev.createdAt && it.forecastId > prev.forecastId)) latest.set(key, it);
  }
  return [...latest.values()];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function stated(model: ForecastModel, inputs: Inputs): StatedDistribution | null {
  const scale: Scale = model.quick === "quantity" && inputs.scale === "linear" ? "linear" : model.quick === "quantity" ? "log" : "linear";
  return Array.isArray(inputs.answer) ? statedDistribution(inputs.answer as QuantilePoint[], scale) : null;
}

/**
 * The thread's answers to one question (every answer given, in any order) and their
 * aggregate. `format` turns an answer's inputs into its stated text (the engine's
 * formatInputValue, passed in to keep this module free of the editor's wording).
 */
export function aggregateAnswers(model: ForecastModel, sources: readonly QuickAnswerSource[], format: (inputs: Inputs) => string): QuickAggregate | null {
  const kind = model.quick;
  if (!kind) return null;
  const latest = latestByAuthor(sources);
  const answers: QuickAnswer[] = [];
  const dists: StatedDistribution[] = [];
  for (const s of latest) {
    const base = { authorName: s.authorName, forecastId: s.forecastId, commentId: s.commentId, asker: s.asker, text: format(s.inputs) };
    if (kind === "probability") {
      const p = s.inputs.probability;
      if (typeof p === "number") answers.push({ ...base, value: p });
      continue;
    }
    const d = stated(model, s.inputs);
    if (!d) continue;
    dists.push(d);
    const at = (p: number) => fromAxis(d.scale, statedQuantileAxis(d, p));
    answers.push({ ...base, value: at(0.5), low: at(0.05), high: at(0.95) });
  }
  answers.sort((a, b) => a.value - b.value || a.authorName.localeCompare(b.authorName));
  const count = plural(answers.length, "answer");

  if (kind === "probability") {
    const ps = answers.map((a) => a.value);
    const med = median(ps);
    const gmo = geometricMeanOfOdds(ps);
    const pct = (x: number | null) => (x === null ? "n/a" : formatPercent(x, 1));
    return {
      kind,
      answers,
      headlines: [
        { key: "median", label: "Median", format: "probability", value: med },
        { key: "geo_mean_odds", label: "Geometric mean of odds", format: "probability", value: gmo },
      ],
      pooled: null,
      summary: `${count} · median ${pct(med)} · geometric mean of odds ${pct(gmo)}`,
    };
  }

  const scale = dists[0]?.scale ?? "linear";
  const pool = poolStated(dists, scale);
  if (!pool) return { kind, answers, headlines: [], pooled: null, summary: count };
  const unit = kind === "quantity" ? (sources[0]?.inputs.unit as string | undefined) ?? "" : "";
  const headlines = kind === "date" ? statedHeadlines(pool, "year", "Median year") : statedHeadlines(pool, "number", "Median", unit ? ` (${unit})` : "");
  const pooled: ForecastResult = {
    modelId: model.id,
    modelVersion: model.version,
    headlines,
    series: kind === "date" ? { cdf: yearCdfRows(pool) } : { distribution: valueCdfRows(pool) },
    notes: [`Equal-weight pool of ${count}.`],
  };
  const h = (key: string) => headlines.find((x) => x.key === key)?.value ?? NaN;
  const show = (x: number) => (kind === "date" ? String(Math.round(x)) : formatQuantity(x, unit, "log"));
  return { kind, answers, headlines, pooled, summary: `${count} · pooled median ${show(h("median"))} · 90% interval ${show(h("p5"))} to ${show(h("p95"))}` };
}
