// Quick forecast results to charts: one answer, an answer over the one it forks, and a
// thread's answers with their aggregate.
import type { TopLevelSpec } from "vega-lite";
import { formatDay, questionRow } from "../forecast/quick/common";
import type { ForecastResult } from "../forecast/types";
import { isNum, series } from "./data";
import { describeQuick, quickShiftParts, quickValue } from "./quick-text";
import { probabilityStripSpec, quickCdfSpec, type CdfAxis, type CdfCurve, type StripAnswer } from "./quick";
import { findHeadline } from "./text";
import type { ChartOptions } from "./theme";

function probabilityOf(result: ForecastResult): number | null {
  const v = findHeadline(result, "probability")?.value;
  return isNum(v) ? v : null;
}

function curveRows(result: ForecastResult): { x: number; p: number }[] {
  const rows = result.modelId === "quick-date" ? series(result, "cdf").map((r) => ({ x: r.year, p: r.p })) : series(result, "distribution").map((r) => ({ x: r.x, p: r.p }));
  return rows.filter((r): r is { x: number; p: number } => isNum(r.x) && isNum(r.p));
}

function statedPoints(result: ForecastResult): { x: number; p: number }[] {
  const key = result.modelId === "quick-date" ? "year" : "x";
  return series(result, "stated")
    .map((r) => ({ x: r[key], p: r.p }))
    .filter((r): r is { x: number; p: number } => isNum(r.x) && isNum(r.p));
}

function axisOf(result: ForecastResult): CdfAxis {
  if (result.modelId === "quick-date") return { kind: "year" };
  const q = questionRow(result);
  return { kind: "value", scale: q?.scale ?? "log", unit: q?.unit ?? "" };
}

/** The chart of one quick answer, titled with its question. */
export function quickAnswerSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const q = questionRow(result);
  const description = describeQuick(result);
  const heading = q?.text ?? "Quick forecast";
  if (result.modelId === "quick-probability") {
    const p = probabilityOf(result);
    const answers: StripAnswer[] = p === null ? [] : [{ label: "This answer", p, role: "single" }];
    return probabilityStripSpec(answers, null, { title: heading, subtitle: q?.deadline ? `By ${formatDay(q.deadline)}` : "", description }, options);
  }
  const sub = `Median ${quickValue(result, findHeadline(result, "median"))} · 90% interval ${quickValue(result, findHeadline(result, "p5"))} to ${quickValue(result, findHeadline(result, "p95"))}`;
  return quickCdfSpec([{ label: "This answer", role: "single", rows: curveRows(result), stated: statedPoints(result) }], axisOf(result), { title: heading, subtitle: sub, description }, options);
}

/** An answer drawn over the answer it forks. */
export function quickOverlaySpec(parent: ForecastResult, fork: ForecastResult, labels: { parent: string; fork: string }, options: ChartOptions = {}): TopLevelSpec {
  const shift = quickShiftParts(parent, fork).join("; ");
  const text = { title: "How this answer differs", subtitle: shift.charAt(0).toUpperCase() + shift.slice(1), description: shift };
  if (parent.modelId === "quick-probability") {
    const answers: StripAnswer[] = [];
    const a = probabilityOf(parent);
    const b = probabilityOf(fork);
    if (a !== null) answers.push({ label: labels.parent, p: a, role: "parent" });
    if (b !== null) answers.push({ label: labels.fork, p: b, role: "fork" });
    return probabilityStripSpec(answers, null, text, options);
  }
  const curves: CdfCurve[] = [
    { label: labels.parent, role: "parent", rows: curveRows(parent), stated: statedPoints(parent) },
    { label: labels.fork, role: "fork", rows: curveRows(fork), stated: statedPoints(fork) },
  ];
  return quickCdfSpec(curves, axisOf(parent), text, options);
}

export interface CommunityAnswer {
  label: string;
  asker: boolean;
  result: ForecastResult;
}

/**
 * Every author's latest answer and the aggregate: for a probability the median and the
 * geometric mean of odds as rules, for a date or quantity the pooled distribution in bold.
 */
export function quickCommunitySpec(
  answers: CommunityAnswer[],
  aggregate: { headlines: { key: string; value: number | null }[]; pooled: ForecastResult | null; summary: string },
  description: string,
  options: ChartOptions = {},
): TopLevelSpec {
  const first = answers[0]?.result ?? aggregate.pooled;
  const n = answers.length;
  const heading = `Everyone's answers (${n})`;
  if (!first || first.modelId === "quick-probability") {
    const strip: StripAnswer[] = answers.flatMap((a) => {
      const p = probabilityOf(a.result);
      return p === null ? [] : [{ label: a.asker ? `${a.label} (asked)` : a.label, p, role: a.asker ? "asker" : "answer" }];
    });
    strip.sort((a, b) => a.p - b.p);
    const h = (key: string) => aggregate.headlines.find((x) => x.key === key)?.value ?? null;
    const median = h("median");
    const gmo = h("geo_mean_odds");
    const sub = "Each author's latest answer, lowest first";
    return probabilityStripSpec(strip, { median, geoMeanOdds: gmo }, { title: heading, subtitle: sub, description }, options);
  }
  const curves: CdfCurve[] = answers.map((a) => ({ label: a.asker ? `${a.label} (asked)` : a.label, role: a.asker ? "asker" : "answer", rows: curveRows(a.result) }));
  const pooled = aggregate.pooled;
  if (pooled) {
    curves.push({ label: "Pooled", role: "pool", rows: curveRows(pooled) });
  }
  const sub = pooled
    ? `Pooled median ${quickValue(first, findHeadline(pooled, "median"))} · 90% interval ${quickValue(first, findHeadline(pooled, "p5"))} to ${quickValue(first, findHeadline(pooled, "p95"))}`
    : aggregate.summary;
  return quickCdfSpec(curves, axisOf(first), { title: heading, subtitle: sub, description }, options);
}
