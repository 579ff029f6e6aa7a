// Check values: docs/models.md §2.7 (and the errata in §5). Tags (§0): [P] primary, [D] derived.
import { describe, expect, it } from "vitest";
import gpt3 from "../data/gpt3.json";
import { bisect, invertLinear, invertLogistic, linearFit, logGrid, logistic, logisticFit } from "../fit";
import type { ForecastResult, Headline, Inputs, SeriesRow } from "../types";
import { flopToLoss, gptExtrapolationModel as model, lossToFlop } from "./gpt-extrapolation";

const opts = { seed: 1, sampleCount: 1 };
const run = (inputs: Inputs = {}): ForecastResult => model.compute(inputs, opts);
const headline = (r: ForecastResult, key: string): Headline => {
  const h = r.headlines.find((x) => x.key === key);
  if (!h) throw new Error(`no headline ${key}`);
  return h;
};
const num = (row: SeriesRow, key: string): number => row[key] as number;
/** True when v, rounded to `sig` significant figures, is the stated value. */
const roundsTo = (v: number | null, stated: number, sig = 2) => expect(Number((v ?? NaN).toPrecision(sig))).toBe(stated);

const base = run();

describe("gpt3.json data (Brown et al. 2020)", () => {
  it("[P] eight model sizes, Table D.1 compute consistent with PF-days × 8.64e19", () => {
    expect(gpt3.models.map((m) => m.name)).toEqual(["Small", "Medium", "Large", "XL", "2.7B", "6.7B", "13B", "175B"]);
    for (const m of gpt3.models) {
      expect(Math.abs(m.trainPfDays * gpt3.pfDayFlop - m.trainFlop) / m.trainFlop).toBeLessThan(0.005);
      expect(m.nonEmbeddingParams).toBe(12 * m.layers * m.dModel ** 2);
    }
  });
  it("[P] errata: ANLI R3 corrected to XL 36.0 and 2.7B 32.7; StoryCloze 2.7B = 80.2", () => {
    const score = (k: string) => gpt3.benchmarks.find((b) => b.key === k)!.scores;
    expect(score("anli_r3")[3]).toBe(36.0);
    expect(score("anli_r3")[4]).toBe(32.7);
    expect(score("storycloze")[4]).toBe(80.2);
  });
  it("[P] errata: the 8 smooth benchmarks exclude TriviaQA", () => {
    expect(gpt3.smoothBenchmarks).toEqual(["hellaswag", "lambada", "storycloze", "piqa", "arc_easy", "arc_challenge", "winogrande", "openbookqa"]);
    expect(gpt3.benchmarks.filter((b) => b.smooth).map((b) => b.key)).toEqual(gpt3.smoothBenchmarks);
    for (const b of gpt3.benchmarks) expect(b.scores).toHaveLength(8);
  });
});

