// The distribution kinds as the editor presents them: labels, the parameters each kind
// has, which ci90 shapes a given input can take, and conversion between kinds that keeps
// the stated 90% interval where it can (switching "90% CI" → "lognormal" keeps the range).

import { Z90, describeDistribution, toLog10Normal, toNormal } from "../../forecast/index";
import type { Distribution, DistributionInputDef } from "../../forecast/index";

export type DistKind = Distribution["kind"];
export type SimpleKind = Exclude<DistKind, "mixture">;

export interface ParamSpec {
  key: string;
  label: string;
  /** Whether the parameter is in the input's own unit (bounded by def.min/max). */
  inUnit: boolean;
}

export const KIND_LABELS: Record<DistKind, string> = {
  ci90: "90% interval",
  lognormal: "Lognormal",
  normal: "Normal",
  uniform: "Uniform",
  point: "Single value",
  mixture: "Mixture",
};

/** The order kinds are offered in: the 90% interval first, as Guesstimate/Squiggle users expect. */
export const KIND_ORDER: DistKind[] = ["ci90", "lognormal", "normal", "uniform", "point", "mixture"];

export const PARAMS: Record<SimpleKind, ParamSpec[]> = {
  ci90: [
    { key: "p5", label: "5th percentile", inUnit: true },
    { key: "p95", label: "95th percentile", inUnit: true },
  ],
  lognormal: [
    { key: "median", label: "Median", inUnit: true },
    { key: "sdOom", label: "Spread (sd)", inUnit: false },
  ],
  normal: [
    { key: "mean", label: "Mean", inUnit: true },
    { key: "sd", label: "Standard deviation", inUnit: true },
  ],
  uniform: [
    { key: "min", label: "Minimum", inUnit: true },
    { key: "max", label: "Maximum", inUnit: true },
  ],
  point: [{ key: "value", label: "Value", inUnit: true }],
};

export const MAX_COMPONENTS = 8;

/** Kinds offered for `def`, in display order; components of a mixture cannot be mixtures. */
export function offeredKinds(def: DistributionInputDef, nested: boolean): DistKind[] {
  return KIND_ORDER.filter((k) => def.allowed.includes(k) && !(nested && k === "mixture"));
}

/** ci90 shapes that the schema accepts for `def` (normal shapes are refused for positive quantities). */
export function offeredShapes(def: DistributionInputDef): ("lognormal" | "normal")[] {
  const shapes: ("lognormal" | "normal")[] = [];
  if (def.min > 0 || def.allowed.includes("lognormal")) shapes.push("lognormal");
  if (def.min <= 0 && (def.allowed.includes("normal") || !def.allowed.includes("lognormal"))) shapes.push("normal");
  return shapes;
}

/** Up to 3 significant digits, so converted parameters read as a person would write them. */
function round3(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(3)) : x;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The stated 90% interval of a distribution, or null for mixtures. */
function interval(d: Distribution, positive: boolean): [number, number] | null {
  if (d.kind === "ci90") return [d.p5, d.p95];
  if (d.kind === "uniform") return [d.min, d.max];
  if (d.kind === "point") {
    if (positive && d.value > 0) return [d.value / 10, d.value * 10];
    const half = Math.max(Math.abs(d.value) / 2, 1);
    return [d.value - half, d.value + half];
  }
  const ln = toLog10Normal(d);
  if (ln) return [10 ** (ln.mean - Z90 * ln.sd), 10 ** (ln.mean + Z90 * ln.sd)];
  const n = toNormal(d);
  if (n) return [n.mean - Z90 * n.sd, n.mean + Z90 * n.sd];
  return null;
}

/**
 * `d` restated as `kind`. Keeps the 90% interval (or the centre, for a single value) when
 * the new kind can express it; otherwise starts from the input's default, then from the
 * middle of its bounds. A mixture wraps the current distribution as its only component;
 * leaving a mixture keeps its first component.
 */
export function convertDistribution(d: Distribution, kind: DistKind, def: DistributionInputDef): Distribution {
  if (d.kind === kind) return d;
  if (kind === "mixture") return { kind: "mixture", components: [{ weight: 1, dist: d }] };
  const mid = def.min > 0 ? Math.sqrt(def.min * def.max) : (def.min + def.max) / 2;
  const candidates: Distribution[] = [d, def.default, { kind: "point", value: round3(mid) }];
  for (const c of candidates) {
    const source = c.kind === "mixture" ? c.components[0]?.dist : c;
    if (!source || source.kind === "mixture") continue;
    if (source.kind === kind) return source;
    const out = restate(source, kind, def);
    if (out) return out;
  }
  return { kind: "point", value: round3(mid) };
}

function restate(d: Distribution, kind: SimpleKind, def: DistributionInputDef): Distribution | null {
  const range = interval(d, def.min > 0);
  if (!range || !(range[0] < range[1]) || !range.every(Number.isFinite)) return null;
  const lo = clamp(range[0], def.min, def.max);
  const hi = clamp(range[1], def.min, def.max);
  if (!(lo < hi)) return null;
  const logOk = lo > 0;
  switch (kind) {
    case "ci90": {
      const shape = offeredShapes(def)[0] ?? "lognormal";
      if (shape === "lognormal" && !logOk) return null;
      return { kind, shape, p5: round3(lo), p95: round3(hi) };
    }
    case "lognormal":
      if (!logOk) return null;
      return { kind, median: round3(Math.sqrt(lo * hi)), sdOom: round3((Math.log10(hi) - Math.log10(lo)) / (2 * Z90)) };
    case "normal":
      return { kind, mean: round3((lo + hi) / 2), sd: round3((hi - lo) / (2 * Z90)) };
    case "uniform":
      return { kind, min: round3(lo), max: round3(hi) };
    case "point":
      return { kind, value: round3(d.kind === "point" ? d.value : logOk ? Math.sqrt(lo * hi) : (lo + hi) / 2) };
  }
}

/** "90% CI 1e13 to 1e17 FLOP/s, lognormal": the engine's description plus the ci90 shape. */
export function readDistribution(d: Distribution, def: DistributionInputDef): string {
  // formatNumber already writes magnitudes ≥ 1e6 in 1e notation and keeps "10 to 100" plain.
  const text = describeDistribution(d, def.unit);
  return d.kind === "ci90" && d.shape === "lognormal" ? `${text}, lognormal` : text;
}
