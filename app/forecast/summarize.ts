// Summaries of Monte Carlo samples and of CDFs over years, with their standard errors.

export type NumericArray = ArrayLike<number>;

/** A sorted Float64Array copy (the input is left alone). */
export function sortedCopy(values: NumericArray): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}

/** Quantile of already-sorted values, linearly interpolated between order statistics. */
export function quantileSorted(sorted: NumericArray, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Several quantiles at once, sorting a copy only once. */
export function percentiles(values: NumericArray, ps: readonly number[]): number[] {
  const sorted = sortedCopy(values);
  return ps.map((p) => quantileSorted(sorted, p));
}

export function median(values: NumericArray): number {
  return percentiles(values, [0.5])[0];
}

export function mean(values: NumericArray): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : NaN;
}

/** Sample variance (n − 1 denominator), computed in two passes for accuracy. */
export function variance(values: NumericArray): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return ss / (n - 1);
}

/** Monte Carlo standard error of the sample mean. */
export function seMean(values: NumericArray): number {
  return Math.sqrt(variance(values) / values.length);
}

/** Standard error of a proportion p estimated from n independent samples. */
export function seProportion(p: number, n: number): number {
  if (!(n > 0)) return NaN;
  return Math.sqrt((Math.max(0, p) * Math.max(0, 1 - p)) / n);
}

/**
 * Standard error of the p-quantile by the order-statistic (binomial) method: the rank
 * of the true quantile among n draws is Binomial(n, p), so the order statistics z
 * binomial sd either side bracket it; half their spread divided by z is a robust se that
 * needs no density estimate.
 */
export function quantileSeBinomial(sorted: NumericArray, p: number, z = 1.959964): number {
  const n = sorted.length;
  if (n < 2) return NaN;
  const sd = Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - z * sd) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * p + z * sd) - 1);
  return (sorted[hi] - sorted[lo]) / (2 * z);
}

/** Standard error of the p-quantile from the density f at that quantile (asymptotic). */
export function quantileSeDensity(p: number, n: number, density: number): number {
  if (!(density > 0) || !(n > 0)) return NaN;
  return Math.sqrt((p * (1 - p)) / n) / density;
}

export interface HistogramBin {
  start: number;
  end: number;
  count: number;
  share: number;
}

/**
 * Fixed-width bins over [min, max). Values outside fall into the end bins when `clamp`
 * is set (so shares sum to 1), and are dropped otherwise. NaN is always dropped.
 */
export function histogram(
  values: NumericArray,
  opts: { min: number; max: number; binWidth: number; clamp?: boolean },
): HistogramBin[] {
  const { min, max, binWidth } = opts;
  const nBins = Math.max(1, Math.ceil((max - min) / binWidth - 1e-9));
  const counts = new Float64Array(nBins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let b = Math.floor((v - min) / binWidth);
    if (!(b >= 0 && b < nBins)) {
      if (!opts.clamp || v !== v) continue;
      b = b < 0 ? 0 : nBins - 1;
    }
    counts[b]++;
  }
  const n = values.length;
  return Array.from(counts, (count, b) => ({
    start: min + b * binWidth,
    end: min + (b + 1) * binWidth,
    count,
    share: n ? count / n : 0,
  }));
}

export interface CdfPoint {
  year: number;
  p: number;
}

/**
 * A curve as one string ("year p,year p,…") for a page's loader data, where a list of small
 * objects costs the encoder an entry per object and per number. JavaScript prints a number
 * so that it reads back exactly, so `unpackCdf(packCdf(c))` equals `c`.
 */
export function packCdf(points: readonly CdfPoint[]): string {
  return points.map((c) => `${c.year} ${c.p}`).join(",");
}

export function unpackCdf(text: string): CdfPoint[] {
  if (text === "") return [];
  return text.split(",").map((pair) => {
    const [year, p] = pair.split(" ");
    return { year: Number(year), p: Number(p) };
  });
}

/**
 * CDF over years from arrival counts: counts[i] is the number of samples arriving in
 * year firstYear + i (index 0 also holds every earlier arrival); samples that never
 * arrive in range are simply not counted. n is the total number of samples.
 */
