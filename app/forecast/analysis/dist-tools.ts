// Quantiles of the distributions users state, and moving one to a new centre while keeping
// its shape: the low/high ends of a sensitivity bar, and the knob a solver turns.

import { toLog10Normal, toNormal } from "../distributions";
import { normalCdf, normalQuantile } from "../quick/normal";
import type { Distribution } from "../types";

/** P(X ≤ x) for a distribution in its own unit. */
export function distributionCdf(d: Distribution, x: number): number {
  const n = toNormal(d);
  if (n) return n.sd === 0 ? (x >= n.mean ? 1 : 0) : normalCdf((x - n.mean) / n.sd);
  const ln = toLog10Normal(d);
  if (ln) return x <= 0 ? 0 : ln.sd === 0 ? (Math.log10(x) >= ln.mean ? 1 : 0) : normalCdf((Math.log10(x) - ln.mean) / ln.sd);
  if (d.kind === "uniform") return x <= d.min ? 0 : x >= d.max ? 1 : (x - d.min) / (d.max - d.min);
  if (d.kind === "mixture") {
    const total = d.components.reduce((s, c) => s + c.weight, 0);
    return d.components.reduce((s, c) => s + (c.weight / total) * distributionCdf(c.dist, x), 0);
  }
  return NaN;
}

/** The q-quantile of a distribution in its own unit: exact for the simple kinds, by bisection for mixtures. */
export function distributionQuantile(d: Distribution, q: number): number {
  const n = toNormal(d);
  if (n) return n.mean + n.sd * normalQuantile(q);
  const ln = toLog10Normal(d);
  if (ln) return 10 ** (ln.mean + ln.sd * normalQuantile(q));
  if (d.kind === "uniform") return d.min + q * (d.max - d.min);
  if (d.kind === "mixture") {
    const parts = d.components.map((c) => [distributionQuantile(c.dist, 1e-6), distributionQuantile(c.dist, 1 - 1e-6)]);
    let lo = Math.min(...parts.map((p) => p[0]));
    let hi = Math.max(...parts.map((p) => p[1]));
    const positive = lo > 0;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
      const mid = positive ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      if (distributionCdf(d, mid) < q) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
  return NaN;
}

/** Whether a distribution is stated in log terms (so it moves by factors, not offsets). */
export function isLogShaped(d: Distribution): boolean {
  if (d.kind === "mixture") return d.components.every((c) => isLogShaped(c.dist));
  return toLog10Normal(d) !== null && d.kind !== "point";
}

/** Every number in a distribution that lives in the input's unit (for bounds). */
export function unitParams(d: Distribution): number[] {
  switch (d.kind) {
    case "point":
      return [d.value];
    case "normal":
      return [d.mean];
    case "lognormal":
      return [d.median];
    case "uniform":
      return [d.min, d.max];
    case "ci90":
      return [d.p5, d.p95];
    case "mixture":
      return d.components.flatMap((c) => unitParams(c.dist));
  }
}

/**
 * The distribution moved so that its median becomes `median`, shape kept: multiplied for
 * log-shaped distributions (lognormal, lognormal 90% CIs), shifted otherwise.
 */
export function moveMedian(d: Distribution, median: number): Distribution {
  const current = distributionQuantile(d, 0.5);
  const byFactor = isLogShaped(d) && current > 0 && median > 0;
  const move = (x: number) => (byFactor ? x * (median / current) : x + (median - current));
  const apply = (x: Distribution): Distribution => {
    switch (x.kind) {
      case "point":
        return { kind: "point", value: move(x.value) };
      case "normal":
        return { ...x, mean: move(x.mean) };
      case "lognormal":
        return { ...x, median: move(x.median) };
      case "uniform":
        return { ...x, min: move(x.min), max: move(x.max) };
      case "ci90":
        return { ...x, p5: move(x.p5), p95: move(x.p95) };
      case "mixture":
        return { kind: "mixture", components: x.components.map((c) => ({ weight: c.weight, dist: apply(c.dist) })) };
    }
  };
  return apply(d);
}

/** The range of medians a distribution can be moved to while every parameter stays within [min, max]. */
export function medianRange(d: Distribution, min: number, max: number): [number, number] {
  const median = distributionQuantile(d, 0.5);
  const params = unitParams(d);
  const lowest = Math.min(...params);
  const highest = Math.max(...params);
  if (isLogShaped(d) && median > 0 && lowest > 0) {
    const lo = min > 0 ? median * (min / lowest) : median * 1e-12;
    return [lo, median * (max / highest)];
  }
  return [median + (min - lowest), median + (max - highest)];
}
