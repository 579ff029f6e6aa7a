import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { aggregateAnswers, formatInputValue, getModel, runModel, type ForecastResult, type Inputs } from "../forecast/index";
// The renderer is server code; the tests of the chart builders drive it on purpose.
import { renderSvg } from "../utils/chart-svg.server";
import { describeResult, describeShift, forecastSpec, overlaySpec, quickCommunitySpec, resultTable } from "./index";

function run(modelId: string, inputs: object): ForecastResult {
  const out = runModel(modelId, inputs);
  if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("; "));
  return out.result;
}

function warningsOf(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  const logger = { level: () => logger, error: (...m: unknown[]) => (warnings.push(`error: ${m.join(" ")}`), logger), warn: (...m: unknown[]) => (warnings.push(m.join(" ")), logger), info: () => logger, debug: () => logger };
  expect(compile(spec, { logger: logger as never }).spec).toBeTruthy();
  return warnings;
}

/** Every text in the SVG, with its font size. */
const fontSizes = (svg: string) => [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));

const Q = { question: "Will a training run of 1e27 FLOP be reported?", deadline: "2028-12-31" };
const prob = (p: number) => run("quick-probability", { ...Q, probability: p });
const D = { question: "When will a model score 90% on MMLU-Pro?" };
const date = (...v: number[]) => run("quick-date", { ...D, answer: v.length === 2 ? [{ p: 0.05, value: v[0] }, { p: 0.95, value: v[1] }] : [{ p: 0.05, value: v[0] }, { p: 0.5, value: v[1] }, { p: 0.95, value: v[2] }] });
const QTY = { question: "How many FLOP will the largest run of 2027 use?", unit: "FLOP" };
const qty = (a: number, b: number, scale = "log") => run("quick-quantity", { ...QTY, scale, answer: [{ p: 0.05, value: a }, { p: 0.95, value: b }] });

function community(id: string, results: ForecastResult[], inputs: Inputs[]) {
  const model = getModel(id)!;
  const answerDef = model.inputs.find((d) => d.name === (model.quick === "probability" ? "probability" : "answer"))!;
  const names = ["Ada", "Tomás", "Priya", "Moss"];
  const agg = aggregateAnswers(
    model,
    inputs.map((inp, i) => ({ authorKey: i, authorName: names[i]!, forecastId: i + 1, commentId: i, createdAt: i, inputs: inp, asker: i === 0 })),
    (inp) => formatInputValue(answerDef, inp[answerDef.name]!),
  )!;
  return { agg, answers: results.map((r, i) => ({ label: names[i]!, asker: i === 0, result: r })) };
}

/** The community chart at desktop and phone width, each compiled without warnings and no text under 12 px. */
async function communityCharts(answers: ReturnType<typeof community>["answers"], agg: ReturnType<typeof community>["agg"]) {
  const charts: { options: { width?: number; compact?: boolean }; svg: string }[] = [];
  for (const options of [{}, { width: 358, compact: true }]) {
    const spec = quickCommunitySpec(answers, agg, agg.summary, options);
    expect(warningsOf(spec)).toEqual([]);
    const svg = await renderSvg(spec, { label: agg.summary });
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(12);
    charts.push({ options, svg });
  }
  return charts;
}


describe("quick charts", () => {
  const p = [prob(0.35), prob(0.22), prob(0.05)];
  const d = [date(2026, 2032), date(2027, 2029, 2040)];
  const q = [qty(1e26, 1e27), qty(3e25, 5e27)];
  const cases: [string, TopLevelSpec[]][] = [
    ["probability", [forecastSpec(p[0]!), overlaySpec(p[0]!, p[1]!, { parent: "Asked", fork: "Tomás" })]],
    ["date", [forecastSpec(d[0]!), overlaySpec(d[0]!, d[1]!, { parent: "Asked", fork: "Tomás" })]],
    ["quantity", [forecastSpec(q[0]!), overlaySpec(q[0]!, q[1]!, { parent: "Asked", fork: "Tomás" }), forecastSpec(qty(-5, 20, "linear"))]],
  ];

  it.each(cases)("%s: one answer and an overlay compile cleanly and render with text of 12 px or more", async (_kind, specs) => {
    for (const spec of specs) {
      expect(warningsOf(spec)).toEqual([]);
      const svg = await renderSvg(spec, { label: "chart" });
      expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(12);
    }
  });

  it("a thread's probabilities: one row per author, the median and the geometric mean of odds as rules", async () => {
    const { agg, answers } = community("quick-probability", p, [0.35, 0.22, 0.05].map((x) => ({ ...Q, probability: x })));
    for (const { options, svg } of await communityCharts(answers, agg)) {
      expect(svg).toContain("Ada (asked)");
      // The phone's legend names the rules; their numbers stand in the headlines beside the chart.
      const wide = !("width" in options);
      expect(svg).toContain(wide ? "Median 22%" : "Median");
      expect(svg).toContain(wide ? "Geometric mean of odds 16.7%" : "Geometric mean of odds");
      expect(svg).toContain("35%");
    }
  });

  it("a thread's dates and quantities: each answer and the pooled curve", async () => {
    for (const [id, results, inputs] of [
      ["quick-date", d, [{ ...D, answer: [{ p: 0.05, value: 2026 }, { p: 0.95, value: 2032 }] }, { ...D, answer: [{ p: 0.05, value: 2027 }, { p: 0.5, value: 2029 }, { p: 0.95, value: 2040 }] }]],
      ["quick-quantity", q, [{ ...QTY, scale: "log", answer: [{ p: 0.05, value: 1e26 }, { p: 0.95, value: 1e27 }] }, { ...QTY, scale: "log", answer: [{ p: 0.05, value: 3e25 }, { p: 0.95, value: 5e27 }] }]],
    ] as const) {
      const { agg, answers } = community(id, [...results], inputs.map((i) => i as unknown as Inputs));
      for (const { svg } of await communityCharts(answers, agg)) expect(svg).toContain("Pooled");
    }
  });

  it("say in words what each answer is and what an answer changes", () => {
    expect(describeResult(p[0]!)).toBe("“Will a training run of 1e27 FLOP be reported?”, by 31 December 2028: 35%.");
    expect(describeShift(p[0]!, p[1]!)).toBe("35% → 22%");
    expect(describeResult(d[0]!)).toBe("“When will a model score 90% on MMLU-Pro?”: median 2029; 90% interval 2026 to 2032.");
    expect(describeShift(d[0]!, d[1]!)).toBe("median 2029 → 2029; 90% interval 2026 to 2032 → 2027 to 2040".replace("median 2029 → 2029", "median unchanged at 2029"));
    expect(describeResult(q[0]!)).toBe("“How many FLOP will the largest run of 2027 use?”: median 3.2e26 FLOP; 90% interval 1e26 FLOP to 1e27 FLOP.");
    expect(resultTable(p[0]!).rows).toEqual([["Will a training run of 1e27 FLOP be reported?", "35%"]]);
    expect(resultTable(q[0]!).rows).toEqual([["5th", "1e26"], ["95th", "1e27"]]);
    expect(resultTable(d[0]!).rows[0]).toEqual([expect.any(Number), expect.stringMatching(/%$/)]);
  });
});
