// Charts of quick forecasts: a probability as a strip of answers (one labelled row each,
// with the median and the geometric mean of odds as rules), a date as a CDF by year, and a
// quantity as a CDF on a linear or log axis. The same builders draw one answer, an answer
// over the one it forks, and a whole thread's answers with their aggregate. Text is 12 px
// or more at the width drawn, and a phone gets its own narrow drawing (width ≈ 360).
import type { TopLevelSpec } from "vega-lite";
import type { Scale } from "../forecast/quick/quantiles";
import { exponentTicks, exponentStep, percentAxis, yearAxis } from "./axis-format";
import { formatPercent } from "../forecast/format";
import { isNum } from "./data";
import { COLORS, CONFIG, frame, subtitle, title, topLevel, type ChartOptions, type Frame } from "./theme";

/** The site theme with every text at 12 px or more. */
const READABLE = {
  ...CONFIG,
  axis: { ...CONFIG.axis, labelFontSize: 12, titleFontSize: 12.5 },
  legend: { ...CONFIG.legend, labelFontSize: 12, symbolSize: 240 },
  text: { ...CONFIG.text, fontSize: 12 },
  title: { ...CONFIG.title, fontSize: 15, subtitleFontSize: 12.5, subtitleLineHeight: 17 },
};

function quickTop(f: Frame, description: string) {
  return { ...topLevel(f, description), config: READABLE };
}

export interface ChartText {
  title: string;
  subtitle: string;
  description: string;
}

/* ------------------------------------------------------------------ probability */

export interface StripAnswer {
  label: string;
  p: number;
  /** "asker": the question's own answer; "answer": a reply's; "parent"/"fork": an overlay pair. */
  role: "asker" | "answer" | "parent" | "fork" | "single";
}

export interface ProbabilityAggregateMarks {
  median: number | null;
  geoMeanOdds: number | null;
}

const ROLE_COLOR: Record<StripAnswer["role"], string> = {
  asker: COLORS.accent,
  single: COLORS.accent,
  answer: COLORS.fork,
  parent: COLORS.neutral,
  fork: COLORS.fork,
};

/** Beyond this many answers the rows give way to one strip of ticks (names stay in the table). */
const MAX_ROWS = 16;
const ROW = 30;

