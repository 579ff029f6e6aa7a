// GPT-N extrapolation after Finnveden (2020): benchmark performance of the GPT-3 family as
// a function of loss, extrapolated to larger budgets through a loss-vs-compute law.
// Spec: docs/models.md §2 and the errata in §5. Deterministic: no sampling.
import type { ChoiceInputDef, ForecastModel, Headline, InputDef, Inputs, NumberInputDef, SeriesRow, TableInputDef, TableRow } from "../types";
import gpt3 from "../data/gpt3.json";
import { invertLinear, invertLogistic, linearFit, logGrid, logistic, logisticFit } from "../fit";
import { KAPLAN, PF_DAY_FLOP, kaplanComputeForN, kaplanNOpt } from "./scaling-laws";

export type LossSource = "gpt3_fit" | "kaplan_n";
export type LossToCompute = "same" | "kaplan_cmin";
type FitFamily = "logistic" | "linear";

const TARGETS = [0.5, 0.8, 0.9, 0.95] as const;

/** GPT-3 paper Fig. 3.1: L = 2.57·C^−0.048, C in PF-days. */
const gpt3LossPfDays = (pfDays: number): number => gpt3.lossFit.coefficient * pfDays ** gpt3.lossFit.exponent;
const gpt3Loss = (flop: number): number => gpt3LossPfDays(flop / PF_DAY_FLOP);
const kaplanLossOfN = (N: number): number => (KAPLAN.Nc / N) ** KAPLAN.alphaN;

/** Loss → training FLOP under the chosen mapping; null where the law has no answer. */
export function lossToFlop(L: number | null, source: LossSource, mapping: LossToCompute): number | null {
  if (L === null || !(L > 0)) return null;
  let flop: number;
  if (mapping === "kaplan_cmin") {
    flop = PF_DAY_FLOP * KAPLAN.CcMinPfDays * L ** (-1 / KAPLAN.alphaCmin);
  } else if (source === "gpt3_fit") {
    flop = PF_DAY_FLOP * (L / gpt3.lossFit.coefficient) ** (1 / gpt3.lossFit.exponent);
  } else {
    // Same law as the loss source: the converged N for that loss, then the budget for which
    // that N is Kaplan compute-efficient.
    flop = kaplanComputeForN(KAPLAN.Nc * L ** (-1 / KAPLAN.alphaN));
  }
  return Number.isFinite(flop) ? flop : null;
}

/** Training FLOP → loss: the inverse of lossToFlop. */
export function flopToLoss(flop: number, source: LossSource, mapping: LossToCompute): number {
  if (mapping === "kaplan_cmin") return (KAPLAN.CcMinPfDays / (flop / PF_DAY_FLOP)) ** KAPLAN.alphaCmin;
  return source === "gpt3_fit" ? gpt3Loss(flop) : kaplanLossOfN(kaplanNOpt(flop));
}

const benchmarksInput: TableInputDef = {
  kind: "table",
  name: "benchmarks",
  label: "Benchmarks in the average",
  unit: "",
  group: "Benchmarks",
  help: "Weight 0 drops a benchmark from the average. Scores are normalised as (score − random)/(max − random); the maximum is your guess of the best achievable score (Finnveden's method), 100 by default.",
  columns: [
    { key: "weight", label: "Weight", unit: "", min: 0, max: 10 },
    { key: "random", label: "Random baseline", unit: "%", min: 0, max: 99 },
    { key: "max", label: "Max achievable", unit: "%", min: 1, max: 100 },
  ],
  rows: gpt3.benchmarks.map((b) => ({ key: b.key, label: b.label })),
  default: gpt3.benchmarks.map((b) => ({ weight: b.smooth ? 1 : 0, random: b.random, max: 100 })),
};

const choice = (
  name: string,
  label: string,
  def: string,
  options: ChoiceInputDef["options"],
  help: string,
): ChoiceInputDef => ({ kind: "choice", name, label, unit: "", default: def, options, help, group: "Method" });

