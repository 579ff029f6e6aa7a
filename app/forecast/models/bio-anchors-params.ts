// Typed, log10-converted parameters of the Bio Anchors model, read from resolved inputs.

import type { Distribution, Inputs, TableRow } from "../types";

export const FIRST_YEAR = 2025;
export const LAST_YEAR = 2100;

export type AnchorKey = "short" | "medium" | "long" | "lifetime" | "evolution" | "genome" | "nopath";

/** Row order of the `anchors` table input; also the order of sample blocks. */
export const ANCHORS: readonly { key: AnchorKey; label: string; lowEndUpdate: boolean }[] = [
  { key: "short", label: "Short-horizon NN", lowEndUpdate: true },
  { key: "medium", label: "Medium-horizon NN", lowEndUpdate: true },
  { key: "long", label: "Long-horizon NN", lowEndUpdate: true },
  { key: "lifetime", label: "Lifetime", lowEndUpdate: true },
  { key: "evolution", label: "Evolution", lowEndUpdate: false },
  { key: "genome", label: "Genome", lowEndUpdate: true },
  { key: "nopath", label: "No feasible path", lowEndUpdate: false },
];

/**
 * Algorithmic progress as a function of a sample's requirement f (log10 FLOP₂₀₂₀), as in
 * the ports (docs/models.md §1.4): the halving time falls linearly in f from `halvingSmall`
 * (at f ≤ halvingSmallAt) to `halvingLarge` (at f ≥ halvingLargeAt), and the cap on total
 * savings rises linearly from `capSmall` (f ≤ capSmallAt) to `capLarge` (f ≥ capLargeAt).
 */
export interface AlgoRule {
  halvingSmall: number;
  halvingLarge: number;
  halvingSmallAt: number;
  halvingLargeAt: number;
  capSmall: number;
  capLarge: number;
  capSmallAt: number;
  capLargeAt: number;
}

export type LowEndMode = "shift" | "soft" | "hard" | "none";
const LOW_END_MODES: readonly LowEndMode[] = ["shift", "soft", "hard", "none"];

export interface BioAnchorsParams {
  /** log10 of brain FLOP/s, drawn in its own unit (a distribution over log values). */
  log10BrainFlops: Distribution;
  taiVsBrainOoms: number;
  extraUncertainty: Distribution;
  flopPerParamPerSubjSec: Distribution;
  scalingExponent: Distribution;
  logRefParams: number;
  logRefSamples: number;
  horizons: Record<"short" | "medium" | "long", Distribution>;
  logLifetimeSeconds: number;
  lifetimePenalty: Distribution;
  logEvolutionSeconds: number;
  evolutionPopulation: Distribution;
  evolutionAncestorBrain: Distribution;
  evolutionEfficiency: Distribution;
  genomeParams: Distribution;
  genomeHorizon: Distribution;
  /** Relative anchor weights, in ANCHORS order. */
  weights: number[];
  algo: AlgoRule;
  /** The "no feasible path" bucket as a uniform range of log10 FLOP (a stand-in). */
  noPathLow: number;
  noPathHigh: number;
  lowEndMode: LowEndMode;
  logLowEndFloor: number;
  lowEndSoftOoms: number;
  algoBaseYear: number;
  flopPerDollar2020: number;
  hwHalvingYears: number;
  maxFlopPerDollar: number;
  spend2025: number;
  spendDoublingYears: number;
  maxGdpFraction: number;
  gdp2020: number;
  gdpGrowth: number;
}

function get(inputs: Inputs, name: string): unknown {
  if (!Object.hasOwn(inputs, name)) throw new Error(`Bio Anchors: missing input ${name}`);
  return inputs[name];
}

function num(inputs: Inputs, name: string): number {
  const v = get(inputs, name);
  if (typeof v !== "number") throw new Error(`Bio Anchors: input ${name} must be a number`);
  return v;
}

function dist(inputs: Inputs, name: string): Distribution {
  const v = get(inputs, name);
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new Error(`Bio Anchors: input ${name} must be a distribution`);
  }
  return v as Distribution;
}

function table(inputs: Inputs, name: string): TableRow[] {
  const v = get(inputs, name);
  if (!Array.isArray(v) || v.length !== ANCHORS.length) {
    throw new Error(`Bio Anchors: input ${name} must have ${ANCHORS.length} rows`);
  }
  return v;
}

/** Inputs must be validated and resolved (every input present) before this is called. */
export function readParams(inputs: Inputs): BioAnchorsParams {
  const rows = table(inputs, "anchors");
  const mode = LOW_END_MODES.find((m) => m === get(inputs, "low_end_update")) ?? "shift";
  return {
    log10BrainFlops: dist(inputs, "log10_brain_flops"),
    taiVsBrainOoms: num(inputs, "tai_vs_brain_ooms"),
    extraUncertainty: dist(inputs, "extra_uncertainty_ooms"),
    flopPerParamPerSubjSec: dist(inputs, "flop_per_param_per_subj_sec"),
    scalingExponent: dist(inputs, "scaling_exponent"),
    logRefParams: Math.log10(num(inputs, "ref_params")),
    logRefSamples: Math.log10(num(inputs, "ref_samples")),
    horizons: {
      short: dist(inputs, "horizon_short"),
      medium: dist(inputs, "horizon_medium"),
      long: dist(inputs, "horizon_long"),
    },
    logLifetimeSeconds: Math.log10(num(inputs, "lifetime_seconds")),
    lifetimePenalty: dist(inputs, "lifetime_efficiency_penalty"),
    logEvolutionSeconds: Math.log10(num(inputs, "evolution_seconds")),
    evolutionPopulation: dist(inputs, "evolution_population"),
    evolutionAncestorBrain: dist(inputs, "evolution_ancestor_brain_flops"),
    evolutionEfficiency: dist(inputs, "evolution_efficiency_ooms"),
    genomeParams: dist(inputs, "genome_params"),
    genomeHorizon: dist(inputs, "genome_horizon"),
    weights: rows.map((r) => r.weight),
    algo: {
      halvingSmall: num(inputs, "algo_halving_small"),
      halvingLarge: num(inputs, "algo_halving_large"),
      halvingSmallAt: Math.log10(num(inputs, "algo_halving_small_at")),
      halvingLargeAt: Math.log10(num(inputs, "algo_halving_large_at")),
      capSmall: num(inputs, "algo_cap_small"),
      capLarge: num(inputs, "algo_cap_large"),
      capSmallAt: Math.log10(num(inputs, "algo_cap_small_at")),
      capLargeAt: Math.log10(num(inputs, "algo_cap_large_at")),
    },
    noPathLow: 60,
    noPathHigh: 70,
    lowEndMode: mode,
    logLowEndFloor: Math.log10(num(inputs, "low_end_floor")),
    lowEndSoftOoms: num(inputs, "low_end_soft_ooms"),
    algoBaseYear: num(inputs, "algo_base_year"),
    flopPerDollar2020: num(inputs, "flop_per_dollar_2020"),
    hwHalvingYears: num(inputs, "hw_halving_years"),
    maxFlopPerDollar: num(inputs, "max_flop_per_dollar"),
    spend2025: num(inputs, "spend_2025"),
    spendDoublingYears: num(inputs, "spend_doubling_years"),
    maxGdpFraction: num(inputs, "max_gdp_fraction"),
    gdp2020: num(inputs, "gdp_2020"),
    gdpGrowth: num(inputs, "gdp_growth"),
  };
}
