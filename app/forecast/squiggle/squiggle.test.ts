import { describe, expect, it } from "vitest";
import { codeDiff, diffSummary } from "./code-diff";
import { prepareSquiggleRun, squiggleSeed } from "./model";
import { applyInputs, labelFromName, literalInputs, renderSquiggleValue, skeleton, squiggleNumber } from "./params";
import { summarizeOutput } from "./result";
import type { ProgramAnalysis } from "./types";

const SOURCE = "growth = 1.5 to 4\ntarget :: flop = 1e28\nexport y :: year = 2025 + log10(target) / log10(growth)\n";
// What the sandbox reads from SOURCE (server/squiggle/analyze.ts): spans are offsets of the values.
const ANALYSIS: ProgramAnalysis = {
  parameters: [
    { name: "growth", label: "Growth", description: "", unit: "", value: { kind: "ci90", shape: "lognormal", p5: 1.5, p95: 4 }, span: { start: 9, end: 17, line: 1, column: 10 } },
    { name: "target", label: "Target", description: "", unit: "flop", value: 1e28, span: { start: 35, end: 39, line: 2, column: 18 } },
  ],
  output: { name: "y", label: "Y", description: "", unit: "year", line: 3 },
};

describe("Squiggle parameters", () => {
  it("write numbers as the shortest literal that reads back exactly", () => {
    for (const x of [0, 3, -2.5, 1e28, 2.5e-7, 0.1 + 0.2, 123456789.123]) expect(Number(squiggleNumber(x))).toBe(x);
    expect(squiggleNumber(1e21)).toBe("1e21");
    expect(() => squiggleNumber(Infinity)).toThrow();
  });

  it("write each distribution kind in Squiggle's own syntax", () => {
    expect(renderSquiggleValue({ kind: "ci90", shape: "lognormal", p5: 1, p95: 10 })).toBe("1 to 10");
    expect(renderSquiggleValue({ kind: "ci90", shape: "normal", p5: -1, p95: 3 })).toBe("normal({p5: -1, p95: 3})");
    expect(renderSquiggleValue({ kind: "normal", mean: 5, sd: 2 })).toBe("normal(5, 2)");
    expect(renderSquiggleValue({ kind: "uniform", min: 0, max: 1 })).toBe("uniform(0, 1)");
    expect(renderSquiggleValue({ kind: "point", value: 4 })).toBe("4");
    expect(renderSquiggleValue({ kind: "mixture", components: [{ weight: 0.3, dist: { kind: "point", value: 1 } }, { weight: 0.7, dist: { kind: "ci90", shape: "lognormal", p5: 2, p95: 3 } }] })).toBe(
      "mixture(1, 2 to 3, [0.3, 0.7])",
    );
    // Squiggle's two-number lognormal takes the mean and sd of ln(x).
    expect(renderSquiggleValue({ kind: "lognormal", median: Math.E, sdOom: 0.5 })).toBe(`lognormal(1, ${squiggleNumber(0.5 * Math.LN10)})`);
  });

  it("rewrite only the changed parameters, in place, leaving the rest of the text alone", () => {
    expect(applyInputs(SOURCE, ANALYSIS, {})).toBe(SOURCE);
    expect(applyInputs(SOURCE, ANALYSIS, { growth: ANALYSIS.parameters[0]!.value, target: 1e28 })).toBe(SOURCE);
    expect(applyInputs(SOURCE, ANALYSIS, { growth: { kind: "normal", mean: 2, sd: 0.5 }, target: 3e29 })).toBe(
      "growth = normal(2, 0.5)\ntarget :: flop = 3e29\nexport y :: year = 2025 + log10(target) / log10(growth)\n",
    );
  });

  it("tell a change of values from a change of structure", () => {
    expect(skeleton(SOURCE, ANALYSIS)).not.toContain("1.5 to 4");
    expect(literalInputs(ANALYSIS)).toEqual({ growth: ANALYSIS.parameters[0]!.value, target: 1e28 });
  });

  it("read variable names as labels", () => {
    expect(labelFromName("flopPerDollar2025")).toBe("Flop per dollar 2025");
    expect(labelFromName("gpu_hours")).toBe("Gpu hours");
  });
});