export function cdfFromArrivalCounts(counts: NumericArray, n: number, firstYear: number): CdfPoint[] {
  const out: CdfPoint[] = [];
  let acc = 0;
  for (let i = 0; i < counts.length; i++) {
    acc += counts[i];
    out.push({ year: firstYear + i, p: n > 0 ? Math.min(1, acc / n) : 0 });
  }
  return out;
}

/** CDF over whole years from per-sample arrival years (Infinity/NaN = never in range). */
export function cdfFromArrivalYears(years: NumericArray, firstYear: number, lastYear: number): CdfPoint[] {
  const counts = new Float64Array(lastYear - firstYear + 1);
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (!(y <= lastYear)) continue;
    counts[Math.max(0, Math.ceil(y) - firstYear)]++;
  }
  return cdfFromArrivalCounts(counts, years.length, firstYear);
}

/**
 * The year at which a yearly CDF reaches p, as a fractional year: the CDF is read as a
 * straight line between whole years. The whole-year rule used by headlines ("the first
 * year by which P ≥ p", firstYearReaching) is this value rounded up. At or below the first
 * modelled year it is that year (earlier arrivals are all counted there); null when the
 * CDF stays below p in range.
 */
export function yearAtProbability(cdf: readonly CdfPoint[], p: number): number | null {
  for (let i = 0; i < cdf.length; i++) {
    const pt = cdf[i];
    if (pt.p < p) continue;
    if (i === 0) return pt.year;
    const prev = cdf[i - 1];
    const step = pt.p - prev.p;
    const x = prev.year + (step > 0 ? ((p - prev.p) / step) * (pt.year - prev.year) : pt.year - prev.year);
    // Rounding must never move the value below the whole year it belongs to.
    return Math.min(pt.year, Math.max(prev.year + 1e-9, x));
  }
  return null;
}

/**
 * P(by year) for any year in the modelled range, fractional years read on the straight
 * line between whole years; null outside the range (nothing is modelled there).
 */
export function probabilityAtYear(cdf: readonly CdfPoint[], year: number): number | null {
  if (cdf.length === 0 || !Number.isFinite(year)) return null;
  const first = cdf[0];
  const last = cdf[cdf.length - 1];
  if (year < first.year || year > last.year) return null;
  for (let i = 0; i < cdf.length; i++) {
    const pt = cdf[i];
    if (pt.year === year) return pt.p;
    if (pt.year > year) {
      const prev = cdf[i - 1];
      return prev.p + ((pt.p - prev.p) * (year - prev.year)) / (pt.year - prev.year);
    }
  }
  return last.p;
}

/** First year whose CDF value reaches p, or null when the CDF stays below p in range. */
export function firstYearReaching(cdf: readonly CdfPoint[], p: number): number | null {
  for (const pt of cdf) if (pt.p >= p) return pt.year;
  return null;
}

/** P(by year) read off a CDF; 0 before its first year, its last value after the end. */
export function probabilityByYear(cdf: readonly CdfPoint[], year: number): number {
  let p = 0;
  for (const pt of cdf) {
    if (pt.year > year) break;
    p = pt.p;
  }
  return p;
}

/**
 * Monte Carlo se of the first year a CDF reaches p, from the density approximation:
 * the CDF's sampling error sqrt(p(1-p)/n) divided by its slope (per year) around the
 * crossing. Returns undefined when the slope is zero or the year is not reached.
 */
export function yearQuantileSe(cdf: readonly CdfPoint[], p: number, n: number): number | undefined {
  const i = cdf.findIndex((pt) => pt.p >= p);
  if (i < 0) return undefined;
  const lo = Math.max(0, i - 1);
  const hi = Math.min(cdf.length - 1, i + 1);
  if (hi === lo) return undefined;
  const slope = (cdf[hi].p - cdf[lo].p) / (cdf[hi].year - cdf[lo].year);
  const se = quantileSeDensity(p, n, slope);
  return Number.isFinite(se) ? se : undefined;
}