const lossSourceInput = choice("loss_source", "Loss of each GPT-3 model", "gpt3_fit", [
  { value: "gpt3_fit", label: "GPT-3 paper fit L = 2.57·C^−0.048 (C from Table D.1)" },
  { value: "kaplan_n", label: "Kaplan L(N) with non-embedding N = 12·layers·d_model²" },
], "Finnveden used each model's validation loss; the paper prints those only in a figure, so the paper's own loss-vs-compute fit stands in for them.");

const lossToComputeInput = choice("loss_to_compute", "Loss → training compute", "same", [
  { value: "same", label: "Invert the same law as the loss source", help: "GPT-3 fit: C = (L/2.57)^(−1/0.048) PF-days. Kaplan L(N): the converged N for L, then the budget at which that N is compute-efficient (N_opt = 1.3e9·C^0.73)." },
  { value: "kaplan_cmin", label: "Kaplan L(C_min) = (3.1e8 / C)^0.050, C in PF-days" },
], "How a target loss becomes the compute of a compute-optimal training run.");

const fitInput = choice("fit", "Headline fit", "logistic", [
  { value: "logistic", label: "Logistic (s-curve), preferred by Finnveden" },
  { value: "linear", label: "Linear in loss" },
], "Both fits are always computed and drawn; this picks which one the main headlines use.");

const ref = (name: string, label: string, unit: string, def: number, min: number, max: number, help: string): NumberInputDef => ({
  kind: "number", name, label, unit, default: def, min, max, help, scale: "log", group: "Reference lines",
});

const INPUTS: InputDef[] = [
  benchmarksInput,
  lossSourceInput,
  lossToComputeInput,
  fitInput,
  ref("ref_budget_usd", "Training budget", "USD", 1e9, 1e6, 1e13, "The 'what $1B buys' line."),
  ref("ref_flop_per_dollar", "FLOP per dollar", "FLOP/$", 1e17, 1e14, 1e22, "Price of compute for the budget and inference-cost lines (Cotra 2020: 1e17)."),
  ref("ref_cost_per_word_usd", "Inference cost per word", "USD/word", 0.01, 1e-6, 10, "The largest model whose inference costs this much per word."),
  { ...ref("tokens_per_word", "Tokens per word", "tokens", 1.4, 0.5, 5, "BPE tokens per English word (Finnveden: 1.4)."), scale: "linear" },
  ref("ref_data_tokens", "Tokens in Common Crawl", "tokens", 3e13, 1e11, 1e16, "Data limit: GPT-3's 400B filtered tokens scaled by its 45TB→570GB filter ratio. The post's own figure is unverified."),
  ref("ref_tai_params", "Parameters of a transformative model", "parameters", 1e15, 1e10, 1e18, "Cotra's NN anchor gives ~1e14–1e15; 1e15 is ACX's reading (1e16 FLOP/s at ~10 FLOP per parameter)."),
];

const inputDef = (name: string) => INPUTS.find((d) => d.name === name)!;

function readNumber(inputs: Inputs, name: string): number {
  const def = inputDef(name) as NumberInputDef;
  const v = inputs[name];
  const x = typeof v === "number" ? v : typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "point" ? v.value : def.default;
  return Number.isFinite(x) ? Math.min(def.max, Math.max(def.min, x)) : def.default;
}

function readChoice<T extends string>(inputs: Inputs, def: ChoiceInputDef): T {
  const v = inputs[def.name];
  return (typeof v === "string" && def.options.some((o) => o.value === v) ? v : def.default) as T;
}

/** Rows align with benchmarksInput.rows by index; missing cells fall back to the defaults. */
function readTable(inputs: Inputs): TableRow[] {
  const v = inputs[benchmarksInput.name];
  const given = Array.isArray(v) ? v : [];
  return benchmarksInput.default.map((d, i) => {
    const row: TableRow = {};
    for (const c of benchmarksInput.columns) {
      const x = given[i]?.[c.key];
      row[c.key] = typeof x === "number" && Number.isFinite(x) ? Math.min(c.max, Math.max(c.min, x)) : d[c.key];
    }
    return row;
  });
}

