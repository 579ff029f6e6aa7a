// Bio Anchors charts: the arrival-year CDF (main), FLOP required vs affordable, and the
// 2020-FLOP requirement histogram by anchor.
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { exponentStep, exponentTicks, LOG10_VALUE_LABEL, yearAxis } from "./axis-format";
import { cdfEncoding, cdfLegendOrient, halfGuide, hoverLayer, medianBeyondLayer, medianLayers } from "./cdf-layers";
import { cdfRows, firstCrossing, isNum, series, yearDomain } from "./data";
import { findHeadline } from "./text";
import { formatPercent, formatYear } from "../forecast/format";
import { COLORS, frame, lineLegend, sourceLine, subtitle, tag, title, topLevel, type ChartOptions, type Layer } from "./theme";

export const FORECAST_LABEL = "This forecast";
export const REFERENCE_LABEL = "Cotra 2020 spreadsheet";
const SOURCE = "Model: Cotra 2020 Bio Anchors, reimplemented; faint dashed line: Cotra's spreadsheet";

export function bioSubtitle(result: ForecastResult, compact: boolean): string {
  const median = findHeadline(result, "median");
  const p10 = findHeadline(result, "p10");
  const p90 = findHeadline(result, "p90");
  const p2036 = findHeadline(result, "p2036");
  const parts: string[] = [];
  if (median) parts.push(`Median ${formatYear(median.value)}`);
  if (p10 && p90 && !compact) parts.push(`10th–90th percentile ${formatYear(p10.value)} to ${formatYear(p90.value)}`);
  if (p2036) parts.push(`P(by 2036) ${formatPercent(p2036.value)}`);
  return parts.join(" · ");
}

export function bioAnchorsSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const cdf = cdfRows(result);
  const reference = cdfRows(result, "reference");
  const domain = yearDomain(cdf);
  const median = findHeadline(result, "median")?.value;
  const legend = lineLegend(
    [
      { label: FORECAST_LABEL, color: COLORS.accent },
      { label: REFERENCE_LABEL, color: COLORS.reference, dash: [5, 4] },
    ],
    cdfLegendOrient([cdf, reference], domain),
  );
  const layers: Layer[] = [halfGuide()];
  if (reference.length) {
    layers.push({
      data: { values: tag(reference.filter((r) => r.year >= domain[0] && r.year <= domain[1]), REFERENCE_LABEL) },
      mark: { type: "line", strokeWidth: 1.25, interpolate: "monotone" },
      encoding: legend,
    });
  }
  layers.push({
    data: { values: tag(cdf, FORECAST_LABEL) },
    mark: { type: "line", strokeWidth: 2.5 },
    encoding: legend,
  });
  if (isNum(median)) {
    layers.push(...medianLayers([{ year: median, color: COLORS.ink, label: `Median ${formatYear(median)}`, side: "right" }]));
  } else if (median === null) {
    layers.push(medianBeyondLayer(`Median after ${domain[1]}`, domain[1]));
  }
  const hoverRows = cdf.map((r) => ({ ...r, yearText: String(r.year), pText: formatPercent(r.p) }));
  layers.push(hoverLayer(hoverRows, [{ field: "yearText", title: "Year" }, { field: "pText", title: "P(TAI by then)" }], COLORS.accent));
  layers.push(...sourceLine(SOURCE, f));
  return {
    ...topLevel(f, "Cumulative probability of transformative AI by year (Bio Anchors)"),
    title: { text: title(f, "When could transformative AI arrive?"), subtitle: subtitle(f, bioSubtitle(result, f.compact)) },
    encoding: cdfEncoding(domain),
    layer: layers,
  } as TopLevelSpec;
}

const FLOP_SERIES = [
  { key: "available", label: "Affordable: largest training run", color: COLORS.accent, dash: [1, 0], width: 2.5 },
  { key: "requiredP50", label: "Required: median", color: COLORS.ink, dash: [6, 3], width: 1.75 },
  { key: "requiredP10", label: "Required: 10th percentile", color: COLORS.inkFaint, dash: [2, 3], width: 1.5 },
] as const;

