// The sensitivity ("tornado") chart: for each input, a bar from the forecast's value to the
// value with that input at its low end (one colour) and at its high end (the other), the
// input's end value written at the tip. Largest swings on top; a rule marks the forecast.
import type { TopLevelSpec } from "vega-lite";
import { formatMetricValue, metricLabel, metricUnit, type Metric, type Tornado, type TornadoBar, type TornadoEnd } from "../forecast/analysis/index";
import { formatDelta } from "../forecast/format";
import { textWidth } from "./text-width";
import { COLORS, frame, PHONE, subtitle, title, topLevel, INTERACTIVE_LAYER, type ChartOptions, type Layer } from "./theme";

export const TORNADO_TOP = 12;
export const LOW_SIDE = "Input at its low end";
export const HIGH_SIDE = "Input at its high end";
const OPTION_SIDE = "Other options";

/** The two ends a bar draws: the input's low and high variants, or a choice's extreme options. */
export function barSides(bar: TornadoBar): { a: TornadoEnd; b: TornadoEnd; choice: boolean } {
  const low = bar.ends.find((e) => e.key === "low");
  const high = bar.ends.find((e) => e.key === "high");
  if (low && high) return { a: low, b: high, choice: false };
  return { a: bar.low, b: bar.high, choice: true };
}

const censor = (t: Tornado, v: number | null) => (v === null && t.metric.kind === "yearAt" ? t.rangeEnd : v);

function scaled(metric: Metric, v: number): number {
  return metricUnit(metric) === "pp" ? v * 100 : v;
}

/**
 * The x domain that leaves room for every tip label beside its bar, at the plot's pixel
 * width; tips that would need more than doubling the span are dropped (the tooltip and the
 * table still carry them) so one long label cannot squash every bar.
 */
function fitDomain(rows: Record<string, unknown>[], all: Record<string, unknown>[], base: number | null, plotPx: number, minSpan: number, fontSize: number): { domain: [number, number]; keep: Set<Record<string, unknown>> } {
  const xs = all.map((r) => r.x as number).concat(base === null ? [] : [base]);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const span = Math.max(hi - lo, minSpan);
  const keep = new Set(rows);
  let d0 = lo - span * 0.03;
  let d1 = hi + span * 0.03;
  for (let round = 0; round < 8; round++) {
    const k = plotPx / (d1 - d0);
    let n0 = lo - span * 0.03;
    let n1 = hi + span * 0.03;
    for (const r of keep) {
      const w = (textWidth(String(r.tip), fontSize) + 8) / k;
      if (r.right) n1 = Math.max(n1, (r.x as number) + w);
      else n0 = Math.min(n0, (r.x as number) - w);
    }
    if (n1 - n0 > span * 2.2) {
      // Drop the tip that asks for the most room, then fit again.
      let worst: Record<string, unknown> | null = null;
      let most = -Infinity;
      for (const r of keep) {
        const w = textWidth(String(r.tip), fontSize) / k;
        const need = r.right ? (r.x as number) + w - hi : lo - ((r.x as number) - w);
        if (need > most) {
          most = need;
          worst = r;
        }
      }
      if (worst) keep.delete(worst);
      continue;
    }
    d0 = n0;
    d1 = n1;
  }
  return { domain: [Math.floor(d0), Math.ceil(d1)], keep };
}

