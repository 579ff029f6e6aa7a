// Affordability curves and arrival years of the Bio Anchors model (docs/models.md §1.5 steps
// 2–6). Everything in log10.
//
// Speed comes from one observation: algorithmic progress depends on a sample only through
// its requirement f = log10 FLOP₂₀₂₀, so "affordable in year Y" is f ≤ T(Y) for a single
// threshold curve T computed once per run (by bisection, 76 years). Each sample's arrival
// year then takes a table lookup and a step or two along T.

import { ANCHORS, FIRST_YEAR, LAST_YEAR, type AlgoRule, type BioAnchorsParams } from "./bio-anchors-params";
import type { SampleResult } from "./bio-anchors-sample";

const LN10 = Math.LN10;
/** Fine bins of f (log10 FLOP) for requirement quantiles and the anchor histogram. */
export const FINE_LO = 0;
export const FINE_HI = 100;
export const FINE_WIDTH = 0.02;
export const FINE_BINS = Math.round((FINE_HI - FINE_LO) / FINE_WIDTH);

/** x capped smoothly at m: log10 of a logistic curve whose uncapped log is x. */
export function softCapLog10(x: number, m: number): number {
  return x <= m ? x - Math.log10(1 + 10 ** (x - m)) : m - Math.log10(1 + 10 ** (m - x));
}

/** Linear ramp from a (at x ≤ x0) to b (at x ≥ x1); a step at x0 when x1 ≤ x0. */
function ramp(x: number, x0: number, a: number, x1: number, b: number): number {
  if (x <= x0) return a;
  if (x >= x1) return b;
  return a + ((b - a) * (x - x0)) / (x1 - x0);
}

/** OOM of algorithmic progress t years after the base year, for requirement f (§1.5 step 3). */
export function algoReduction(f: number, t: number, rule: AlgoRule): number {
  if (t <= 0) return 0;
  const halving = ramp(f, rule.halvingSmallAt, rule.halvingSmall, rule.halvingLargeAt, rule.halvingLarge);
  const cap = ramp(f, rule.capSmallAt, rule.capSmall, rule.capLargeAt, rule.capLarge);
  return Math.max(0, softCapLog10((Math.LN2 * t) / (halving * LN10), cap));
}

export interface Curves {
  years: number[];
  logFlopPerDollar: Float64Array;
  logSpend: Float64Array;
  available: Float64Array;
  /** threshold[j]: running max over years ≤ j of the largest f affordable in that year. */
  threshold: Float64Array;
  /** False when the rule makes some larger requirement cheaper than a smaller one. */
  monotone: boolean;
}

const F_MIN = -50;
const F_MAX = 200;

