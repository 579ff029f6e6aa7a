// Monte Carlo sampling of FLOP₂₀₂₀ for the Bio Anchors model (docs/models.md §1.5 step 1),
// in log10. Draws are made in fixed-size chunks into reusable typed arrays: no
// per-sample allocation, and one kind switch per chunk rather than per value.

import { Z90, sampleInto, sampleLog10Into } from "../distributions";
import { createRng, type Rng } from "../rng";
import type { ComputeOptions, Distribution } from "../types";
import { ANCHORS, type AnchorKey, type BioAnchorsParams } from "./bio-anchors-params";

const CHUNK = 2048;

/** Per-anchor sample counts: largest-remainder rounding of n × normalised weight. */
export function stratify(weights: number[], n: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total > 0 ? (n * w) / total : 0));
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) counts[order[k][1]]++;
  if (total <= 0) counts[counts.length - 1] = n; // no weight anywhere: nothing is achievable
  return counts;
}

interface Scratch {
  cand: Float64Array;
  s: Float64Array[];
}

// One function per anchor family rather than one with a branch per anchor: each keeps
// its own type feedback, so the JIT never deoptimises one family's loop for another.

function drawNoPath(p: BioAnchorsParams, rngs: Rng[], sc: Scratch, m: number): void {
  const { cand } = sc;
  const width = p.noPathHigh - p.noPathLow;
  for (let i = 0; i < m; i++) cand[i] = p.noPathLow + width * rngs[0].uniform();
}

function drawEvolution(p: BioAnchorsParams, rngs: Rng[], sc: Scratch, m: number): void {
  const { cand, s } = sc;
  const [s0, s1, s2, s3] = s;
  sampleLog10Into(p.evolutionAncestorBrain, rngs[0], s0, 0, m);
  sampleInto(p.evolutionEfficiency, rngs[1], s1, 0, m);
  sampleLog10Into(p.evolutionPopulation, rngs[2], s2, 0, m);
  sampleInto(p.extraUncertainty, rngs[3], s3, 0, m);
  const c = p.logEvolutionSeconds;
  for (let i = 0; i < m; i++) cand[i] = s0[i] + s1[i] + s2[i] + s3[i] + c;
}

function drawLifetime(p: BioAnchorsParams, rngs: Rng[], sc: Scratch, m: number): void {
  const { cand, s } = sc;
  const [s0, s1, s2] = s;
  sampleLog10Into(p.brainFlops, rngs[0], s0, 0, m);
  sampleInto(p.extraUncertainty, rngs[1], s1, 0, m);
  sampleInto(p.lifetimePenalty, rngs[2], s2, 0, m);
  const c = p.logLifetimeSeconds;
  for (let i = 0; i < m; i++) cand[i] = s0[i] + s1[i] + s2[i] + c;
}

/**
 * Neural-net anchors: FLOP per subjective second × horizon × samples, where samples =
 * ref_samples·(params/ref_params)^α. The genome anchor uses the same formula with the
 * genome as the parameter count (`genome` set) instead of inference FLOP/s ÷ FLOP/param.
 */
function drawNeuralNet(p: BioAnchorsParams, horizon: Distribution, genome: boolean, rngs: Rng[], sc: Scratch, m: number): void {
  const { cand, s } = sc;
  const [s0, s1, s2, s3, s4] = s;
  sampleLog10Into(p.brainFlops, rngs[0], s0, 0, m);
  sampleInto(p.extraUncertainty, rngs[1], s1, 0, m);
  sampleLog10Into(horizon, rngs[2], s2, 0, m);
  sampleInto(p.scalingExponent, rngs[3], s3, 0, m);
  sampleLog10Into(genome ? p.genomeParams : p.flopPerParamPerSubjSec, rngs[4], s4, 0, m);
  const e = p.taiVsBrainOoms;
  const rs = p.logRefSamples;
  const rp = p.logRefParams;
  // log10 params: the genome's size, or inference FLOP/s over FLOP per param per second.
  const g = genome ? 1 : 0;
  for (let i = 0; i < m; i++) {
    const inference = s0[i] + e;
    const params = g * s4[i] + (1 - g) * (inference - s4[i]);
    cand[i] = inference + s1[i] + s2[i] + rs + s3[i] * (params - rp);
  }
}

/** Draw m candidate values of FLOP₂₀₂₀ for one anchor into scratch.cand[0, m). */
function drawCandidates(key: AnchorKey, p: BioAnchorsParams, rngs: Rng[], sc: Scratch, m: number): void {
  switch (key) {
    case "nopath":
      return drawNoPath(p, rngs, sc, m);
    case "evolution":
      return drawEvolution(p, rngs, sc, m);
    case "lifetime":
      return drawLifetime(p, rngs, sc, m);
    case "genome":
      return drawNeuralNet(p, p.genomeHorizon, true, rngs, sc, m);
    default:
      return drawNeuralNet(p, p.horizons[key], false, rngs, sc, m);
  }
}