const fmt = (x: number) => x.toExponential(1).replace(".0e", "e").replace("e+", "e");

const DESCRIPTION = `
**Method** (Finnveden, *Extrapolating GPT-N performance*, 2020). The GPT-3 paper reports
few-shot scores for eight model sizes, all trained on 300B tokens, so model size is the wrong
x-axis: the small models are heavily over-trained. Instead:

1. Normalise each benchmark between random guessing and the best achievable score:
   (score − random) / (max − random). The maximum is an input (100 by default).
2. Place each GPT-3 model at its loss. By default that is the GPT-3 paper's own fit
   L = 2.57·C^−0.048 (C in PF-days, Table D.1 compute); Kaplan's L(N) is the alternative.
3. Fit performance against loss twice: a straight line, and an s-curve
   1 / (1 + exp((L − L₀)/s)) that cannot exceed 100%.
4. Turn loss back into the training compute of a compute-optimal run and read off when the
   average reaches 50%, 80%, 90% and 95%.
5. Compare with reference budgets: what $1B buys, the largest model that costs 1 cent per word
   to run, the parameter count of a transformative model, and the data in Common Crawl.

**Findings.** Most benchmark categories improve smoothly and similarly with loss. The
exceptions are **arithmetic, word scrambling and ANLI** (adversarially built against
transformers), which move only at the lowest losses; they are excluded from the default
average and left as separate rows. Progress should slow near the maximum, so Finnveden
preferred the **s-curves** over straight lines. Human-level scores on a single benchmark say
little; human-level few-shot performance on nearly all of them would say much more.
He also noted that "human level on all tasks with a 1-token horizon" (Cotra's milestone) is
probably harder than human level on these benchmarks.

**Caveats.** The loss law has no irreducible-loss term, so far extrapolations are optimistic.
Kaplan's laws were fitted on WebText2, not on GPT-3's data mix. The reference lines are
derived here (formulas shown in each line's detail) because the post's own values could not be
retrieved. The check values of this reimplementation are not the post's published numbers.
`.trim();

