// A distribution stated as a few percentiles, made whole: between two stated percentiles the
// CDF follows the normal curve through both of them, and past the outermost ones the nearest
// pair's normal carries on. Equivalently, Φ⁻¹(CDF) is piecewise linear in the value (in
// log10 of the value on a log scale). Two points give exactly the normal (or lognormal) with
// that 90% interval; a median between them gives a skewed, two-piece normal. The stated
// percentiles are reproduced exactly, and CDF and quantile function are exact inverses.
import { normalCdf, normalQuantile } from "./normal";
import type { QuantilePoint } from "../types";

export type Scale = "linear" | "log";

export interface StatedDistribution {
  scale: Scale;
  /** Knots in axis space (log10 of the value on a log scale), ascending in both t and z. */
  knots: { t: number; z: number }[];
}

const toAxis = (scale: Scale, v: number) => (scale === "log" ? Math.log10(v) : v);
const fromAxis = (scale: Scale, t: number) => (scale === "log" ? 10 ** t : t);

/** null unless there are two or more points, ascending in p (within 0–1) and in value (positive on a log scale). */
export function statedDistribution(points: readonly QuantilePoint[], scale: Scale): StatedDistribution | null {
  if (points.length < 2) return null;
  const knots: { t: number; z: number }[] = [];
  for (const pt of points) {
    if (!(pt.p > 0 && pt.p < 1) || !Number.isFinite(pt.value) || (scale === "log" && !(pt.value > 0))) return null;
    const k = { t: toAxis(scale, pt.value), z: normalQuantile(pt.p) };
    const last = knots[knots.length - 1];
    if (last && !(k.t > last.t && k.z > last.z)) return null;
    knots.push(k);
  }
  return { scale, knots };
}

/** The segment whose line is used at position x of `key` (t or z): inner, or the end one extended. */
function segment(knots: StatedDistribution["knots"], key: "t" | "z", x: number): number {
  let i = 0;
  while (i < knots.length - 2 && x > knots[i + 1]![key]) i++;
  return i;
}

/** Position in axis space → z, along the piecewise-linear probit. */
function zAt(d: StatedDistribution, t: number): number {
  const i = segment(d.knots, "t", t);
  const a = d.knots[i]!;
  const b = d.knots[i + 1]!;
  return a.z + ((t - a.t) * (b.z - a.z)) / (b.t - a.t);
}

/** P(X ≤ value). */
export function statedCdf(d: StatedDistribution, value: number): number {
  if (d.scale === "log" && !(value > 0)) return 0;
  return normalCdf(zAt(d, toAxis(d.scale, value)));
}

/** P(X ≤ t) for a position already in axis space (the pool works there). */
export function statedCdfAxis(d: StatedDistribution, t: number): number {
  return normalCdf(zAt(d, t));
}

/** The value with P(X ≤ value) = p, in axis space. */
export function statedQuantileAxis(d: StatedDistribution, p: number): number {
  const z = normalQuantile(p);
  const i = segment(d.knots, "z", z);
  const a = d.knots[i]!;
  const b = d.knots[i + 1]!;
  return a.t + ((z - a.z) * (b.t - a.t)) / (b.z - a.z);
}

/** The value with P(X ≤ value) = p, in the value's own unit. */
export function statedQuantile(d: StatedDistribution, p: number): number {
  return fromAxis(d.scale, statedQuantileAxis(d, p));
}

export { fromAxis, toAxis };
