// The site's chart look, in one place so every chart (and the interactive re-render in the
// browser) draws with the same palette, type and spacing as the surrounding page.
import type { Config, TopLevelSpec } from "vega-lite";
import { textWidth } from "./text-width";

export const COLORS = {
  ink: "#1d2327",
  inkSoft: "#4a5259",
  inkFaint: "#626a70",
  grid: "#e4dfd6",
  ruleStrong: "#cfc7ba",
  accent: "#1f5f74",
  /** The fork (second) colour of overlays. */
  fork: "#c0562f",
  /** Parent forecast in overlays, and other context lines: neutral, so the fork stands out. */
  neutral: "#8b9298",
  /** Faint reference curves (Cotra's spreadsheet): present but never competing. */
  reference: "#a9aeb2",
} as const;

export const FONT = "Inter Variable, system-ui, sans-serif";

/**
 * Name prefix of layers that only matter in the browser (hover read-outs: invisible until
 * hovered). The server renderer drops them, which keeps the static SVG smaller and faster.
 */
export const INTERACTIVE_LAYER = "interactive-";

/** A layered top-level spec, and one of its layers: derived from the public type only. */
export type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
export type Layer = LayeredSpec["layer"][number];

export interface ChartOptions {
  /** Outer width in px, axes, titles and legends included (autosize "fit"). */
  width?: number;
  /** Outer height in px, everything included. */
  height?: number;
  /** Smaller, for replies and previews: no source line, a shorter subtitle. */
  compact?: boolean;
  /** The smallest font the chart may use: subtitles wrap at it (phone layouts raise it). */
  minFont?: number;
}

export interface Frame {
  width: number;
  height: number;
  compact: boolean;
  minFont: number;
}

export function frame(options: ChartOptions = {}): Frame {
  const compact = options.compact ?? false;
  return {
    width: options.width ?? (compact ? 520 : 680),
    height: options.height ?? (compact ? 280 : 400),
    compact,
    minFont: options.minFont ?? 0,
  };
}

/**
 * The phone layout of every chart. A server SVG scales to its column, so a 680 px drawing in a
 * phone's ~320 px column shrinks 11 px labels to 5 px; drawn at the phone's own width with no
 * font under 13 px, the text stays at 12 CSS px or more down to a 277 px column (a reply
 * nested a few levels deep on a 390 px screen).
 */
export const PHONE = { width: 300, height: 380, plotHeight: 210, minFont: 13 } as const;
/** Where a page picks the phone drawing (`<source media>`, CSS): the same break as app.css's phone rules. */
export const PHONE_MEDIA = "(max-width: 600px)";
export const PHONE_OPTIONS: ChartOptions = { width: PHONE.width, height: PHONE.height, compact: true, minFont: PHONE.minFont };

const FONT_KEY = /^(fontSize|[a-z]+FontSize)$/;

/** Every font size in a spec raised to at least `min` (themes, axes, legends, text marks alike). */
export function raiseFonts<T>(spec: T, min: number): T {
  if (Array.isArray(spec)) return spec.map((v: unknown) => raiseFonts(v, min)) as T;
  if (spec === null || typeof spec !== "object") return spec;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    out[key] = FONT_KEY.test(key) && typeof value === "number" && value < min ? min : raiseFonts(value, min);
  }
  return out as T;
}

const MOVABLE = new Set(["top-left", "top-right", "bottom-left", "bottom-right", "left", "right", "top", "bottom"]);

/** Legends below the plot, one entry a line: inside a 300 px plot a legend covers the curves, and a row of entries is wider than the chart. */
function legendsBelow<T>(spec: T): T {
  if (Array.isArray(spec)) return spec.map((v: unknown) => legendsBelow(v)) as T;
  if (spec === null || typeof spec !== "object") return spec;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    const inside = key === "legend" && value !== null && typeof value === "object" && MOVABLE.has(String((value as { orient?: unknown }).orient));
    // One entry a line: two columns of 13 px labels are wider than the phone's plot.
    out[key] = inside ? { ...value, orient: "bottom", direction: "vertical", columns: 1, labelLimit: PHONE.width - 60 } : legendsBelow(value);
  }
  return out as T;
}

