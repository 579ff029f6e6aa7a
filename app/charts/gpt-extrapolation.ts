// GPT-N extrapolation chart: normalised benchmark performance vs training compute (log x),
// the two fits, the GPT-3 family as labelled points, and the labelled reference budgets.
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { exponentDomain, percentAxis, logFlopX } from "./axis-format";
import { isNum, series } from "./data";
import { findHeadline } from "./text";
import { formatCount, formatHeadline, formatPercent, formatSci } from "../forecast/format";
import { COLORS, INTERACTIVE_LAYER, frame, labelOffset, lineLegend, plotSpan, tag, sourceLine, subtitle, title, topLevel, type ChartOptions, type Frame, type Layer } from "./theme";

const SOURCE = "Method: Finnveden 2020, reimplemented; GPT-3 scores: Brown et al. 2020; reference lines derived here.";
const X_TITLE = "Training compute of a compute-optimal run (FLOP, log scale)";
const Y_TITLE = "Normalised benchmark performance (%)";
const FIT_LABEL = { logistic: "Logistic fit (s-curve)", linear: "Linear fit" } as const;

type Fit = keyof typeof FIT_LABEL;

/** The fit the headlines use: named in the first headline's label, "(logistic fit)". */
export function chosenFit(result: ForecastResult): Fit {
  return /linear fit/.test(findHeadline(result, "flop_50")?.label ?? "") ? "linear" : "logistic";
}

export interface CurveRow {
  flop: number;
  perf: number;
  [k: string]: unknown;
}

export function fitCurve(result: ForecastResult, fit: Fit): CurveRow[] {
  return series(result, "curves")
    .filter((r) => r.fit === fit && isNum(r.flop) && r.flop > 0 && isNum(r.perf))
    .map((r) => ({ flop: r.flop as number, perf: r.perf as number, flopText: formatSci(r.flop as number, 2), perfText: formatPercent(r.perf as number) }));
}

export function gptPoints(result: ForecastResult) {
  return series(result, "points").flatMap((r) => {
    // Place each model where the fitted relation puts its loss, so points and curves agree.
    const flop = isNum(r.flop_equivalent) && r.flop_equivalent > 0 ? r.flop_equivalent : r.flop;
    if (!isNum(flop) || !(flop > 0) || !isNum(r.perf)) return [];
    const size = isNum(r.params) ? formatCount(r.params) : String(r.name ?? "");
    return [{ flop, perf: r.perf, size, name: String(r.name ?? size), flopText: formatSci(flop, 2), perfText: formatPercent(r.perf) }];
  });
}

interface Reference {
  flop: number;
  label: string;
  detail: string;
}

export function gptReferences(result: ForecastResult): Reference[] {
  return series(result, "references").flatMap((r) =>
    isNum(r.flop) && r.flop > 0 ? [{ flop: r.flop, label: String(r.label ?? ""), detail: String(r.detail ?? "") }] : [],
  );
}

/** x domain in exponents: the curves and points, plus references within 3 OOM of them. */
export function gptDomain(curveFlops: number[], refs: Reference[]): { domain: [number, number]; off: Reference[] } {
  const [lo, hi] = exponentDomain(curveFlops);
  const near = refs.filter((r) => Math.log10(r.flop) >= lo - 3 && Math.log10(r.flop) <= hi + 3);
  const domain = exponentDomain([...curveFlops, ...near.map((r) => r.flop)]);
  return { domain, off: refs.filter((r) => !near.includes(r)) };
}

export function gptAxes(domain: [number, number]) {
  return {
    x: logFlopX(domain, X_TITLE),
    y: { field: "perf", type: "quantitative", scale: { domain: [0, 1], nice: false }, axis: percentAxis(Y_TITLE) },
  } as const;
}

/**
 * Which side of its line each reference's label goes, or none: a label sits left of its line
 * unless an earlier label holds that strip, then right; a label with no free strip is left out
 * (its line stays, named in its tooltip). On a phone 14 orders of magnitude share ~220 px, and
 * "1 cent per word" and "Transformative-model parameters" ran into each other.
 */
export function referenceSides(refs: Reference[], domain: [number, number], f: Frame): ("left" | "right" | null)[] {
  const { plot } = plotSpan(f);
  const strip = Math.max(10.5, f.minFont) + 2;
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => a >= -1 && b <= plot + 1 && taken.every(([lo, hi]) => b <= lo || a >= hi);
  const order = refs.map((r, i) => ({ i, x: ((Math.log10(r.flop) - domain[0]) / Math.max(1e-9, domain[1] - domain[0])) * plot })).sort((a, b) => a.x - b.x);
  const sides: ("left" | "right" | null)[] = refs.map(() => null);
  for (const { i, x } of order) {
    const left: [number, number] = [x - 3 - strip, x - 3];
    const right: [number, number] = [x + 3, x + 3 + strip];
    const side = free(...left) ? "left" : free(...right) ? "right" : null;
    if (side) taken.push(side === "left" ? left : right);
    sides[i] = side;
  }
  return sides;
}

/**
 * Vertical reference lines, labelled along the line from the bottom up: the fitted curves
 * are high on the right of the chart, where these budgets sit, so the bottom is free.
 */
