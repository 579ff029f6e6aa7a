// Sampling and description of the Distribution values users state for inputs.
//
// Models sample many values at once into typed arrays: the kind switch happens once per
// fill, not once per value, and nothing is allocated per draw.

import { formatNumber, formatSci } from "./format";
import type { Rng } from "./rng";
import type { Distribution } from "./types";

/** z-score of the 95th percentile: a 90% CI spans mean ± Z90·sd. */
export const Z90 = 1.6448536269514722;

export interface NormalParams {
  mean: number;
  sd: number;
}

/**
 * The distribution of log10(x) as a normal, when it is one: lognormal, ci90 lognormal,
 * and a positive point (sd 0). Returns null for every other kind.
 */
export function toLog10Normal(d: Distribution): NormalParams | null {
  switch (d.kind) {
    case "point":
      return d.value > 0 ? { mean: Math.log10(d.value), sd: 0 } : null;
    case "lognormal":
      return { mean: Math.log10(d.median), sd: d.sdOom };
    case "ci90":
      if (d.shape !== "lognormal") return null;
      return ci90ToNormal(Math.log10(d.p5), Math.log10(d.p95));
    default:
      return null;
  }
}

/** The distribution as a normal in its own unit, when it is one (normal, ci90 normal, point). */
export function toNormal(d: Distribution): NormalParams | null {
  switch (d.kind) {
    case "point":
      return { mean: d.value, sd: 0 };
    case "normal":
      return { mean: d.mean, sd: d.sd };
    case "ci90":
      return d.shape === "normal" ? ci90ToNormal(d.p5, d.p95) : null;
    default:
      return null;
  }
}

function ci90ToNormal(p5: number, p95: number): NormalParams {
  return { mean: (p5 + p95) / 2, sd: (p95 - p5) / (2 * Z90) };
}

/** Cumulative weights normalised to end at exactly 1, for picking mixture components. */
function cumulativeWeights(components: { weight: number }[]): Float64Array {
  const cum = new Float64Array(components.length);
  let total = 0;
  for (const c of components) total += c.weight;
  let acc = 0;
  for (let i = 0; i < components.length; i++) {
    acc += components[i].weight / total;
    cum[i] = acc;
  }
  cum[cum.length - 1] = 1;
  return cum;
}

function pickComponent(cum: Float64Array, u: number): number {
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]) i++;
  return i;
}

/** One draw in the distribution's own unit. Prefer sampleInto for many draws. */
export function sampleOne(d: Distribution, rng: Rng): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "normal":
      return d.mean + d.sd * rng.normal();
    case "lognormal":
      return d.median * Math.exp(d.sdOom * rng.normal() * Math.LN10);
    case "uniform":
      return d.min + (d.max - d.min) * rng.uniform();
    case "ci90": {
      if (d.shape === "normal") {
        const p = ci90ToNormal(d.p5, d.p95);
        return p.mean + p.sd * rng.normal();
      }
      const p = ci90ToNormal(Math.log10(d.p5), Math.log10(d.p95));
      return 10 ** (p.mean + p.sd * rng.normal());
    }
    case "mixture": {
      const cum = cumulativeWeights(d.components);
      return sampleOne(d.components[pickComponent(cum, rng.uniform())].dist, rng);
    }
  }
}

/** One draw of log10(x). Non-positive draws (from a normal or uniform) give NaN. */
export function sampleLog10One(d: Distribution, rng: Rng): number {
  const ln = toLog10Normal(d);
  if (ln) return ln.mean + ln.sd * rng.normal();
  if (d.kind === "mixture") {
    const cum = cumulativeWeights(d.components);
    return sampleLog10One(d.components[pickComponent(cum, rng.uniform())].dist, rng);
  }
  const x = sampleOne(d, rng);
  return x > 0 ? Math.log10(x) : NaN;
}

function fillNormal(out: Float64Array, start: number, end: number, p: NormalParams, rng: Rng): void {
  const { mean, sd } = p;
  if (sd === 0) {
    out.fill(mean, start, end);
    return;
  }
  for (let i = start; i < end; i++) out[i] = mean + sd * rng.normal();
}

