// Building blocks shared by every arrival-year CDF chart (forecast, overlay, community):
// axes, the 50% guide, the median marker and the hover read-out.
import { percentAxis, yearAxis } from "./axis-format";
import type { CdfRow } from "./data";
import { textWidth } from "./text-width";
import { COLORS, INTERACTIVE_LAYER, labelOffset, plotSpan, type Frame, type Layer } from "./theme";

export const YEAR_TITLE = "Year";
export const PROB_TITLE = "Probability TAI has arrived (%)";

export function cdfEncoding(domain: [number, number], yTitle: string = PROB_TITLE) {
  return {
    x: {
      field: "year",
      type: "quantitative",
      scale: { domain, nice: false, zero: false },
      axis: yearAxis(YEAR_TITLE, domain[0], domain[1], domain[1] - domain[0] > 40 ? 10 : 5),
    },
    y: {
      field: "p",
      type: "quantitative",
      scale: { domain: [0, 1], nice: false },
      axis: percentAxis(yTitle),
    },
  } as const;
}

/**
 * Where a legend covers no CDF: bottom-right when every curve is high by the last third of
 * the range (the usual shape), top-left when every curve is still low in the first third
 * (late forecasts), otherwise outside on the right.
 */
export function cdfLegendOrient(curves: CdfRow[][], domain: [number, number]): "bottom-right" | "top-left" | "right" {
  const span = domain[1] - domain[0];
  const rows = curves.flat();
  const late = rows.filter((r) => r.year >= domain[0] + span * 0.62);
  const early = rows.filter((r) => r.year <= domain[0] + span * 0.38);
  if (late.every((r) => r.p >= 0.36)) return "bottom-right";
  if (early.every((r) => r.p <= 0.62)) return "top-left";
  return "right";
}

/** The dashed 50% line the median is read off. */
export function halfGuide(): Layer {
  return {
    data: { values: [{ p: 0.5 }] },
    mark: { type: "rule", color: COLORS.ruleStrong, strokeDash: [4, 4], strokeWidth: 1 },
    encoding: { x: { value: 0 }, x2: { value: "width" }, y: { field: "p", type: "quantitative" } },
  };
}

export interface MedianMark {
  year: number;
  color: string;
  /** One line, or several stacked (fitMedianLabel splits a long one on narrow charts). */
  label: string | string[];
  /** Which side of the point the label sits; chosen so it lands where no curve is. */
  side: "left" | "right";
}

const LABEL_FONT = 11.5;
// A chart drawn as an image cannot load Inter, and the fallback sans runs up to ~15% wider
// than the widths textWidth assumes.
const FALLBACK_WIDER = 1.15;

/**
 * A lone median's label where it fits. Its preferred side, unless it would run past the drawing
 * there (a late median on a phone-width chart read "Aggregate median 20…"); then the other side;
 * then the same on more, shorter lines.
 */
export function fitMedianLabel(m: MedianMark, domain: [number, number], f: Frame): MedianMark {
  const { plot, pad } = plotSpan(f);
  const span = domain[1] - domain[0];
  const x = span > 0 ? ((m.year - domain[0]) / span) * plot : 0;
  const room = { left: x - 6, right: plot - x + pad - 6 };
  const font = Math.max(LABEL_FONT, f.minFont);
  const widest = (lines: string[]) => FALLBACK_WIDER * Math.max(...lines.map((l) => textWidth(l, font, true)));
  const whole = typeof m.label === "string" ? m.label : m.label.join(" ");
  const other = m.side === "left" ? "right" : "left";
  const cut = whole.lastIndexOf(" ");
  // One line; the year on a line of its own; a word a line.
  const layouts = cut > 0 ? [[whole], [whole.slice(0, cut), whole.slice(cut + 1)], whole.split(" ")] : [[whole]];
  const tries = layouts.flatMap((lines) => [[m.side, lines], [other, lines]] as [MedianMark["side"], string[]][]);
  const fits = tries.find(([side, lines]) => widest(lines) <= room[side]);
  if (!fits) return m;
  const [side, lines] = fits;
  return { ...m, side, label: lines.length === 1 ? lines[0]! : lines };
}

/**
 * A rule from the x-axis up to 50% at the median, a dot on the curve and a label. Left labels
 * sit above the 50% line (both curves are below it there), right labels below it. Colours are
 * constants per layer, not a field: a second colour field would stop vega-lite from merging
 * the chart's series legend (it merges channels only when they share one field).
 */
export function medianLayers(marks: MedianMark[], rule = true): Layer[] {
  const x = { field: "year", type: "quantitative" } as const;
  const y = { field: "p", type: "quantitative" } as const;
  return marks.flatMap((m): Layer[] => {
    const values = [{ year: m.year, p: 0.5, zero: 0, label: m.label }];
    const left = m.side === "left";
    const layers: Layer[] = [];
    if (rule) {
      layers.push({
        data: { values },
        mark: { type: "rule", strokeWidth: 1, color: m.color },
        encoding: { x, y: { field: "zero", type: "quantitative" }, y2: { field: "p" } },
      });
    }
    layers.push(
      {
        data: { values },
        mark: { type: "point", filled: true, size: 46, color: m.color, stroke: "#ffffff", strokeWidth: 1.5, opacity: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: "text", ...labelOffset(left, [5, 4], [6, 5]), fontWeight: 600, fontSize: LABEL_FONT, lineHeight: 16, color: m.color },
        encoding: { x, y, text: { field: "label" } },
      },
    );
    return layers;
  });
}

/** "Median after 2100": said in words at the right end of the 50% line instead of a marker. */
export function medianBeyondLayer(text: string, domainEnd: number, color: string = COLORS.inkSoft): Layer {
  return {
    data: { values: [{ year: domainEnd, p: 0.5, text }] },
    mark: { type: "text", align: "right", baseline: "top", dy: 5, dx: -2, fontWeight: 600, color },
    encoding: { x: { field: "year", type: "quantitative" }, y: { field: "p", type: "quantitative" }, text: { field: "text" } },
  };
}

/**
 * Hover read-out for the interactive chart: the nearest year's point and a tooltip. Rows carry
 * preformatted text so the tooltip reads "2040" and "26%" rather than raw numbers.
 */
export function hoverLayer(rows: (CdfRow & Record<string, unknown>)[], tooltip: { field: string; title: string }[], color: string): Layer {
  return {
    name: `${INTERACTIVE_LAYER}hover`,
    data: { values: rows },
    params: [{ name: "hover", select: { type: "point", fields: ["year"], nearest: true, on: "pointerover", clear: "pointerout" } }],
    mark: { type: "point", filled: true, size: 40, color, stroke: "#ffffff", strokeWidth: 1 },
    encoding: {
      x: { field: "year", type: "quantitative" },
      y: { field: "p", type: "quantitative" },
      opacity: { condition: { param: "hover", empty: false, value: 1 }, value: 0 },
      tooltip: tooltip.map((t) => ({ field: t.field, title: t.title, type: "nominal" as const })),
    },
  };
}