// What a phone chart's axis title may span: the plot's width (plotSpan) for x, its height for
// y; a y title's lines widen the y-axis, so it gets fewer.
const PHONE_TITLE_SPAN: Record<string, { width: number; lines: number }> = { x: { width: plotSpan(frame(PHONE_OPTIONS)).plot, lines: 3 }, y: { width: PHONE.plotHeight, lines: 2 } };

/**
 * Axis titles longer than the plot wrap, so "Training compute of a compute-optimal run" is read
 * whole; what runs past the last line allowed ends in an ellipsis (titleLimit) rather than
 * widen the chart past its frame.
 */
function wrapAxisTitles<S>(spec: S, channel: string | null = null): S {
  if (Array.isArray(spec)) return spec.map((v: unknown) => wrapAxisTitles(v, null)) as S;
  if (spec === null || typeof spec !== "object") return spec;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    const span = key === "axis" && channel !== null ? PHONE_TITLE_SPAN[channel] : undefined;
    const axis = value as { title?: unknown } | null;
    if (span !== undefined && axis !== null && typeof axis === "object" && typeof axis.title === "string") {
      const lines = wrap(axis.title, span.width, PHONE.minFont);
      const kept = lines.length <= span.lines ? lines : [...lines.slice(0, span.lines - 1), lines.slice(span.lines - 1).join(" ")];
      out[key] = { ...axis, title: kept.length === 1 ? kept[0] : kept };
    } else {
      out[key] = wrapAxisTitles(value, key === "x" || key === "y" ? key : null);
    }
  }
  const s = out as { config?: Config };
  return (s.config ? { ...out, config: { ...s.config, axis: { ...s.config.axis, titleLimit: PHONE.width - 50 } } } : out) as S;
}

/**
 * Fit the width only: titles wrap to more lines and legends stack on a phone, so a fixed outer
 * height would squeeze the plot or push the title out of the frame. The plot keeps its height
 * and the drawing grows to hold the rest.
 */
function growDown<S>(spec: S): S {
  const s = spec as { autosize?: unknown; height?: unknown };
  if (!s.autosize || typeof s.height !== "number") return spec;
  return { ...spec, autosize: { type: "fit-x", contains: "padding" }, height: PHONE.plotHeight };
}

/** A chart builder's phone layout: drawn at the phone's width, no text under PHONE.minFont, legends below. */
export function phoneSpec<S>(build: (options: ChartOptions) => S): S {
  return growDown(wrapAxisTitles(legendsBelow(raiseFonts(build(PHONE_OPTIONS), PHONE.minFont))));
}

export const CONFIG: Config = {
  background: "#ffffff",
  // No per-mark ARIA descriptions: they double the SVG size and render time, and the chart's
  // text alternative is the figure caption (describeResult), not 76 point descriptions.
  aria: false,
  font: FONT,
  padding: { left: 6, right: 14, top: 8, bottom: 6 },
  view: { stroke: null },
  axis: {
    labelFont: FONT,
    labelFontSize: 11,
    labelColor: COLORS.inkSoft,
    titleFont: FONT,
    titleFontSize: 11.5,
    titleFontWeight: 500,
    titleColor: COLORS.ink,
    titlePadding: 10,
    domainColor: COLORS.ruleStrong,
    tickColor: COLORS.ruleStrong,
    tickSize: 4,
    labelPadding: 4,
    gridColor: COLORS.grid,
    gridWidth: 1,
  },
  // Vertical grid lines add noise on time and compute axes; the y grid carries the reading.
  axisX: { grid: false },
  axisY: { domain: false, ticks: false, labelPadding: 6 },
  title: {
    anchor: "start",
    frame: "bounds",
    font: FONT,
    fontSize: 15,
    fontWeight: 600,
    color: COLORS.ink,
    subtitleFont: FONT,
    subtitleFontSize: 12,
    subtitleColor: COLORS.inkSoft,
    subtitlePadding: 5,
    subtitleLineHeight: 17,
    offset: 14,
  },
  legend: {
    labelFont: FONT,
    labelFontSize: 11,
    labelColor: COLORS.ink,
    titleFont: FONT,
    symbolStrokeWidth: 2,
    symbolSize: 180,
    rowPadding: 5,
    padding: 6,
    fillColor: "rgba(255,255,255,0.88)",
    labelLimit: 260,
  },
  text: { font: FONT, fontSize: 11, color: COLORS.inkSoft },
  line: { strokeJoin: "round", strokeCap: "round" },
};