/** Log10 FLOP affordable vs required over time, labelled at the lines' right ends. */
export function bioAnchorsFlopSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const rows = series(result, "flop").filter((r) => isNum(r.year));
  const long = FLOP_SERIES.flatMap((s) =>
    rows.filter((r) => isNum(r[s.key])).map((r) => ({ year: r.year as number, oom: r[s.key] as number, series: s.label })),
  );
  const ooms = long.map((r) => r.oom);
  const lo = ooms.length ? Math.floor(Math.min(...ooms)) - 1 : 20;
  // Headroom for the label that sits above the top line's right end.
  const hi = ooms.length ? Math.ceil(Math.max(...ooms) + 0.6) : 40;
  const years = rows.map((r) => r.year as number);
  const domain: [number, number] = years.length > 1 ? [Math.min(...years), Math.max(...years)] : [2025, 2100];
  const crossings = [
    { key: "requiredP10" as const, text: "10%" },
    { key: "requiredP50" as const, text: "50%" },
  ].flatMap((c) => {
    const year = firstCrossing(years, rows.map((r) => (isNum(r.available) ? r.available : null)), rows.map((r) => (isNum(r[c.key]) ? (r[c.key] as number) : null)));
    if (year === null) return [];
    // The dot sits on the interpolated crossing; the label names the first whole year by
    // which it is affordable, which is how the arrival CDF counts years.
    const i = rows.findIndex((r) => (r.year as number) >= year);
    const a = rows[Math.max(0, i - 1)];
    const b = rows[i];
    if (!b || !isNum(a.available) || !isNum(b.available)) return [];
    const t = b.year === a.year ? 0 : (year - (a.year as number)) / ((b.year as number) - (a.year as number));
    const oom = a.available + t * (b.available - a.available);
    return [{ year, oom, floor: lo, text: `${c.text} by ${Math.ceil(year - 1e-9)}` }];
  });
  const x = { field: "year", type: "quantitative" } as const;
  const y = { field: "oom", type: "quantitative" } as const;
  // One layer per series with constant styles: direct labels replace a legend.
  const layers: Layer[] = FLOP_SERIES.flatMap((s): Layer[] => {
    const values = long.filter((r) => r.series === s.label);
    if (!values.length) return [];
    return [
      { data: { values }, mark: { type: "line", color: s.color, strokeDash: [...s.dash], strokeWidth: s.width }, encoding: { x, y } },
      {
        data: { values: values.slice(-1) },
        mark: { type: "text", align: "right", baseline: "bottom", dy: -5, fontWeight: 600, color: s.color },
        encoding: { x, y, text: { field: "series" } },
      },
    ];
  });
  layers.push(
    {
      data: { values: crossings },
      mark: { type: "point", filled: true, size: 42, color: COLORS.ink, stroke: "#ffffff", strokeWidth: 1.5, opacity: 1 },
      encoding: { x, y },
    },
    // Read-off like the main chart's median: a rule down to the year axis, labelled at the
    // bottom, where the lines have already climbed away (beside the crossing they crowd).
    {
      data: { values: crossings },
      mark: { type: "rule", color: COLORS.ink, strokeWidth: 1, strokeDash: [2, 2] },
      encoding: { x, y, y2: { field: "floor" } },
    },
    {
      data: { values: crossings },
      mark: { type: "text", align: "left", baseline: "bottom", dx: 5, dy: -4, color: COLORS.ink, fontWeight: 600 },
      encoding: { x, y: { field: "floor", type: "quantitative" }, text: { field: "text" } },
    },
    ...sourceLine("Model: Cotra 2020 Bio Anchors, reimplemented; requirements net of algorithmic progress.", f),
  );
  return {
    ...topLevel(f, "Training FLOP affordable versus FLOP required for transformative AI, by year"),
    title: {
      text: title(f, "Compute for transformative AI: required vs affordable"),
      subtitle: f.compact ? [] : subtitle(f, "Where the affordable line crosses a requirement percentile, that share of the probability of TAI has arrived."),
    },
    encoding: {
      x: { ...x, scale: { domain, nice: false, zero: false }, axis: yearAxis("Year", domain[0], domain[1]) },
      y: { ...y, scale: { domain: [lo, hi], nice: false, zero: false }, axis: { title: "Training FLOP (log scale)", values: exponentTicks(lo, hi, exponentStep(lo, hi, 7)), labelExpr: LOG10_VALUE_LABEL } },
    },
    layer: layers,
  } as TopLevelSpec;
}

