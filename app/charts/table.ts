// The main chart's data as a small readable table ("Show data"): the same numbers a reader
// would take off the chart, formatted, at round x values rather than every sample.
import type { ForecastResult } from "../forecast/types";
import { cdfAt, cdfRows, isNum, series } from "./data";
import { chosenFit, gptPoints } from "./gpt-extrapolation";
import { lossRows, shortLaw } from "./scaling-laws";
import { formatPercent, formatSci } from "../forecast/format";
import { isQuick, quickTable } from "./quick-text";
import { squiggleTable } from "./squiggle";

export interface ResultTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

const DASH = "—";

function cdfTable(result: ForecastResult): ResultTable {
  const cdf = cdfRows(result);
  const ref = cdfRows(result, "reference");
  // Every fifth year, plus the years Cotra's spreadsheet reports, so both columns have values.
  const years = new Set<number>();
  for (const r of cdf) if (r.year % 5 === 0 || r.year === cdf[0].year || r.year === cdf[cdf.length - 1].year) years.add(r.year);
  for (const r of ref) if (cdf.length && r.year >= cdf[0].year && r.year <= cdf[cdf.length - 1].year) years.add(r.year);
  const refAt = new Map(ref.map((r) => [r.year, r.p]));
  const rows = [...years].sort((a, b) => a - b).map((year) => {
    const p = cdfAt(cdf, year);
    const q = refAt.get(year);
    // One decimal: the table is where readers go for numbers finer than the chart shows.
    const pct = (x: number | null | undefined) => (x === null || x === undefined ? DASH : formatPercent(x));
    return ref.length ? [year, pct(p), pct(q)] : [year, pct(p)];
  });
  return {
    caption: "Probability that transformative AI has arrived by each year",
    columns: ref.length ? ["Year", "This forecast", "Cotra 2020 spreadsheet"] : ["Year", "Probability"],
    rows,
  };
}

function gptTable(result: ForecastResult): ResultTable {
  const chosen = chosenFit(result);
  const byFlop = new Map<number, { logistic?: number; linear?: number }>();
  for (const r of series(result, "curves")) {
    if (!isNum(r.flop) || !isNum(r.perf) || (r.fit !== "logistic" && r.fit !== "linear")) continue;
    const e = Math.log10(r.flop);
    // Whole orders of magnitude only: the curves are sampled four times per OOM.
    if (Math.abs(e - Math.round(e)) > 1e-6) continue;
    const key = Math.round(e);
    byFlop.set(key, { ...byFlop.get(key), [r.fit]: r.perf });
  }
  const fits = chosen === "logistic" ? (["logistic", "linear"] as const) : (["linear", "logistic"] as const);
  const rows: (string | number)[][] = [...byFlop.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([e, v]) => [`1e${e}`, ...fits.map((fit) => (v[fit] === undefined ? DASH : formatPercent(v[fit]))), DASH]);
  const points = gptPoints(result).map((p) => [formatSci(p.flop, 2), DASH, DASH, `GPT-3 ${p.size}: ${formatPercent(p.perf)}`] as (string | number)[]);
  const label = (fit: string) => (fit === "logistic" ? "Logistic fit" : "Linear fit");
  return {
    caption: "Normalised benchmark performance by training compute: fitted curves and the GPT-3 models",
    columns: ["Training FLOP", label(fits[0]), label(fits[1]), "Observed"],
    rows: [...rows, ...points].sort((a, b) => Number(a[0]) - Number(b[0])),
  };
}

function scalingTable(result: ForecastResult): ResultTable {
  const all = lossRows(result);
  const chosen = all.find((r) => r.kind === "allocation")?.law ?? "";
  const series = [
    { key: `${chosen}|allocation`, title: `${shortLaw(chosen)} (chosen)` },
    ...[...new Set(all.filter((r) => r.kind === "frontier" && r.law !== chosen).map((r) => r.law))].map((law) => ({ key: `${law}|frontier`, title: shortLaw(law) })),
  ];
  const byFlop = new Map<number, Map<string, number>>();
  for (const r of all) {
    const e = Math.log10(r.flop);
    if (Math.abs(e - Math.round(e)) > 1e-6) continue;
    const row = byFlop.get(Math.round(e)) ?? new Map<string, number>();
    row.set(`${r.law}|${r.kind}`, r.loss);
    byFlop.set(Math.round(e), row);
  }
  return {
    caption: "Predicted loss (nats per token) by training compute, per scaling law",
    columns: ["Training FLOP", ...series.map((s) => s.title)],
    rows: [...byFlop.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([e, m]) => [`1e${e}`, ...series.map((s) => (m.has(s.key) ? m.get(s.key)!.toFixed(3) : DASH))]),
  };
}

/** The main chart's data as a readable table, for a "Show data" toggle. */
export function resultTable(result: ForecastResult): ResultTable {
  if (isQuick(result)) return quickTable(result);
  switch (result?.modelId) {
    case "gpt-extrapolation":
      return gptTable(result);
    case "scaling-laws":
      return scalingTable(result);
    case "squiggle":
      return squiggleTable(result);
    default:
      return cdfTable(result);
  }
}
