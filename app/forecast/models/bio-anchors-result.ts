// Turns Bio Anchors samples into the ForecastResult: CDF, FLOP curves, histogram, headlines.

import {
  cdfFromArrivalCounts,
  firstYearReaching,
  probabilityByYear,
  seProportion,
  yearAtProbability,
  yearQuantileSe,
  type CdfPoint,
} from "../summarize";
import type { ComputeOptions, ForecastResult, Headline, Inputs, SeriesRow } from "../types";
import {
  algoReduction,
  buildCurves,
  countArrivals,
  FINE_BINS,
  FINE_LO,
  FINE_WIDTH,
  type Curves,
} from "./bio-anchors-compute";
import { createAnchorCache, sampleRequirements, type AnchorCache } from "./bio-anchors-sample";
import { ANCHORS, LAST_YEAR, readParams } from "./bio-anchors-params";

/** Cotra's best-guess spreadsheet CDF (epoch-research/ftm BioAnchorsAGIDistribution; docs/models.md §5.1). */
export const COTRA_2020_SPREADSHEET: readonly CdfPoint[] = [
  { year: 2025, p: 0.0262 },
  { year: 2030, p: 0.0772 },
  { year: 2031, p: 0.0913 },
  { year: 2036, p: 0.1769 },
  { year: 2040, p: 0.259 },
  { year: 2050, p: 0.4568 },
  { year: 2052, p: 0.4873 },
  { year: 2053, p: 0.5014 },
  { year: 2060, p: 0.5853 },
  { year: 2070, p: 0.6774 },
  { year: 2100, p: 0.7765 },
];

const HIST_LO = 20;
const HIST_HI = 70;

/**
 * The p-quantile of f over all samples, from the fine bins (linear within a bin). null
 * when it reaches the "no feasible path" stand-in range, whose FLOP values are arbitrary
 * and would only stretch the chart.
 */
function flopQuantile(fine: Float64Array, p: number, n: number, noPathLow: number): number | null {
  const target = p * n;
  const bins = FINE_BINS;
  const nAnchors = ANCHORS.length;
  let acc = 0;
  for (let b = 0; b < bins; b++) {
    let c = 0;
    for (let a = 0; a < nAnchors; a++) c += fine[a * bins + b];
    if (c > 0 && acc + c >= target) {
      const q = FINE_LO + (b + (target - acc) / c) * FINE_WIDTH;
      return q < noPathLow ? q : null;
    }
    acc += c;
  }
  return null;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** What a session of runs on one seed reuses: draws (bio-anchors-sample.ts) and affordability curves. */
export interface SessionCache {
  anchors: AnchorCache;
  curves: Map<string, Curves>;
}

export function createSessionCache(): SessionCache {
  return { anchors: createAnchorCache(), curves: new Map() };
}

export function computeBioAnchors(inputs: Inputs, opts: ComputeOptions, modelVersion: number, cache?: SessionCache): ForecastResult {
  const params = readParams(inputs);
  const n = opts.sampleCount;
  // Curves depend on the affordability and algorithmic inputs only: a session reuses them
  // across runs that change requirement inputs.
  const curvesKey = cache ? JSON.stringify([params.algo, params.algoBaseYear, params.flopPerDollar2020, params.hwHalvingYears, params.maxFlopPerDollar, params.spend2025, params.spendDoublingYears, params.maxGdpFraction, params.gdp2020, params.gdpGrowth]) : "";
  let curves = cache?.curves.get(curvesKey);
  if (!curves) {
    curves = buildCurves(params);
    if (cache && cache.curves.size > 256) cache.curves.clear();
    cache?.curves.set(curvesKey, curves);
  }
  const samples = sampleRequirements(params, opts, cache?.anchors);
  const { arrivals, fine } = countArrivals(samples, curves);
  // Rounded once, here: headlines, the stored series and every analysis read the same numbers.
  const cdf = cdfFromArrivalCounts(arrivals, n, curves.years[0]).map((pt) => ({ year: pt.year, p: round4(pt.p) }));
  // Requirement(Y) = f − reduction(f, Y) increases in f, so its quantiles are those of f
  // mapped through the same year's reduction.
  const quantiles = [0.1, 0.5, 0.9].map((q) => flopQuantile(fine, q, n, params.noPathLow));
  const required = (q: number | null, year: number): number | null =>
    q === null ? null : round4(q - algoReduction(q, year - params.algoBaseYear, params.algo));
  const flopRows: SeriesRow[] = curves.years.map((year, j) => ({
    year,
    available: round4(curves.available[j]),
    flopPerDollar: round4(curves.logFlopPerDollar[j]),
    spend: round4(curves.logSpend[j]),
    requiredP10: required(quantiles[0], year),
    requiredP50: required(quantiles[1], year),
    requiredP90: required(quantiles[2], year),
  }));

  const histogram: SeriesRow[] = [];
  const perOom = Math.round(1 / FINE_WIDTH);
  const bins = FINE_BINS;
  const lo = FINE_LO;
  ANCHORS.forEach((anchor, a) => {
    const shares = new Float64Array(HIST_HI - HIST_LO);
    for (let b = 0; b < bins; b++) {
      const oom = Math.floor(lo + b / perOom);
      const k = Math.min(HIST_HI - HIST_LO - 1, Math.max(0, oom - HIST_LO));
      shares[k] += fine[a * bins + b];
    }
    shares.forEach((count, k) => {
      histogram.push({ bin: HIST_LO + k, anchor: anchor.label, anchorKey: anchor.key, share: n ? count / n : 0 });
    });
  });

  const yearHeadline = (key: string, label: string, p: number): Headline => {
    const h: Headline = { key, label, format: "year", value: firstYearReaching(cdf, p), se: yearQuantileSe(cdf, p, n) };
    const fractional = yearAtProbability(cdf, p);
    if (fractional !== null) h.fractional = fractional;
    return h;
  };
  const probHeadline = (year: number): Headline => {
    const p = probabilityByYear(cdf, year);
    return { key: `p${year}`, label: `P(TAI by ${year})`, format: "probability", value: p, se: seProportion(p, n) };
  };

  const notes: string[] = [];
  if (samples.floored.length) {
    notes.push(
      `Almost every draw of ${samples.floored.join(", ")} fell below the low-end floor; the remaining samples were set at the top of the discounted band (the floor itself for a hard floor).`,
    );
  }
  if (!curves.monotone) {
    notes.push(
      "The algorithmic-progress ramps are so steep that some larger requirements become cheaper than smaller ones; arrival years are approximate.",
    );
  }
  if (cdf[0].p > 0) notes.push(`P(by ${curves.years[0]}) includes everything already affordable by then.`);

  return {
    modelId: "bio-anchors",
    modelVersion,
    headlines: [
      yearHeadline("median", "Median TAI year", 0.5),
      yearHeadline("p10", "10th percentile year", 0.1),
      yearHeadline("p90", "90th percentile year", 0.9),
      probHeadline(2030),
      probHeadline(2036),
      probHeadline(2050),
      probHeadline(LAST_YEAR),
    ],
    series: {
      cdf: cdf.map((pt) => ({ ...pt })),
      reference: COTRA_2020_SPREADSHEET.map((pt) => ({ year: pt.year, p: pt.p })),
      flop: flopRows,
      histogram,
    },
    notes,
  };
}
