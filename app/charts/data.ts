// Reading series out of a ForecastResult defensively: results are stored JSON, possibly from
// an older engine, so every row is checked before it becomes chart data.
import type { ForecastResult, SeriesRow } from "../forecast/types";

export const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

export function series(result: ForecastResult | null | undefined, name: string): SeriesRow[] {
  const s = result?.series?.[name];
  return Array.isArray(s) ? s : [];
}

export interface CdfRow {
  year: number;
  p: number;
}

/** A CDF series as {year, p} rows, sorted by year, p clamped to [0, 1]. */
export function cdfRows(result: ForecastResult | null | undefined, name = "cdf"): CdfRow[] {
  return series(result, name)
    .filter((r) => isNum(r.year) && isNum(r.p))
    .map((r) => ({ year: r.year as number, p: Math.min(1, Math.max(0, r.p as number)) }))
    .sort((a, b) => a.year - b.year);
}

/** P at a year by linear interpolation; null outside the series. */
export function cdfAt(rows: CdfRow[], year: number): number | null {
  for (let i = 0; i < rows.length; i++) {
    const b = rows[i];
    if (b.year === year) return b.p;
    if (b.year > year) {
      if (i === 0) return null;
      const a = rows[i - 1];
      return a.p + ((b.p - a.p) * (year - a.year)) / (b.year - a.year);
    }
  }
  return null;
}

const TAIL = 0.01;
const MIN_SPAN = 15;

/**
 * The years a CDF chart shows: from the first year any curve reaches 1% to the first year every
 * curve has passed 99%, padded by two years and rounded out to fives, at least 15 years wide,
 * inside the rows' own range (the engine's 2025–2100 when there are none). A forecast whose
 * mass sits in 2028–2040 was drawn on 2025–2100, flat for most of the plot; Bio Anchors, short
 * of 99% by 2100, keeps the whole range.
 */
export function yearDomain(...sets: CdfRow[][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  let from = Infinity;
  let to = -Infinity;
  for (const rows of sets) {
    if (rows.length === 0) continue;
    lo = Math.min(lo, rows[0]!.year);
    hi = Math.max(hi, rows[rows.length - 1]!.year);
    from = Math.min(from, rows.find((r) => r.p >= TAIL)?.year ?? Infinity);
    to = Math.max(to, rows.find((r) => r.p >= 1 - TAIL)?.year ?? rows[rows.length - 1]!.year);
  }
  if (!Number.isFinite(lo) || !(hi > lo)) return [2025, 2100];
  if (!Number.isFinite(from)) from = lo;
  let start = Math.max(lo, Math.floor((from - 2) / 5) * 5);
  let end = Math.min(hi, Math.ceil((to + 2) / 5) * 5);
  if (end - start < MIN_SPAN) {
    end = Math.min(hi, start + MIN_SPAN);
    start = Math.max(lo, end - MIN_SPAN);
  }
  return [start, end];
}

/** The rows a chart on `domain` draws: lines outside the scale's domain would run past the plot. */
export function inYears<R extends CdfRow>(rows: R[], [start, end]: [number, number]): R[] {
  return rows.filter((r) => r.year >= start && r.year <= end);
}