export function tornadoSpec(t: Tornado, options: ChartOptions & { top?: number; narrow?: boolean } = {}): TopLevelSpec {
  const narrow = options.narrow ?? false;
  const top = options.top ?? (narrow ? 8 : TORNADO_TOP);
  const bars = t.bars.filter((b) => b.swing > 0).slice(0, top);
  // Narrow (phones): each input's name sits above its bar, so the bars get the full width.
  const rowPx = narrow ? 42 : 27;
  const f = frame({ width: narrow ? PHONE.width : options.width, compact: narrow || options.compact, minFont: narrow ? PHONE.minFont : 0, height: options.height ?? (narrow ? 110 : 70) + Math.max(3, bars.length) * rowPx });
  const unit = metricUnit(t.metric);
  const base = t.base === null ? null : scaled(t.metric, censor(t, t.base) as number);
  const rows: Record<string, unknown>[] = [];
  bars.forEach((bar, rank) => {
    const { a, b, choice } = barSides(bar);
    for (const [end, side] of [[a, choice ? OPTION_SIDE : LOW_SIDE], [b, choice ? OPTION_SIDE : HIGH_SIDE]] as const) {
      const v = censor(t, end.value);
      if (v === null || base === null) continue;
      const x = scaled(t.metric, v);
      rows.push({
        id: bar.id,
        input: bar.input,
        label: bar.label,
        rank,
        side,
        base,
        x,
        // Tip labels sit outside the bar, on whichever side it points.
        right: x >= base,
        tip: end.value === null && t.metric.kind === "yearAt" ? `${end.text}, after ${t.rangeEnd}` : end.text,
        tooltipInput: `${bar.label}: ${end.text}`,
        tooltipValue: `${metricLabel(t.metric)} ${formatMetricValue(t.metric, end.value, undefined, t.rangeEnd)}`,
      });
    }
  });
  const labelLimit = 230;
  const labelPx = narrow ? 0 : Math.min(labelLimit, Math.max(60, ...bars.map((b) => textWidth(b.label, 11)))) + 12;
  const tipFont = narrow ? PHONE.minFont : 10.5;
  const plotPx = Math.max(120, f.width - labelPx - 36);
  // A tip that fits inside its own bar goes there (in white), so long bars do not stretch the axis.
  if (base !== null && rows.length) {
    const xs = rows.map((r) => r.x as number).concat(base);
    const k = plotPx / Math.max(1e-9, (Math.max(...xs) - Math.min(...xs)) * 1.25);
    for (const r of rows) r.inside = Math.abs((r.x as number) - base) * k > textWidth(String(r.tip), tipFont) + 30;
  }
  const { domain, keep } = fitDomain(rows.filter((r) => !r.inside), rows, base, plotPx, unit === "pp" ? 4 : 2, tipFont);
  const sides = [...new Set(rows.map((r) => r.side as string))];
  const sideScale = [
    [LOW_SIDE, COLORS.accent],
    [HIGH_SIDE, COLORS.fork],
    [OPTION_SIDE, COLORS.neutral],
  ].filter(([name]) => sides.includes(name!));
  const y = { field: "label", type: "nominal", sort: { field: "rank", order: "ascending" }, axis: narrow ? null : { title: null, labelLimit, labelFontSize: 11 } } as const;
  const x = { field: "x", type: "quantitative", scale: { domain, nice: false, zero: false }, axis: { title: axisTitle(t.metric), format: unit === "years" ? "d" : undefined, tickCount: narrow ? 4 : 6, grid: true } } as const;
  const color = { field: "side", type: "nominal", scale: { domain: sideScale.map((c) => c[0]!), range: sideScale.map((c) => c[1]!) }, legend: { orient: "top", title: null, symbolType: "square", labelFontSize: narrow ? PHONE.minFont : 11 } } as const;
  const barOffset = narrow ? { yOffset: 7 } : {};
  const tips = rows.filter((r) => keep.has(r));
  const inside = rows.filter((r) => r.inside);
  const layers: Layer[] = [
    {
      data: { values: rows },
      mark: { type: "bar", height: narrow ? 11 : 14, cornerRadius: 1.5, cursor: "pointer", ...barOffset },
      encoding: { y, x, x2: { field: "base" }, color, tooltip: [{ field: "tooltipInput", title: "Input" }, { field: "tooltipValue", title: "Result" }] },
    },
    {
      data: { values: tips.filter((r) => r.right) },
      mark: { type: "text", align: "left", dx: 4, fontSize: tipFont, color: COLORS.inkSoft, ...barOffset },
      encoding: { y, x, text: { field: "tip" } },
    },
    {
      data: { values: tips.filter((r) => !r.right) },
      mark: { type: "text", align: "right", dx: -4, fontSize: tipFont, color: COLORS.inkSoft, ...barOffset },
      encoding: { y, x, text: { field: "tip" } },
    },
  ];
  layers.push(
    {
      data: { values: inside.filter((r) => r.right) },
      mark: { type: "text", align: "right", dx: -5, fontSize: tipFont, color: "#ffffff", ...barOffset },
      encoding: { y, x, text: { field: "tip" } },
    },
    {
      data: { values: inside.filter((r) => !r.right) },
      mark: { type: "text", align: "left", dx: 5, fontSize: tipFont, color: "#ffffff", ...barOffset },
      encoding: { y, x, text: { field: "tip" } },
    },
  );
  if (narrow) {
    // The input's name, left-aligned above its bar.
    layers.push({
      data: { values: bars.map((b, rank) => ({ label: b.label, rank, x0: domain[0] })) },
      mark: { type: "text", align: "left", baseline: "middle", yOffset: -10, fontSize: PHONE.minFont, fontWeight: 500, color: COLORS.ink },
      encoding: { y, x: { field: "x0", type: "quantitative" }, text: { field: "label" } },
    });
  }
  if (base !== null) {
    layers.push({
      data: { values: [{ base }] },
      mark: { type: "rule", color: COLORS.ink, strokeWidth: 1.25 },
      encoding: { x: { field: "base", type: "quantitative" } },
    });
  }
  // The browser marks a hovered bar; nothing to draw on the server.
  layers.push({
    name: `${INTERACTIVE_LAYER}focus`,
    data: { values: rows },
    params: [{ name: "pick", select: { type: "point", fields: ["id"], on: "pointerover", clear: "pointerout" } }],
    mark: { type: "bar", height: narrow ? 15 : 18, fillOpacity: 0, stroke: COLORS.ink, cursor: "pointer", ...barOffset },
    encoding: { y, x, x2: { field: "base" }, strokeOpacity: { condition: { param: "pick", empty: false, value: 0.6 }, value: 0 } },
  });
  const baseText = formatMetricValue(t.metric, t.base, undefined, t.rangeEnd);
  const hidden = t.bars.length - bars.length;
  return {
    ...topLevel(f, `How each input moves the ${metricLabel(t.metric)}`),
    title: {
      text: title(f, `What moves the ${metricLabel(t.metric)}`),
      subtitle: subtitle(f, narrow ? `This forecast: ${baseText}. Each bar: one input at its low and its high end.${hidden > 0 ? ` Top ${bars.length} of ${t.bars.length}.` : ""}` : `This forecast: ${baseText}. Each bar: one input at its low and at its high end, all others as they are.${hidden > 0 ? ` Top ${bars.length} of ${t.bars.length}.` : ""}`),
    },
    layer: layers,
  } as TopLevelSpec;
}

