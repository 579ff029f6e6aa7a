// Check values: docs/models.md §3.4 (facts in §3.1–3.2). Tags (§0): [P] primary, [D] derived, [U] unverified.
import { describe, expect, it } from "vitest";
import type { ForecastResult, Headline, Inputs, SeriesRow } from "../types";
import {
  CHINCHILLA_EQ10,
  EPOCH_REFIT,
  kaplanJointOptimum,
  kaplanLossCmin,
  kaplanLossN,
  kaplanLossND,
  kaplanNOpt,
  parametricLoss,
  parametricOptimum,
  scalingLawsModel as model,
} from "./scaling-laws";

const opts = { seed: 1, sampleCount: 1 };
const run = (inputs: Inputs = {}): ForecastResult => model.compute(inputs, opts);
const value = (r: ForecastResult, key: string): number => {
  const h: Headline | undefined = r.headlines.find((x) => x.key === key);
  if (!h || h.value === null) throw new Error(`no headline ${key}`);
  return h.value;
};
const num = (row: SeriesRow, key: string): number => row[key] as number;
const roundsTo = (v: number, stated: number, sig = 2) => expect(Number(v.toPrecision(sig))).toBe(stated);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("§3.1 Kaplan et al. 2020", () => {
  it("[D] L(N) = 2.830 at 1e8, 2.376 at 1e9, 1.994 at 1e10", () => {
    expect(kaplanLossN(1e8)).toBeCloseTo(2.83, 3);
    expect(kaplanLossN(1e9)).toBeCloseTo(2.376, 3);
    expect(kaplanLossN(1e10)).toBeCloseTo(1.994, 3);
  });
  it("[D] L(C_min = 3,640 PF-days, GPT-3's compute) = 1.764", () => {
    expect(kaplanLossCmin(3640 * 8.64e19)).toBeCloseTo(1.764, 3);
  });
  it("[D] N_opt(1 PF-day) = 1.3e9", () => {
    expect(kaplanNOpt(8.64e19)).toBeCloseTo(1.3e9, -3);
  });
  it("[D] each 10× in N multiplies L(N) by 10^−0.076 ≈ 0.839", () => {
    expect(kaplanLossN(1e10) / kaplanLossN(1e9)).toBeCloseTo(10 ** -0.076, 12);
    expect(10 ** -0.076).toBeCloseTo(0.839, 3);
  });
  it("[D] the joint-law frontier is the exact minimiser of L(N, C/6N)", () => {
    for (const C of [1e20, 1e24, 1e28]) {
      const o = kaplanJointOptimum(C);
      expect(rel(6 * o.N * o.D, C)).toBeLessThan(1e-12);
      const at = (N: number) => kaplanLossND(N, C / (6 * N));
      expect(at(o.N * 1.01)).toBeGreaterThan(at(o.N));
      expect(at(o.N * 0.99)).toBeGreaterThan(at(o.N));
    }
  });
});

