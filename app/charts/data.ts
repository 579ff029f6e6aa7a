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

/** Year range of the CDFs shown, defaulting to the engine's 2025–2100. */
export function yearDomain(...sets: CdfRow[][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const rows of sets) {
    for (const r of rows) {
      lo = Math.min(lo, r.year);
      hi = Math.max(hi, r.year);
    }
  }
  return Number.isFinite(lo) && hi > lo ? [lo, hi] : [2025, 2100];
}
