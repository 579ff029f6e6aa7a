import { describe, expect, it } from "vitest";
import { aggregateAnswers, geometricMeanOfOdds, latestByAuthor, median, poolStated, type QuickAnswerSource } from "./aggregate";
import { quickDateModel } from "./date";
import { quickProbabilityModel } from "./probability";
import { quickQuantityModel } from "./quantity";
import { statedDistribution, statedQuantile } from "./quantiles";
import { formatInputValue } from "../diff";
import type { ForecastModel, Inputs } from "../types";

describe("median", () => {
  it("is the middle answer, or the mean of the middle two", () => {
    // 35%, 22%, 5% sorted: 5%, 22%, 35% → the middle one is 22%.
    expect(median([0.35, 0.22, 0.05])).toBe(0.22);
    // 35%, 22%, 5%, 60% sorted: 5%, 22%, 35%, 60% → (22% + 35%) / 2 = 28.5%.
    expect(median([0.35, 0.22, 0.05, 0.6])).toBeCloseTo(0.285, 15);
    expect(median([0.4])).toBe(0.4);
    expect(median([])).toBeNull();
  });
});

describe("geometric mean of odds", () => {
  it("matches the hand computation for three answers", () => {
    // Odds: 35% → 0.35/0.65 = 7/13; 22% → 0.22/0.78 = 11/39; 5% → 0.05/0.95 = 1/19.
    // Product: (7 × 11 × 1) / (13 × 39 × 19) = 77 / 9633 = 0.0079933562.
    // Geometric mean: (77 / 9633)^(1/3) = 0.1999446194.
    // Back to a probability: 0.1999446194 / (1 + 0.1999446194) = 0.1666282062 → 16.7%.
    const odds = (77 / 9633) ** (1 / 3);
    expect(odds).toBeCloseTo(0.1999446194, 9);
    expect(geometricMeanOfOdds([0.35, 0.22, 0.05])).toBeCloseTo(odds / (1 + odds), 12);
    expect(geometricMeanOfOdds([0.35, 0.22, 0.05])).toBeCloseTo(0.1666282062, 9);
  });

  it("matches the hand computation for four answers", () => {
    // Add 60% → odds 0.6/0.4 = 3/2. Product: (7 × 11 × 1 × 3) / (13 × 39 × 19 × 2) = 231 / 19266 = 0.0119900343.
    // Fourth root: 0.3309063536; as a probability 0.3309063536 / 1.3309063536 = 0.2486323344 → 24.9%.
    expect(231 / 19266).toBeCloseTo(0.0119900343, 10);
    expect(geometricMeanOfOdds([0.35, 0.22, 0.05, 0.6])).toBeCloseTo(0.2486323344, 9);
  });

  it("is symmetric: it treats yes and no alike, unlike the arithmetic mean of probabilities", () => {
    const ps = [0.02, 0.3, 0.5];
    const yes = geometricMeanOfOdds(ps)!;
    const no = geometricMeanOfOdds(ps.map((p) => 1 - p))!;
    expect(yes + no).toBeCloseTo(1, 12);
    expect(geometricMeanOfOdds([0.5, 0.5])).toBeCloseTo(0.5, 15);
  });

  it("needs answers strictly between 0 and 1", () => {
    expect(geometricMeanOfOdds([])).toBeNull();
    expect(geometricMeanOfOdds([0.2, 1])).toBeNull();
    expect(geometricMeanOfOdds([0, 0.2])).toBeNull();
  });
});

const question = { question: "Will a training run of 1e27 FLOP be reported?", deadline: "2028-12-31" };
const answer = (author: string, at: number, probability: number, extra: Partial<QuickAnswerSource> = {}): QuickAnswerSource => ({
  authorKey: author,
  authorName: author,
  forecastId: at,
  commentId: at,
  createdAt: at,
  inputs: { ...question, probability },
  asker: false,
  ...extra,
});
const format = (model: typeof quickProbabilityModel) => (inputs: Inputs) => {
  const def = model.inputs.find((d) => d.name === (model.quick === "probability" ? "probability" : "answer"))!;
  return formatInputValue(def, inputs[def.name]!);
};