/** Same-named authors still get a row each. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

export function probabilityStripSpec(answers: StripAnswer[], aggregate: ProbabilityAggregateMarks | null, text: ChartText, options: ChartOptions = {}): TopLevelSpec {
  const base = frame(options);
  const rows = answers.length <= MAX_ROWS;
  const titleLines = [title(base, text.title)].flat().length;
  const subLines = subtitle(base, text.subtitle).length;
  const rules = aggregate ? [
    ...(isNum(aggregate.median) ? [{ x: aggregate.median, series: "Median" }] : []),
    ...(isNum(aggregate.geoMeanOdds) ? [{ x: aggregate.geoMeanOdds, series: "Geometric mean of odds" }] : []),
  ] : [];
  const plot = rows ? Math.max(1, answers.length) * ROW : 48;
  const height = options.height ?? 20 * titleLines + 17 * subLines + (rules.length ? 34 : 0) + 58 + plot;
  const f = { ...base, height };
  const labels = uniqueLabels(answers.map((a) => a.label));
  const values = answers.map((a, i) => ({ row: labels[i], p: a.p, text: pctText(a.p), role: a.role }));
  const x = { field: "p", type: "quantitative", scale: { domain: [0, 1], nice: false }, axis: { ...percentAxis("Probability", f.width < 480 ? [0, 0.5, 1] : undefined), grid: true } };
  const y = rows ? { field: "row", type: "nominal", sort: labels, axis: { title: null, labelLimit: f.width < 480 ? 120 : 220, labelFontSize: 12.5, labelColor: COLORS.ink } } : undefined;
  const layers: unknown[] = [];
  // One layer per role with a constant colour: a colour *field* here would keep vega-lite
  // from merging the rules' colour and dash into one legend.
  const roles = [...new Set(answers.map((a) => a.role))];
  if (rows) {
    layers.push({ data: { values }, mark: { type: "bar", height: 4, color: COLORS.grid, cornerRadius: 2 }, encoding: { x, y } });
    for (const role of roles) {
      const mine = values.filter((v) => v.role === role);
      layers.push({ data: { values: mine }, mark: { type: "point", filled: true, size: 110, opacity: 1, color: ROLE_COLOR[role], stroke: "#ffffff", strokeWidth: 1.5 }, encoding: { x, y } });
    }
    // The numbers stand in a column right of the plot, where no rule or dot can cover them.
    layers.push({
      data: { values },
      mark: { type: "text", align: "left", dx: 10, fontWeight: 600, color: COLORS.ink, fontSize: 12.5 },
      encoding: { x: { value: "width" }, y, text: { field: "text" } },
    });
  } else {
    for (const role of roles) {
      layers.push({ data: { values: values.filter((v) => v.role === role) }, mark: { type: "tick", thickness: 2, size: 30, opacity: 0.6, color: ROLE_COLOR[role] }, encoding: { x } });
    }
  }
  if (rules.length) {
    // On a phone the numbers would run past the edge; they stand in the headlines above the chart.
    const labelsOf = rules.map((r) => (f.width < 480 ? r.series : `${r.series} ${pctText(r.x)}`));
    const legend = { orient: "top", title: null, symbolType: "stroke", symbolStrokeWidth: 2, direction: f.width < 480 ? "vertical" : "horizontal" };
    layers.push({
      data: { values: rules.map((r, i) => ({ ...r, series: labelsOf[i] })) },
      mark: { type: "rule", strokeWidth: 2 },
      encoding: {
        x: { field: "x", type: "quantitative" },
        color: { field: "series", type: "nominal", scale: { domain: labelsOf, range: rules.map((r) => (r.series === "Median" ? COLORS.ink : COLORS.accent)) }, legend },
        strokeDash: { field: "series", type: "nominal", scale: { domain: labelsOf, range: rules.map((r) => (r.series === "Median" ? [1, 0] : [5, 3])) }, legend },
      },
    });
  }
  return {
    ...quickTop(f, text.description),
    title: { text: title(f, text.title), subtitle: subtitle(f, text.subtitle) },
    layer: layers,
  } as TopLevelSpec;
}

const pctText = (p: number): string => formatPercent(p, 1);

/* ------------------------------------------------------------------ dates and quantities */

export type CdfAxis = { kind: "year" } | { kind: "value"; scale: Scale; unit: string };

export interface CdfCurve {
  label: string;
  role: "single" | "asker" | "answer" | "pool" | "parent" | "fork";
  rows: { x: number; p: number }[];
  /** The percentiles the author stated, drawn as dots on the curve. */
  stated?: { x: number; p: number }[];
}

const CURVE_STYLE: Record<CdfCurve["role"], { color: string; width: number; opacity: number }> = {
  single: { color: COLORS.accent, width: 2.5, opacity: 1 },
  asker: { color: COLORS.accent, width: 2, opacity: 0.9 },
  answer: { color: COLORS.fork, width: 1.4, opacity: 0.55 },
  pool: { color: COLORS.ink, width: 3, opacity: 1 },
  parent: { color: COLORS.neutral, width: 4, opacity: 0.75 },
  fork: { color: COLORS.fork, width: 2, opacity: 1 },
};
const DRAW_ORDER: CdfCurve["role"][] = ["answer", "parent", "asker", "single", "fork", "pool"];

