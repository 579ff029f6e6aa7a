// Monte Carlo sampling of FLOP₂₀₂₀ for the Bio Anchors model (docs/models.md §1.5 step 1),
// in log10. Draws are made in fixed-size chunks into reusable typed arrays: no
// per-sample allocation, and one kind switch per chunk rather than per value.
//
// Common random numbers (ADR 016): every input draws from its own substream, named by the
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

/** One input as an anchor draws it: its name (which keys its substream), its distribution, in log10 or as stated. */
interface Component {
  name: string;
  dist: Distribution;
  log10: boolean;
}

/**
 * The inputs each anchor family draws, in the order its combine function reads them. The
 * names key the substreams, so they must stay stable: renaming one changes results (and
 * needs a model version bump).
 */
function componentsOf(key: AnchorKey, p: BioAnchorsParams): Component[] {
  switch (key) {
    case "nopath":
      return [{ name: "no_feasible_path", dist: { kind: "uniform", min: p.noPathLow, max: p.noPathHigh }, log10: false }];
    case "evolution":
      return [
        { name: "evolution_ancestor_brain_flops", dist: p.evolutionAncestorBrain, log10: true },
        { name: "evolution_efficiency_ooms", dist: p.evolutionEfficiency, log10: false },
        { name: "evolution_population", dist: p.evolutionPopulation, log10: true },
        { name: "extra_uncertainty_ooms", dist: p.extraUncertainty, log10: false },
      ];
    case "lifetime":
      return [
        { name: "log10_brain_flops", dist: p.log10BrainFlops, log10: false },
        { name: "extra_uncertainty_ooms", dist: p.extraUncertainty, log10: false },
        { name: "lifetime_efficiency_penalty", dist: p.lifetimePenalty, log10: false },
      ];
    default: {
      const genome = key === "genome";
      return [
        { name: "log10_brain_flops", dist: p.log10BrainFlops, log10: false },
        { name: "extra_uncertainty_ooms", dist: p.extraUncertainty, log10: false },
        { name: genome ? "genome_horizon" : `horizon_${key}`, dist: genome ? p.genomeHorizon : p.horizons[key], log10: true },
        { name: "scaling_exponent", dist: p.scalingExponent, log10: false },
        { name: genome ? "genome_params" : "flop_per_param_per_subj_sec", dist: genome ? p.genomeParams : p.flopPerParamPerSubjSec, log10: true },
      ];
    }
  }
}

// One combine function per anchor family rather than one with a branch per anchor: each
// keeps its own type feedback, so the JIT never deoptimises one family's loop for another.

function combineEvolution(p: BioAnchorsParams, s: Float64Array[], cand: Float64Array, m: number): void {
  const [s0, s1, s2, s3] = s;
  const c = p.logEvolutionSeconds;
  for (let i = 0; i < m; i++) cand[i] = s0[i] + s1[i] + s2[i] + s3[i] + c;
}

function combineLifetime(p: BioAnchorsParams, s: Float64Array[], cand: Float64Array, m: number): void {
  const [s0, s1, s2] = s;
  const c = p.logLifetimeSeconds;
  for (let i = 0; i < m; i++) cand[i] = s0[i] + s1[i] + s2[i] + c;
}

/**
 * Neural-net anchors: FLOP per subjective second × horizon × samples, where samples =
 * ref_samples·(params/ref_params)^α. The genome anchor uses the same formula with the
 * genome as the parameter count (`genome` set) instead of inference FLOP/s ÷ FLOP/param.
 */
