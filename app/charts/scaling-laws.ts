// Scaling-laws chart: loss vs training compute (log x), one line per law, the chosen law
// (along the chosen allocation) emphasised, and the point for the chosen (N, D).
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { exponentDomain, logFlopX } from "./axis-format";
import { isNum, series } from "./data";
import { findHeadline, lawName } from "./text";
import { formatHeadline, formatSci } from "../forecast/format";
import { COLORS, INTERACTIVE_LAYER, frame, lineLegend, tag, sourceLine, subtitle, title, topLevel, type ChartOptions, type Frame, type Layer } from "./theme";

const SOURCE = "Laws: Kaplan et al. 2020; Hoffmann et al. 2022 (Chinchilla); Besiroglu et al. 2024 (Epoch refit). Kaplan losses are on WebText2, the others on MassiveText: compare shapes, not levels.";
export const X_TITLE = "Training compute (FLOP, log scale)";
export const Y_TITLE = "Loss (nats per token)";

/** Short names for legends; the result's own labels are full citations. */
const SHORT: Record<string, string> = {
  kaplan_n: "Kaplan L(N)",
  kaplan_d: "Kaplan L(D)",
  kaplan_cmin: "Kaplan L(C_min)",
  kaplan_nd: "Kaplan L(N, D)",
  chinchilla: "Chinchilla eq. 10",
  epoch: "Epoch refit",
};
/** Muted, distinct hues for the laws that are context; the chosen law takes the accent. */
const LAW_COLORS: Record<string, string> = {
  kaplan_cmin: "#a57f4e",
  kaplan_nd: "#7d6b91",
  chinchilla: "#6fa3b3",
  epoch: "#6b8f57",
  kaplan_n: "#b5653d",
  kaplan_d: "#8b9298",
};

export interface LossRow {
  flop: number;
  loss: number;
  law: string;
  kind: string;
  flopText: string;
  lossText: string;
}

export function lossRows(result: ForecastResult): LossRow[] {
  return series(result, "curves").flatMap((r) =>
    isNum(r.flop) && r.flop > 0 && isNum(r.loss)
      ? [{ flop: r.flop, loss: r.loss, law: String(r.law ?? ""), kind: String(r.kind ?? ""), flopText: formatSci(r.flop, 2), lossText: r.loss.toFixed(3) }]
      : [],
  );
}

/** The chosen law's curve: the law along the chosen allocation ("allocation" rows). */
export function chosenCurve(result: ForecastResult): { law: string; rows: LossRow[] } {
  const rows = lossRows(result).filter((r) => r.kind === "allocation");
  return { law: rows[0]?.law ?? "", rows };
}

export function shortLaw(law: string): string {
  return SHORT[law] ?? law;
}

/** The (N, D) point from the headlines: x = training compute, y = predicted loss. */
export function chosenPoint(result: ForecastResult): { flop: number; loss: number } | null {
  const loss = findHeadline(result, "loss_nd")?.value;
  const flop = findHeadline(result, "compute_nd")?.value;
  return isNum(loss) && isNum(flop) && flop > 0 ? { flop, loss } : null;
}

/** Loss range rounded out to half nats: keeps the y labels to a handful. */
export function lossDomain(rows: { loss: number }[]): [number, number] {
  const losses = rows.map((r) => r.loss);
  if (!losses.length) return [0, 4];
  return [Math.floor(Math.min(...losses) * 2) / 2, Math.ceil(Math.max(...losses) * 2) / 2];
}

export function lossAxes(rows: { flop: number; loss: number }[], f: Frame) {
  const domain = exponentDomain(rows.map((r) => r.flop));
  const [lo, hi] = lossDomain(rows);
  return {
    x: logFlopX(domain, X_TITLE),
    y: { field: "loss", type: "quantitative", scale: { domain: [lo, hi], nice: false, zero: false }, axis: { title: Y_TITLE, tickCount: f.compact ? 4 : 6, format: ".1f" } },
  } as const;
}

/**
 * Above or below a point: whichever band (about one label high, within ±0.9 OOM) crosses
 * fewer curve samples. Pixel sizes are estimated from the frame; close enough to choose.
 */
export function labelSide(p: { flop: number; loss: number }, rows: { flop: number; loss: number }[], f: Frame): "above" | "below" {
  const [lo, hi] = lossDomain([...rows, p]);
  const perPx = (hi - lo) / Math.max(120, f.height - 140);
  const x = Math.log10(p.flop);
  const near = rows.filter((r) => Math.abs(Math.log10(r.flop) - x) <= 0.9);
  const hits = (from: number, to: number) => near.filter((r) => r.loss >= p.loss + from * perPx && r.loss <= p.loss + to * perPx).length;
  return hits(-28, -6) < hits(6, 28) ? "below" : "above";
}