/** Fill out[start, end) with draws of d in its own unit. */
export function sampleInto(d: Distribution, rng: Rng, out: Float64Array, start = 0, end = out.length): void {
  const normal = toNormal(d);
  if (normal) return fillNormal(out, start, end, normal, rng);
  switch (d.kind) {
    case "uniform": {
      const lo = d.min;
      const width = d.max - d.min;
      for (let i = start; i < end; i++) out[i] = lo + width * rng.uniform();
      return;
    }
    case "mixture":
      return fillMixture(d.components, rng, out, start, end, sampleInto);
    default: {
      // lognormal shapes: draw in log space, then exponentiate (exp is cheaper than **).
      const ln = toLog10Normal(d) as NormalParams;
      fillNormal(out, start, end, ln, rng);
      for (let i = start; i < end; i++) out[i] = Math.exp(out[i] * Math.LN10);
    }
  }
}

type Filler = (d: Distribution, rng: Rng, out: Float64Array, start: number, end: number) => void;

/**
 * Mixture fill without per-value dispatch: pick every value's component first, fill
 * each component's share in one batch, then scatter the batches back in pick order.
 */
function fillMixture(
  components: { weight: number; dist: Distribution }[],
  rng: Rng,
  out: Float64Array,
  start: number,
  end: number,
  fill: Filler,
): void {
  const cum = cumulativeWeights(components);
  const m = end - start;
  const pick = new Uint8Array(m);
  const counts = new Int32Array(components.length);
  for (let i = 0; i < m; i++) {
    const c = pickComponent(cum, rng.uniform());
    pick[i] = c;
    counts[c]++;
  }
  const batch = new Float64Array(m);
  for (let c = 0; c < components.length; c++) {
    if (counts[c] === 0) continue;
    fill(components[c].dist, rng, batch, 0, counts[c]);
    for (let i = 0, k = 0; i < m; i++) if (pick[i] === c) out[start + i] = batch[k++];
  }
}

/** Fill out[start, end) with draws of log10(x): exact normals for lognormal shapes. */
export function sampleLog10Into(d: Distribution, rng: Rng, out: Float64Array, start = 0, end = out.length): void {
  const ln = toLog10Normal(d);
  if (ln) return fillNormal(out, start, end, ln, rng);
  if (d.kind === "mixture") return fillMixture(d.components, rng, out, start, end, sampleLog10Into);
  sampleInto(d, rng, out, start, end);
  for (let i = start; i < end; i++) out[i] = out[i] > 0 ? Math.log10(out[i]) : NaN;
}

/** A new typed array of n draws. */
export function sampleMany(d: Distribution, rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n);
  sampleInto(d, rng, out);
  return out;
}

/** The median of the distribution in its own unit (exact except for mixtures: NaN). */
export function distributionMedian(d: Distribution): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "normal":
      return d.mean;
    case "lognormal":
      return d.median;
    case "uniform":
      return (d.min + d.max) / 2;
    case "ci90":
      return d.shape === "normal" ? (d.p5 + d.p95) / 2 : Math.sqrt(d.p5 * d.p95);
    case "mixture":
      return NaN;
  }
}

/** Readable text such as "90% CI 1e13 to 1e17 FLOP/s". */
export function describeDistribution(d: Distribution, unit: string, sci = false): string {
  const f = (x: number): string => (sci ? formatSci(x) : formatNumber(x));
  const u = unit ? ` ${unit}` : "";
  switch (d.kind) {
    case "point":
      return `${f(d.value)}${u}`;
    case "uniform":
      return `uniform ${f(d.min)} to ${f(d.max)}${u}`;
    case "normal": {
      const lo = d.mean - Z90 * d.sd;
      const hi = d.mean + Z90 * d.sd;
      return `normal, 90% CI ${f(lo)} to ${f(hi)}${u} (mean ${f(d.mean)}, sd ${formatNumber(d.sd)})`;
    }
    case "lognormal": {
      const lo = d.median * 10 ** (-Z90 * d.sdOom);
      const hi = d.median * 10 ** (Z90 * d.sdOom);
      return `90% CI ${f(lo)} to ${f(hi)}${u} (median ${f(d.median)}, ±${formatNumber(d.sdOom)} OOM sd)`;
    }
    case "ci90":
      return `90% CI ${f(d.p5)} to ${f(d.p95)}${u}${d.shape === "normal" ? " (normal)" : ""}`;
    case "mixture": {
      const total = d.components.reduce((s, c) => s + c.weight, 0);
      const parts = d.components.map(
        (c) => `${formatNumber((100 * c.weight) / total)}%: ${describeDistribution(c.dist, unit, sci)}`,
      );
      return `mixture of ${parts.join("; ")}`;
    }
  }
}
