import { describe, expect, it } from "vitest";
import {
  describeDistribution,
  distributionMedian,
  sampleInto,
  sampleLog10Into,
  sampleMany,
  sampleOne,
  toLog10Normal,
  toNormal,
  Z90,
} from "./distributions";
import { createRng } from "./rng";
import { mean, percentiles, variance } from "./summarize";
import type { Distribution } from "./types";

const N = 200_000;
const draw = (d: Distribution, seed = 1): Float64Array => sampleMany(d, createRng(seed), N);

describe("distributions", () => {
  it("samples a point", () => {
    expect(Array.from(draw({ kind: "point", value: 3 }).subarray(0, 5))).toEqual([3, 3, 3, 3, 3]);
  });

  it("samples a normal", () => {
    const xs = draw({ kind: "normal", mean: 2, sd: 0.5 });
    expect(mean(xs)).toBeCloseTo(2, 2);
    expect(Math.sqrt(variance(xs))).toBeCloseTo(0.5, 2);
  });

  it("samples a lognormal by median and sd of log10", () => {
    const xs = draw({ kind: "lognormal", median: 1e15, sdOom: 1 });
    const [p50, p84] = percentiles(xs, [0.5, 0.8413]);
    expect(Math.log10(p50)).toBeCloseTo(15, 1);
    expect(Math.log10(p84)).toBeCloseTo(16, 1);
  });

  it("samples a 90% CI as a normal or a lognormal with those 5th and 95th percentiles", () => {
    const [n5, n95] = percentiles(draw({ kind: "ci90", shape: "normal", p5: -2, p95: 2 }), [0.05, 0.95]);
    expect(n5).toBeCloseTo(-2, 1);
    expect(n95).toBeCloseTo(2, 1);
    const [l5, l95] = percentiles(draw({ kind: "ci90", shape: "lognormal", p5: 1e13, p95: 1e17 }), [0.05, 0.95]);
    expect(Math.log10(l5)).toBeCloseTo(13, 1);
    expect(Math.log10(l95)).toBeCloseTo(17, 1);
  });

  it("samples a uniform inside its range", () => {
    const xs = draw({ kind: "uniform", min: 60, max: 70 });
    const [lo, hi] = percentiles(xs, [0, 1]);
    expect(lo).toBeGreaterThanOrEqual(60);
    expect(hi).toBeLessThan(70);
    expect(mean(xs)).toBeCloseTo(65, 1);
  });

  it("samples mixtures with the stated weights, also nested", () => {
    const d: Distribution = {
      kind: "mixture",
      components: [
        { weight: 3, dist: { kind: "point", value: 0 } },
        {
          weight: 1,
          dist: {
            kind: "mixture",
            components: [
              { weight: 1, dist: { kind: "point", value: 1 } },
              { weight: 1, dist: { kind: "point", value: 2 } },
            ],
          },
        },
      ],
    };
    const xs = draw(d);
    const share = (v: number): number => xs.filter((x) => x === v).length / N;
    expect(share(0)).toBeCloseTo(0.75, 2);
    expect(share(1)).toBeCloseTo(0.125, 2);
    expect(share(2)).toBeCloseTo(0.125, 2);
    const one = sampleOne(d, createRng(3));
    expect([0, 1, 2]).toContain(one);
  });

  it("samples log10 values directly for lognormal shapes, and via log10 otherwise", () => {
    const out = new Float64Array(N);
    sampleLog10Into({ kind: "ci90", shape: "lognormal", p5: 1e2, p95: 1e4 }, createRng(5), out);
    expect(mean(out)).toBeCloseTo(3, 2);
    sampleLog10Into({ kind: "uniform", min: 10, max: 100 }, createRng(5), out, 0, 10);
    for (let i = 0; i < 10; i++) expect(out[i] >= 1 && out[i] < 2).toBe(true);
    sampleLog10Into({ kind: "point", value: -1 }, createRng(5), out, 0, 1);
    expect(out[0]).toBeNaN();
  });

  it("fills only the requested range", () => {
    const out = new Float64Array(10).fill(-1);
    sampleInto({ kind: "normal", mean: 0, sd: 1 }, createRng(1), out, 3, 6);
    expect(out[2]).toBe(-1);
    expect(out[6]).toBe(-1);
    expect(out[4]).not.toBe(-1);
  });

  it("converts to log10-space and linear normals", () => {
    expect(toLog10Normal({ kind: "lognormal", median: 100, sdOom: 0.5 })).toEqual({ mean: 2, sd: 0.5 });
    const ci = toLog10Normal({ kind: "ci90", shape: "lognormal", p5: 1e13, p95: 1e17 });
    expect(ci?.mean).toBeCloseTo(15, 12);
    expect(ci?.sd).toBeCloseTo(2 / Z90, 12);
    expect(toLog10Normal({ kind: "normal", mean: 1, sd: 1 })).toBeNull();
    expect(toNormal({ kind: "ci90", shape: "normal", p5: -2, p95: 2 })?.sd).toBeCloseTo(2 / 1.6448536, 6);
    expect(distributionMedian({ kind: "ci90", shape: "lognormal", p5: 1e13, p95: 1e17 })).toBeCloseTo(1e15, -5);
  });

  it("describes distributions in words", () => {
    expect(describeDistribution({ kind: "ci90", shape: "lognormal", p5: 1e13, p95: 1e17 }, "FLOP/s")).toBe(
      "90% CI 1e13 to 1e17 FLOP/s",
    );
    expect(describeDistribution({ kind: "point", value: 2.5 }, "years")).toBe("2.5 years");
    expect(describeDistribution({ kind: "uniform", min: 60, max: 70 }, "OOM")).toBe("uniform 60 to 70 OOM");
    expect(describeDistribution({ kind: "lognormal", median: 1e15, sdOom: 1 }, "FLOP/s")).toContain("median 1e15");
    expect(describeDistribution({ kind: "normal", mean: 0, sd: 1 }, "")).toContain("90% CI -1.64 to 1.64");
  });
});
