// Input definitions of the Bio Anchors model (docs/models.md §1.3–1.4). Evidence tags and the
// reasons for each [U] default are in the model description (bio-anchors.ts). No default
// is tuned to the spreadsheet curve: each is a sourced value or the ports' own.

import type { Distribution, InputDef, TableRow } from "../types";
import { ANCHORS } from "./bio-anchors-params";

const ci90ln = (p5: number, p95: number): Distribution => ({ kind: "ci90", shape: "lognormal", p5, p95 });
const ci90n = (p5: number, p95: number): Distribution => ({ kind: "ci90", shape: "normal", p5, p95 });

/** Kinds for strictly positive quantities (the schema rejects normal shapes for them). */
const POSITIVE: Distribution["kind"][] = ["point", "lognormal", "ci90", "uniform", "mixture"];
const SIGNED: Distribution["kind"][] = ["point", "normal", "ci90", "uniform", "mixture"];

const REQ = "Requirements (2020 FLOP)";
const ALGO = "Algorithmic progress";
const HW = "Hardware";
const SPEND = "Spending";

/**
 * One table rather than seven number inputs: the weights are read together (they are
 * relative, normalised by their sum), a preset re-weights them in one value, and the
 * explicit "no feasible path" row makes the remainder visible instead of being implied
 * by weights that add up to less than 100%.
 */
export const DEFAULT_ANCHOR_ROWS: TableRow[] = [
  // [S] ACX: 20 / 30 / 15 / 5 / 10 / 10, unassigned 10 (short/long: docs/models.md §5.2).
  { weight: 20 },
  { weight: 30 },
  { weight: 15 },
  { weight: 5 },
  { weight: 10 },
  { weight: 10 },
  { weight: 10 },
];

/**
 * Sourced ranges of the algorithmic inputs: the scenario post's aggressive and conservative
 * halving times (short-horizon-sized requirements 2–4 years, medium/long 1–3) [S]. The caps
 * and thresholds have none and move by the default rule (NumberInputDef.plausible).
 */
const ALGO_RANGES: Record<string, [number, number]> = {
  algo_halving_small: [2, 4],
  algo_halving_large: [1, 3],
};