describe("aggregateAnswers (probability)", () => {
  it("counts each author's latest answer once, the asker's included", () => {
    const sources = [
      answer("Ada", 1, 0.35, { asker: true, commentId: null }),
      answer("Tomás", 2, 0.4),
      answer("Priya", 3, 0.05),
      answer("Tomás", 4, 0.22), // Tomás changed his mind: only 22% counts
    ];
    const agg = aggregateAnswers(quickProbabilityModel, sources, format(quickProbabilityModel))!;
    expect(agg.answers.map((a) => [a.authorName, a.value, a.asker])).toEqual([
      ["Priya", 0.05, false],
      ["Tomás", 0.22, false],
      ["Ada", 0.35, true],
    ]);
    expect(agg.answers.map((a) => a.text)).toEqual(["5%", "22%", "35%"]);
    const [med, gmo] = agg.headlines;
    expect(med).toMatchObject({ key: "median", label: "Median", value: 0.22 });
    expect(gmo).toMatchObject({ key: "geo_mean_odds", label: "Geometric mean of odds" });
    expect(gmo!.value).toBeCloseTo(0.1666282062, 9);
    expect(agg.summary).toBe("3 answers · median 22% · geometric mean of odds 16.7%");
  });

  it("breaks ties in time by the later forecast", () => {
    const latest = latestByAuthor([
      { authorKey: 1, createdAt: 5, forecastId: 9 },
      { authorKey: 1, createdAt: 5, forecastId: 10 },
      { authorKey: 2, createdAt: 7, forecastId: 3 },
    ]);
    expect(latest.map((l) => l.forecastId).sort()).toEqual([10, 3].sort());
  });
});

describe("stated percentiles", () => {
  it("reproduce every stated percentile exactly and are monotone", () => {
    const d = statedDistribution(
      [
        { p: 0.05, value: 2027 },
        { p: 0.5, value: 2031 },
        { p: 0.95, value: 2045 },
      ],
      "linear",
    )!;
    expect(statedQuantile(d, 0.05)).toBeCloseTo(2027, 9);
    expect(statedQuantile(d, 0.5)).toBeCloseTo(2031, 9);
    expect(statedQuantile(d, 0.95)).toBeCloseTo(2045, 9);
    // Right-skewed: the upper half is wider than the lower half.
    expect(statedQuantile(d, 0.75) - 2031).toBeGreaterThan(2031 - statedQuantile(d, 0.25));
  });

  it("a 90% interval alone is the normal (linear) or lognormal (log) through it", () => {
    const lin = statedDistribution([{ p: 0.05, value: 10 }, { p: 0.95, value: 30 }], "linear")!;
    expect(statedQuantile(lin, 0.5)).toBeCloseTo(20, 12);
    // sd = (30 − 10) / (2 × 1.6448536) = 6.0795; the 84.13th percentile is mean + 1 sd.
    expect(statedQuantile(lin, 0.8413447460685429)).toBeCloseTo(20 + 20 / (2 * 1.6448536269514722), 9);
    const log = statedDistribution([{ p: 0.05, value: 1e24 }, { p: 0.95, value: 1e28 }], "log")!;
    expect(statedQuantile(log, 0.5)).toBeCloseTo(1e26, -14);
  });

  it("are refused out of order or on a log scale at or below zero", () => {
    expect(statedDistribution([{ p: 0.05, value: 5 }], "linear")).toBeNull();
    expect(statedDistribution([{ p: 0.5, value: 5 }, { p: 0.05, value: 9 }], "linear")).toBeNull();
    expect(statedDistribution([{ p: 0.05, value: 5 }, { p: 0.95, value: 5 }], "linear")).toBeNull();
    expect(statedDistribution([{ p: 0.05, value: 0 }, { p: 0.95, value: 5 }], "log")).toBeNull();
  });
});


