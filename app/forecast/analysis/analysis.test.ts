import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Z90 } from "../distributions";
import { bioAnchors } from "../models/bio-anchors";
import { getModel } from "../index";
import { resolveInputs } from "../schema";
import type { ComputeOptions, Distribution, Inputs } from "../types";
import { normalQuantile } from "../quick/normal";
import { distributionCdf, distributionQuantile, medianRange, moveMedian } from "./dist-tools";
import { answerQuestion, evaluateRuns } from "./evaluate";
import { sensitivityFactors, solvableIds, solveParameter } from "./factors";
import { formatMetricDelta, formatMetricValue, metricKey, metricValue, parseMetric, type Metric } from "./metric";
import { solveFor, type BatchEvaluate } from "./solve";
import { assembleTornado, planTornado } from "./tornado";

const median: Metric = { kind: "yearAt", p: 0.5 };
const evaluator = (options: ComputeOptions, metric: Metric): BatchEvaluate => async (runs) => evaluateRuns(bioAnchors, { options, metric, runs });

describe("metrics", () => {
  it("parses and names the metrics the API takes", () => {
    expect(parseMetric("median")).toEqual(median);
    expect(parseMetric("year@0.25")).toEqual({ kind: "yearAt", p: 0.25 });
    expect(parseMetric("p@2036")).toEqual({ kind: "probBy", year: 2036 });
    expect(parseMetric("headline:flop_80")).toEqual({ kind: "headline", key: "flop_80" });
    for (const bad of ["year@1.5", "year@0", "p@36", "headline:", "mean", ""]) expect(parseMetric(bad)).toBeNull();
    for (const m of [median, { kind: "yearAt", p: 0.1 }, { kind: "probBy", year: 2040 }] as Metric[]) expect(parseMetric(metricKey(m))).toEqual(m);
  });

  it("reads years, probabilities and headlines, and writes deltas in their units", () => {
    const r = bioAnchors.compute(resolveInputs(bioAnchors, {}), { seed: 3, sampleCount: 20_000 });
    const m = metricValue(r, median) as number;
    expect(Math.ceil(m)).toBe(r.headlines[0]!.value);
    expect(metricValue(r, { kind: "probBy", year: 2036 })).toBe(r.series.cdf.find((x) => x.year === 2036)!.p);
    expect(metricValue(r, { kind: "headline", key: "p2050" })).toBe(r.headlines.find((h) => h.key === "p2050")!.value);
    expect(metricValue(r, { kind: "yearAt", p: 0.95 })).toBeNull();
    expect(formatMetricValue(median, null)).toBe("after 2100");
    expect(formatMetricDelta(median, -3.26)).toBe("−3.3 years");
    expect(formatMetricDelta({ kind: "probBy", year: 2036 }, 0.0412)).toBe("+4.1 pp");
    expect(answerQuestion(r, { year: 2035, p: 0.25 })).toEqual({ year: 2035, pByYear: metricValue(r, { kind: "probBy", year: 2035 }), p: 0.25, yearAtP: metricValue(r, { kind: "yearAt", p: 0.25 }) });
  });
});

