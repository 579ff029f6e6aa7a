// The Bio Anchors model (Cotra 2020) as a ForecastModel: metadata, presets and sources.
// Inputs are in bio-anchors-inputs.ts, the Monte Carlo in bio-anchors-compute.ts and
// the result assembly in bio-anchors-result.ts.

import type { ForecastModel, Preset, TableRow } from "../types";
import { BIO_ANCHORS_INPUTS, DEFAULT_ANCHOR_ROWS } from "./bio-anchors-inputs";
import { computeBioAnchors } from "./bio-anchors-result";

export { COTRA_2020_SPREADSHEET } from "./bio-anchors-result";

const VERSION = 1;

/** The anchors table with some weights replaced, keyed by row index. */
function anchorRows(weights: Record<number, number>): TableRow[] {
  return DEFAULT_ANCHOR_ROWS.map((row, i) => ({ weight: weights[i] ?? row.weight }));
}

// Row indices of the anchors table (ANCHORS order).
const SHORT = 0;
const MEDIUM = 1;
const LONG = 2;
const EVOLUTION = 4;
const GENOME = 5;
const NO_PATH = 6;

/** Shown with every run, so that readers of a fork know what the defaults rest on. */
export const DEFAULT_NOTES: string[] = [
  "Anchor weights 20% short / 30% medium / 15% long horizon / 5% lifetime / 10% evolution / 10% genome follow ACX and both code ports (Epoch's explainer swaps short and long: 15/20). The unassigned 10% is a 'no feasible path' bucket at 1e60–1e70 FLOP.",
  "Cotra's spreadsheet could not be consulted: the requirement side follows two re-implementations [R], and unverified [U] defaults were set within their documented ranges to match her spreadsheet curve (see the description).",
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
      anchors: anchorRows({ [SHORT]: 40, [MEDIUM]: 25, [LONG]: 10, [EVOLUTION]: 5, [GENOME]: 5 }),
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
      anchors: anchorRows({ [SHORT]: 5, [MEDIUM]: 25, [LONG]: 25, [EVOLUTION]: 15, [NO_PATH]: 15 }),
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
      "Cotra's 2022 update [P]: FLOP/$ in 2020 about one OOM higher than assumed (A100s, bulk discounts, ~50% utilisation), and more weight on the shorter-horizon, lower-compute anchors. The exact re-weighting is not published [U]; this preset moves 10 points to the short horizon from the long-horizon and evolution anchors.",
    values: {
      flop_per_dollar_2020: 1e18,
      anchors: anchorRows({ [SHORT]: 30, [LONG]: 10, [EVOLUTION]: 5 }),
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
known (shown faintly). The requirement distributions follow two independent re-implementations
[R]. These choices set the defaults; with them every point of the spreadsheet curve is matched
within 2 percentage points (the model runs 1–2 points high from 2030 to 2060 and 1.4 low in
2100), and the median is 2052 like the spreadsheet's (which crosses 50% between 2052 and 2053):

- brain FLOP/s: 90% CI **1e11–1e19**, median 1e15 [R]. The ports draw log10(brain FLOP/s)
  with a 90% CI of 11–19.5, skewed upwards; a lognormal cannot carry that skew, so this keeps
  their 5th percentile and the report's median. A 1e13–1e17 CI misses the curve by up to 7
  points (too little mass early, too much mid-century).
- algorithmic progress depends on the requirement, as in the ports [R]: halving every **3.5 years**
  for requirements up to 1e29 FLOP, falling linearly (in log FLOP) to **2 years** from 1e35; total
  savings capped at **2.5 OOM** up to 1e32 FLOP rising to **5 OOM** from 1e44. The ports round
  these steps; this uses the continuous form. **Tuned [U]:** the small-requirement cap is 2.5
  rather than the ports' 2, which leaves 2040–2060 about 1.4 points low and the median at 2054.
- progress counted from **2020** [U], the report's "2020 algorithms" framing; 2025 fits about
  as well (2040 two points low, median 2053).
- spend doubling time **2.5 years** [U] (both ports; the spreadsheet curve fits it slightly
  better). The summaries' 2 years puts 2036–2050 about 3 points high here. Hardware ceiling
  **1e24 FLOP/$** [U] (ports); a summary's ~1e23 lowers P(2100) by about 5 points.
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
  validate(inputs) {
    const rows = inputs.anchors;
    if (!Array.isArray(rows)) return [];
    const total = rows.reduce((s, r) => s + (typeof r.weight === "number" ? r.weight : 0), 0);
    return total > 0
      ? []
      : [{ path: "anchors", message: "Anchor weights: at least one anchor needs a weight above 0%" }];
  },
};