function combineNeuralNet(p: BioAnchorsParams, genome: boolean, s: Float64Array[], cand: Float64Array, m: number): void {
  const [s0, s1, s2, s3, s4] = s;
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

/** Candidate values of FLOP₂₀₂₀ for one anchor from its components' draws, into cand[0, m). */
function combine(key: AnchorKey, p: BioAnchorsParams, s: Float64Array[], cand: Float64Array, m: number): void {
  switch (key) {
    case "nopath":
      cand.set(s[0].subarray(0, m));
      return;
    case "evolution":
      return combineEvolution(p, s, cand, m);
    case "lifetime":
      return combineLifetime(p, s, cand, m);
    default:
      return combineNeuralNet(p, key === "genome", s, cand, m);
  }
}

/** Fill out[0, m) with the next m draws of a component from its stream (the chunked, rejection path). */
function drawChunk(c: Component, rng: Rng, out: Float64Array, m: number): void {
  if (c.log10) sampleLog10Into(c.dist, rng, out, 0, m);
  else sampleInto(c.dist, rng, out, 0, m);
}

/**
 * `count` draws of a component, all at once, from the stream named `name`. A mixture takes its
 * picks and each component's values from streams of their own, so a longer block only adds
 * values at the end (common random numbers when a weight changes) whatever the mixture.
 */
function drawAll(d: Distribution, log10: boolean, seed: number, name: string, count: number): Float64Array {
  const out = new Float64Array(count);
  if (d.kind !== "mixture") {
    if (log10) sampleLog10Into(d, namedRng(seed, name), out, 0, count);
    else sampleInto(d, namedRng(seed, name), out, 0, count);
    return out;
  }
  const total = d.components.reduce((t, c) => t + c.weight, 0);
  const cum = d.components.map(((acc) => (c: { weight: number }) => (acc += c.weight / total))(0));
  cum[cum.length - 1] = 1;
  const picks = new Uint8Array(count);
  const sizes = new Int32Array(d.components.length);
  const pickRng = namedRng(seed, `${name}#pick`);
  for (let i = 0; i < count; i++) {
    const u = pickRng.uniform();
    let c = 0;
    while (c < cum.length - 1 && u >= cum[c]) c++;
    picks[i] = c;
    sizes[c]++;
  }
  const values = d.components.map((c, k) => drawAll(c.dist, log10, seed, `${name}#${k}`, sizes[k]));
  const used = new Int32Array(d.components.length);
  for (let i = 0; i < count; i++) out[i] = values[picks[i]][used[picks[i]]++];
  return out;
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
 * Draws already made in a session of many runs with one seed (sensitivity, attribution,
 * solving): each component's values by (anchor, input, distribution, count), and whole
 * anchor blocks by everything they depend on. A run that changes one input redraws only
 * that input's values and recombines the anchors that use it. Owned by the session.
 */
export interface AnchorCache {
  components: Map<string, Float64Array>;
  blocks: Map<string, AnchorBlock>;
  /** Float64 values held, to bound memory (the session starts afresh past a cap). */
  size: number;
}

export function createAnchorCache(): AnchorCache {
  return { components: new Map(), blocks: new Map(), size: 0 };
}

/** Past this many values held (~64 MB), a session's cache starts afresh. */
const CACHE_VALUES_CAP = 8_000_000;

function remember<T extends { length: number } | AnchorBlock>(cache: AnchorCache, map: Map<string, T>, key: string, value: T): T {
  const n = "flop" in value ? value.flop.length : (value as { length: number }).length;
  if (cache.size + n > CACHE_VALUES_CAP) {
    cache.components.clear();
    cache.blocks.clear();
    cache.size = 0;
  }
  map.set(key, value);
  cache.size += n;
  return value;
}

/** Everything one anchor's block of samples depends on, as a cache key. */
function anchorKey(p: BioAnchorsParams, a: number, count: number, seed: number): string {
  const key = ANCHORS[a].key;
  const lowEnd = ANCHORS[a].lowEndUpdate ? [p.lowEndMode, p.logLowEndFloor, p.lowEndMode === "soft" ? p.lowEndSoftOoms : 0] : [];
  const deps = componentsOf(key, p).map((c) => c.dist);
  const constants = [p.logEvolutionSeconds, p.logLifetimeSeconds, p.taiVsBrainOoms, p.logRefSamples, p.logRefParams];
  return canonicalJson([key, count, seed, deps, constants, lowEnd]);
}

/** The update against low requirements for one block: the low-end shift, or none. */
function finishBlock(cand: Float64Array, count: number, mode: string, floor: number, counterKey: number): AnchorBlock {
  if (mode === "shift") shiftUp(cand, count, floor, counterKey, 0);
  return { flop: cand, floored: false };
}

/** Draw one anchor's block of `count` samples, with the update against low requirements. */
function sampleAnchor(p: BioAnchorsParams, a: number, count: number, seed: number, sc: Scratch, cache?: AnchorCache): AnchorBlock {
  const anchor = ANCHORS[a];
  const mode = anchor.lowEndUpdate ? p.lowEndMode : "none";
  const floor = p.logLowEndFloor;
  const updateName = `low_end_update|${anchor.key}`;
  const counterKey = streamId(`${seed}|${updateName}`);
  const comps = componentsOf(anchor.key, p);
  if (mode === "shift" || mode === "none") {
    // Every component drawn whole (or found in the session's cache), then combined.
    const arrays = comps.map((c) => {
      const name = `${c.name}|${anchor.key}`;
      const key = cache ? canonicalJson([seed, name, c.log10, count, c.dist]) : "";
      const hit = cache?.components.get(key);
      if (hit) return hit;
      const values = drawAll(c.dist, c.log10, seed, name, count);
      return cache ? remember(cache, cache.components, key, values) : values;
    });
    const cand = new Float64Array(count);
    combine(anchor.key, p, arrays, cand, count);
    return finishBlock(cand, count, mode, floor, counterKey);
  }
  // Rejection: candidates in chunks until enough are accepted.
  const flop = new Float64Array(count);
  const rngs = comps.map((c) => namedRng(seed, `${c.name}|${anchor.key}`));
  const soft = mode === "soft" ? p.lowEndSoftOoms : 0;
  const update = namedRng(seed, updateName);
  let pos = 0;
  let drawn = 0;
  while (pos < count) {
    const m = Math.min(CHUNK, count - pos);
    comps.forEach((c, k) => drawChunk(c, rngs[k], sc.s[k], m));
    combine(anchor.key, p, sc.s, sc.cand, m);
    pos = keepAccepted(sc.cand, m, floor, soft, update, flop, pos, count);
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
      let block = cache?.blocks.get(key);
      if (!block) {
        block = sampleAnchor(p, a, count, opts.seed, sc, cache);
        if (cache) remember(cache, cache.blocks, key, block);
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
