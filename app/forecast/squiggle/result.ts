// A Squiggle program's marked output as a ForecastResult (docs/decisions/018):
// - a year distribution (unit `year`) reads exactly like Bio Anchors: a CDF by year over
//   2025–2100 with the same headlines (median, 10th and 90th percentile years, P(by 2030,
//   2036, 2050, 2100)), so overlays, the community aggregate and the spread work unchanged;
// - any other distribution is a quantity: its CDF on a linear or log axis, and quantiles;
// - a plain number from 0 to 1 is a probability.
// Runs in the sandbox on the samples, so only this summary crosses the process boundary.

import { cdfFromArrivalYears, firstYearReaching, mean, yearAtProbability, probabilityByYear, quantileSeBinomial, quantileSorted, seMean, seProportion, sortedCopy, yearQuantileSe, type NumericArray } from "../summarize";
import type { ForecastResult, Headline, SeriesRow } from "../types";
import { SQUIGGLE_ADAPTER_VERSION, SQUIGGLE_MODEL_ID, type OutputMeta, type SquiggleOutputDecl } from "./types";

export const YEAR_RANGE = [2025, 2100] as const;
const PROBABILITY_YEARS = [2030, 2036, 2050, 2100];
/** The quantity CDF is drawn through these quantiles (dense in the tails, where charts need it). */
const CDF_QUANTILES = [0.005, 0.01, 0.02, 0.03, 0.05, 0.075, ...Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.05), 0.925, 0.95, 0.97, 0.98, 0.99, 0.995];

export type OutputValue = { type: "samples"; values: NumericArray } | { type: "number"; value: number };

export type Summary = { ok: true; result: ForecastResult } | { ok: false; message: string };

const round = (x: number, digits = 6): number => Number(x.toPrecision(digits));
/** A standard error worth stating (none from a single sample). */
const se = (x: number | undefined): number | undefined => (x !== undefined && Number.isFinite(x) ? round(x, 3) : undefined);

function base(meta: OutputMeta, headlines: Headline[], series: Record<string, SeriesRow[]>, notes: string[]): ForecastResult {
  return { modelId: SQUIGGLE_MODEL_ID, modelVersion: SQUIGGLE_ADAPTER_VERSION, headlines, series, notes, output: meta };
}

function finiteOnly(values: NumericArray): { finite: Float64Array; dropped: number } {
  const finite = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite[n++] = values[i];
  return { finite: finite.subarray(0, n), dropped: values.length - n };
}

function yearResult(decl: SquiggleOutputDecl, years: NumericArray): ForecastResult {
  const [first, last] = YEAR_RANGE;
  const n = years.length;
  const cdf = cdfFromArrivalYears(years, first, last);
  const yearHeadline = (key: string, label: string, p: number): Headline => {
    // The fractional year as the built-in models give it (stored results from before it was added lack it; it is optional).
    const fractional = yearAtProbability(cdf, p);
    return { key, label, format: "year", value: firstYearReaching(cdf, p), ...(fractional === null ? {} : { fractional }), se: se(yearQuantileSe(cdf, p, n)) };
  };
  const headlines: Headline[] = [
    yearHeadline("median", "Median year", 0.5),
    yearHeadline("p10", "10th percentile year", 0.1),
    yearHeadline("p90", "90th percentile year", 0.9),
    ...PROBABILITY_YEARS.map((y): Headline => {
      const p = probabilityByYear(cdf, y);
      return { key: `p${y}`, label: `P(by ${y})`, format: "probability", value: p, se: se(seProportion(p, n)) };
    }),
  ];
  const notes: string[] = [];
  if (cdf[0]!.p > 0) notes.push(`P(by ${first}) includes every sample at or before ${first}.`);
  return base({ kind: "year", label: decl.label, unit: decl.unit }, headlines, { cdf: cdf.map((pt) => ({ year: pt.year, p: round(pt.p, 4) })) }, notes);
}

function quantityResult(decl: SquiggleOutputDecl, values: NumericArray): ForecastResult {
  const sorted = sortedCopy(values);
  const q = (p: number) => quantileSorted(sorted, p);
  const positive = sorted[0]! > 0;
  const scale = positive && q(0.95) / q(0.05) >= 30 ? "log" : "linear";
  const unit = decl.unit ? ` (${decl.unit})` : "";
  const qHeadline = (key: string, label: string, p: number): Headline => ({ key, label: `${label}${unit}`, format: "number", value: round(q(p)), se: se(quantileSeBinomial(sorted, p)) });
  const headlines: Headline[] = [
    qHeadline("q50", "Median", 0.5),
    qHeadline("q05", "5th percentile", 0.05),
    qHeadline("q95", "95th percentile", 0.95),
    { key: "mean", label: `Mean${unit}`, format: "number", value: round(mean(sorted)), se: se(seMean(sorted)) },
  ];
  const quantity: SeriesRow[] = CDF_QUANTILES.map((p) => ({ x: round(q(p)), p }));
  return base({ kind: "quantity", label: decl.label, unit: decl.unit, scale }, headlines, { quantity }, []);
}

/** The output as a result, or why it cannot be one (in words for the program's author). */
export function summarizeOutput(decl: SquiggleOutputDecl, value: OutputValue): Summary {
  if (value.type === "number") {
    const x = value.value;
    if (!Number.isFinite(x)) return { ok: false, message: `The output "${decl.name}" is not a finite number.` };
    if (decl.unit === "year") return { ok: true, result: yearResult(decl, [x]) };
    if (x < 0 || x > 1) {
      return { ok: false, message: `The output "${decl.name}" is the number ${x}. A single number must be a probability from 0 to 1; for a quantity, give a distribution (e.g. \`${x} to ${x * 2}\`).` };
    }
    const meta: OutputMeta = { kind: "probability", label: decl.label, unit: "probability" };
    return { ok: true, result: base(meta, [{ key: "probability", label: decl.label || "Probability", format: "probability", value: x }], { probability: [{ p: x }] }, []) };
  }
  const { finite, dropped } = finiteOnly(value.values);
  if (finite.length === 0) return { ok: false, message: `The output "${decl.name}" has no finite samples.` };
  const result = decl.unit === "year" ? yearResult(decl, finite) : quantityResult(decl, finite);
  if (dropped) result.notes.push(`${dropped.toLocaleString("en-US")} of ${value.values.length.toLocaleString("en-US")} samples were not finite numbers and were left out.`);
  return { ok: true, result };
}