describe("distribution tools", () => {
  it("finds quantiles exactly for simple shapes and by bisection for mixtures (property)", () => {
    expect(normalQuantile(0.95)).toBeCloseTo(Z90, 7);
    expect(distributionQuantile({ kind: "ci90", shape: "lognormal", p5: 11, p95: 19.5 }, 0.05)).toBeCloseTo(11, 6);
    expect(distributionQuantile({ kind: "uniform", min: 2, max: 4 }, 0.95)).toBeCloseTo(3.9, 12);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (q) => {
        const mix: Distribution = { kind: "mixture", components: [{ weight: 1, dist: { kind: "ci90", shape: "lognormal", p5: 2, p95: 5 } }, { weight: 3, dist: { kind: "normal", mean: 8, sd: 1 } }] };
        expect(distributionCdf(mix, distributionQuantile(mix, q))).toBeCloseTo(q, 5);
      }),
    );
  });

  it("moves a distribution's median and keeps its shape and bounds", () => {
    const ln: Distribution = { kind: "ci90", shape: "lognormal", p5: 1e3, p95: 1e6 };
    expect(moveMedian(ln, distributionQuantile(ln, 0.5) * 10)).toEqual({ kind: "ci90", shape: "lognormal", p5: expect.closeTo(1e4, 6), p95: expect.closeTo(1e7, 3) });
    expect(moveMedian({ kind: "normal", mean: 0, sd: 1 }, 2)).toEqual({ kind: "normal", mean: 2, sd: 1 });
    const [lo, hi] = medianRange(ln, 1e-3, 1e17);
    expect(lo).toBeCloseTo(distributionQuantile(ln, 0.5) * 1e-6, 6);
    expect(hi).toBeCloseTo(distributionQuantile(ln, 0.5) * 1e11, -3);
  });
});

describe("sensitivity (tornado)", () => {
  const inputs = resolveInputs(bioAnchors, {});
  const tornado = (seed: number, sampleCount = 50_000) => {
    const plan = planTornado(bioAnchors, inputs);
    return assembleTornado(plan, evaluateRuns(bioAnchors, { options: { seed, sampleCount }, metric: median, runs: plan.runs }), median);
  };

  it("tries every input at its ends: sourced ranges, a distribution's own 5th/95th percentiles, halved and doubled weights", () => {
    const factors = sensitivityFactors(bioAnchors, inputs);
    const f = (id: string) => factors.find((x) => x.id === id)!;
    expect(f("flop_per_dollar_2020").variants.map((v) => v.value)).toEqual([1e16, 1e18]);
    expect(f("flop_per_dollar_2020").rule).toBe("sourced plausible range");
    expect(f("log10_brain_flops").variants.map((v) => v.value)).toEqual([{ kind: "point", value: 11 }, { kind: "point", value: 19.5 }]);
    expect(f("anchors.0").variants.map((v) => (v.value as { weight: number }[])[0]!.weight)).toEqual([10, 40]);
    expect(f("gdp_2020").rule).toMatch(/no sourced range/);
    expect(f("low_end_update").variants.map((v) => v.key)).toEqual(["soft", "hard", "none"]);
    expect(f("algo_halving_small_at").label).toBe("Algorithmic halving time, small requirements: applies at or below");
    const inputsSeen = new Set(factors.map((x) => x.input));
    for (const def of bioAnchors.inputs) expect(inputsSeen.has(def.name), def.name).toBe(true);
  });

  it("measures every bar on the base forecast's own draws, largest swing first", () => {
    const t = tornado(5);
    const base = metricValue(bioAnchors.compute(inputs, { seed: 5, sampleCount: 50_000 }), median);
    expect(t.base).toBe(base);
    for (let i = 1; i < t.bars.length; i++) expect(t.bars[i]!.swing).toBeLessThanOrEqual(t.bars[i - 1]!.swing);
    for (const bar of t.bars) expect(bar.swing).toBeGreaterThanOrEqual(0);
    const hw = t.bars.find((b) => b.id === "hw_halving_years")!;
    expect(hw.low.text).toBe("1.5 years");
    expect(hw.high.text).toBe("3.5 years");
    expect(hw.high.value! - hw.low.value!).toBeCloseTo(hw.swing, 9);
  });

  it("keeps its ordering across seeds for the seeded forecast (all but near-ties)", () => {
    const runs = [1, 2, 3].map((seed) => tornado(seed));
    const rank = (t: ReturnType<typeof tornado>) => new Map(t.bars.map((b, i) => [b.id, i]));
    const [first, ...others] = runs;
    expect(others.map((t) => t.bars.slice(0, 5).map((b) => b.id))).toEqual(others.map(() => first!.bars.slice(0, 5).map((b) => b.id)));
    // Any two bars whose swings differ by more than half a year keep their order.
    for (const t of others) {
      const r = rank(t);
      for (const a of first!.bars) {
        for (const b of first!.bars) {
          if (a.swing - b.swing > 0.5) expect(r.get(a.id)!, `${a.id} before ${b.id}`).toBeLessThan(r.get(b.id)!);
        }
      }
    }
  });
});