describe("§2.7 test vectors (default inputs)", () => {
  it("[D] §2.7 losses L = 2.57·C^−0.048 at Table D.1 compute", () => {
    const expected = [2.455, 2.334, 2.251, 2.192, 2.12, 2.028, 1.965, 1.734];
    base.series.points.forEach((p, i) => expect(num(p, "loss")).toBeCloseTo(expected[i], 3));
  });
  it("[D] §2.7 average normalised performance of the 8 smooth benchmarks", () => {
    const expected = [0.162, 0.266, 0.362, 0.389, 0.468, 0.51, 0.552, 0.629];
    base.series.points.forEach((p, i) => expect(num(p, "perf")).toBeCloseTo(expected[i], 3));
  });
  it("[D] §2.7 linear fit perf = 1.831 − 0.662·L", () => {
    expect(headline(base, "linear_intercept").value).toBeCloseTo(1.831, 3);
    expect(headline(base, "linear_slope").value).toBeCloseTo(-0.662, 3);
  });
  it("[D] §2.7 logistic fit L0 = 2.014, s = 0.355", () => {
    expect(headline(base, "logistic_L0").value).toBeCloseTo(2.014, 3);
    expect(headline(base, "logistic_s").value).toBeCloseTo(0.355, 3);
  });
  it("[D] §2.7 FLOP to 50/80/90/95% (logistic, the default headline), to 2 significant figures", () => {
    roundsTo(headline(base, "flop_50").value, 1.4e22);
    roundsTo(headline(base, "flop_80").value, 4.7e24);
    roundsTo(headline(base, "flop_90").value, 3.7e26);
    roundsTo(headline(base, "flop_95").value, 5.7e28);
  });
  it("[D] §2.7 FLOP to 50/80/90/95% (linear, the alternative headline), to 2 significant figures", () => {
    roundsTo(headline(base, "alt_flop_50").value, 1.4e22);
    roundsTo(headline(base, "alt_flop_80").value, 3.0e24);
    roundsTo(headline(base, "alt_flop_90").value, 2.5e25);
    roundsTo(headline(base, "alt_flop_95").value, 7.8e25);
  });
  it("[D] §2.7 single benchmarks at 175B: HellaSwag 0.724, PIQA 0.646", () => {
    const at175 = (k: string) => base.series.benchmark_points.find((r) => r.benchmark === k && r.name === "175B")!;
    expect(num(at175("hellaswag"), "perf")).toBeCloseTo(0.724, 3);
    expect(num(at175("piqa"), "perf")).toBeCloseTo(0.646, 3);
  });
  it("[D] choosing the linear fit swaps the headline and alternative values", () => {
    const lin = run({ fit: "linear" });
    for (const t of [50, 80, 90, 95]) {
      expect(headline(lin, `flop_${t}`).value).toBe(headline(base, `alt_flop_${t}`).value);
      expect(headline(lin, `alt_flop_${t}`).value).toBe(headline(base, `flop_${t}`).value);
    }
  });
});

describe("§2.6 reference lines", () => {
  const refs = base.series.references;
  const flopOf = (prefix: string) => num(refs.find((r) => String(r.label).startsWith(prefix))!, "flop");
  it("[D] §2.6 $1B × 1e17 FLOP/$ = 1e26 FLOP", () => {
    expect(flopOf("$")).toBe(1e26);
  });
  it("[D] §2.6 1 cent per word: ~3.6e14 parameters, ~2.4e27 FLOP", () => {
    const row = refs.find((r) => r.label === "1 cent per word")!;
    expect(String(row.detail)).toContain("3.6e14 params");
    roundsTo(num(row, "flop"), 2.4e27);
  });
  it("[D] §2.6 transformative-model parameters through Kaplan N_opt: 1e15 → 1.0e28 FLOP, 1e14 → 4.3e26", () => {
    roundsTo(flopOf("Transformative"), 1.0e28);
    const r14 = run({ ref_tai_params: 1e14 }).series.references;
    roundsTo(num(r14.find((r) => String(r.label).startsWith("Transformative"))!, "flop"), 4.3e26);
  });
  it("[D] §2.6 words in Common Crawl (3e13 tokens): on the order of 1e32 FLOP", () => {
    const flop = flopOf("Words");
    expect(Math.floor(Math.log10(flop))).toBe(32);
    // Consistency: the Kaplan-optimal run at that budget consumes exactly the stated tokens.
    const nOpt = 1.3e9 * (flop / 8.64e19) ** 0.73;
    expect(flop / (6 * nOpt)).toBeCloseTo(3e13, -9);
  });
});

