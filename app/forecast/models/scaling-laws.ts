// Neural scaling laws (Kaplan et al. 2020; Hoffmann et al. 2022; Besiroglu et al. 2024 refit)
// as a deterministic widget. Spec: docs/models.md §3, where every constant is tagged [P].
import type { ChoiceInputDef, ForecastModel, Headline, InputDef, Inputs, NumberInputDef, SeriesRow } from "../types";
import { logGrid } from "../fit";

export const PF_DAY_FLOP = 8.64e19;

/** Kaplan et al. 2020. L in nats/token on WebText2, N non-embedding, D tokens, C in PF-days. */
export const KAPLAN = {
  alphaN: 0.076,
  Nc: 8.8e13,
  alphaD: 0.095,
  Dc: 5.4e13,
  alphaCmin: 0.05,
  CcMinPfDays: 3.1e8,
  /** Eq. 4.1 with the Table 2 refit, which differs from the one-variable constants. */
  joint: { alphaN: 0.076, alphaD: 0.103, Nc: 6.4e13, Dc: 1.8e13 },
  /** Compute-efficient allocation N_opt = coef·C^exp, C in PF-days. */
  nOptCoef: 1.3e9,
  nOptExp: 0.73,
} as const;

/** L(N, D) = E + A/N^alpha + B/D^beta with N total parameters and L in nats on MassiveText. */
export interface ParametricLaw {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}
export const CHINCHILLA_EQ10: ParametricLaw = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
export const EPOCH_REFIT: ParametricLaw = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };

export const kaplanLossN = (N: number): number => (KAPLAN.Nc / N) ** KAPLAN.alphaN;
export const kaplanLossD = (D: number): number => (KAPLAN.Dc / D) ** KAPLAN.alphaD;
export const kaplanLossCmin = (flop: number): number =>
  (KAPLAN.CcMinPfDays / (flop / PF_DAY_FLOP)) ** KAPLAN.alphaCmin;
export function kaplanLossND(N: number, D: number): number {
  const j = KAPLAN.joint;
  return ((j.Nc / N) ** (j.alphaN / j.alphaD) + j.Dc / D) ** j.alphaD;
}
/** Kaplan's compute-efficient model size for a budget in FLOP. */
export const kaplanNOpt = (flop: number): number =>
  KAPLAN.nOptCoef * (flop / PF_DAY_FLOP) ** KAPLAN.nOptExp;
/** Inverse of kaplanNOpt: the budget (FLOP) for which N is compute-efficient. */
export const kaplanComputeForN = (N: number): number =>
  PF_DAY_FLOP * (N / KAPLAN.nOptCoef) ** (1 / KAPLAN.nOptExp);

export function parametricLoss(law: ParametricLaw, N: number, D: number): number {
  return law.E + law.A / N ** law.alpha + law.B / D ** law.beta;
}

export interface Allocation {
  N: number;
  D: number;
}

/**
 * Minimiser of the parametric law under C = k·N·D (Hoffmann et al. App. D.2):
 * N = G·(C/k)^a, D = (C/k)^b / G, G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β).
 */
export function parametricOptimum(law: ParametricLaw, flop: number, k = 6): Allocation & { a: number; b: number; G: number } {
  const sum = law.alpha + law.beta;
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / sum);
  const a = law.beta / sum;
  const b = law.alpha / sum;
  return { N: G * (flop / k) ** a, D: (flop / k) ** b / G, a, b, G };
}

/** D = r·N under C = k·N·D. */
export function fixedRatioAllocation(flop: number, tokensPerParam: number, k = 6): Allocation {
  const N = Math.sqrt(flop / (k * tokensPerParam));
  return { N, D: tokensPerParam * N };
}

export function kaplanAllocation(flop: number, k = 6): Allocation {
  const N = kaplanNOpt(flop);
  return { N, D: flop / (k * N) };
}

/**
 * Exact minimiser of Kaplan's joint L(N, D) under C = k·N·D. With p = αN/αD the bracket is
 * Nc^p·N^−p + k·Dc·N/C, minimised at N^(p+1) = p·Nc^p·C/(k·Dc).
 */
export function kaplanJointOptimum(flop: number, k = 6): Allocation {
  const j = KAPLAN.joint;
  const p = j.alphaN / j.alphaD;
  const log10N = (Math.log10(p) + p * Math.log10(j.Nc) + Math.log10(flop) - Math.log10(k * j.Dc)) / (p + 1);
  const N = 10 ** log10N;
  return { N, D: flop / (k * N) };
}

export type LawId = "kaplan_n" | "kaplan_d" | "kaplan_cmin" | "kaplan_nd" | "chinchilla" | "epoch";
export type AllocationId = "tokens_per_param" | "chinchilla_closed" | "epoch_closed" | "kaplan";