describe("what would I need to believe (solver)", () => {
  const options = { seed: 21, sampleCount: 20_000 };
  const base = resolveInputs(bioAnchors, {});
  const solve = async (id: string, metric: Metric, target: number) => solveFor(solveParameter(bioAnchors, base, id)!, base, { metric, value: target }, evaluator(options, metric));
  const targetOf = (changes: Inputs, metric: Metric) => evaluateRuns(bioAnchors, { options, metric, runs: [resolveInputs(bioAnchors, changes)] })[0] as number;

  it("finds the known value behind a target made by a known change", async () => {
    const target = targetOf({ hw_halving_years: 2 }, median);
    const out = await solve("hw_halving_years", median, target);
    expect(out.status).toBe("solved");
    expect(out.value!).toBeCloseTo(2, 1);
    expect(Math.abs(out.achieved! - target)).toBeLessThanOrEqual(0.05);
    expect(out.input).toEqual({ name: "hw_halving_years", value: out.value });
    expect(out.message).toMatch(/^Hardware cost halving time at 2(\.\d+)? years gives a median year of 20\d\d\.\d/);
  });

  it("solves P(by year) targets, log-scale inputs, distributions by their median, and table cells", async () => {
    const p2036: Metric = { kind: "probBy", year: 2036 };
    const flop = await solve("flop_per_dollar_2020", p2036, targetOf({ flop_per_dollar_2020: 1e18 }, p2036));
    expect(flop.status).toBe("solved");
    expect(Math.log10(flop.value!)).toBeCloseTo(18, 1);

    const shifted: Distribution = { kind: "ci90", shape: "normal", p5: -1, p95: 3 };
    const extra = await solve("extra_uncertainty_ooms", median, targetOf({ extra_uncertainty_ooms: shifted }, median));
    expect(extra.status).toBe("solved");
    expect(extra.value!).toBeCloseTo(1, 1);
    expect(extra.input!.value).toMatchObject({ kind: "ci90", shape: "normal" });

    const rows = (w: number) => [w, 30, 15, 5, 10, 10, 10].map((weight) => ({ weight }));
    const short = await solve("anchors.0", median, targetOf({ anchors: rows(40) }, median));
    expect(short.status).toBe("solved");
    expect(Math.abs(short.value! - 40)).toBeLessThanOrEqual(1.5);
    expect(solvableIds(bioAnchors, base).map((x) => x.id)).toContain("anchors.6");
    expect(solveParameter(bioAnchors, base, "low_end_update")).toBeNull();
  });

  it("says so honestly when no value in the input's range reaches the target", async () => {
    const out = await solve("gdp_growth", median, 2026);
    expect(out.status).toBe("unreachable");
    expect(out.value).toBeUndefined();
    expect(out.closest).toBeDefined();
    expect(out.message).toMatch(/^No value of gdp growth from -5%\/year to 30%\/year gets the median year to 2026\.0: across that range it goes from 20\d\d\.\d to 20\d\d\.\d\./);
  });

  it("works on a deterministic model through the same interface", async () => {
    const scaling = getModel("scaling-laws")!;
    const inputs = resolveInputs(scaling, {});
    const metric: Metric = { kind: "headline", key: scaling.compute(inputs, { seed: 1, sampleCount: 1 }).headlines[0]!.key };
    const ev: BatchEvaluate = async (runs) => evaluateRuns(scaling, { options: { seed: 1, sampleCount: 1 }, metric, runs });
    const target = (await ev([{ ...inputs, N: 2e11 }]))[0]!;
    const out = await solveFor(solveParameter(scaling, inputs, "N")!, inputs, { metric, value: target }, ev);
    expect(out.status).toBe("solved");
    expect(out.value! / 2e11).toBeCloseTo(1, 2);
  });
});