describe("prepareSquiggleRun", () => {
  it("validates inputs against the program's parameters and keys the cache by program, interpreter and inputs", () => {
    const a = prepareSquiggleRun(SOURCE, ANALYSIS, { target: 1e29 });
    const b = prepareSquiggleRun(SOURCE, ANALYSIS, { target: 1e29 });
    const c = prepareSquiggleRun(`${SOURCE}\n`, ANALYSIS, { target: 1e29 });
    if (!a.ok || !b.ok || !c.ok) throw new Error("should prepare");
    expect(a.inputsHash).toBe(b.inputsHash);
    expect(a.inputsHash).not.toBe(c.inputsHash);
    expect(a.code).toContain("target :: flop = 1e29");
    // The seed comes from the program, not its values: parameter forks share random numbers.
    expect(a.options.seed).toBe(squiggleSeed(SOURCE));
    expect(prepareSquiggleRun(SOURCE, ANALYSIS, {}).ok && prepareSquiggleRun(SOURCE, ANALYSIS, {})).toMatchObject({ options: { seed: a.options.seed, sampleCount: 10_000 } });
  });

  it("refuses unknown parameters, bad values and sample counts outside the cap, by name", () => {
    const r = prepareSquiggleRun(SOURCE, ANALYSIS, { nope: 1, growth: { kind: "ci90", shape: "lognormal", p5: 4, p95: 1 } }, { sampleCount: 5_000_000 });
    expect(r.ok).toBe(false);
    const text = r.ok ? "" : r.errors.map((e) => `${e.path}: ${e.message}`).join("\n");
    expect(text).toMatch(/nope/);
    expect(text).toMatch(/growth.*5th percentile must be below the 95th/);
    expect(text).toMatch(/sampleCount: .*1,000 to 100,000/);
  });
});

describe("summarizeOutput", () => {
  const decl = { name: "y", label: "The event", description: "", unit: "year", line: 3 };

  it("reads a year distribution like Bio Anchors: CDF by year and the same headlines", () => {
    const years = Array.from({ length: 1000 }, (_, i) => 2030 + (i / 999) * 20);
    const s = summarizeOutput(decl, { type: "samples", values: years });
    if (!s.ok) throw new Error(s.message);
    expect(s.result.headlines.map((h) => h.key)).toEqual(["median", "p10", "p90", "p2030", "p2036", "p2050", "p2100"]);
    expect(s.result.headlines[0]!.value).toBe(2040);
    expect(s.result.series.cdf![0]).toEqual({ year: 2025, p: 0 });
    expect(s.result.output).toEqual({ kind: "year", label: "The event", unit: "year" });
    const late = summarizeOutput(decl, { type: "samples", values: [2200, 2300] });
    expect(late.ok && late.result.headlines[0]!.value).toBeNull();
  });

  it("reads a quantity's quantiles and picks a log axis for wide positive spreads", () => {
    const values = Array.from({ length: 2001 }, (_, i) => 10 ** (20 + (i / 2000) * 6));
    const s = summarizeOutput({ ...decl, unit: "FLOP" }, { type: "samples", values });
    if (!s.ok) throw new Error(s.message);
    expect(s.result.output).toMatchObject({ kind: "quantity", scale: "log" });
    expect(Math.log10(s.result.headlines.find((h) => h.key === "q50")!.value!)).toBeCloseTo(23, 5);
    const narrow = summarizeOutput({ ...decl, unit: "" }, { type: "samples", values: [-1, 0, 1, 2] });
    expect(narrow.ok && narrow.result.output?.scale).toBe("linear");
  });

  it("reads a number from 0 to 1 as a probability and refuses other numbers, and samples with no finite value", () => {
    const p = summarizeOutput({ ...decl, unit: "" }, { type: "number", value: 0.35 });
    expect(p.ok && p.result.headlines).toEqual([{ key: "probability", label: "The event", format: "probability", value: 0.35 }]);
    expect(summarizeOutput({ ...decl, unit: "" }, { type: "number", value: 42 }).ok).toBe(false);
    expect(summarizeOutput(decl, { type: "samples", values: [NaN, Infinity] }).ok).toBe(false);
    const some = summarizeOutput(decl, { type: "samples", values: [2030, NaN, 2031] });
    expect(some.ok && some.result.notes.join(" ")).toMatch(/1 of 3 samples were not finite/);
  });
});

describe("codeDiff", () => {
  it("numbers the lines on both sides and counts what was added and removed", () => {
    const d = codeDiff("a = 1\nb = 2\nc = 3\n", "a = 1\nb = 20\nc = 3\nd = 4\n");
    expect([d.added, d.removed]).toEqual([2, 1]);
    const lines = d.hunks.flatMap((h) => h.lines);
    expect(lines.find((l) => l.kind === "del")).toEqual({ kind: "del", old: 2, new: null, text: "b = 2" });
    expect(lines.filter((l) => l.kind === "add").map((l) => [l.new, l.text])).toEqual([
      [2, "b = 20"],
      [4, "d = 4"],
    ]);
    expect(codeDiff("x\n", "x\n").hunks).toEqual([]);
  });

  it("says a change in words, leaving out a side with nothing on it", () => {
    expect(diffSummary({ added: 2, removed: 1 })).toBe("2 lines added, 1 line removed");
    expect(diffSummary({ added: 0, removed: 3 })).toBe("3 lines removed");
    expect(diffSummary({ added: 0, removed: 0 })).toBe("No lines changed");
  });
});