describe("§3.2 Hoffmann et al. 2022 (Chinchilla)", () => {
  it("[D] eq. 10 losses: Chinchilla 1.937, GPT-3 2.002, Gopher 1.993", () => {
    expect(parametricLoss(CHINCHILLA_EQ10, 70e9, 1.4e12)).toBeCloseTo(1.937, 3);
    expect(parametricLoss(CHINCHILLA_EQ10, 175e9, 300e9)).toBeCloseTo(2.002, 3);
    expect(parametricLoss(CHINCHILLA_EQ10, 280e9, 300e9)).toBeCloseTo(1.993, 3);
  });
  // [params, tokens, published FLOP]; 6·N·D must reproduce the printed compute.
  const confirmed: [number, number, number][] = [
    [1e9, 20.2e9, 1.21e20],
    [175e9, 3.7e12, 3.85e24],
    [280e9, 5.9e12, 9.9e24],
  ];
  const unconfirmed: [number, number, number][] = [
    [400e6, 8.0e9, 1.92e19],
    [10e9, 205.1e9, 1.23e22],
    [520e9, 11.0e12, 3.43e25],
    [1e12, 21.2e12, 1.27e26],
    [10e12, 216.2e12, 1.3e28],
  ];
  it("[P] Table 3 rows confirmed in transcriptions (1B, 175B, 280B): 6·N·D within 1% of the printed FLOP", () => {
    for (const [N, D, C] of confirmed) expect(rel(6 * N * D, C)).toBeLessThan(0.01);
    expect(value(run({ N: 175e9, D: 3.7e12 }), "compute_nd")).toBeCloseTo(3.885e24, -20);
  });
  it("[P] Table 3 row 67B → 1.5T at 5.76e23: 6·N·D is 4.7% high because both columns are rounded", () => {
    expect(rel(6 * 67e9 * 1.5e12, 5.76e23)).toBeLessThan(0.05);
    expect(6 * 67e9 * 1.5e12).toBeGreaterThan(5.76e23);
  });
  it("[U] remaining Table 3 rows (not yet checked against the PDF): 6·N·D within 1%", () => {
    for (const [N, D, C] of unconfirmed) expect(rel(6 * N * D, C)).toBeLessThan(0.01);
  });
  it("[D] closed-form exponents from the rounded constants: a = 0.452, b = 0.548", () => {
    const o = parametricOptimum(CHINCHILLA_EQ10, 5.76e23);
    expect(o.a).toBeCloseTo(0.452, 3);
    expect(o.b).toBeCloseTo(0.548, 3);
  });
  it("[D] eq. 10's own optimum at 5.76e23: N ≈ 3.2e10, D ≈ 3.0e12, ~93 tokens/param, L = 1.931", () => {
    const r = run({ allocation: "chinchilla_closed" });
    roundsTo(value(r, "n_opt"), 3.2e10);
    roundsTo(value(r, "d_opt"), 3.0e12);
    expect(Math.round(value(r, "tokens_per_param_opt"))).toBe(93);
    expect(value(r, "loss_opt")).toBeCloseTo(1.931, 3);
    expect(r.headlines.find((h) => h.key === "n_opt")!.label).toContain("not the 20:1 rule");
    expect(r.notes.join(" ")).toContain("not the 20 tokens/param");
  });
  it("[P/S] Epoch refit: N_opt ≈ 7.2e10 at 5.76e23, ≈ 18 tokens/param, N_opt ∝ C^0.513", () => {
    const r = run({ law: "epoch", allocation: "epoch_closed" });
    roundsTo(value(r, "n_opt"), 7.2e10);
    expect(Math.round(value(r, "tokens_per_param_opt"))).toBe(18);
    expect(parametricOptimum(EPOCH_REFIT, 1e24).a).toBeCloseTo(0.513, 3);
  });
  it("[D] rule of thumb D = 20·N at 5.76e23: N ≈ 6.9e10, D ≈ 1.39e12 (the default allocation)", () => {
    const r = run();
    roundsTo(value(r, "n_opt"), 6.9e10);
    roundsTo(value(r, "d_opt"), 1.39e12, 3);
    expect(value(r, "tokens_per_param_opt")).toBeCloseTo(20, 10);
  });
});

describe("model behaviour", () => {
  const base = run();
  it("[D] default headlines: eq. 10 at (70B, 1.4T) = 1.937 and 6·N·D = 5.88e23", () => {
    expect(value(base, "loss_nd")).toBeCloseTo(1.937, 3);
    expect(value(base, "compute_nd")).toBeCloseTo(5.88e23, -19);
  });
  it("[D] every law gives a finite loss; Kaplan L(N) and L(D) read only N and D", () => {
    for (const law of ["kaplan_n", "kaplan_d", "kaplan_cmin", "kaplan_nd", "chinchilla", "epoch"]) {
      for (const h of run({ law }).headlines) expect(Number.isFinite(h.value)).toBe(true);
    }
    expect(value(run({ law: "kaplan_n", N: 1e9 }), "loss_nd")).toBeCloseTo(2.376, 3);
    expect(value(run({ law: "kaplan_cmin", C: 3640 * 8.64e19 }), "loss_opt")).toBeCloseTo(1.764, 3);
  });
  it("[D] frontier curves for the four laws that can express one, falling with compute over 1e18..1e30", () => {
    const frontier = base.series.curves.filter((r) => r.kind === "frontier");
    expect(new Set(frontier.map((r) => r.law))).toEqual(new Set(["kaplan_cmin", "kaplan_nd", "chinchilla", "epoch"]));
    for (const law of ["kaplan_cmin", "kaplan_nd", "chinchilla", "epoch"]) {
      const rows = frontier.filter((r) => r.law === law);
      expect(num(rows[0], "flop")).toBe(1e18);
      expect(num(rows[rows.length - 1], "flop")).toBe(1e30);
      for (let i = 1; i < rows.length; i++) expect(num(rows[i], "loss")).toBeLessThan(num(rows[i - 1], "loss"));
    }
    // The law's own optimum can never be beaten by the 20:1 allocation under the same law.
    const alloc = base.series.curves.filter((r) => r.kind === "allocation");
    const chin = frontier.filter((r) => r.law === "chinchilla");
    alloc.forEach((r, i) => expect(num(r, "loss")).toBeGreaterThanOrEqual(num(chin[i], "loss") - 1e-12));
  });
  it("[D] allocation series: N_opt·D_opt·6 = C for every allocation", () => {
    expect(new Set(base.series.allocation.map((r) => r.allocation)).size).toBe(4);
    for (const r of base.series.allocation) expect(rel(6 * num(r, "n_opt") * num(r, "d_opt"), num(r, "flop"))).toBeLessThan(1e-9);
  });
  it("[D] deterministic and JSON-serialisable; metadata as specified", () => {
    expect(JSON.parse(JSON.stringify(run()))).toEqual(run());
    expect(model.id).toBe("scaling-laws");
    expect(model.version).toBe(1);
    expect(model.sampled).toBe(false);
  });
});
