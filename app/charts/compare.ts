// Charts that compare forecasts: a fork overlaid on its parent (all three models), and the
// community view of a post's forecast, its forks and their aggregate (CDF models).
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { cdfEncoding, cdfLegendOrient, fitMedianLabel, halfGuide, medianLayers, type MedianMark } from "./cdf-layers";
import { cdfRows, inYears, isNum, yearDomain, type CdfRow } from "./data";
import { chosenFit, fitCurve, gptAxes, gptDomain, gptReferences, referenceLayers } from "./gpt-extrapolation";
import { chosenCurve, chosenPoint, labelSide, lossAxes, pointLayers, shortLaw } from "./scaling-laws";
import { findHeadline, shiftSubtitle } from "./text";
import { formatYear } from "../forecast/format";
import { isQuick } from "./quick-text";
import { quickOverlaySpec } from "./quick-specs";
import { squiggleOverlay } from "./squiggle";
import { COLORS, frame, lineLegend, tag, subtitle, title, topLevel, type ChartOptions, type Layer } from "./theme";

export interface OverlayLabels {
  parent: string;
  fork: string;
  /** The chart's title; a fork over its parent by default. */
  title?: string;
}

// The parent is drawn wide and soft underneath, the fork narrow on top: where a fork leaves
// a curve unchanged both stay visible (a grey halo around the fork's line).
const PARENT_LINE = { type: "line", strokeWidth: 4, opacity: 0.75 } as const;
const FORK_LINE = { type: "line", strokeWidth: 2 } as const;

/** Legend labels must differ, or vega-lite would merge the two series into one. */
function distinct(labels: OverlayLabels): OverlayLabels {
  const parent = labels.parent.trim() || "Parent";
  const fork = labels.fork.trim() || "Fork";
  return parent === fork ? { ...labels, parent: `${parent} (parent)`, fork: `${fork} (fork)` } : { ...labels, parent, fork };
}

/** Median markers for several curves; the earliest labels left, the rest right, so they part. */
function medianMarks(items: { result: ForecastResult; color: string }[]): MedianMark[] {
  const known = items
    .map((it) => ({ year: findHeadline(it.result, "median")?.value, color: it.color }))
    .filter((m): m is { year: number; color: string } => isNum(m.year))
    .sort((a, b) => a.year - b.year);
  return known.map((m, i) => ({ year: m.year, color: m.color, label: formatYear(m.year), side: i === 0 && known.length > 1 ? "left" : "right" }));
}

/** Squiggle year outputs are about any event, not transformative AI. */
const yTitleOf = (result: ForecastResult) => (result?.modelId === "squiggle" ? "Probability it has happened (%)" : undefined);

function cdfOverlay(parent: ForecastResult, fork: ForecastResult, labels: OverlayLabels, options: ChartOptions): TopLevelSpec {
  const f = frame(options);
  const [allA, allB] = [cdfRows(parent), cdfRows(fork)];
  const domain = yearDomain(allA, allB);
  const a = inYears(allA, domain);
  const b = inYears(allB, domain);
  const legend = lineLegend([{ label: labels.parent, color: COLORS.neutral }, { label: labels.fork, color: COLORS.fork }], cdfLegendOrient([a, b], domain));
  // A faint band between the curves shows where, and by how much, the fork moved.
  const byYear = new Map(b.map((r) => [r.year, r.p]));
  const band = a.flatMap((r) => {
    const q = byYear.get(r.year);
    return q === undefined ? [] : [{ year: r.year, lo: Math.min(r.p, q), hi: Math.max(r.p, q) }];
  });
  const layers: Layer[] = [
    {
      data: { values: band },
      mark: { type: "area", color: COLORS.fork, opacity: 0.09 },
      encoding: { y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } },
    },
    halfGuide(),
    { data: { values: tag(a, labels.parent) }, mark: PARENT_LINE, encoding: legend },
    { data: { values: tag(b, labels.fork) }, mark: FORK_LINE, encoding: legend },
    ...medianLayers(medianMarks([{ result: parent, color: COLORS.neutral }, { result: fork, color: COLORS.fork }])),
  ];
  return {
    ...topLevel(f, "Arrival-year probability of a forecast and its fork"),
    title: { text: title(f, labels.title ?? "How the fork changes the forecast"), subtitle: subtitle(f, shiftSubtitle(parent, fork)) },
    encoding: cdfEncoding(domain, yTitleOf(parent)),
    layer: layers,
  } as TopLevelSpec;
}

function gptOverlay(parent: ForecastResult, fork: ForecastResult, labels: OverlayLabels, options: ChartOptions): TopLevelSpec {
  const f = frame(options);
  const a = fitCurve(parent, "logistic");
  const b = fitCurve(fork, "logistic");
  const refs = gptReferences(fork);
  const { domain, off } = gptDomain([...a, ...b].map((r) => r.flop), refs);
  const legend = lineLegend([{ label: labels.parent, color: COLORS.neutral }, { label: labels.fork, color: COLORS.fork }], f.compact ? "top" : "top-left");
  const note = chosenFit(parent) === "logistic" && chosenFit(fork) === "logistic" ? "" : "Both curves are the logistic fit.";
  return {
    ...topLevel(f, "Logistic performance curves of a GPT-N forecast and its fork"),
    title: { text: title(f, labels.title ?? "How the fork changes the GPT-N curve"), subtitle: subtitle(f, shiftSubtitle(parent, fork), note) },
    encoding: gptAxes(domain),
    layer: [
      ...referenceLayers(refs.filter((r) => !off.includes(r)), domain, f),
      { data: { values: tag(a, labels.parent) }, mark: { ...PARENT_LINE, clip: true }, encoding: legend },
      { data: { values: tag(b, labels.fork) }, mark: { ...FORK_LINE, clip: true }, encoding: legend },
    ],
  } as TopLevelSpec;
}