export const BIO_ANCHORS_INPUTS: InputDef[] = [
  {
    kind: "table",
    name: "anchors",
    label: "Anchor weights",
    unit: "%",
    group: REQ,
    help:
      "How much weight each hypothesis about the 2020 training requirement gets. 'No feasible path' is the chance that every anchor underestimates (modelled as 1e60–1e70 FLOP).",
    columns: [{ key: "weight", label: "Weight", unit: "%", min: 0, max: 100 }],
    rows: ANCHORS.map((a) => ({ key: a.key, label: a.label })),
    default: DEFAULT_ANCHOR_ROWS,
  },
  {
    kind: "distribution", name: "log10_brain_flops", label: "Brain FLOP/s (log10)", unit: "log10 FLOP/s", group: REQ,
    help: "Compute performed by a human brain, as log10 FLOP/s: 15 means 1e15. Default as in both ports, 90% CI 11 to 19.5 with a long upper tail (median 14.65, about 4.5e14 FLOP/s); Carlsmith's central range is 13 to 17.",
    // [R] Both ports state it in log space, `11 to 19.5`, a lognormal over the log10 value:
    // the skew that a lognormal over FLOP/s cannot carry. (Model version 1 used a lognormal
    // over FLOP/s, 1e11–1e19, and needed two tuned values to compensate; ADR 016.)
    default: ci90ln(11, 19.5), min: 0, max: 30, allowed: ["point", "normal", "lognormal", "ci90", "uniform", "mixture"],
  },
  {
    kind: "number", name: "tai_vs_brain_ooms", label: "TAI inference vs brain", unit: "OOM", group: REQ,
    help: "How many orders of magnitude more inference compute a transformative model needs than a brain (+1 gives ~1e16 FLOP/s).",
    default: 1, min: -3, max: 6, plausible: [0, 2],
  },
  {
    kind: "distribution", name: "extra_uncertainty_ooms", label: "Extra requirement uncertainty", unit: "OOM", group: REQ,
    help: "An extra spread added to every anchor's requirement.",
    default: ci90n(-2, 2), min: -15, max: 15, allowed: SIGNED,
  },
  {
    kind: "distribution", name: "flop_per_param_per_subj_sec", label: "FLOP per parameter per subjective second",
    unit: "FLOP/param/s", group: REQ,
    help: "Converts the model's FLOP/s into a parameter count (ACX reads it as ~10 FLOP per parameter).",
    default: ci90ln(10, 100), min: 1e-3, max: 1e6, allowed: POSITIVE,
  },
  {
    kind: "distribution", name: "scaling_exponent", label: "Data scaling exponent α", unit: "", group: REQ,
    help: "Training samples grow as parameters^α (Kaplan-like ~0.8; Chinchilla-like up to ~1).",
    default: ci90ln(0.5, 1.1), min: 0.05, max: 3, allowed: POSITIVE,
  },
  {
    kind: "number", name: "ref_params", label: "Reference parameters", unit: "params", group: REQ, scale: "log",
    help: "Anchor point of the data-scaling law: a model of this size needs the reference number of samples (ports: 1e11.2).",
    default: 1.6e11, min: 1e6, max: 1e16,
  },
  {
    kind: "number", name: "ref_samples", label: "Reference samples", unit: "samples", group: REQ, scale: "log",
    help: "Samples needed at the reference parameter count (ports: 1e12).",
    default: 1e12, min: 1e6, max: 1e18,
  },
  ...(
    [
      ["horizon_short", "Short effective horizon", 1, 1e3, "1 s to ~17 min"],
      ["horizon_medium", "Medium effective horizon", 1e3, 1e6, "~17 min to ~12 days"],
      ["horizon_long", "Long effective horizon", 1e6, 1e9, "~12 days to ~32 years"],
    ] as const
  ).map(
    ([name, label, p5, p95, text]): InputDef => ({
      kind: "distribution", name, label, unit: "subjective s", group: REQ,
      help: `Subjective time a model must think for one training sample to be informative (${text}).`,
      default: ci90ln(p5, p95), min: 1e-3, max: 1e12, allowed: POSITIVE,
    }),
  ),
  {
    kind: "number", name: "lifetime_seconds", label: "Human lifetime (training time)", unit: "s", group: REQ, scale: "log",
    help: "Seconds of experience before adulthood: 1e9 s is about 32 years.",
    default: 1e9, min: 1e6, max: 1e12,
  },
  {
    kind: "distribution", name: "lifetime_efficiency_penalty", label: "Lifetime efficiency penalty", unit: "OOM", group: REQ,
    help: "OOMs added to the lifetime anchor because ML learns less efficiently than a child.",
    default: {
      kind: "mixture",
      components: [
        { weight: 0.5, dist: ci90ln(2, 5) },
        { weight: 0.5, dist: ci90ln(5, 9) },
      ],
    },
    min: -10, max: 20, allowed: ["point", "normal", "lognormal", "ci90", "uniform", "mixture"],
  },
  {
    kind: "number", name: "evolution_seconds", label: "Duration of neuron evolution", unit: "s", group: REQ, scale: "log",
    help: "About 1e9 years of evolution since the first neurons (~1e16 s).",
    default: 1e16, min: 1e12, max: 1e18,
  },
  {
    kind: "distribution", name: "evolution_population", label: "Ancestor population", unit: "individuals", group: REQ,
    help: "Average number of ancestors alive at any time.",
    default: ci90ln(1e20, 1e22), min: 1e10, max: 1e30, allowed: POSITIVE,
  },
  {
    kind: "distribution", name: "evolution_ancestor_brain_flops", label: "Average ancestor brain FLOP/s", unit: "FLOP/s", group: REQ,
    help: "Compute of a typical ancestor's nervous system (mostly small animals).",
    default: ci90ln(1e3, 1e6), min: 1e-3, max: 1e17, allowed: POSITIVE,
  },
  {
    kind: "distribution", name: "evolution_efficiency_ooms", label: "Evolution efficiency term", unit: "OOM", group: REQ,
    help: "How much more (−) or less (+) efficient a deliberate search is than evolution.",
    default: ci90n(-6, 5), min: -20, max: 20, allowed: SIGNED,
  },
  {
    kind: "distribution", name: "genome_params", label: "Genome as parameters", unit: "params", group: REQ,
    help: "Information in the genome treated as a parameter count (ACX ~7.5e8).",
    default: { kind: "lognormal", median: 7.5e8, sdOom: 0.35 }, min: 1e5, max: 1e14, allowed: POSITIVE,
  },
  {
    kind: "distribution", name: "genome_horizon", label: "Genome anchor horizon", unit: "subjective s", group: REQ,
    help: "Effective horizon of the genome anchor's training samples.",
    default: ci90ln(1e7, 1e9), min: 1e-3, max: 1e12, allowed: POSITIVE,
  },
  {
    kind: "choice", name: "low_end_update", label: "Update against low requirements", group: REQ, unit: "",
    help: "Runs of ~1e24 FLOP existed by 2020 without producing TAI, so very low requirements are discounted.",
    default: "shift",
    options: [
      { value: "shift", label: "Shift up (ports)", help: "Draws within 3 OOM of the floor are pushed up by ~1–3 OOM with a probability that grows as they get lower, then floored." },
      { value: "soft", label: "Soft rejection", help: "Discard draws below the floor; keep draws in the band above it with a probability rising linearly to 1." },
      { value: "hard", label: "Truncate", help: "Discard draws below the floor only." },
      { value: "none", label: "None" },
    ],
  },
  {
    kind: "number", name: "low_end_floor", label: "Low-end floor", unit: "FLOP", group: REQ, scale: "log",
    help: "Training runs of this size had been done by 2020 without producing TAI.",
    default: 1e24, min: 1, max: 1e30,
  },
  {
    kind: "number", name: "low_end_soft_ooms", label: "Low-end soft band", unit: "OOM", group: REQ,
    help: "Width of the band above the floor in which requirements are partly discounted (soft rejection only).",
    default: 3, min: 0, max: 10,
  },
  {
    kind: "number", name: "algo_base_year", label: "Algorithmic progress counted from", unit: "year", group: ALGO,
    help: "Year from which algorithmic progress accrues (both ports: 2025, their start year; the report's '2020 algorithms' framing suggests 2020).",
    default: 2025, min: 2000, max: 2040, integer: true, plausible: [2020, 2025],
  },
  ...(
    [
      ["algo_halving_small", "Algorithmic halving time, small requirements", "years", 3.5, 0.25, 20,
        "Years for algorithms to halve the FLOP needed, for requirements at or below the next input."],
      ["algo_halving_small_at", "… applies at or below", "FLOP", 1e29, 1, 1e80,
        "Requirement (2020 FLOP) up to which the small-requirement halving time applies."],
      ["algo_halving_large", "Algorithmic halving time, large requirements", "years", 2, 0.25, 20,
        "Halving time for requirements at or above the next input; in between it changes linearly in log FLOP."],
      ["algo_halving_large_at", "… applies at or above", "FLOP", 1e35, 1, 1e80,
        "Requirement (2020 FLOP) from which the large-requirement halving time applies."],
      ["algo_cap_small", "Max algorithmic saving, small requirements", "OOM", 2, 0, 20,
        "The most that better algorithms can ever cut a requirement at or below the next input."],
      ["algo_cap_small_at", "… applies at or below", "FLOP", 1e32, 1, 1e80,
        "Requirement (2020 FLOP) up to which the small-requirement cap applies."],
      ["algo_cap_large", "Max algorithmic saving, large requirements", "OOM", 5, 0, 20,
        "Cap for requirements at or above the next input; in between it changes linearly in log FLOP."],
      ["algo_cap_large_at", "… applies at or above", "FLOP", 1e44, 1, 1e80,
        "Requirement (2020 FLOP) from which the large-requirement cap applies."],
    ] as const
  ).map(
    ([name, label, unit, def, min, max, help]): InputDef => ({
      kind: "number", name, label, unit, group: ALGO, help, default: def, min, max,
      ...(unit === "FLOP" ? { scale: "log" as const } : {}),
      ...(ALGO_RANGES[name] ? { plausible: ALGO_RANGES[name] } : {}),
    }),
  ),
  {
    kind: "number", name: "flop_per_dollar_2020", label: "FLOP per dollar in 2020", unit: "FLOP/$", group: HW, scale: "log",
    help: "Price-performance of training hardware in 2020 (Cotra 2020: 1e17; her 2022 update: ~1 OOM higher).",
    default: 1e17, min: 1e12, max: 1e22, plausible: [1e16, 1e18],
  },
  {
    kind: "number", name: "hw_halving_years", label: "Hardware cost halving time", unit: "years", group: HW,
    help: "Years for the cost of a FLOP to halve.",
    default: 2.5, min: 0.5, max: 10, plausible: [1.5, 3.5],
  },
  {
    kind: "number", name: "max_flop_per_dollar", label: "Max FLOP per dollar", unit: "FLOP/$", group: HW, scale: "log",
    help: "Physical ceiling on price-performance (sources: ~1e23 to 1e24).",
    default: 1e24, min: 1e18, max: 1e30, plausible: [1e22, 1e26],
  },
  {
    kind: "number", name: "spend_2025", label: "Largest training run spend in 2025", unit: "USD", group: SPEND, scale: "log",
    help: "What the biggest actor will pay for one training run in 2025 (2020 dollars).",
    default: 1e9, min: 1e6, max: 1e13, plausible: [1e8, 1e10],
  },
  {
    kind: "number", name: "spend_doubling_years", label: "Spend doubling time", unit: "years", group: SPEND,
    help: "Years for that willingness to spend to double after 2025, until the GDP cap binds.",
    default: 2.5, min: 0.25, max: 20, plausible: [1, 3],
  },
  {
    kind: "number", name: "max_gdp_fraction", label: "Max spend as a share of GDP", unit: "fraction", group: SPEND,
    help: "Cap on one training run as a share of the largest economy's GDP.",
    default: 0.01, min: 1e-5, max: 0.5, plausible: [0.005, 0.02],
  },
  {
    kind: "number", name: "gdp_2020", label: "GDP of the largest economy, 2020", unit: "USD", group: SPEND, scale: "log",
    help: "US GDP in 2020.",
    default: 2.13e13, min: 1e12, max: 1e15,
  },
  {
    kind: "number", name: "gdp_growth", label: "GDP growth", unit: "fraction/year", group: SPEND,
    help: "Real annual growth of that GDP.",
    default: 0.03, min: -0.05, max: 0.3, plausible: [0.02, 0.05],
  },
];
