// The Bio Anchors model (Cotra 2020) as a ForecastModel: metadata, presets and sources.
// Inputs are in bio-anchors-inputs.ts, the Monte Carlo in bio-anchors-compute.ts and
// the result assembly in bio-anchors-result.ts.

import type { Distribution, ForecastModel, Inputs, Preset, TableRow } from "../types";
import { BIO_ANCHORS_INPUTS, DEFAULT_ANCHOR_ROWS } from "./bio-anchors-inputs";
import { computeBioAnchors, createSessionCache } from "./bio-anchors-result";
import { ANCHORS, type AnchorKey } from "./bio-anchors-params";

export { COTRA_2020_SPREADSHEET } from "./bio-anchors-result";

const VERSION = 2;

/** Version 1 stated brain FLOP/s in FLOP/s; version 2 in log10 FLOP/s. Exact for every shape but uniform. */
function brainToLog10(d: Distribution): Distribution {
  const lg = (x: number) => Number(Math.log10(x).toPrecision(6));
  switch (d.kind) {
    case "point":
      return { kind: "point", value: lg(d.value) };
    case "lognormal":
      return { kind: "normal", mean: lg(d.median), sd: d.sdOom };
    case "ci90":
      return d.shape === "lognormal" ? { kind: "ci90", shape: "normal", p5: lg(d.p5), p95: lg(d.p95) } : d;
    case "uniform":
      // The log of a uniform is not uniform: the closest statement in log space.
      return { kind: "uniform", min: lg(d.min), max: lg(d.max) };
    case "normal":
      return d;
    case "mixture":
      return { kind: "mixture", components: d.components.map((c) => ({ weight: c.weight, dist: brainToLog10(c.dist) })) };
  }
}

/** The anchors table (rows in ANCHORS order) with some weights replaced, named by anchor. */
function anchorRows(weights: Partial<Record<AnchorKey, number>>): TableRow[] {
  return DEFAULT_ANCHOR_ROWS.map((row, i) => ({ weight: weights[ANCHORS[i]!.key] ?? row.weight }));
}

/** Shown with every run, so that readers of a fork know what the defaults rest on. */
export const DEFAULT_NOTES: string[] = [
  "Anchor weights 20% short / 30% medium / 15% long horizon / 5% lifetime / 10% evolution / 10% genome follow ACX and both code ports (Epoch's explainer swaps short and long: 15/20). The unassigned 10% is a 'no feasible path' bucket at 1e60–1e70 FLOP.",
  "Cotra's spreadsheet could not be consulted: the requirement side and the algorithmic-progress rule follow two re-implementations [R] with their own values; unverified [U] choices are named in the description.",
  "Samples are stratified by anchor (each anchor gets round(n × weight) draws), so the standard errors shown are slightly conservative.",
];

const presets: Preset[] = [
  {
    id: "best-guess",
    label: "Cotra 2020 best guess",
    description: "The report's best-guess inputs (the model defaults).",
    values: {},
  },
  {
    id: "aggressive",
    label: "Aggressive",
    description:
      "Cotra's aggressive scenario [S]: algorithms halve every ~2 years for short-horizon-sized requirements (~1e32 FLOP, midway along the ramp) and ~1 year for medium/long ones, FLOP/$ halves every 1.5 years, spending doubles yearly up to 2% of GDP (reached in the mid-2030s), and the short-horizon anchor gets 40%. The other weights are our stand-in [U]. Scenario median: ~2036, which Cotra shades to 2040.",
    values: {
      anchors: anchorRows({ short: 40, medium: 25, long: 10, evolution: 5, genome: 5 }),
      algo_halving_small: 3,
      algo_halving_large: 1,
      hw_halving_years: 1.5,
      spend_doubling_years: 1,
      max_gdp_fraction: 0.02,
    },
  },
  {
    id: "conservative",
    label: "Conservative",
    description:
      "Cotra's conservative scenario [S]: algorithms halve every ~4 years for short-horizon-sized requirements and ~3 years for medium/long ones, FLOP/$ halves every 3.5 years, $300M in 2025 doubling every ~3 years and capped at 0.5% of GDP. The scenario also assumes larger requirements; the exact values are not public, so this preset stands in with [U] choices: TAI needs 2 OOM more inference compute than a brain (top of the plausible range), weight moves from the short horizon to the long horizon, evolution and 'no path', and hardware tops out at 1e23 FLOP/$ (a summary's ~6 OOM above 2020). Scenario median: ~2100, shaded to 2090.",
    values: {
      anchors: anchorRows({ short: 5, medium: 25, long: 25, evolution: 15, nopath: 15 }),
      tai_vs_brain_ooms: 2,
      algo_halving_small: 5,
      algo_halving_large: 3,
      hw_halving_years: 3.5,
      max_flop_per_dollar: 1e23,
      spend_2025: 3e8,
      spend_doubling_years: 3,
      max_gdp_fraction: 0.005,
    },
  },
  {
    id: "cotra-2022",
    label: "Cotra 2022 update",
    description:
      "The two model changes Cotra's 2022 update names [P]: FLOP/$ in 2020 about one OOM higher than the report assumed (A100s, bulk discounts, ~50% utilisation), and more weight on the shorter-horizon, lower-compute anchors. She does not publish the new weights [U]; these are Rethink Priorities' reconstruction [R] (a 17% one-second-horizon anchor, folded here into the short horizon: 47% short, 10% each medium, long, lifetime, evolution and genome, 3% no path). Result: median 2042 and 36% by 2036 against her ~2040 and ~35%; it runs higher than her ~15% by 2030 (22%) and ~60% by 2050 (67%). Her bottom line also moved for reasons outside the model (AI speeding up AI research, her own judgement), which no input here carries.",
    values: {
      flop_per_dollar_2020: 1e18,
      anchors: anchorRows({ short: 47, medium: 10, long: 10, lifetime: 10, evolution: 10, genome: 10, nopath: 3 }),
    },
  },
];