export const gptExtrapolationModel: ForecastModel = {
  id: "gpt-extrapolation",
  version: 1,
  title: "GPT-N extrapolation (Finnveden 2020)",
  summary: "When do GPT-style models saturate benchmarks? GPT-3 scores vs loss, extrapolated with scaling laws.",
  description: DESCRIPTION,
  sources: [
    { title: "Finnveden, Extrapolating GPT-N performance (2020)", url: "https://www.lesswrong.com/posts/k2SNji3jXaLGhBeYP/extrapolating-gpt-n-performance" },
    { title: "Bergal, Alignment Newsletter summary of the post", url: "https://www.greaterwrong.com/posts/k2SNji3jXaLGhBeYP/extrapolating-gpt-n-performance/comment/GsSCBW2CCTLoP4kby" },
    { title: "Gwern's annotation of the post", url: "https://gwern.net/" },
    { title: "Brown et al. 2020, Language Models are Few-Shot Learners", url: "https://arxiv.org/abs/2005.14165", note: "Tables 2.1, D.1, H.1, 3.9, 3.10 and Fig. 3.1." },
    { title: "Kaplan et al. 2020, Scaling Laws for Neural Language Models", url: "https://arxiv.org/abs/2001.08361" },
    { title: "Owen (Epoch), Extrapolating performance in language modelling benchmarks", url: "https://epochai.org/blog/extrapolating-performance-in-language-modelling-benchmarks", note: "Successor method, for comparison." },
  ],
  inputs: INPUTS,
  presets: [
    { id: "linear", label: "Straight lines", description: "Headlines from the linear fit.", values: { fit: "linear" } },
    { id: "kaplan-losses", label: "Kaplan L(N) losses", description: "Place each model at Kaplan's L(N) and map back through the same law.", values: { loss_source: "kaplan_n" } },
    { id: "kaplan-cmin", label: "Kaplan L(C_min) compute", description: "Map loss to compute with Kaplan's compute-efficient law.", values: { loss_to_compute: "kaplan_cmin" } },
    {
      id: "all-benchmarks", label: "Include the exceptions", description: "Average over all twelve benchmarks, including TriviaQA, ANLI and 2-digit addition.",
      values: { benchmarks: benchmarksInput.default.map((r) => ({ ...r, weight: 1 })) },
    },
  ],
  sampled: false,
  compute(inputs) {
    const source = readChoice<LossSource>(inputs, lossSourceInput);
    const mapping = readChoice<LossToCompute>(inputs, lossToComputeInput);
    const chosen = readChoice<FitFamily>(inputs, fitInput);
    const table = readTable(inputs);
    const notes: string[] = [];

    const losses = gpt3.models.map((m) => (source === "gpt3_fit" ? gpt3LossPfDays(m.trainPfDays) : kaplanLossOfN(m.nonEmbeddingParams)));
    const benchmarkPoints: SeriesRow[] = [];
    const normalised = gpt3.benchmarks.map((b, j) => {
      const { random, max } = table[j];
      const ok = max > random;
      if (!ok && table[j].weight > 0) notes.push(`${b.label}: maximum ≤ random baseline, so it is left out.`);
      return b.scores.map((score, i) => {
        const perf = ok ? (score - random) / (max - random) : null;
        benchmarkPoints.push({ benchmark: b.key, label: b.label, name: gpt3.models[i].name, loss: losses[i], flop: gpt3.models[i].trainFlop, perf, weight: table[j].weight });
        return perf;
      });
    });
    let weights = table.map((r, j) => (normalised[j][0] === null ? 0 : r.weight));
    if (weights.every((w) => w === 0)) {
      notes.push("No benchmark has a positive weight; using the 8 smooth benchmarks with equal weights.");
      weights = gpt3.benchmarks.map((b, j) => (b.smooth && normalised[j][0] !== null ? 1 : 0));
    }
    const wSum = weights.reduce((a, b) => a + b, 0);
    const perf = gpt3.models.map((_, i) => normalised.reduce((acc, row, j) => acc + weights[j] * (row[i] ?? 0), 0) / wSum);

    const lin = linearFit(losses, perf);
    const logi = logisticFit(losses, perf);
    if (lin.slope >= 0) notes.push("The linear fit does not fall with loss; its FLOP targets are left empty.");
    if (!logi.converged) notes.push("The logistic fit did not converge; treat its values with care.");
    const lossFor = (fit: FitFamily, p: number): number | null => {
      if (fit === "linear") return lin.slope < 0 ? invertLinear(lin, p) : null;
      return invertLogistic(logi, p);
    };
    const perfAt = (fit: FitFamily, L: number): number =>
      fit === "linear" ? Math.min(1, Math.max(0, lin.intercept + lin.slope * L)) : logistic(L, logi.L0, logi.s);

    const points: SeriesRow[] = gpt3.models.map((m, i) => ({
      name: m.name, params: m.params, flop: m.trainFlop, flop_equivalent: lossToFlop(losses[i], source, mapping), loss: losses[i], perf: perf[i],
    }));

    const curves: SeriesRow[] = [];
    for (const fit of ["linear", "logistic"] as const) {
      for (const flop of logGrid(20, 32, 4)) {
        const loss = flopToLoss(flop, source, mapping);
        curves.push({ flop, loss, perf: perfAt(fit, loss), fit });
      }
    }

    const fitLabel = (f: FitFamily) => (f === "logistic" ? "logistic fit" : "linear fit");
    const other: FitFamily = chosen === "logistic" ? "linear" : "logistic";
    const headlines: Headline[] = [];
    for (const [fit, prefix] of [[chosen, ""], [other, "alt_"]] as const) {
      for (const t of TARGETS) {
        headlines.push({
          key: `${prefix}flop_${Math.round(t * 100)}`,
          label: `FLOP to reach ${Math.round(t * 100)}% (${fitLabel(fit)})`,
          format: "flop",
          value: lossToFlop(lossFor(fit, t), source, mapping),
        });
      }
    }
    headlines.push(
      { key: "logistic_L0", label: "Logistic fit: loss at 50% (L₀)", format: "loss", value: logi.L0 },
      { key: "logistic_s", label: "Logistic fit: scale s", format: "number", value: logi.s },
      { key: "linear_intercept", label: "Linear fit: intercept", format: "number", value: lin.intercept },
      { key: "linear_slope", label: "Linear fit: slope per nat of loss", format: "number", value: lin.slope },
    );

    const budget = readNumber(inputs, "ref_budget_usd");
    const flopPerDollar = readNumber(inputs, "ref_flop_per_dollar");
    const centPerWord = readNumber(inputs, "ref_cost_per_word_usd");
    const tokensPerWord = readNumber(inputs, "tokens_per_word");
    const dataTokens = readNumber(inputs, "ref_data_tokens");
    const taiParams = readNumber(inputs, "ref_tai_params");
    // Inference costs ~2N FLOP per token.
    const inferenceN = (centPerWord * flopPerDollar) / (2 * tokensPerWord);
    // Kaplan-optimal D = C/(6N) = C/(6·1.3e9·C_pf^0.73) grows as C^0.27; solve D = dataTokens.
    const dataFlop = PF_DAY_FLOP * ((dataTokens * 6 * KAPLAN.nOptCoef) / PF_DAY_FLOP) ** (1 / (1 - KAPLAN.nOptExp));
    const references: SeriesRow[] = [
      { label: `$${fmt(budget)} budget`, flop: budget * flopPerDollar, detail: `${fmt(budget)} USD × ${fmt(flopPerDollar)} FLOP/$` },
      {
        label: `${Number((centPerWord * 100).toPrecision(3))} cent${centPerWord === 0.01 ? "" : "s"} per word`,
        flop: kaplanComputeForN(inferenceN),
        detail: `N = ${centPerWord} USD × ${fmt(flopPerDollar)} FLOP/$ ÷ (2 FLOP/param/token × ${tokensPerWord} tokens/word) = ${fmt(inferenceN)} params, trained compute-optimally (Kaplan N_opt = 1.3e9·C^0.73)`,
      },
      { label: "Transformative-model parameters", flop: kaplanComputeForN(taiParams), detail: `N = ${fmt(taiParams)} params, trained compute-optimally (Kaplan N_opt = 1.3e9·C^0.73)` },
      { label: "Words in Common Crawl", flop: dataFlop, detail: `D = ${fmt(dataTokens)} tokens = C/(6·N_opt(C)) under Kaplan's allocation` },
    ];
    if (references.some((r) => (r.flop as number) > 1e32)) notes.push("Some reference lines lie beyond the 1e32 FLOP end of the curves.");

    // Finnveden annotated the loss axis with what Kaplan says a converged model needs for it.
    const lossAxis: SeriesRow[] = [];
    for (let L = 1.5; L <= 2.501; L += 0.1) {
      const loss = Math.round(L * 10) / 10;
      lossAxis.push({ loss, params: KAPLAN.Nc * loss ** (-1 / KAPLAN.alphaN), tokens: KAPLAN.Dc * loss ** (-1 / KAPLAN.alphaD), flop: lossToFlop(loss, source, mapping) });
    }

    if (source === "kaplan_n") notes.push("Kaplan's L(N) is fitted on WebText2, not GPT-3's data mix; losses are on a different scale from the GPT-3 fit.");
    notes.push("The GPT-3 loss law has no irreducible term, so far extrapolations are optimistic. Linear-fit curves are clipped to 0–100%.");
    return {
      modelId: "gpt-extrapolation",
      modelVersion: 1,
      headlines,
      series: { points, curves, references, benchmark_points: benchmarkPoints, loss_axis: lossAxis },
      notes,
    };
  },
};

export default gptExtrapolationModel;
