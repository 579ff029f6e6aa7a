import { describe, expect, it } from "vitest";
import { getModel, listModels, runModel } from "../index";
import { normalCdf, normalQuantile } from "./normal";
import { formatDay } from "./common";

describe("normal CDF and quantile", () => {
  it("hit known values and invert each other", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 15);
    for (const p of [1e-6, 0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.77, 0.95, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(Number.isNaN(normalQuantile(2))).toBe(true);
  });
});

const ask = { question: "Will a training run of 1e27 FLOP be reported?", deadline: "2028-12-31", probability: 0.35 };

describe("quick models", () => {
  it("are registered beside the built-ins", () => {
    const ids = listModels().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["bio-anchors", "quick-probability", "quick-date", "quick-quantity"]));
    expect(getModel("quick-probability")!.quick).toBe("probability");
  });

  it("a probability is its own headline and carries its question", () => {
    const out = runModel("quick-probability", ask);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.headlines).toEqual([{ key: "probability", label: "Probability", format: "probability", value: 0.35 }]);
    expect(out.result.series.question).toEqual([{ text: ask.question, deadline: "2028-12-31" }]);
    expect(formatDay("2028-12-31")).toBe("31 December 2028");
  });

  it("refuses an empty or multi-line question, an impossible date and certainty", () => {
    const errors = (inputs: Record<string, unknown>) => {
      const out = runModel("quick-probability", inputs);
      return out.ok ? [] : out.errors;
    };
    expect(errors({ ...ask, question: "" })).toEqual([{ path: "question", message: "Question: this cannot be empty" }]);
    expect(errors({ ...ask, question: "two\nlines" })[0]!.message).toMatch(/one line/);
    expect(errors({ ...ask, question: " padded" })[0]!.message).toMatch(/spaces/);
    expect(errors({ ...ask, question: "x".repeat(301) })[0]!.message).toMatch(/at most 300 characters/);
    expect(errors({ ...ask, deadline: "2028-02-30" })[0]).toMatchObject({ path: "deadline", message: expect.stringMatching(/like 2028-12-31/) });
    expect(errors({ ...ask, probability: 1 })[0]).toMatchObject({ path: "probability", message: expect.stringMatching(/at most 99.9%/) });
    expect(errors({ ...ask, probability: 0 })[0]!.message).toMatch(/at least 0.1%/);
    expect(errors({ ...ask, probability: "35%" })[0]!.message).toMatch(/must be a number/);
  });

  it("a date from a 90% interval or from percentiles, checked for order", () => {
    const out = runModel("quick-date", { question: "When will a model score 90% on MMLU-Pro?", answer: [{ p: 0.05, value: 2026 }, { p: 0.5, value: 2028 }, { p: 0.95, value: 2035 }] });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const h = Object.fromEntries(out.result.headlines.map((x) => [x.key, x.value]));
    expect(h.median).toBeCloseTo(2028, 9);
    expect(h.p5).toBeCloseTo(2026, 9);
    expect(h.p95).toBeCloseTo(2035, 9);
    expect(out.result.series.stated).toEqual([{ p: 0.05, year: 2026 }, { p: 0.5, year: 2028 }, { p: 0.95, year: 2035 }]);
    const bad = runModel("quick-date", { question: "When?", answer: [{ p: 0.05, value: 2030 }, { p: 0.95, value: 2028 }] });
    expect(bad.ok ? [] : bad.errors).toEqual([{ path: "answer.1.value", message: "Year: the 95th percentile (2028) must be above the 5th (2030)" }]);
    const unordered = runModel("quick-date", { question: "When?", answer: [{ p: 0.5, value: 2030 }, { p: 0.05, value: 2028 }] });
    expect(unordered.ok ? [] : unordered.errors[0]!.message).toMatch(/from the lowest up/);
    const one = runModel("quick-date", { question: "When?", answer: [{ p: 0.5, value: 2030 }] });
    expect(one.ok ? [] : one.errors[0]!.message).toMatch(/state 2 to 9 percentiles/);
    const extra = runModel("quick-date", { question: "When?", answer: [{ p: 0.05, value: 2028, q: 1 }, { p: 0.95, value: 2030 }] });
    expect(extra.ok ? [] : extra.errors[0]!.message).toMatch(/unexpected field "q"/);
  });

  it("a quantity on a log axis needs positive values; on a linear one it may go negative", () => {
    const base = { question: "How many FLOP?", unit: "FLOP", answer: [{ p: 0.05, value: 1e25 }, { p: 0.95, value: 1e27 }] };
    const log = runModel("quick-quantity", base);
    expect(log.ok).toBe(true);
    if (log.ok) {
      expect(log.result.headlines[0]).toMatchObject({ label: "Median (FLOP)" });
      expect(Math.log10(log.result.headlines[0]!.value!)).toBeCloseTo(26, 9);
    }
    const neg = { ...base, answer: [{ p: 0.05, value: -5 }, { p: 0.95, value: 10 }] };
    const refused = runModel("quick-quantity", neg);
    expect(refused.ok ? [] : refused.errors).toEqual([{ path: "answer.0.value", message: expect.stringMatching(/log axis every value must be above 0/) }]);
    const linear = runModel("quick-quantity", { ...neg, scale: "linear" });
    expect(linear.ok && linear.result.headlines[0]!.value).toBeCloseTo(2.5, 9);
  });
});