const description = `Ajeya Cotra's *biological anchors* model (Open Philanthropy, 2020) asks when the
largest training run anyone will pay for becomes big enough to train a transformative AI (TAI).

**Requirement.** The FLOP needed to train TAI with 2020 algorithms is a weighted mixture of six
hypotheses ("anchors"): neural networks trained on short, medium or long effective horizons, a
human lifetime of learning, the genome as a parameter count, and all of evolution. Better
algorithms cut the requirement over time, at a rate and up to a cap that depend on the anchor.

**Affordability.** The largest affordable run is FLOP per dollar times the willingness to spend.
Both grow exponentially and saturate: hardware at a physical ceiling, spending at a share of GDP.

**P(TAI by year Y)** is the share of Monte Carlo samples whose requirement in Y is within reach
in Y. The faint line is the CDF of Cotra's own spreadsheet, for comparison.

**What rests on what.** The original spreadsheet could not be consulted; its output curve is
known (shown faintly). The requirement distributions and the algorithmic-progress rule follow two
independent re-implementations [R], with their own values throughout: no default is tuned to the
curve. With them, averaged over seeds at 100,000 samples, the CDF stays within about 1 point of
the spreadsheet from 2030 to 2070 (at most 1.1 points high, in 2050), 0.8 points low in 2025 and
2.2 points low in 2100; the median crosses 50% in 2052 like the spreadsheet's (2052.2 here, the
spreadsheet between 2052 and 2053).

- brain FLOP/s is stated in log10 FLOP/s, as in both ports: a 90% CI of **11 to 19.5**, lognormal
  over the log value, so it has the long upper tail the report describes (median 14.65). Model
  version 1 used a lognormal over FLOP/s (1e11–1e19), which has no such tail; that put the CDF
  1–2 points above the spreadsheet from 2030 to 2060 and needed two tuned values to hold it there.
- algorithmic progress depends on the requirement, as in the ports [R]: halving every **3.5 years**
  for requirements up to 1e29 FLOP, falling linearly (in log FLOP) to **2 years** from 1e35; total
  savings capped at **2 OOM** up to 1e32 FLOP rising to **5 OOM** from 1e44. The ports round
  these steps; this uses the continuous form, as Hoogland's port does.
- progress counted from **2025** [U], the ports' start year. The report's "2020 algorithms"
  framing suggests 2020, which moves 2030–2040 about 2 points up here.
- spend doubling time **2.5 years** [U] (both ports; the spreadsheet curve fits it slightly better). The summaries'
  2 years lifts 2036–2050 by 1 to 2.5 points. Hardware ceiling **1e24 FLOP/$** [U] (ports);
  a summary's ~1e23 lowers P(2100) by about 5 points.
- the update against requirements below 1e24 FLOP uses the ports' form [R]: draws within 3 OOM
  above the floor are shifted up by ~1–3 OOM with rising probability, then floored.

Short and long horizon weights are 20% and 15% (ACX and both ports; Epoch's explainer has 15/20).`;