/** Ada asks (the post's forecast) and Tomás answers in a reply: the two-answer thread. */
function askedAndAnswered(model: ForecastModel, ada: Inputs, tomas: Inputs) {
  return aggregateAnswers(
    model,
    [
      { authorKey: 1, authorName: "Ada", forecastId: 1, commentId: null, createdAt: 1, inputs: ada, asker: true },
      { authorKey: 2, authorName: "Tomás", forecastId: 2, commentId: 5, createdAt: 2, inputs: tomas, asker: false },
    ],
    format(model),
  )!;
}
describe("pooled dates and quantities", () => {
  it("the pool of two answers is their equal-weight mixture", () => {
    const a = statedDistribution([{ p: 0.05, value: 2026 }, { p: 0.95, value: 2030 }], "linear")!;
    const b = statedDistribution([{ p: 0.05, value: 2040 }, { p: 0.95, value: 2044 }], "linear")!;
    const pool = poolStated([a, b], "linear")!;
    // Both answers are far apart: by 2035, the first is all but certain and the second has barely begun.
    expect(pool.cdfAxis(2035)).toBeCloseTo(0.5, 6);
    // Its 25th percentile is the first answer's median; its 75th the second's.
    expect(pool.quantileAxis(0.25)).toBeCloseTo(2028, 6);
    expect(pool.quantileAxis(0.75)).toBeCloseTo(2042, 6);
    // The pool of one answer is that answer.
    const one = poolStated([a], "linear")!;
    expect(one.quantileAxis(0.05)).toBeCloseTo(2026, 8);
  });

  it("aggregates date answers into a pooled result with a CDF by year", () => {
    const inputs = (p5: number, p95: number) => ({ question: "When?", answer: [{ p: 0.05, value: p5 }, { p: 0.95, value: p95 }] });
    const agg = askedAndAnswered(quickDateModel, inputs(2026, 2030), inputs(2040, 2044));
    expect(agg.answers.map((a) => a.text)).toEqual(["90% interval 2026 to 2030", "90% interval 2040 to 2044"]);
    expect(agg.headlines[0]!.value).toBeCloseTo(2035, 3);
    const cdf = agg.pooled!.series.cdf!;
    expect(cdf.length).toBeGreaterThan(10);
    for (let i = 1; i < cdf.length; i++) expect(cdf[i]!.p as number).toBeGreaterThanOrEqual(cdf[i - 1]!.p as number);
    // The pool's 5th percentile is where the first answer alone is at 10%: its mean 2028 minus
    // 1.2816 of its sd (4 / 3.2897 = 1.216 years) = 2026.4; the 95th mirrors it at 2043.6.
    expect(agg.headlines[1]!.value).toBeCloseTo(2028 - 1.2815515655 * (4 / (2 * 1.6448536269514722)), 6);
    expect(agg.summary).toBe("2 answers · pooled median 2035 · 90% interval 2026 to 2044");
  });

  it("pools quantities on a log axis in orders of magnitude", () => {
    const inputs = (p5: number, p95: number) => ({ question: "How many FLOP?", unit: "FLOP", scale: "log", answer: [{ p: 0.05, value: p5 }, { p: 0.95, value: p95 }] });
    const agg = askedAndAnswered(quickQuantityModel, inputs(1e25, 1e27), inputs(1e25, 1e27));
    expect(agg.headlines[0]).toMatchObject({ key: "median", label: "Median (FLOP)" });
    expect(Math.log10(agg.headlines[0]!.value!)).toBeCloseTo(26, 9);
    expect(agg.summary).toBe("2 answers · pooled median 1e26 FLOP · 90% interval 1e25 FLOP to 1e27 FLOP");
  });
});
