// The quantity an analysis measures: a year at a probability (the median by default), a
// probability by a year, or a model's own headline. Read off any result the same way, so
// every model, built-in or not, can be analysed.

import { formatDelta, formatFractionalYear, formatNumber, formatPercent, formatSci } from "../format";
import { probabilityAtYear, yearAtProbability, type CdfPoint } from "../summarize";
import type { ForecastResult, Headline } from "../types";

export type Metric =
  /** The (fractional) year the arrival CDF reaches p; p = 0.5 is the median. */
  | { kind: "yearAt"; p: number }
  /** P(by year), as a fraction. */
  | { kind: "probBy"; year: number }
  /** A headline of the model's own, by key (FLOP headlines are measured in log10). */
  | { kind: "headline"; key: string };

/** The arrival CDF of a result, when it has one. */
export function cdfOf(result: ForecastResult): CdfPoint[] | null {
  const rows = result.series?.cdf;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const out: CdfPoint[] = [];
  for (const r of rows) if (typeof r.year === "number" && typeof r.p === "number") out.push({ year: r.year, p: r.p });
  return out.length ? out : null;
}

function headlineOf(result: ForecastResult, key: string): Headline | undefined {
  return result.headlines.find((h) => h.key === key);
}

/**
 * The metric's value for a result, in its measuring unit: years, a fraction, or the
 * headline's value (log10 for FLOP). null when it is not reached in the modelled range or
 * the result cannot answer it.
 */
export function metricValue(result: ForecastResult, metric: Metric): number | null {
  switch (metric.kind) {
    case "yearAt": {
      const cdf = cdfOf(result);
      return cdf ? yearAtProbability(cdf, metric.p) : null;
    }
    case "probBy": {
      const cdf = cdfOf(result);
      return cdf ? probabilityAtYear(cdf, metric.year) : null;
    }
    case "headline": {
      const h = headlineOf(result, metric.key);
      if (!h || h.value === null || !Number.isFinite(h.value)) return null;
      if (h.format === "flop") return h.value > 0 ? Math.log10(h.value) : null;
      return h.value;
    }
  }
}

/** The median for results with an arrival CDF, else the model's first headline. */
export function defaultMetric(result: ForecastResult): Metric {
  if (cdfOf(result)) return { kind: "yearAt", p: 0.5 };
  const first = result.headlines[0];
  return first ? { kind: "headline", key: first.key } : { kind: "yearAt", p: 0.5 };
}

/**
 * "median", "year@0.25" (year at 25%), "p@2036" (P by 2036), "headline:flop_80" → a
 * Metric; null for anything else. The text form is what the API's `metric` parameter takes.
 */
export function parseMetric(text: string): Metric | null {
  const t = text.trim();
  if (t === "median") return { kind: "yearAt", p: 0.5 };
  let m = /^year@(\d*\.?\d+)$/.exec(t);
  if (m) {
    const p = Number(m[1]);
    return p > 0 && p < 1 ? { kind: "yearAt", p } : null;
  }
  m = /^p@(\d{4}(?:\.\d+)?)$/.exec(t);
  if (m) return { kind: "probBy", year: Number(m[1]) };
  m = /^headline:([A-Za-z0-9_]{1,64})$/.exec(t);
  if (m) return { kind: "headline", key: m[1] };
  return null;
}

export function metricKey(metric: Metric): string {
  switch (metric.kind) {
    case "yearAt":
      return metric.p === 0.5 ? "median" : `year@${metric.p}`;
    case "probBy":
      return `p@${metric.year}`;
    case "headline":
      return `headline:${metric.key}`;
  }
}

const pct = (p: number, digits = 0) => `${Number((p * 100).toFixed(digits))}%`;

/** "median year", "year at 25%", "P(by 2036)", or the headline's own label. */
export function metricLabel(metric: Metric, result?: ForecastResult): string {
  switch (metric.kind) {
    case "yearAt":
      return metric.p === 0.5 ? "median year" : `year at ${pct(metric.p, 1)}`;
    case "probBy":
      return `P(by ${metric.year})`;
    case "headline": {
      const h = result ? headlineOf(result, metric.key) : undefined;
      return h?.label ?? metric.key;
    }
  }
}

/** The unit a difference of the metric is read in. */
export function metricUnit(metric: Metric, result?: ForecastResult): "years" | "pp" | "OOM" | "" {
  if (metric.kind === "yearAt") return "years";
  if (metric.kind === "probBy") return "pp";
  const h = result ? headlineOf(result, metric.key) : undefined;
  if (h?.format === "flop") return "OOM";
  if (h?.format === "year") return "years";
  if (h?.format === "probability") return "pp";
  return "";
}

/** A metric value as a reader reads it: "2052.8", "after 2100", "35.2%", "1.2e26 FLOP". */
export function formatMetricValue(metric: Metric, value: number | null, result?: ForecastResult, rangeEnd = 2100): string {
  return formatInUnit(metricUnit(metric, result), value, rangeEnd);
}

/** A value measured in `unit` (as metricUnit names it), formatted as formatMetricValue does. */
export function formatInUnit(unit: string, value: number | null, rangeEnd = 2100): string {
  if (unit === "years") return formatFractionalYear(value, rangeEnd);
  if (value === null) return "n/a";
  if (unit === "pp") return formatPercent(value, 1);
  if (unit === "OOM") return `${formatSci(10 ** value, 2)} FLOP`;
  return formatNumber(value);
}

/** A difference in the metric's unit, signed: "+1.4 years", "−3.2 pp", "+0.5 OOM". */
export function formatMetricDelta(metric: Metric, delta: number, result?: ForecastResult, decimals = 1): string {
  return formatDelta(delta, metricUnit(metric, result), decimals);
}

/** A delta in display units (years, percentage points, OOM), for rounding and charts. */
export function displayScale(metric: Metric, result?: ForecastResult): number {
  return metricUnit(metric, result) === "pp" ? 100 : 1;
}
