// The community aggregate of a thread: a linear pool (equal-weight mixture) of forecasts that
// share a yearly CDF. Pooling CDFs year by year is exactly the mixture's CDF.
import { firstYearReaching, probabilityByYear, yearAtProbability, type CdfPoint } from "./summarize";
import type { ForecastResult, Headline, SeriesRow } from "./types";

const cdfOf = (r: ForecastResult): Map<number, number> => {
  const out = new Map<number, number>();
  for (const row of r.series.cdf ?? []) if (typeof row.year === "number" && typeof row.p === "number") out.set(row.year, row.p);
  return out;
};

const fractionalAt = (points: CdfPoint[], p: number): { fractional?: number } => {
  const x = yearAtProbability(points, p);
  return x === null ? {} : { fractional: x };
};

/** null when fewer than one input or the results have no common `cdf` years. */
export function poolCdfs(results: ForecastResult[]): ForecastResult | null {
  const cdfs = results.map(cdfOf).filter((m) => m.size > 0);
  if (cdfs.length === 0) return null;
  const years = [...cdfs[0]!.keys()].filter((y) => cdfs.every((m) => m.has(y))).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const points: CdfPoint[] = years.map((year) => ({ year, p: cdfs.reduce((s, m) => s + m.get(year)!, 0) / cdfs.length }));
  const cdf: SeriesRow[] = points.map((p) => ({ ...p }));
  const headlines: Headline[] = [
    { key: "median", label: "Median TAI year", format: "year", value: firstYearReaching(points, 0.5), ...fractionalAt(points, 0.5) },
    { key: "p2036", label: "P(TAI by 2036)", format: "probability", value: probabilityByYear(points, 2036) },
    { key: "p2050", label: "P(TAI by 2050)", format: "probability", value: probabilityByYear(points, 2050) },
  ];
  return { modelId: results[0]!.modelId, modelVersion: results[0]!.modelVersion, headlines, series: { cdf }, notes: [`Equal-weight pool of ${cdfs.length} forecasts.`] };
}