const LAW_LABELS: Record<LawId, string> = {
  kaplan_n: "Kaplan 2020 L(N), model-size limited (eq. 1.1)",
  kaplan_d: "Kaplan 2020 L(D), data limited (eq. 1.2)",
  kaplan_cmin: "Kaplan 2020 L(C_min), compute-efficient (eq. 1.3)",
  kaplan_nd: "Kaplan 2020 L(N, D), joint (eq. 4.1)",
  chinchilla: "Chinchilla eq. 10 (Hoffmann 2022, Approach 3)",
  epoch: "Epoch refit of Approach 3 (Besiroglu et al. 2024)",
};

const ALLOCATION_LABELS: Record<AllocationId, string> = {
  tokens_per_param: "20 tokens/param (Approaches 1–2)",
  chinchilla_closed: "Eq. 10 closed-form optimum (published rounded constants; not the 20:1 rule)",
  epoch_closed: "Epoch refit closed-form optimum",
  kaplan: "Kaplan N_opt = 1.3e9·C^0.73 (C in PF-days)",
};

/** Loss of a law at (N, D); L(C_min) reads only the implied budget k·N·D. */
export function lossAt(law: LawId, N: number, D: number, k = 6): number {
  switch (law) {
    case "kaplan_n":
      return kaplanLossN(N);
    case "kaplan_d":
      return kaplanLossD(D);
    case "kaplan_cmin":
      return kaplanLossCmin(k * N * D);
    case "kaplan_nd":
      return kaplanLossND(N, D);
    case "chinchilla":
      return parametricLoss(CHINCHILLA_EQ10, N, D);
    case "epoch":
      return parametricLoss(EPOCH_REFIT, N, D);
  }
}

/** The law's own compute-optimal loss at a budget; null when the law cannot express one. */
export function frontierLoss(law: LawId, flop: number, k = 6): number | null {
  switch (law) {
    case "kaplan_cmin":
      return kaplanLossCmin(flop);
    case "kaplan_nd": {
      const o = kaplanJointOptimum(flop, k);
      return kaplanLossND(o.N, o.D);
    }
    case "chinchilla": {
      const o = parametricOptimum(CHINCHILLA_EQ10, flop, k);
      return parametricLoss(CHINCHILLA_EQ10, o.N, o.D);
    }
    case "epoch": {
      const o = parametricOptimum(EPOCH_REFIT, flop, k);
      return parametricLoss(EPOCH_REFIT, o.N, o.D);
    }
    default:
      return null;
  }
}

function allocationLabel(id: AllocationId, ratio: number): string {
  if (id !== "tokens_per_param" || ratio === 20) return ALLOCATION_LABELS[id];
  return `${ratio} tokens/param (fixed ratio)`;
}

export function allocate(id: AllocationId, flop: number, tokensPerParam: number, k = 6): Allocation {
  switch (id) {
    case "tokens_per_param":
      return fixedRatioAllocation(flop, tokensPerParam, k);
    case "chinchilla_closed":
      return parametricOptimum(CHINCHILLA_EQ10, flop, k);
    case "epoch_closed":
      return parametricOptimum(EPOCH_REFIT, flop, k);
    case "kaplan":
      return kaplanAllocation(flop, k);
  }
}

const numberInput = (
  name: string,
  label: string,
  unit: string,
  def: number,
  min: number,
  max: number,
  help: string,
  scale: "linear" | "log" = "log",
): NumberInputDef => ({ kind: "number", name, label, unit, default: def, min, max, help, scale, group: "Scale" });

const lawInput: ChoiceInputDef = {
  kind: "choice",
  name: "law",
  label: "Scaling law",
  unit: "",
  group: "Law",
  help: "Which fitted law predicts the loss. Kaplan losses are nats/token on WebText2 (non-embedding N); Chinchilla and Epoch losses are nats/token on MassiveText (total N): compare shapes, not levels.",
  default: "chinchilla",
  options: (Object.keys(LAW_LABELS) as LawId[]).map((value) => ({ value, label: LAW_LABELS[value] })),
};

const allocationInput: ChoiceInputDef = {
  kind: "choice",
  name: "allocation",
  label: "Compute-optimal allocation",
  unit: "",
  group: "Law",
  help: "How a budget C is split between parameters and tokens. The first option uses the tokens-per-parameter input (20 by default). Eq. 10's own optimum gives ~93 tokens/param at Gopher's budget, which is why it is not called the Chinchilla rule.",
  default: "tokens_per_param",
  options: (Object.keys(ALLOCATION_LABELS) as AllocationId[]).map((value) => ({ value, label: ALLOCATION_LABELS[value] })),
};

