// Charts of Squiggle forecasts, by the kind of output their author marked (docs/decisions/018):
// a year is drawn exactly like Bio Anchors (the CDF by year, median read off the 50% line);
// a quantity as its CDF on a linear or log axis with the 5th, 50th and 95th percentiles;
// a probability as one bar on a 0–100% scale. Overlays put a fork on its parent the same way.
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { exponentDomain, logScaleAxis, percentAxis } from "./axis-format";
import { cdfEncoding, fitMedianLabel, halfGuide, hoverLayer, medianBeyondLayer, medianLayers } from "./cdf-layers";
import { cdfRows, inYears, isNum, series, yearDomain } from "./data";
import { formatNumber, formatPercent, formatYear } from "../forecast/format";
import { findHeadline, outputKind, quantitySubtitle, squiggleLabel as label, yearSubtitle } from "./text";
import { COLORS, frame, lineLegend, sourceLine, subtitle, tag, title, topLevel, type ChartOptions, type Layer } from "./theme";

const SOURCE = "Model: a Squiggle program, run by @quri/squiggle-lang";
const PROB_TITLE = "Probability it has happened (%)";


function yearSpec(result: ForecastResult, options: ChartOptions): TopLevelSpec {
  const f = frame(options);
  const all = cdfRows(result);
  const domain = yearDomain(all);
  const cdf = inYears(all, domain);
  const median = findHeadline(result, "median")?.value;
  const layers: Layer[] = [halfGuide(), { data: { values: cdf }, mark: { type: "line", strokeWidth: 2.5, color: COLORS.accent } }];
  if (isNum(median)) layers.push(...medianLayers([fitMedianLabel({ year: median, color: COLORS.ink, label: `Median ${formatYear(median)}`, side: "right" }, domain, f)]));
  else if (median === null) layers.push(medianBeyondLayer(`Median after ${domain[1]}`, domain[1]));
  const hover = cdf.map((r) => ({ ...r, yearText: String(r.year), pText: formatPercent(r.p) }));
  layers.push(hoverLayer(hover, [{ field: "yearText", title: "Year" }, { field: "pText", title: "P(by then)" }], COLORS.accent));
  layers.push(...sourceLine(SOURCE, f));
  return {
    ...topLevel(f, `Cumulative probability by year: ${label(result, "the forecast's output")}`),
    title: { text: title(f, label(result, "When will it happen?")), subtitle: subtitle(f, yearSubtitle(result, f.compact)) },
    encoding: cdfEncoding(domain, PROB_TITLE),
    layer: layers,
  } as TopLevelSpec;
}

interface QuantityRow {
  x: number;
  p: number;
}

function quantityRows(result: ForecastResult): QuantityRow[] {
  return series(result, "quantity")
    .filter((r) => isNum(r.x) && isNum(r.p))
    .map((r) => ({ x: r.x as number, p: r.p as number }));
}

/** The x channel of quantity CDFs: log when every result asks for it and all values are positive. */
function quantityX(results: ForecastResult[], rows: QuantityRow[], unit: string) {
  const log = results.every((r) => r.output?.scale === "log") && rows.every((r) => r.x > 0);
  const axisTitle = unit ? `Value (${unit})` : "Value";
  if (!log) return { field: "x", type: "quantitative", scale: { zero: false, nice: true }, axis: { title: axisTitle, format: "~s", tickCount: 6 } } as const;
  const [lo, hi] = exponentDomain(rows.map((r) => r.x));
  const span: [number, number] = hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  return {
    field: "x",
    type: "quantitative",
    scale: { type: "log", domain: [Number(`1e${span[0]}`), Number(`1e${span[1]}`)], nice: false },
    axis: logScaleAxis(`${axisTitle}, log scale`, span[0], span[1], 7),
  } as const;
}

const Y = { field: "p", type: "quantitative", scale: { domain: [0, 1], nice: false }, axis: percentAxis("Probability the value is at most x (%)") } as const;

function quantileMarks(result: ForecastResult, color: string): Layer[] {
  const marks = [
    { key: "q05", p: 0.05, name: "5th" },
    { key: "q50", p: 0.5, name: "Median" },
    { key: "q95", p: 0.95, name: "95th" },
  ].flatMap((m) => {
    const h = findHeadline(result, m.key);
    return h && isNum(h.value) ? [{ x: h.value, p: m.p, zero: 0, text: `${m.name} ${formatNumber(h.value)}` }] : [];
  });
  return [
    { data: { values: marks }, mark: { type: "rule", strokeWidth: 1, strokeDash: [3, 3], color }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "zero", type: "quantitative" }, y2: { field: "p" } } },
    { data: { values: marks }, mark: { type: "point", filled: true, size: 42, color, stroke: "#ffffff", strokeWidth: 1.5, opacity: 1 }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "p", type: "quantitative" } } },
    {
      data: { values: marks },
      mark: { type: "text", align: "left", baseline: "top", dx: 6, dy: 4, fontWeight: 600, fontSize: 11.5, color },
      encoding: { x: { field: "x", type: "quantitative" }, y: { field: "p", type: "quantitative" }, text: { field: "text" } },
    },
  ];
}