function xEncoding(axis: CdfAxis, lo: number, hi: number, f: Frame) {
  if (axis.kind === "year") {
    const span = hi - lo;
    const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => span / s <= (f.width < 480 ? 5 : 9)) ?? 100;
    return { field: "x", type: "quantitative", scale: { domain: [lo, hi], nice: false, zero: false }, axis: yearAxis("Year", lo, hi, step) };
  }
  const titleText = axis.unit ? `Value (${axis.unit})` : "Value";
  if (axis.scale === "log") {
    const e0 = Math.floor(Math.log10(lo));
    const e1 = Math.ceil(Math.log10(hi));
    const ticks = exponentTicks(e0, e1, exponentStep(e0, e1, f.width < 480 ? 4 : 8)).map((e) => Number(`1e${e}`));
    const plain = e0 >= -3 && e1 <= 5;
    return {
      field: "x",
      type: "quantitative",
      scale: { type: "log", domain: [Number(`1e${e0}`), Number(`1e${e1}`)], nice: false },
      axis: { title: titleText, values: ticks, labelExpr: plain ? `format(datum.value, "~g")` : `"1e" + format(round(log(datum.value) / LN10), "d")` },
    };
  }
  return { field: "x", type: "quantitative", scale: { domain: [lo, hi], nice: true, zero: false }, axis: { title: titleText, tickCount: f.width < 480 ? 4 : 7, format: "~s" } };
}

export function quickCdfSpec(curves: CdfCurve[], axis: CdfAxis, text: ChartText, options: ChartOptions = {}): TopLevelSpec {
  const base = frame(options);
  const narrow = base.width < 480;
  // A phone's drawing is as tall as it is wide: titles and legend take a larger share of it.
  const f = { ...base, height: options.height ?? (narrow ? 360 : base.height) };
  const all = curves.flatMap((c) => c.rows).filter((r) => isNum(r.x) && isNum(r.p) && (axis.kind !== "value" || axis.scale !== "log" || r.x > 0));
  const xs = all.map((r) => r.x);
  const lo = xs.length ? Math.min(...xs) : 0;
  const hi = xs.length ? Math.max(...xs) : 1;
  const roles = DRAW_ORDER.filter((role) => curves.some((c) => c.role === role));
  const legendLabel = (role: CdfCurve["role"]) => {
    const list = curves.filter((c) => c.role === role);
    return role === "answer" && list.length > 1 ? `Answers (${list.length})` : list[0]!.label;
  };
  const domain = roles.map(legendLabel);
  const legend = {
    orient: curves.length > 1 ? "top" : "none",
    title: null,
    symbolType: "stroke",
    symbolStrokeWidth: 2.5,
    symbolOpacity: 1,
    direction: "horizontal",
    // One entry a line on a phone: author names are long and must not run past the edge.
    ...(narrow ? { columns: 1 } : {}),
  } as const;
  const color = { field: "series", type: "nominal", scale: { domain, range: roles.map((r) => CURVE_STYLE[r].color) }, legend: curves.length > 1 ? legend : null } as const;
  const x = xEncoding(axis, lo, hi, f);
  const y = { field: "p", type: "quantitative", scale: { domain: [0, 1], nice: false }, axis: percentAxis(narrow ? "Probability (%)" : axis.kind === "year" ? "Probability it has happened (%)" : "Probability it is at most this (%)") } as const;
  const layers: unknown[] = [
    { data: { values: [{ p: 0.5 }] }, mark: { type: "rule", color: COLORS.ruleStrong, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { y: { field: "p", type: "quantitative" } } },
  ];
  for (const role of roles) {
    const style = CURVE_STYLE[role];
    const list = curves.filter((c) => c.role === role);
    const values = list.flatMap((c, i) => c.rows.filter((r) => all.includes(r)).map((r) => ({ ...r, curve: i, series: legendLabel(role) })));
    layers.push({
      data: { values },
      mark: { type: "line", strokeWidth: style.width, opacity: style.opacity, clip: true },
      encoding: { x, y, color, detail: { field: "curve", type: "nominal" } },
    });
  }
  const dots = curves.flatMap((c) => (c.stated ?? []).map((s) => ({ ...s, color: CURVE_STYLE[c.role].color })));
  if (dots.length) {
    layers.push({
      data: { values: dots },
      mark: { type: "point", filled: true, size: 60, opacity: 1, stroke: "#ffffff", strokeWidth: 1.5 },
      encoding: { x, y, color: { field: "color", type: "nominal", scale: null } },
    });
  }
  return {
    ...quickTop(f, text.description),
    title: { text: title(f, text.title), subtitle: subtitle(f, text.subtitle) },
    layer: layers,
  } as TopLevelSpec;
}