const INPUTS: InputDef[] = [
  lawInput,
  numberInput("N", "Parameters N", "parameters", 7e10, 1e6, 1e15, "Model size for the point prediction (Chinchilla: 70B). Kaplan laws expect non-embedding parameters."),
  numberInput("D", "Training tokens D", "tokens", 1.4e12, 1e8, 1e15, "Training data for the point prediction (Chinchilla: 1.4T)."),
  numberInput("C", "Compute budget C", "FLOP", 5.76e23, 1e18, 1e30, "Budget to allocate compute-optimally (Gopher and Chinchilla: 5.76e23 FLOP)."),
  allocationInput,
  numberInput("tokens_per_param", "Tokens per parameter", "tokens/param", 20, 1, 1000, "Used by the fixed-ratio allocation. 20 is Chinchilla's; larger values over-train a smaller model for cheaper inference.", "linear"),
  numberInput("flop_per_param_per_token", "FLOP per parameter per token", "FLOP", 6, 1, 12, "6 for training (2 forward + 4 backward); 2 counts the forward pass only.", "linear"),
];

function readNumber(inputs: Inputs, def: NumberInputDef): number {
  const v = inputs[def.name];
  const x = typeof v === "number" ? v : typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "point" ? v.value : def.default;
  return Number.isFinite(x) ? Math.min(def.max, Math.max(def.min, x)) : def.default;
}

function readChoice<T extends string>(inputs: Inputs, def: ChoiceInputDef): T {
  const v = inputs[def.name];
  return (typeof v === "string" && def.options.some((o) => o.value === v) ? v : def.default) as T;
}

const byName = (name: string) => INPUTS.find((d) => d.name === name)!;

const DESCRIPTION = `
Neural scaling laws predict a language model's cross-entropy loss from its size **N**
(parameters), its training data **D** (tokens) and its training compute **C ≈ 6·N·D** FLOP.

**Laws offered**

- *Kaplan et al. 2020*: power laws in N alone, D alone and compute-efficient C, and a joint
  L(N, D). N excludes embedding parameters; loss is on WebText2. Their compute-efficient
  allocation grows the model fast (N_opt ≈ 1.3e9·C^0.73, C in PF-days).
- *Hoffmann et al. 2022 ("Chinchilla") eq. 10*: L = E + A/N^α + B/D^β with E 1.69,
  A 406.4, B 410.7, α 0.34, β 0.28 (total N, MassiveText).
- *Epoch refit* (Besiroglu et al. 2024) of the same form: E 1.8172, A 482.01, B 2085.43,
  α 0.3478, β 0.3658.

**Which allocation is "Chinchilla"?** Chinchilla itself is 70B parameters on 1.4T tokens,
≈ 20 tokens per parameter, which Approaches 1 and 2 of the paper support. Minimising eq. 10
with its *published, rounded* constants at the same budget instead gives ≈ 32B parameters on
≈ 3.0T tokens (~93 tokens/param). Besiroglu et al. found the Approach-3 fit inconsistent with
Approaches 1–2; their refit gives ≈ 72B and ~18 tokens/param. So this widget uses eq. 10 to
*predict loss*, the 20:1 ratio to *allocate*, and shows eq. 10's own optimum only under that
honest label.

Kaplan and Chinchilla losses are measured on different corpora and tokenisations, so compare
the shapes of their curves, not their levels.
`.trim();