function axisTitle(metric: Metric): string {
  const unit = metricUnit(metric);
  if (unit === "years") return metric.kind === "yearAt" && metric.p === 0.5 ? "Median year" : `Year at ${Math.round((metric as { p: number }).p * 100)}%`;
  if (unit === "pp") return `${metricLabel(metric)} (%)`;
  return metricLabel(metric);
}

/** The chart in words: the base and the largest swings, each with its ends. */
export function describeTornado(t: Tornado, count = 5): string {
  const fmt = (v: number | null) => formatMetricValue(t.metric, v, undefined, t.rangeEnd);
  const moving = t.bars.filter((b) => b.swing > 0);
  const parts = moving.slice(0, count).map((bar) => {
    const { a, b } = barSides(bar);
    return `${bar.label}: ${fmt(a.value)} at ${a.text}, ${fmt(b.value)} at ${b.text}`;
  });
  const still = t.bars.length - moving.length;
  const tail = still > 0 ? ` ${still} ${still === 1 ? "input does" : "inputs do"} not move it at all.` : "";
  return `${metricLabel(t.metric).replace(/^./, (c) => c.toUpperCase())} of this forecast: ${fmt(t.base)}. Largest swings: ${parts.join("; ")}.${tail}`;
}

/** Every bar as a table row: input, its two ends with the result at each, and the swing. */
export function tornadoTable(t: Tornado) {
  const fmt = (v: number | null) => formatMetricValue(t.metric, v, undefined, t.rangeEnd);
  const unit = metricUnit(t.metric);
  // A swing is a size, not a direction: the delta's sign is dropped.
  const swing = (bar: TornadoBar) => `${bar.censored ? "≥ " : ""}${formatDelta(bar.swing, unit).slice(1)}`;
  return {
    caption: `Sensitivity of the ${metricLabel(t.metric)}, largest swing first`,
    columns: ["Input", "Low end", "High end", "Swing"],
    rows: t.bars.map((bar) => {
      const { a, b } = barSides(bar);
      return [bar.label, `${a.text} → ${fmt(a.value)}`, `${b.text} → ${fmt(b.value)}`, swing(bar)];
    }),
  };
}
