// The Bio Anchors structure (docs/models.md §1.5) as a Squiggle 0.10 program, for the engine
// bench's side-by-side. The numbers come from our model's defaults (see engine.bench.ts);
// this module only formats them into the program's preamble.
//
// What the Squiggle program simplifies, compared with our per-sample rule:
// - Each anchor's log10 FLOP₂₀₂₀ is one plain normal (our anchor's median and 90% CI), not
//   our composite draw (brain FLOP/s + horizon + α·(params − ref) + … per sample) and not
//   followed by the low-end "shift" update; "no feasible path" is uniform in log10, as ours.
// - The mixture is sampled with weights, not stratified by anchor.
// - Arrival is read as P(requirement(Y) ≤ available(Y)) year by year (one pass over the
//   samples per year), rather than through our threshold curve; with the default inputs
//   both are the same quantity, since availability grows and requirements fall.
// Kept as in ours: the algorithmic halving time and savings cap ramp linearly in log FLOP
// per sample, and hardware and spending are logistic in log space with their caps.

import type { AlgoRule } from "../../app/forecast/models/bio-anchors-params";

export interface SquiggleAnchor {
  label: string;
  /** Mean and sd of log10 FLOP₂₀₂₀. */
  mean: number;
  sd: number;
  weight: number;
}

export interface SquiggleBioAnchorsParams {
  anchors: SquiggleAnchor[];
  noPath: { low: number; high: number; weight: number };
  /** The engine's rule (halving times in years, ramp ends in log10 FLOP, caps in OOM) and the year progress counts from. */
  algo: AlgoRule & { baseYear: number };
  hw: { logFlopPerDollar2020: number; halvingYears: number; logMaxFlopPerDollar: number };
  spend: { log2025: number; doublingYears: number; logGdp2020: number; gdpGrowth: number; logMaxGdpFraction: number };
}

const num = (x: number) => String(Number(x.toPrecision(10)));
const record = (o: object) =>
  `{${Object.entries(o)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => `${k}: ${num(v as number)}`)
    .join(", ")}}`;

const PROGRAM = `
// x capped smoothly at m: log10 of a logistic whose uncapped log is x (numbers).
softCap(x, m) = x <= m ? x - log10(1 + 10 ^ (x - m)) : m - log10(1 + 10 ^ (m - x))
// The same on sample sets (x − m stays below ~20 OOM here, so 10^(x − m) cannot overflow).
softCapSet(x, m) = x - log10(1 + 10 ^ (x - m))
// 0 below x0, 1 above x1, linear in between, sample by sample.
ramp01(f, x0, x1) = SampleSet.max(SampleSet.min((f - x0) / (x1 - x0), 1), 0)

// 1. FLOP to train TAI with 2020 algorithms, log10: the weighted mixture of the anchors.
components = List.concat(
  List.map(anchors, {|a| SampleSet.fromDist(normal(a.mean, a.sd))}),
  [SampleSet.fromDist(uniform(noPath.low, noPath.high))]
)
weights = List.concat(List.map(anchors, {|a| a.weight}), [noPath.weight])
flop2020 = mixture(components, weights)

// 3. Algorithmic progress: halving time and cap depend on each sample's requirement.
halving = algo.halvingSmall + (algo.halvingLarge - algo.halvingSmall) * ramp01(flop2020, algo.halvingSmallAt, algo.halvingLargeAt)
cap = algo.capSmall + (algo.capLarge - algo.capSmall) * ramp01(flop2020, algo.capSmallAt, algo.capLargeAt)
oomPerYear = log10(2) / halving
reduction(t) = t <= 0 ? 0 : SampleSet.max(softCapSet(oomPerYear * t, cap), 0)
requirement(y) = flop2020 - reduction(y - algo.baseYear)

// 2, 4, 5. Largest affordable run: FLOP per dollar times spend, both capped.
flopPerDollar(y) = softCap(hw.logFlopPerDollar2020 + (y - 2020) * log10(2) / hw.halvingYears, hw.logMaxFlopPerDollar)
logGdp(y) = spend.logGdp2020 + (y - 2020) * log10(1 + spend.gdpGrowth)
logSpend(y) = softCap(spend.log2025 + max(0, y - 2025) * log10(2) / spend.doublingYears, logGdp(y) + spend.logMaxGdpFraction)
available(y) = flopPerDollar(y) + logSpend(y)

// 6. P(TAI by Y): the share of samples whose requirement in Y is affordable in Y.
cdfByYear = List.map(List.upTo(2025, 2100), {|y| {year: y, p: cdf(requirement(y), available(y))}})
pBy2050 = cdfByYear[25].p
pBy2100 = List.last(cdfByYear).p
{pBy2050: pBy2050, pBy2100: pBy2100}
`;

/** The whole program: a preamble binding our numbers, then the model. */
export function bioAnchorsSquiggle(p: SquiggleBioAnchorsParams): string {
  const anchors = p.anchors.map((a, i) => `  ${record(a)}${i < p.anchors.length - 1 ? "," : ""} // ${a.label}`).join("\n");
  return [
    `anchors = [\n${anchors}\n]`,
    `noPath = ${record(p.noPath)}`,
    `algo = ${record(p.algo)}`,
    `hw = ${record(p.hw)}`,
    `spend = ${record(p.spend)}`,
    PROGRAM,
  ].join("\n");
}
