// Monte Carlo sampling of FLOP₂₀₂₀ for the Bio Anchors model (docs/models.md §1.5 step 1),
// in log10. Draws are made in fixed-size chunks into reusable typed arrays: no
// per-sample allocation, and one kind switch per chunk rather than per value.
//
// Common random numbers (ADR 014): every input draws from its own substream, named by the
// input and the anchor it is used in, and the update against low requirements takes its
// randomness from counters tied to each sample. So a run that changes one input leaves
// every other input's draws exactly as they were, and two runs differ only by the change.

import { Z90, sampleInto, sampleLog10Into } from "../distributions";
import { canonicalJson } from "../canonical";
import { counterUniform, namedRng, streamId, type Rng } from "../rng";
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

/**
 * The inputs each anchor family draws, in the order its draw function reads its streams.
 * The names key the substreams, so they must stay stable: renaming one changes results
 * (and needs a model version bump).
 */
function streamNames(key: AnchorKey): string[] {
  switch (key) {
    case "nopath":
      return ["no_feasible_path"];
    case "evolution":
      return ["evolution_ancestor_brain_flops", "evolution_efficiency_ooms", "evolution_population", "extra_uncertainty_ooms"];
    case "lifetime":
      return ["log10_brain_flops", "extra_uncertainty_ooms", "lifetime_efficiency_penalty"];
    case "genome":
      return ["log10_brain_flops", "extra_uncertainty_ooms", "genome_horizon", "scaling_exponent", "genome_params"];
    default:
      return ["log10_brain_flops", "extra_uncertainty_ooms", `horizon_${key}`, "scaling_exponent", "flop_per_param_per_subj_sec"];
  }
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
  sampleInto(p.log10BrainFlops, rngs[0], s0, 0, m);
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
  sampleInto(p.log10BrainFlops, rngs[0], s0, 0, m);
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

interface AnchorBlock {
  flop: Float64Array;
  floored: boolean;
}

/**
 * Blocks of samples already drawn, keyed by everything they depend on. A session of many
 * runs with one seed (sensitivity, attribution, solving) redraws only the anchors whose
 * inputs changed; the cache is owned by that session and dropped with it.
 */
export type AnchorCache = Map<string, AnchorBlock>;

/** Everything one anchor's block of samples depends on, as a cache key. */
function anchorKey(p: BioAnchorsParams, a: number, count: number, seed: number): string {
  const key = ANCHORS[a].key;
  const lowEnd = ANCHORS[a].lowEndUpdate ? [p.lowEndMode, p.logLowEndFloor, p.lowEndMode === "soft" ? p.lowEndSoftOoms : 0] : [];
  let deps: unknown[];
  switch (key) {
    case "nopath":
      deps = [p.noPathLow, p.noPathHigh];
      break;
    case "evolution":
      deps = [p.evolutionAncestorBrain, p.evolutionEfficiency, p.evolutionPopulation, p.extraUncertainty, p.logEvolutionSeconds];
      break;
    case "lifetime":
      deps = [p.log10BrainFlops, p.extraUncertainty, p.lifetimePenalty, p.logLifetimeSeconds];
      break;
    default: {
      const horizon = key === "genome" ? p.genomeHorizon : p.horizons[key];
      const size = key === "genome" ? p.genomeParams : p.flopPerParamPerSubjSec;
      deps = [p.log10BrainFlops, p.extraUncertainty, horizon, p.scalingExponent, size, p.taiVsBrainOoms, p.logRefSamples, p.logRefParams];
    }
  }
  return canonicalJson([key, count, seed, deps, lowEnd]);
}

/** Draw one anchor's block of `count` samples, with the update against low requirements. */
function sampleAnchor(p: BioAnchorsParams, a: number, count: number, seed: number, sc: Scratch): AnchorBlock {
  const anchor = ANCHORS[a];
  const flop = new Float64Array(count);
  const rngs = streamNames(anchor.key).map((name) => namedRng(seed, `${name}|${anchor.key}`));
  const mode = anchor.lowEndUpdate ? p.lowEndMode : "none";
  const floor = p.logLowEndFloor;
  const soft = mode === "soft" ? p.lowEndSoftOoms : 0;
  const updateName = `low_end_update|${anchor.key}`;
  const update = namedRng(seed, updateName);
  const counterKey = streamId(`${seed}|${updateName}`);
  let pos = 0;
  let drawn = 0;
  while (pos < count) {
    const m = Math.min(CHUNK, count - pos);
    drawCandidates(anchor.key, p, rngs, sc, m);
    if (mode === "shift") {
      shiftUp(sc.cand, m, floor, counterKey, pos);
      flop.set(sc.cand.subarray(0, m), pos);
      pos += m;
    } else if (mode === "none") {
      flop.set(sc.cand.subarray(0, m), pos);
      pos += m;
    } else {
      pos = keepAccepted(sc.cand, m, floor, soft, update, flop, pos, count);
    }
    drawn += m;
    if (pos < count && drawn > 50 * count + 100_000) {
      // Almost all mass is below the floor: going on would loop for ever.
      flop.fill(floor + soft, pos, count);
      return { flop, floored: true };
    }
  }
  return { flop, floored: false };
}

/**
 * Sample FLOP₂₀₂₀ with the update against low requirements ("TAI was not already
 * trainable with the ~1e24 FLOP runs done by 2020") applied to the anchors it concerns:
 * - shift (the ports' form): draws below floor+3, +2, +1, +0 are pushed up by ~1–3 OOM
 *   with probability 0.7, 0.8, 0.9, 1 in turn, then floored, so the mass stays near the low end;
 * - soft: rejection, keeping a draw with probability rising from 0 at the floor to 1 at
 *   floor + soft band, so the anchor keeps its shape above the band;
 * - hard: rejection below the floor only (a truncation).
 * Rejection keeps common random numbers only while the floor and the anchor's inputs are
 * unchanged (a different set of draws is accepted otherwise); the shift keeps them always.
 */
export function sampleRequirements(p: BioAnchorsParams, opts: ComputeOptions, cache?: AnchorCache): SampleResult {
  const n = opts.sampleCount;
  const counts = stratify(p.weights, n);
  const flop = new Float64Array(n);
  const sc: Scratch = { cand: new Float64Array(CHUNK), s: Array.from({ length: 5 }, () => new Float64Array(CHUNK)) };
  const floored: AnchorKey[] = [];
  let start = 0;
  for (let a = 0; a < ANCHORS.length; a++) {
    const count = counts[a];
    if (count > 0) {
      const key = cache ? anchorKey(p, a, count, opts.seed) : "";
      let block = cache?.get(key);
      if (!block) {
        block = sampleAnchor(p, a, count, opts.seed, sc);
        cache?.set(key, block);
      }
      flop.set(block.flop, start);
      if (block.floored) floored.push(ANCHORS[a].key);
    }
    start += count;
  }
  return { flop, counts, floored };
}

/**
 * The ports' update in place: repeated stochastic upward shifts near the floor, then the
 * floor. Sample `offset + i` takes its coin flips and shifts from fixed counters, so its
 * update is the same whatever the other samples do.
 */
function shiftUp(cand: Float64Array, m: number, floor: number, key: number, offset: number): void {
  for (let i = 0; i < m; i++) {
    let f = cand[i];
    if (f >= floor + 3) continue;
    const base = (offset + i) * 12;
    for (let k = 0; k < SHIFT_STEPS.length; k++) {
      if (f < floor + SHIFT_STEPS[k].offset && counterUniform(key, base + k) < SHIFT_STEPS[k].probability) {
        // Box–Muller on two counters of its own: one normal per step, none shared.
        const u1 = counterUniform(key, base + 4 + 2 * k);
        const u2 = counterUniform(key, base + 5 + 2 * k);
        const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        f += SHIFT_MEAN + SHIFT_SD * z;
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