/** The marker for a chosen (N, D), its label on the freer side. */
export function pointLayers(p: { flop: number; loss: number }, color: string, label: string, side: "above" | "below" = "above"): Layer[] {
  const values = [{ ...p, label, flopText: formatSci(p.flop, 2), lossText: p.loss.toFixed(3) }];
  return [
    {
      data: { values },
      mark: { type: "point", shape: "diamond", filled: true, size: 90, color, stroke: "#ffffff", strokeWidth: 1.5, opacity: 1 },
      encoding: {
        tooltip: [
          { field: "label", type: "nominal", title: "Point" },
          { field: "flopText", type: "nominal", title: "Compute (FLOP)" },
          { field: "lossText", type: "nominal", title: "Loss" },
        ],
      },
    },
    // The label sits among curves: a white halo (a stroked copy underneath) keeps it legible.
    ...[{ stroke: "#ffffff", strokeWidth: 3, strokeJoin: "round" as const }, {}].map(
      (halo): Layer => ({
        data: { values },
        mark: { type: "text", align: "center", baseline: side === "above" ? "bottom" : "top", dy: side === "above" ? -10 : 10, fontWeight: 600, fontSize: 11, color, ...halo },
        encoding: { text: { field: "label" } },
      }),
    ),
  ];
}

export function scalingSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const all = lossRows(result);
  const chosen = chosenCurve(result);
  // The chosen law is drawn once, along the chosen allocation; its frontier would nearly
  // coincide with it and read as a second line of the same law.
  const others = [...new Set(all.filter((r) => r.kind === "frontier" && r.law !== chosen.law).map((r) => r.law))];
  // "… at 20 tokens/param (Approaches 1–2)" → "20 tokens/param"
  const allocation = (/\bat (.+)$/.exec(String(series(result, "curves").find((r) => r.kind === "allocation")?.label ?? ""))?.[1] ?? "").replace(/\s*\(.*\)\s*$/, "");
  const chosenLabel = `${shortLaw(chosen.law)} (chosen)`;
  const legend = lineLegend(
    [
      { label: chosenLabel, color: COLORS.accent },
      ...others.map((law) => ({ label: shortLaw(law), color: LAW_COLORS[law] ?? COLORS.neutral })),
    ],
    f.compact ? "top" : "top-right",
    f.compact ? 2 : undefined,
  );
  const layers: Layer[] = others.map((law) => ({
    data: { values: tag(all.filter((r) => r.kind === "frontier" && r.law === law), shortLaw(law)) },
    mark: { type: "line", strokeWidth: 1.5, opacity: 0.9 },
    encoding: legend,
  }));
  if (chosen.rows.length) {
    layers.push({
      data: { values: tag(chosen.rows, chosenLabel) },
      mark: { type: "line", strokeWidth: 3 },
      encoding: legend,
    });
  }
  layers.push({
    name: `${INTERACTIVE_LAYER}hover`,
    data: { values: chosen.rows },
    params: [{ name: "hover", select: { type: "point", fields: ["flop", "law", "kind"], nearest: true, on: "pointerover", clear: "pointerout" } }],
    mark: { type: "point", filled: true, size: 36, color: COLORS.ink },
    encoding: {
      opacity: { condition: { param: "hover", empty: false, value: 0.8 }, value: 0 },
      tooltip: [
        { field: "law", type: "nominal", title: "Law" },
        { field: "flopText", type: "nominal", title: "Compute (FLOP)" },
        { field: "lossText", type: "nominal", title: "Loss" },
      ],
    },
  });
  const point = chosenPoint(result);
  if (point) layers.push(...pointLayers(point, COLORS.ink, "Chosen N, D", labelSide(point, all, f)));
  layers.push(...sourceLine(SOURCE, f));
  const loss = findHeadline(result, "loss_nd");
  const lines = [
    `Bold: ${chosen.law ? shortLaw(chosen.law) : (lawName(loss) ?? "the chosen law")}${allocation ? ` at ${allocation}` : ""}.`,
    loss && point ? `Chosen (N, D): loss ${formatHeadline(loss)} at ${formatSci(point.flop, 2)} FLOP.` : "",
  ];
  return {
    ...topLevel(f, "Predicted language-model loss against training compute under several scaling laws"),
    title: { text: title(f, "Scaling laws: predicted loss vs training compute"), subtitle: subtitle(f, ...(f.compact ? lines.slice(1) : lines)) },
    encoding: lossAxes([...all, ...(point ? [point] : [])], f),
    layer: layers,
  } as TopLevelSpec;
}