export function referenceLayers(refs: Reference[], domain: [number, number], f: Frame): Layer[] {
  if (!refs.length) return [];
  const sides = referenceSides(refs, domain, f);
  const values = refs.map((r, i) => ({ ...r, flopText: formatSci(r.flop, 2), side: sides[i] }));
  const x = { field: "flop", type: "quantitative" } as const;
  // angle 270 reads bottom-to-top; dx/dy apply after rotation (dx up, dy sideways).
  // limit: a label longer than the plot is tall would push the title out of the frame.
  const label = (side: "left" | "right"): Layer => ({
    data: { values: values.filter((v) => v.side === side) },
    mark: { type: "text", angle: 270, align: "left", baseline: side === "left" ? "bottom" : "top", dx: 6, dy: side === "left" ? -3 : 3, fontSize: 10.5, color: COLORS.inkSoft, limit: Math.max(60, f.height - 160) },
    encoding: { x, y: { value: "height" }, text: { field: "label" } },
  });
  return [
    {
      data: { values },
      mark: { type: "rule", color: COLORS.inkFaint, strokeDash: [2, 3], strokeWidth: 1 },
      encoding: {
        x,
        // Explicit y: layers otherwise inherit the chart's y field, which these rows lack.
        y: { value: 0 },
        y2: { value: "height" },
        tooltip: [
          { field: "label", type: "nominal", title: "Reference" },
          { field: "flopText", type: "nominal", title: "FLOP" },
          { field: "detail", type: "nominal", title: "How" },
        ],
      },
    },
    ...(values.some((v) => v.side === "left") ? [label("left")] : []),
    ...(values.some((v) => v.side === "right") ? [label("right")] : []),
  ];
}

export function gptSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const chosen = chosenFit(result);
  const fits: Fit[] = chosen === "logistic" ? ["linear", "logistic"] : ["logistic", "linear"];
  const curves = Object.fromEntries(fits.map((fit) => [fit, fitCurve(result, fit)])) as Record<Fit, CurveRow[]>;
  const points = gptPoints(result);
  const refs = gptReferences(result);
  const { domain, off } = gptDomain([...curves.logistic, ...curves.linear, ...points].map((r) => r.flop), refs);
  const legend = lineLegend(
    [
      { label: FIT_LABEL[chosen], color: COLORS.accent },
      { label: FIT_LABEL[chosen === "logistic" ? "linear" : "logistic"], color: COLORS.neutral, dash: [6, 4] },
    ],
    // Compact plots are too short for a legend inside without covering the curves.
    f.compact ? "top" : "top-left",
  );
  const layers: Layer[] = [...referenceLayers(refs.filter((r) => !off.includes(r)), domain, f)];
  // The other fit first (underneath), the headline fit on top and thicker.
  for (const fit of fits) {
    layers.push({
      data: { values: tag(curves[fit], FIT_LABEL[fit]) },
      mark: { type: "line", strokeWidth: fit === chosen ? 2.5 : 1.5, clip: true },
      encoding: legend,
    });
  }
  const tooltip = [
    { field: "name", type: "nominal", title: "GPT-3 model" },
    { field: "flopText", type: "nominal", title: "FLOP" },
    { field: "perfText", type: "nominal", title: "Performance" },
  ] as const;
  layers.push(
    {
      data: { values: points },
      mark: { type: "point", filled: true, size: 38, color: COLORS.ink, stroke: "#ffffff", strokeWidth: 1, opacity: 1 },
      encoding: { tooltip: [...tooltip] },
    },
    // Labels alternate above-left and below-right of their points: neighbouring GPT-3 sizes
    // are only ~15 px apart, so one side for all would make the labels collide. The last
    // (largest) model has no right neighbour and sits below the curve: below-right.
    ...([0, 1] as const).map((odd): Layer => ({
      data: { values: points.filter((_, i) => Number(i % 2 === 1 && i !== points.length - 1) === odd) },
      mark: { type: "text", ...labelOffset(odd === 1, [5, 3], [5, 3]), fontSize: 10.5, color: COLORS.ink },
      encoding: { text: { field: "size" } },
    })),
    {
      name: `${INTERACTIVE_LAYER}hover`,
      data: { values: curves[chosen] },
      params: [{ name: "hover", select: { type: "point", fields: ["flop"], nearest: true, on: "pointerover", clear: "pointerout" } }],
      mark: { type: "point", filled: true, size: 40, color: COLORS.accent },
      encoding: {
        opacity: { condition: { param: "hover", empty: false, value: 1 }, value: 0 },
        tooltip: [
          { field: "flopText", type: "nominal", title: "FLOP" },
          { field: "perfText", type: "nominal", title: FIT_LABEL[chosen] },
        ],
      },
    },
    ...sourceLine(SOURCE, f),
  );
  const p80 = findHeadline(result, "flop_80");
  const p90 = findHeadline(result, "flop_90");
  const reach = [p80 && `80% at ${formatHeadline(p80)}`, p90 && `90% at ${formatHeadline(p90)}`]
    .filter(Boolean)
    .join(", ");
  const offText = off.length ? `Off the chart: ${off.map((r) => `${r.label} (${formatSci(r.flop, 2)} FLOP)`).join(", ")}.` : "";
  return {
    ...topLevel(f, "Normalised benchmark performance of GPT-style models against training compute, with fitted curves"),
    title: {
      text: title(f, "GPT-N: benchmark performance vs training compute"),
      subtitle: subtitle(f, reach ? `The ${chosen} fit reaches ${reach}.` : "", f.compact ? "" : offText),
    },
    encoding: gptAxes(domain),
    layer: layers,
  } as TopLevelSpec;
}