export const bioAnchors: ForecastModel = {
  id: "bio-anchors",
  version: VERSION,
  title: "Bio Anchors (Cotra 2020)",
  summary: "When will the largest affordable training run reach the compute that biological anchors suggest TAI needs?",
  description,
  sources: [
    { title: 'Cotra, "Draft report on AI timelines" (2020)', url: "https://www.lesswrong.com/posts/KrJfoZzpSDpnrv9va/draft-report-on-ai-timelines" },
    { title: "Shah, Alignment Newsletter #121", url: "https://www.alignmentforum.org/posts/cxQtz3RP4qsqTkEwL/an-121-forecasting-transformative-ai-timelines-using" },
    { title: 'Cotra, "Two-year update on my personal AI timelines" (2022)', url: "https://www.alignmentforum.org/posts/AfH2oPHCApdKicM4m/two-year-update-on-my-personal-ai-timelines" },
    { title: 'Alexander, "Biological Anchors: A Trick That Might Or Might Not Work" (2022)', url: "https://www.astralcodexten.com/p/biological-anchors-a-trick-that-might" },
    { title: "Scenarios and Warning Signs for Ajeya's Aggressive, Conservative, and Best Guess AI Timelines (2021)", url: "https://www.lesswrong.com/posts/kQt3LsNAqxCh8qkaN/scenarios-and-warning-signs-for-ajeya-s-aggressive" },
    { title: 'FRI & Hadshar, "XPT forecasts on (some) biological anchors inputs" (2023)', url: "https://forum.effectivealtruism.org/posts/ccw9v9giKxg8nyLhp/xpt-forecasts-on-some-biological-anchors-inputs" },
    { title: '"Examining Evolution as an Upper Bound for AGI Timelines" (with comment)', url: "https://www.lesswrong.com/posts/FmaeKTQgMpXfPDkfe/examining-evolution-as-an-upper-bound-for-agi-timelines" },
    { title: 'Epoch, "Grokking bioanchors"', url: "https://epochai.org/blog/grokking-bioanchors" },
    { title: "Rethink Priorities future assessment model", url: "https://github.com/rethinkpriorities/future-assessment-model", note: "Re-implementation read for structure only." },
    { title: "Davidson compute-centric takeoff model", url: "https://github.com/epoch-research/ftm", note: "Source of the spreadsheet CDF used as the reference curve (BioAnchorsAGIDistribution)." },
  ],
  inputs: BIO_ANCHORS_INPUTS,
  presets,
  sampled: true,
  compute(inputs, options) {
    const result = computeBioAnchors(inputs, options, VERSION);
    result.notes.unshift(...DEFAULT_NOTES);
    return result;
  },
  session(options) {
    // Each input's draws are made once per session and anchors recombined from them; the
    // cache bounds its own size (bio-anchors-sample.ts).
    const cache = createSessionCache();
    return (inputs) => {
      const result = computeBioAnchors(inputs, options, VERSION, cache);
      result.notes.unshift(...DEFAULT_NOTES);
      return result;
    };
  },
  migrate(inputs: Inputs, fromVersion: number): Inputs {
    if (fromVersion >= 2 || !Object.hasOwn(inputs, "brain_flops")) return inputs;
    const { brain_flops: brain, ...rest } = inputs;
    const out: Inputs = { ...rest };
    if (typeof brain === "object" && brain !== null && !Array.isArray(brain)) out.log10_brain_flops = brainToLog10(brain as Distribution);
    return out;
  },
  versionNotes: {
    1: "Version 1 drew each input from streams per anchor and component (forks did not share random draws with their parent), stated brain FLOP/s as a lognormal over FLOP/s (1e11–1e19) and compensated with two tuned values (small-requirement algorithmic cap 2.5 OOM, progress counted from 2020). Version 2 uses common random numbers, the ports' brain distribution over log10 FLOP/s, and the ports' cap (2 OOM) and start year (2025).",
  },
  validate(inputs) {
    const rows = inputs.anchors;
    if (!Array.isArray(rows)) return [];
    const total = rows.reduce((s, r) => s + (typeof r.weight === "number" ? r.weight : 0), 0);
    return total > 0
      ? []
      : [{ path: "anchors", message: "Anchor weights: at least one anchor needs a weight above 0%" }];
  },
};