export interface SampleResult {
  /** log10 FLOP₂₀₂₀ per sample, anchor blocks contiguous in ANCHORS order. */
  flop: Float64Array;
  counts: number[];
  /** Anchors whose low-end update could not be satisfied and were floored instead. */
  floored: AnchorKey[];
}

/** Steps of the "shift" update: below floor + offset, with this probability, add ~1–3 OOM. */
const SHIFT_STEPS = [
  { offset: 3, probability: 0.7 },
  { offset: 2, probability: 0.8 },
  { offset: 1, probability: 0.9 },
  { offset: 0, probability: 1 },
];
const SHIFT_MEAN = 2;
const SHIFT_SD = 1 / Z90;

/**
 * Sample FLOP₂₀₂₀ with the update against low requirements ("TAI was not already
 * trainable with the ~1e24 FLOP runs done by 2020") applied to the anchors it concerns:
 * - shift (the ports' form): draws below floor+3, +2, +1, +0 are pushed up by ~1–3 OOM
 *   with probability 0.7, 0.8, 0.9, 1 in turn, then floored, so the mass stays near the low end;
 * - soft: rejection, keeping a draw with probability rising from 0 at the floor to 1 at
 *   floor + soft band, so the anchor keeps its shape above the band;
 * - hard: rejection below the floor only (a truncation).
 */
export function sampleRequirements(p: BioAnchorsParams, opts: ComputeOptions): SampleResult {
  const n = opts.sampleCount;
  const counts = stratify(p.weights, n);
  const flop = new Float64Array(n);
  const sc: Scratch = { cand: new Float64Array(CHUNK), s: Array.from({ length: 5 }, () => new Float64Array(CHUNK)) };
  const floored: AnchorKey[] = [];
  let start = 0;
  ANCHORS.forEach((anchor, a) => {
    const count = counts[a];
    const end = start + count;
    // One stream per (anchor, component): a fork that changes one distribution or one
    // weight leaves every other draw unchanged, so differences between forks are signal.
    const rngs = Array.from({ length: 5 }, (_, c) => createRng(opts.seed, a * 8 + c));
    const update = createRng(opts.seed, a * 8 + 7);
    const mode = anchor.lowEndUpdate ? p.lowEndMode : "none";
    const floor = p.logLowEndFloor;
    const soft = mode === "soft" ? p.lowEndSoftOoms : 0;
    let pos = start;
    let drawn = 0;
    while (pos < end) {
      const m = Math.min(CHUNK, end - pos);
      drawCandidates(anchor.key, p, rngs, sc, m);
      if (mode === "shift") {
        shiftUp(sc.cand, m, floor, update);
        flop.set(sc.cand.subarray(0, m), pos);
        pos += m;
      } else if (mode === "none") {
        flop.set(sc.cand.subarray(0, m), pos);
        pos += m;
      } else {
        pos = keepAccepted(sc.cand, m, floor, soft, update, flop, pos, end);
      }
      drawn += m;
      if (pos < end && drawn > 50 * count + 100_000) {
        // Almost all mass is below the floor: going on would loop for ever.
        flop.fill(floor + soft, pos, end);
        floored.push(anchor.key);
        pos = end;
      }
    }
    start = end;
  });
  return { flop, counts, floored };
}

/** The ports' update in place: repeated stochastic upward shifts near the floor, then the floor. */
function shiftUp(cand: Float64Array, m: number, floor: number, rng: Rng): void {
  for (let i = 0; i < m; i++) {
    let f = cand[i];
    if (f >= floor + 3) continue;
    for (let k = 0; k < SHIFT_STEPS.length; k++) {
      if (f < floor + SHIFT_STEPS[k].offset && rng.uniform() < SHIFT_STEPS[k].probability) {
        f += SHIFT_MEAN + SHIFT_SD * rng.normal();
      }
    }
    cand[i] = f < floor ? floor : f;
  }
}

/** Rejection: copy accepted draws to out[pos, end); returns the new position. */
function keepAccepted(
  cand: Float64Array,
  m: number,
  floor: number,
  soft: number,
  rng: Rng,
  out: Float64Array,
  pos: number,
  end: number,
): number {
  for (let i = 0; i < m && pos < end; i++) {
    const f = cand[i];
    if (f < floor) continue;
    if (f < floor + soft && rng.uniform() * soft >= f - floor) continue;
    out[pos++] = f;
  }
  return pos;
}
