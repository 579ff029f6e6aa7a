// The result of a date or quantity stated as percentiles (or of a pool of them): the CDF on
// a grid fit for drawing, the stated points, and the median and 90% interval as headlines.
import type { Headline, HeadlineFormat, SeriesRow } from "../types";
import { fromAxis, type Scale } from "./quantiles";

export interface CdfSource {
  scale: Scale;
  cdfAxis(t: number): number;
  quantileAxis(p: number): number;
}

const YEAR_STEPS = [0.25, 0.5, 1, 2, 5, 10, 25];
const MAX_ROWS = 160;

/** Where the drawn CDF starts and ends: the central 99.4%, in axis space. */
function span(d: CdfSource): [number, number] {
  const lo = d.quantileAxis(0.003);
  const hi = d.quantileAxis(0.997);
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

/** {year, p} rows at round steps (quarters for a near date, decades for a far-flung one). */
export function yearCdfRows(d: CdfSource): SeriesRow[] {
  const [lo, hi] = span(d);
  const step = YEAR_STEPS.find((s) => (hi - lo) / s <= MAX_ROWS) ?? 50;
  const first = Math.max(1800, Math.floor(lo / step) * step);
  const last = Math.min(2500, Math.ceil(hi / step) * step);
  const rows: SeriesRow[] = [];
  for (let i = 0; first + i * step <= last; i++) {
    const year = first + i * step;
    rows.push({ year, p: d.cdfAxis(year) });
  }
  return rows;
}

/** {x, p} rows evenly spaced on the answer's own axis (in OOMs on a log scale). */
export function valueCdfRows(d: CdfSource, n = 121): SeriesRow[] {
  const [lo, hi] = span(d);
  return Array.from({ length: n }, (_, i) => {
    const t = lo + ((hi - lo) * i) / (n - 1);
    return { x: fromAxis(d.scale, t), p: d.cdfAxis(t) };
  });
}

export function statedHeadlines(d: CdfSource, format: HeadlineFormat, median: string, unitSuffix = ""): Headline[] {
  const at = (p: number) => fromAxis(d.scale, d.quantileAxis(p));
  return [
    { key: "median", label: `${median}${unitSuffix}`, format, value: at(0.5) },
    { key: "p5", label: `5th percentile${unitSuffix}`, format, value: at(0.05) },
    { key: "p95", label: `95th percentile${unitSuffix}`, format, value: at(0.95) },
  ];
}