export const scalingLawsModel: ForecastModel = {
  id: "scaling-laws",
  version: 1,
  title: "Scaling laws: loss, compute and compute-optimal size",
  summary: "Kaplan 2020 and Chinchilla 2022 scaling laws: predicted loss, 6ND compute and compute-optimal N and D.",
  description: DESCRIPTION,
  sources: [
    { title: "Kaplan et al. 2020, Scaling Laws for Neural Language Models", url: "https://arxiv.org/abs/2001.08361", note: "Eqs. 1.1–1.3, 3.3, 4.1 (Table 2 refit), 4.4; N_opt ≈ 1.3e9·C^0.73 (Fig. 14 / §6)." },
    { title: "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models", url: "https://arxiv.org/abs/2203.15556", note: "Eq. 10 parametric fit (App. D.2), Table 2 exponents, Table 3 projections." },
    { title: "Besiroglu, Erdil, Barnett & You 2024, Chinchilla Scaling: A replication attempt", url: "https://arxiv.org/abs/2404.10102", note: "Refit of Approach 3 used by the 'Epoch refit' options." },
  ],
  inputs: INPUTS,
  presets: [
    { id: "epoch-refit", label: "Epoch refit", description: "Besiroglu et al. 2024's refit for both loss and allocation.", values: { law: "epoch", allocation: "epoch_closed" } },
    { id: "kaplan-2020", label: "Kaplan 2020", description: "Kaplan's compute-efficient loss and allocation.", values: { law: "kaplan_cmin", allocation: "kaplan" } },
    { id: "gpt-3", label: "GPT-3 (175B on 300B tokens)", description: "Point prediction for GPT-3's size and data.", values: { N: 1.75e11, D: 3e11, C: 3.14e23 } },
    { id: "over-trained", label: "Over-trained for inference", description: "200 tokens per parameter: a smaller model trained longer.", values: { tokens_per_param: 200 } },
  ],
  sampled: false,
  compute(inputs) {
    const law = readChoice<LawId>(inputs, lawInput);
    const allocation = readChoice<AllocationId>(inputs, allocationInput);
    const N = readNumber(inputs, byName("N") as NumberInputDef);
    const D = readNumber(inputs, byName("D") as NumberInputDef);
    const C = readNumber(inputs, byName("C") as NumberInputDef);
    const ratio = readNumber(inputs, byName("tokens_per_param") as NumberInputDef);
    const k = readNumber(inputs, byName("flop_per_param_per_token") as NumberInputDef);

    const opt = allocate(allocation, C, ratio, k);
    const lossOpt = law === "kaplan_cmin" ? kaplanLossCmin(C) : lossAt(law, opt.N, opt.D, k);
    const allocLabel = allocationLabel(allocation, ratio);
    const headlines: Headline[] = [
      { key: "loss_nd", label: `Predicted loss at (N, D): ${LAW_LABELS[law]}`, format: "loss", value: lossAt(law, N, D, k) },
      { key: "compute_nd", label: `Training compute for (N, D) = ${k}·N·D`, format: "flop", value: k * N * D },
      { key: "n_opt", label: `Compute-optimal N for C (${allocLabel})`, format: "number", value: opt.N },
      { key: "d_opt", label: `Compute-optimal D for C (${allocLabel})`, format: "number", value: opt.D },
      { key: "tokens_per_param_opt", label: "Tokens per parameter at that optimum", format: "number", value: opt.D / opt.N },
      { key: "loss_opt", label: `Loss at that optimum: ${LAW_LABELS[law]}`, format: "loss", value: lossOpt },
    ];

    const grid = logGrid(18, 30, 4);
    const curves: SeriesRow[] = [];
    const frontierLaws: LawId[] = ["kaplan_cmin", "kaplan_nd", "chinchilla", "epoch"];
    for (const l of frontierLaws) {
      for (const flop of grid) {
        curves.push({ flop, loss: frontierLoss(l, flop, k), law: l, label: LAW_LABELS[l], kind: "frontier" });
      }
    }
    // The chosen law along the chosen allocation: what a lab following that rule would get.
    for (const flop of grid) {
      const a = allocate(allocation, flop, ratio, k);
      const loss = law === "kaplan_cmin" ? kaplanLossCmin(flop) : lossAt(law, a.N, a.D, k);
      curves.push({ flop, loss, law, label: `${LAW_LABELS[law]} at ${allocLabel}`, kind: "allocation" });
    }

    const allocationSeries: SeriesRow[] = [];
    for (const id of Object.keys(ALLOCATION_LABELS) as AllocationId[]) {
      const label = allocationLabel(id, ratio);
      for (const flop of grid) {
        const a = allocate(id, flop, ratio, k);
        allocationSeries.push({ flop, n_opt: a.N, d_opt: a.D, tokens_per_param: a.D / a.N, allocation: id, label, chosen: id === allocation ? 1 : 0 });
      }
    }

    const notes: string[] = [];
    if (law.startsWith("kaplan")) {
      notes.push("Kaplan losses are nats/token on WebText2 with non-embedding N; they are not on the same scale as Chinchilla's MassiveText losses.");
    }
    if (law === "kaplan_n" || law === "kaplan_d") {
      notes.push(`${LAW_LABELS[law]} has no compute-optimal frontier of its own; the frontier curves show the other laws.`);
    }
    if (law === "kaplan_cmin") {
      notes.push("L(C_min) depends only on compute: the loss at (N, D) assumes that (N, D) is itself a compute-efficient allocation of k·N·D.");
    }
    if (allocation === "chinchilla_closed") {
      notes.push("This is the minimiser of eq. 10 with its published rounded constants (~93 tokens/param at 5.76e23 FLOP), not the 20 tokens/param of Chinchilla itself.");
    }
    if (k !== 6) notes.push(`Compute uses ${k} FLOP per parameter per token; the published fits assume 6.`);
    return { modelId: "scaling-laws", modelVersion: 1, headlines, series: { curves, allocation: allocationSeries }, notes };
  },
};

export default scalingLawsModel;