describe("model behaviour", () => {
  it("[D] series: both fits on a log grid 1e20..1e32, perf rising with FLOP and within [0, 1]", () => {
    for (const fit of ["linear", "logistic"]) {
      const rows = base.series.curves.filter((r) => r.fit === fit);
      expect(num(rows[0], "flop")).toBe(1e20);
      expect(num(rows[rows.length - 1], "flop")).toBe(1e32);
      for (let i = 1; i < rows.length; i++) {
        expect(num(rows[i], "perf")).toBeGreaterThanOrEqual(num(rows[i - 1], "perf"));
        expect(num(rows[i], "perf")).toBeLessThanOrEqual(1);
        expect(num(rows[i], "perf")).toBeGreaterThanOrEqual(0);
      }
    }
  });
  it("[D] loss ↔ FLOP mappings are inverse for every source and mapping", () => {
    for (const source of ["gpt3_fit", "kaplan_n"] as const) {
      for (const mapping of ["same", "kaplan_cmin"] as const) {
        for (const flop of [1e21, 1e25, 1e30]) {
          const back = lossToFlop(flopToLoss(flop, source, mapping), source, mapping)!;
          expect(Math.abs(back - flop) / flop).toBeLessThan(1e-9);
        }
      }
    }
    expect(lossToFlop(0, "gpt3_fit", "same")).toBeNull();
  });
  it("[D] Kaplan L(N) loss source gives a different but valid fit", () => {
    const r = run({ loss_source: "kaplan_n" });
    expect(num(r.series.points[7], "loss")).toBeCloseTo((8.8e13 / 173946175488) ** 0.076, 6);
    for (const h of r.headlines) expect(Number.isFinite(h.value)).toBe(true);
    expect(headline(r, "flop_50").value).not.toBe(headline(base, "flop_50").value);
  });
  it("[D] a one-benchmark subset with a lower maximum uses (score − random)/(max − random)", () => {
    const rows = gpt3.benchmarks.map((b) => ({ weight: b.key === "hellaswag" ? 1 : 0, random: b.random, max: b.key === "hellaswag" ? 90 : 100 }));
    const r = run({ benchmarks: rows });
    expect(num(r.series.points[7], "perf")).toBeCloseTo((79.3 - 25) / 65, 12);
  });
  it("[D] all weights zero falls back to the 8 smooth benchmarks with a note", () => {
    const r = run({ benchmarks: gpt3.benchmarks.map((b) => ({ weight: 0, random: b.random, max: 100 })) });
    expect(r.notes.some((n) => n.includes("8 smooth"))).toBe(true);
    expect(headline(r, "flop_80").value).toBe(headline(base, "flop_80").value);
  });
  it("[D] deterministic and JSON-serialisable; metadata as specified", () => {
    expect(JSON.parse(JSON.stringify(run()))).toEqual(run());
    expect(model.id).toBe("gpt-extrapolation");
    expect(model.version).toBe(1);
    expect(model.sampled).toBe(false);
    expect(base.modelId).toBe("gpt-extrapolation");
  });
});

describe("fit.ts helpers", () => {
  it("[D] linearFit recovers an exact line; invertLinear inverts it", () => {
    const x = [1, 2, 3, 4];
    const f = linearFit(x, x.map((v) => 3 - 0.5 * v));
    expect(f.intercept).toBeCloseTo(3, 12);
    expect(f.slope).toBeCloseTo(-0.5, 12);
    expect(invertLinear(f, 1)).toBeCloseTo(4, 12);
  });
  it("[D] logisticFit recovers exact parameters from noise-free data and is a local least-squares minimum", () => {
    const x = [1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.4];
    const f = logisticFit(x, x.map((v) => logistic(v, 2.05, 0.2)));
    expect(f.L0).toBeCloseTo(2.05, 8);
    expect(f.s).toBeCloseTo(0.2, 8);
    const L = gpt3.models.map((m) => 2.57 * m.trainPfDays ** -0.048);
    const y = [0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6];
    const g = logisticFit(L, y);
    expect(g.converged).toBe(true);
    const sse = (a: number, s: number) => L.reduce((acc, l, i) => acc + (logistic(l, a, s) - y[i]) ** 2, 0);
    for (const [da, ds] of [[1e-4, 0], [-1e-4, 0], [0, 1e-4], [0, -1e-4]]) {
      expect(sse(g.L0 + da, g.s + ds)).toBeGreaterThan(g.sse);
    }
    expect(invertLogistic(g, 0.5)).toBeCloseTo(g.L0, 12);
    expect(invertLogistic(g, 1)).toBeNull();
  });
  it("[D] bisect finds a bracketed root and refuses an unbracketed one; logGrid hits the decades", () => {
    expect(bisect((v) => v * v - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 10);
    expect(bisect((v) => v * v + 1, 0, 2)).toBeNull();
    const g = logGrid(20, 32, 4);
    expect(g).toHaveLength(49);
    expect(g[4]).toBe(1e21);
  });
});