function scalingOverlay(parent: ForecastResult, fork: ForecastResult, labels: OverlayLabels, options: ChartOptions): TopLevelSpec {
  const f = frame(options);
  const a = chosenCurve(parent);
  const b = chosenCurve(fork);
  const pa = chosenPoint(parent);
  const pb = chosenPoint(fork);
  const name = (l: string, law: string) => (a.law === b.law ? l : `${l}: ${shortLaw(law)}`);
  const la = name(labels.parent, a.law);
  const lb = name(labels.fork, b.law);
  const legend = lineLegend([{ label: la, color: COLORS.neutral }, { label: lb, color: COLORS.fork }], f.compact ? "top" : "top-right");
  const points = [pa, pb].filter((p): p is { flop: number; loss: number } => p !== null);
  return {
    ...topLevel(f, "Loss against compute under the chosen scaling law, for a forecast and its fork"),
    title: { text: title(f, labels.title ?? "How the fork changes the predicted loss"), subtitle: subtitle(f, shiftSubtitle(parent, fork)) },
    encoding: lossAxes([...a.rows, ...b.rows, ...points], f),
    layer: [
      { data: { values: tag(a.rows, la) }, mark: PARENT_LINE, encoding: legend },
      { data: { values: tag(b.rows, lb) }, mark: FORK_LINE, encoding: legend },
      ...(pa ? pointLayers(pa, COLORS.neutral, "") : []),
      ...(pb ? pointLayers(pb, COLORS.fork, "Fork's N, D", labelSide(pb, [...a.rows, ...b.rows, ...(pa ? [pa] : [])], f)) : []),
    ],
  } as TopLevelSpec;
}

/** The main chart with both forecasts: parent in neutral grey, fork in the fork colour. */
export function overlaySpec(parent: ForecastResult, fork: ForecastResult, labels: OverlayLabels, options: ChartOptions = {}): TopLevelSpec {
  const l = distinct(labels);
  if (isQuick(parent)) return quickOverlaySpec(parent, fork, l, options);
  switch (parent?.modelId) {
    case "gpt-extrapolation":
      return gptOverlay(parent, fork, l, options);
    case "scaling-laws":
      return scalingOverlay(parent, fork, l, options);
    case "squiggle":
      return squiggleOverlay(parent, fork, l, shiftSubtitle(parent, fork), options) ?? cdfOverlay(parent, fork, l, options);
    default:
      return cdfOverlay(parent, fork, l, options);
  }
}

/**
 * The post's forecast, every fork as a thin translucent line, and the aggregate in bold, for
 * models whose result has an arrival-year CDF.
 */
export function communitySpec(own: ForecastResult, forks: ForecastResult[], aggregate: ForecastResult | null, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const [allOwn, allAgg, allForks] = [cdfRows(own), aggregate ? cdfRows(aggregate) : [], forks.map((r) => cdfRows(r))];
  const domain = yearDomain(allOwn, allAgg, ...allForks);
  const ownRows = inYears(allOwn, domain);
  const forkRows = allForks.map((rows) => inYears(rows, domain));
  const aggRows = inYears(allAgg, domain);
  const forkLabel = `Forks (${forks.length})`;
  const entries = [
    { label: "This post", color: COLORS.accent },
    ...(forks.length ? [{ label: forkLabel, color: COLORS.fork }] : []),
    ...(aggRows.length ? [{ label: "Aggregate", color: COLORS.ink }] : []),
  ];
  const legend = lineLegend(entries, cdfLegendOrient([ownRows, aggRows, ...forkRows], domain));
  const forkValues = forkRows.flatMap((rows, i) => rows.map((r: CdfRow) => ({ ...r, fork: i, series: forkLabel })));
  const layers: Layer[] = [halfGuide()];
  layers.push({ data: { values: tag(ownRows, "This post") }, mark: { type: "line", strokeWidth: 2.25 }, encoding: legend });
  // The aggregate pools the forks, so it runs through them (with one fork, on top of it): drawn
  // wide and half-transparent underneath, with the forks' thinner lines on top, both show.
  if (aggRows.length) {
    layers.push({ data: { values: tag(aggRows, "Aggregate") }, mark: { type: "line", strokeWidth: 4, opacity: 0.55 }, encoding: legend });
  }
  if (forkValues.length) {
    layers.push({
      data: { values: forkValues },
      mark: { type: "line", strokeWidth: 1.5, opacity: forks.length > 20 ? 0.35 : forks.length > 5 ? 0.6 : 0.9 },
      encoding: { ...legend, detail: { field: "fork", type: "nominal" } },
    });
  }
  const marks = medianMarks([{ result: aggregate ?? own, color: aggregate ? COLORS.ink : COLORS.accent }]);
  layers.push(...medianLayers(marks.map((m) => fitMedianLabel({ ...m, label: `${aggregate ? "Aggregate median" : "Median"} ${m.label}` }, domain, f))));
  const median = findHeadline(aggregate ?? own, "median");
  const sub = `${forks.length} fork${forks.length === 1 ? "" : "s"}${median ? ` · ${aggregate ? "aggregate" : "post"} median ${formatYear(median.value)}` : ""}`;
  return {
    ...topLevel(f, "Arrival-year probability of a post's forecast, its forks and their aggregate"),
    title: { text: title(f, "The post's forecast and its forks"), subtitle: subtitle(f, sub) },
    encoding: cdfEncoding(domain, yTitleOf(own)),
    layer: layers,
  } as TopLevelSpec;
}