// One hue family per kind of anchor (neural-network horizons in blues, biology in warm
// tones); "no feasible path" is the paper-grey of the page's rules.
const ANCHOR_COLORS: Record<string, string> = {
  short: "#1f5f74",
  medium: "#4b8ea3",
  long: "#9cc6d2",
  lifetime: "#d9a441",
  evolution: "#b5653d",
  genome: "#7d6b91",
  nopath: "#c9c2b6",
};
const EXTRA_COLORS = ["#5b7f4a", "#a35d7a", "#6f7a80"];

export function bioAnchorsHistogramSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const rows = series(result, "histogram").filter((r) => isNum(r.bin) && isNum(r.share) && typeof r.anchor === "string");
  const anchors: { label: string; key: string }[] = [];
  for (const r of rows) {
    if (!anchors.some((a) => a.label === r.anchor)) anchors.push({ label: r.anchor as string, key: String(r.anchorKey ?? "") });
  }
  const values = rows
    .filter((r) => (r.share as number) > 0)
    .map((r) => ({
      bin: r.bin as number,
      binEnd: (r.bin as number) + 1,
      anchor: r.anchor as string,
      order: anchors.findIndex((a) => a.label === r.anchor),
      share: r.share as number,
      range: `1e${r.bin}–1e${(r.bin as number) + 1} FLOP`,
      shareText: formatPercent(r.share as number),
    }));
  const bins = rows.map((r) => r.bin as number);
  const lo = bins.length ? Math.min(...bins) : 20;
  const hi = bins.length ? Math.max(...bins) + 1 : 70;
  return {
    ...topLevel(f, "Distribution of the training FLOP transformative AI needs with 2020 algorithms, stacked by anchor"),
    title: {
      text: title(f, "FLOP to train transformative AI with 2020 algorithms"),
      subtitle: f.compact ? [] : subtitle(f, "Probability per order of magnitude, stacked by biological anchor. The block on the far right is “no feasible path”."),
    },
    data: { values },
    mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.5 },
    encoding: {
      // bin: "binned" tells vega-lite the rows are already bins, so the bars stack vertically.
      x: { field: "bin", bin: "binned", type: "quantitative", scale: { domain: [lo, hi], nice: false, zero: false }, axis: { title: "Training FLOP with 2020 algorithms (log scale)", values: exponentTicks(lo, hi, 5), labelExpr: LOG10_VALUE_LABEL } },
      x2: { field: "binEnd" },
      y: { field: "share", type: "quantitative", stack: "zero", axis: { title: "Probability (%)", format: ".0%", tickCount: 5 } },
      color: {
        field: "anchor",
        type: "nominal",
        scale: { domain: anchors.map((a) => a.label), range: anchors.map((a, i) => ANCHOR_COLORS[a.key] ?? EXTRA_COLORS[i % EXTRA_COLORS.length]) },
        legend: { title: null, orient: "top-right", symbolType: "square" },
      },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "anchor", type: "nominal", title: "Anchor" },
        { field: "range", type: "nominal", title: "FLOP" },
        { field: "shareText", type: "nominal", title: "Probability" },
      ],
    },
  } as TopLevelSpec;
}
