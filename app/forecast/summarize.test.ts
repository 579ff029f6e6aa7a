import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleMany } from "./distributions";
import { createRng } from "./rng";
import { cdfFromArrivalCounts, cdfFromArrivalYears, firstYearReaching, histogram, mean, median, packCdf, percentiles, probabilityAtYear, probabilityByYear, quantileSeBinomial, quantileSeDensity, quantileSorted, seMean, seProportion, sortedCopy, unpackCdf, yearAtProbability, yearQuantileSe } from "./summarize";

describe("summaries", () => {
  it("computes percentiles, median and mean without touching the input", () => {
    const xs = new Float64Array([5, 1, 4, 2, 3]);
    expect(percentiles(xs, [0, 0.25, 0.5, 1])).toEqual([1, 2, 3, 5]);
    expect(median(xs)).toBe(3);
    expect(mean(xs)).toBe(3);
    expect(Array.from(xs)).toEqual([5, 1, 4, 2, 3]);
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
  });

  it("keeps quantiles ordered and inside the data range (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }), (arr) => {
        const qs = percentiles(arr, [0, 0.1, 0.5, 0.9, 1]);
        for (let i = 1; i < qs.length; i++) expect(qs[i]).toBeGreaterThanOrEqual(qs[i - 1]);
        // == rather than toBe: -0 and 0 are the same quantile
        expect(qs[0] === Math.min(...arr)).toBe(true);
        expect(qs[4] === Math.max(...arr)).toBe(true);
      }),
    );
  });

  it("gives Monte Carlo standard errors of a mean and a proportion", () => {
    const xs = sampleMany({ kind: "normal", mean: 0, sd: 2 }, createRng(1), 40_000);
    expect(seMean(xs)).toBeCloseTo(2 / 200, 3);
    expect(seProportion(0.5, 10_000)).toBeCloseTo(0.005, 10);
    expect(seProportion(0, 100)).toBe(0);
  });

  it("gives the se of a quantile by both the binomial and the density method", () => {
    const n = 40_000;
    const sorted = sortedCopy(sampleMany({ kind: "normal", mean: 0, sd: 1 }, createRng(2), n));
    const density = 1 / Math.sqrt(2 * Math.PI);
    const expected = Math.sqrt(0.25 / n) / density; // ≈ 0.00627
    expect(quantileSeDensity(0.5, n, density)).toBeCloseTo(expected, 10);
    expect(Math.abs(quantileSeBinomial(sorted, 0.5) / expected - 1)).toBeLessThan(0.2);
  });

  it("bins values into a histogram", () => {
    const bins = histogram([0.5, 1.5, 1.7, 9.9, 12, -3], { min: 0, max: 10, binWidth: 2 });
    expect(bins.map((b) => b.count)).toEqual([3, 0, 0, 0, 1]);
    const clamped = histogram([12, -3], { min: 0, max: 10, binWidth: 5, clamp: true });
    expect(clamped.map((b) => b.count)).toEqual([1, 1]);
    expect(clamped[0].share).toBe(0.5);
  });

  it("builds a CDF over years and finds the first year it reaches p", () => {
    const cdf = cdfFromArrivalCounts([1, 0, 2, 1], 10, 2025);
    expect(cdf).toEqual([
      { year: 2025, p: 0.1 },
      { year: 2026, p: 0.1 },
      { year: 2027, p: 0.3 },
      { year: 2028, p: 0.4 },
    ]);
    expect(firstYearReaching(cdf, 0.3)).toBe(2027);
    expect(firstYearReaching(cdf, 0.5)).toBeNull();
    expect(probabilityByYear(cdf, 2026)).toBe(0.1);
    expect(probabilityByYear(cdf, 2000)).toBe(0);
    expect(cdfFromArrivalYears([2020, 2026.5, Infinity, NaN], 2025, 2030).map((p) => p.p)).toEqual([
      0.25, 0.25, 0.5, 0.5, 0.5, 0.5,
    ]);
    const se = yearQuantileSe(cdf, 0.3, 10);
    expect(se).toBeGreaterThan(0);
    expect(yearQuantileSe(cdf, 0.9, 10)).toBeUndefined();
  });
});

describe("fractional years", () => {
  const cdf = [
    { year: 2025, p: 0.1 },
    { year: 2026, p: 0.3 },
    { year: 2027, p: 0.3 },
    { year: 2028, p: 0.7 },
  ];

  it("reads the year a probability is reached on a straight line between whole years", () => {
    expect(yearAtProbability(cdf, 0.2)).toBeCloseTo(2025.5, 10);
    expect(yearAtProbability(cdf, 0.5)).toBeCloseTo(2027.5, 10);
    expect(yearAtProbability(cdf, 0.3)).toBe(2026);
    expect(yearAtProbability(cdf, 0.05)).toBe(2025); // everything earlier is counted at the first year
    expect(yearAtProbability(cdf, 0.8)).toBeNull();
  });

  it("rounds up to the whole-year headline: the first year by which p is reached (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 2, maxLength: 40 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (steps, p) => {
        let acc = 0;
        const points = steps.map((s, i) => ({ year: 2025 + i, p: Math.min(1, (acc += s)) }));
        const x = yearAtProbability(points, p);
        const whole = firstYearReaching(points, p);
        if (whole === null) expect(x).toBeNull();
        else expect(Math.ceil(x as number)).toBe(whole);
      }),
    );
  });

  it("reads P(by year) at any year in range, and nothing outside it", () => {
    expect(probabilityAtYear(cdf, 2026)).toBe(0.3);
    expect(probabilityAtYear(cdf, 2027.25)).toBeCloseTo(0.4, 10);
    expect(probabilityAtYear(cdf, 2024)).toBeNull();
    expect(probabilityAtYear(cdf, 2029)).toBeNull();
    expect(probabilityAtYear(cdf, NaN)).toBeNull();
  });

  it("inverts yearAtProbability inside the range (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.11, max: 0.69, noNaN: true }), (p) => {
        const x = yearAtProbability(cdf, p) as number;
        expect(probabilityAtYear(cdf, x)).toBeCloseTo(p, 9);
      }),
    );
  });
});

describe("packCdf / unpackCdf", () => {
  it("reads back exactly the curve it packed, awkward floats included", () => {
    const curve = [
      { year: 2025, p: 0 },
      { year: 2026, p: 0.1 + 0.2 },
      { year: 2027, p: 1 / 3 },
      { year: 2028, p: 1e-7 },
      { year: 2029, p: 0.9999999999999999 },
    ];
    const packed = packCdf(curve);
    expect(packed).toBe("2025 0,2026 0.30000000000000004,2027 0.3333333333333333,2028 1e-7,2029 0.9999999999999999");
    expect(unpackCdf(packed)).toEqual(curve);
    expect(unpackCdf(packCdf([]))).toEqual([]);
  });
});