/** Shared top-level fields: size, sizing mode and the theme. */
export function topLevel(f: Frame, description: string) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    width: f.width,
    height: f.height,
    // "fit" makes width/height the outer size, so the server SVG and the page layout agree.
    autosize: { type: "fit", contains: "padding" },
    config: CONFIG,
  } as const;
}

/**
 * Lines drawn by separate layers (so z-order is ours) but sharing one legend: every layer
 * encodes color and dash from the same "series" field with the same scales, which vega-lite
 * merges into a single legend.
 */
export function lineLegend(entries: { label: string; color: string; dash?: number[] }[], orient: string, columns?: number) {
  const domain = entries.map((e) => e.label);
  // symbolOpacity 1: otherwise the legend takes the opacity of a translucent layer.
  const legend = { orient, title: null, symbolType: "stroke", symbolStrokeWidth: 2, symbolSize: 320, symbolOpacity: 1, ...(columns ? { columns, columnPadding: 14 } : {}) } as const;
  return {
    color: { field: "series", type: "nominal", scale: { domain, range: entries.map((e) => e.color) }, legend },
    strokeDash: { field: "series", type: "nominal", scale: { domain, range: entries.map((e) => e.dash ?? [1, 0]) }, legend },
  } as const;
}

/** Rows tagged with the series name a lineLegend keys on. */
/** A point's text label set off diagonally: above-left of it (`aboveLeft`) or below-right, by [dx, dy] pixels on that side. */
export function labelOffset(aboveLeft: boolean, left: [number, number], right: [number, number]): { align: "left" | "right"; baseline: "top" | "bottom"; dx: number; dy: number } {
  return aboveLeft ? { align: "right", baseline: "bottom", dx: -left[0], dy: -left[1] } : { align: "left", baseline: "top", dx: right[0], dy: right[1] };
}

/**
 * The plot's width on a chart `f` wide, estimated: the y-axis (its title, tick labels such as
 * "100%", gaps) comes first. `pad` is the right padding a label may run into.
 */
export function plotSpan(f: Frame): { plot: number; pad: number } {
  const font = Math.max(11, f.minFont);
  const yAxis = 6 + 1.3 * font + textWidth("100%", font) + 12;
  return { plot: f.width - yAxis - 12, pad: 12 };
}

export const tag = <T extends object>(rows: T[], label: string) => rows.map((r) => ({ ...r, series: label }));

/**
 * Greedy word wrap to a pixel width. Vega-lite does not wrap titles, and under autosize
 * "fit" a title wider than the plot squeezes the plot instead, so long lines are split here.
 */
export function wrap(text: string, widthPx: number, fontSize = 12, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, bold) > widthPx) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A title (bold, 15 px) that fits the chart's width. */
export function title(f: Frame, text: string): string | string[] {
  const lines = wrap(text, f.width - 30, 15, true);
  return lines.length === 1 ? lines[0] : lines;
}

/** Subtitle lines that fit the chart's width. */
export function subtitle(f: Frame, ...texts: string[]): string[] {
  return texts.filter(Boolean).flatMap((t) => wrap(t, f.width - 30, Math.max(12, f.minFont)));
}

/**
 * The source line under the plot. A text mark placed below the x-axis title (vega-lite has
 * one title per view, and it belongs at the top); autosize "fit" keeps it inside the frame.
 */
export function sourceLine(text: string, f: Frame): Layer[] {
  if (f.compact || !text) return [];
  return [
    {
      data: { values: [{ text: wrap(text, f.width - 110, 10.5).join("\n") }] },
      mark: {
        type: "text",
        align: "left",
        baseline: "top",
        lineBreak: "\n",
        lineHeight: 14,
        fontSize: 10.5,
        color: COLORS.inkFaint,
        dy: 47,
        dx: -30,
      },
      // Explicit positions: layers inherit the chart's shared x/y field encodings otherwise.
      encoding: { x: { value: 0 }, y: { value: "height" }, text: { field: "text" } },
    },
  ];
}