function quantitySpec(result: ForecastResult, options: ChartOptions): TopLevelSpec {
  const f = frame(options);
  const rows = quantityRows(result);
  const layers: Layer[] = [halfGuide(), { data: { values: rows }, mark: { type: "line", strokeWidth: 2.5, color: COLORS.accent, interpolate: "monotone" } }, ...quantileMarks(result, COLORS.ink)];
  layers.push(...sourceLine(SOURCE, f));
  return {
    ...topLevel(f, `Cumulative distribution of ${label(result, "the forecast's output")}`),
    title: { text: title(f, label(result, "The forecast's output")), subtitle: subtitle(f, quantitySubtitle(result)) },
    encoding: { x: quantityX([result], rows, result.output?.unit ?? ""), y: Y },
    layer: layers,
  } as TopLevelSpec;
}

function probabilityBars(rows: { who: string; p: number; color: string }[], options: ChartOptions, heading: { text: string; sub: string }, description: string): TopLevelSpec {
  const f = frame({ ...options, height: options.height ?? Math.min(frame(options).height, 120 + rows.length * 44) });
  const values = rows.map((r) => ({ ...r, text: formatPercent(r.p) }));
  const y = { field: "who", type: "nominal", sort: null, axis: rows.length > 1 ? { title: null, labelFontSize: 11.5 } : null } as const;
  const x = { field: "p", type: "quantitative", scale: { domain: [0, 1], nice: false }, axis: percentAxis("Probability (%)") } as const;
  return {
    ...topLevel(f, description),
    title: { text: title(f, heading.text), subtitle: subtitle(f, heading.sub) },
    data: { values },
    encoding: { y, x },
    layer: [
      { mark: { type: "bar", cornerRadiusEnd: 3, height: { band: 0.62 } }, encoding: { color: { field: "color", type: "nominal", scale: null } } },
      { mark: { type: "text", align: "left", dx: 6, fontWeight: 600, fontSize: 13, color: COLORS.ink }, encoding: { text: { field: "text" } } },
    ],
  } as TopLevelSpec;
}

function probabilitySpec(result: ForecastResult, options: ChartOptions): TopLevelSpec {
  const p = findHeadline(result, "probability")?.value ?? 0;
  return probabilityBars([{ who: "This forecast", p, color: COLORS.accent }], options, { text: label(result, "Probability"), sub: `Probability ${formatPercent(p)}` }, `Probability of ${label(result, "the event")}`);
}

/** The main chart of a Squiggle result. */
export function squiggleSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  switch (outputKind(result)) {
    case "quantity":
      return quantitySpec(result, options);
    case "probability":
      return probabilitySpec(result, options);
    default:
      return yearSpec(result, options);
  }
}

/** A Squiggle fork over its parent; a fork whose code changed the kind of output is drawn alone. */
export function squiggleOverlay(parent: ForecastResult, fork: ForecastResult, labels: { parent: string; fork: string }, shift: string, options: ChartOptions = {}): TopLevelSpec | null {
  const kind = outputKind(fork);
  if (outputKind(parent) !== kind) return squiggleSpec(fork, options);
  const f = frame(options);
  if (kind === "probability") {
    const p = (r: ForecastResult) => findHeadline(r, "probability")?.value ?? 0;
    return probabilityBars(
      [
        { who: labels.parent, p: p(parent), color: COLORS.neutral },
        { who: labels.fork, p: p(fork), color: COLORS.fork },
      ],
      options,
      { text: "How the fork changes the probability", sub: shift },
      "Probability of a forecast and its fork",
    );
  }
  if (kind === "year") return null;
  const a = quantityRows(parent);
  const b = quantityRows(fork);
  const legend = lineLegend([{ label: labels.parent, color: COLORS.neutral }, { label: labels.fork, color: COLORS.fork }], "bottom-right");
  return {
    ...topLevel(f, "Cumulative distributions of a forecast and its fork"),
    title: { text: title(f, "How the fork changes the forecast"), subtitle: subtitle(f, shift) },
    encoding: { x: quantityX([parent, fork], [...a, ...b], fork.output?.unit ?? ""), y: Y },
    layer: [
      halfGuide(),
      { data: { values: tag(a, labels.parent) }, mark: { type: "line", strokeWidth: 4, opacity: 0.75, interpolate: "monotone" }, encoding: legend },
      { data: { values: tag(b, labels.fork) }, mark: { type: "line", strokeWidth: 2, interpolate: "monotone" }, encoding: legend },
    ],
  } as TopLevelSpec;
}

/** The chart's numbers as a table. */
export function squiggleTable(result: ForecastResult): { caption: string; columns: string[]; rows: (string | number)[][] } {
  const name = label(result, "the output");
  switch (outputKind(result)) {
    case "quantity":
      return {
        caption: `Quantiles of ${name}`,
        columns: ["Probability the value is at most", `Value${result.output?.unit ? ` (${result.output.unit})` : ""}`],
        rows: quantityRows(result).map((r) => [formatPercent(r.p, 1), formatNumber(r.x)]),
      };
    case "probability":
      return { caption: `Probability of ${name}`, columns: ["Probability"], rows: [[formatPercent(findHeadline(result, "probability")?.value, 1)]] };
    default:
      return {
        caption: `Probability that ${name.charAt(0).toLowerCase()}${name.slice(1)} has happened by each year`,
        columns: ["Year", "Probability"],
        rows: cdfRows(result)
          .filter((r, i, all) => r.year % 5 === 0 || i === 0 || i === all.length - 1)
          .map((r) => [r.year, formatPercent(r.p, 1)]),
      };
  }
}