/** Largest f with f − reduction(f) ≤ available, assuming that map increases in f. */
function affordableThreshold(available: number, t: number, rule: AlgoRule): number {
  if (F_MIN - algoReduction(F_MIN, t, rule) > available) return -Infinity;
  if (F_MAX - algoReduction(F_MAX, t, rule) <= available) return Infinity;
  let lo = F_MIN;
  let hi = F_MAX;
  for (let it = 0; it < 48; it++) {
    const mid = (lo + hi) / 2;
    if (mid - algoReduction(mid, t, rule) <= available) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether f − reduction(f, t) increases in f for every year, so that the affordable
 * requirements form one interval below T(Y). The default ramps are gentle enough, but
 * steep user ramps can break it; the result then carries a note that arrivals are approximate.
 */
function checkMonotone(rule: AlgoRule, ts: number[]): boolean {
  // Sufficient condition first: d(reduction)/df ≤ |cap slope| + |halving slope| ·
  // (cap + 0.5) / min halving time, since x/(1 + 10^(x − cap)) ≤ cap + 0.5 for x ≥ 0.
  const capSlope = Math.abs(rule.capLarge - rule.capSmall) / Math.max(1e-9, rule.capLargeAt - rule.capSmallAt);
  const halvingSlope =
    Math.abs(rule.halvingLarge - rule.halvingSmall) / Math.max(1e-9, rule.halvingLargeAt - rule.halvingSmallAt);
  const maxCap = Math.max(rule.capSmall, rule.capLarge);
  const minHalving = Math.min(rule.halvingSmall, rule.halvingLarge);
  if (capSlope + (halvingSlope * (maxCap + 0.5)) / minHalving < 1) return true;
  const lo = Math.min(rule.halvingSmallAt, rule.halvingLargeAt, rule.capSmallAt, rule.capLargeAt) - 1;
  const hi = Math.max(rule.halvingSmallAt, rule.halvingLargeAt, rule.capSmallAt, rule.capLargeAt) + 1;
  for (const t of ts) {
    let prev = -Infinity;
    for (let f = lo; f <= hi; f += 0.05) {
      const r = f - algoReduction(f, t, rule);
      if (r < prev - 1e-9) return false;
      prev = r;
    }
  }
  return true;
}

export function buildCurves(p: BioAnchorsParams): Curves {
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(y);
  const n = years.length;
  const logFlopPerDollar = new Float64Array(n);
  const logSpend = new Float64Array(n);
  const available = new Float64Array(n);
  const threshold = new Float64Array(n);
  const kHw = Math.LN2 / p.hwHalvingYears;
  const kSpend = Math.LN2 / p.spendDoublingYears;
  let best = -Infinity;
  for (let j = 0; j < n; j++) {
    const y = years[j];
    logFlopPerDollar[j] = softCapLog10(
      Math.log10(p.flopPerDollar2020) + (kHw * (y - 2020)) / LN10,
      Math.log10(p.maxFlopPerDollar),
    );
    const logGdp = Math.log10(p.gdp2020) + (y - 2020) * Math.log10(1 + p.gdpGrowth);
    // Before 2025 the spend is held at its 2025 value (the series starts in 2025 anyway).
    const t = Math.max(0, y - 2025);
    logSpend[j] = softCapLog10(
      Math.log10(p.spend2025) + (kSpend * t) / LN10,
      logGdp + Math.log10(p.maxGdpFraction),
    );
    available[j] = logFlopPerDollar[j] + logSpend[j];
    best = Math.max(best, affordableThreshold(available[j], y - p.algoBaseYear, p.algo));
    threshold[j] = best;
  }
  const monotone = checkMonotone(
    p.algo,
    years.map((y) => y - p.algoBaseYear).filter((t) => t > 0),
  );
  return { years, logFlopPerDollar, logSpend, available, threshold, monotone };
}

export interface ArrivalResult {
  /** arrivals[j]: samples first affordable in year FIRST_YEAR + j (index 0 includes earlier). */
  arrivals: Float64Array;
  /** fine[a * FINE_BINS + b]: count of anchor-a samples in fine bin b (clamped to range). */
  fine: Float64Array;
}

export function countArrivals(samples: SampleResult, curves: Curves): ArrivalResult {
  // Module constants read into locals: in the hot loop below, every read of an imported or
  // exported binding can cost a function call once the code is transpiled to CommonJS.
  const bins = FINE_BINS;
  const lo = FINE_LO;
  const width = FINE_WIDTH;
  const nAnchors = ANCHORS.length;
  const nYears = curves.years.length;
  const arrivals = new Float64Array(nYears + 1); // last slot: not in range
  const fine = new Float64Array(nAnchors * bins);
  const { flop, counts } = samples;
  const thr = curves.threshold;
  const invWidth = 1 / width;
  // startYear[b]: arrival index of the lower edge of fine bin b. T is non-decreasing, so
  // a sample in bin b arrives at startYear[b] or a little later: a short forward walk
  // replaces a binary search per sample.
  const startYear = new Int32Array(bins);
  for (let b = 0, j = 0; b < bins; b++) {
    const edge = lo + b * width;
    while (j < nYears && edge > thr[j]) j++;
    startYear[b] = j;
  }
  let start = 0;
  for (let a = 0; a < nAnchors; a++) {
    const end = start + counts[a];
    const fineBase = a * bins;
    for (let i = start; i < end; i++) {
      const f = flop[i];
      if (f !== f) {
        arrivals[nYears]++; // NaN requirement: never affordable
        continue;
      }
      let b = Math.floor((f - lo) * invWidth);
      b = b < 0 ? 0 : b >= bins ? bins - 1 : b;
      fine[fineBase + b]++;
      let j = f < lo ? 0 : startYear[b];
      while (j < nYears && f > thr[j]) j++;
      arrivals[j]++;
    }
    start = end;
  }
  return { arrivals: arrivals.subarray(0, nYears), fine };
}
