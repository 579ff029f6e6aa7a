import { describe, expect, it } from "vitest";
import { bioAnchors } from "./models/bio-anchors";
import { resolveInputs } from "./schema";
import { centralValue, computeSpread, stripScale, type SpreadFork } from "./spread";
import type { Distribution, Inputs } from "./types";

const post = resolveInputs(bioAnchors, {});
const defs = bioAnchors.inputs;
let nextComment = 100;
const fork = (author: string, createdAt: number, changes: Inputs): SpreadFork => ({
  authorKey: author,
  authorName: author[0]!.toUpperCase() + author.slice(1),
  commentId: nextComment++,
  createdAt,
  inputs: { ...post, ...changes },
});
const ci90ln = (p5: number, p95: number): Distribution => ({ kind: "ci90", shape: "lognormal", p5, p95 });
const byKey = (spread: ReturnType<typeof computeSpread>, key: string) => spread.find((s) => s.key === key)!;

describe("computeSpread", () => {
  it("is empty without forks, or when no fork moves any input off the post's value", () => {
    expect(computeSpread(post, defs, [])).toEqual([]);
    expect(computeSpread(post, defs, [fork("ada", 1, {})])).toEqual([]);
  });

  it("summarises the values authors hold, with min, median and max on the input's scale", () => {
    const spread = computeSpread(post, defs, [
      fork("ada", 1, { flop_per_dollar_2020: 1e18 }),
      fork("bo", 2, { flop_per_dollar_2020: 1e16 }),
      fork("cy", 3, { flop_per_dollar_2020: 1e20, hw_halving_years: 2 }),
      fork("di", 4, { flop_per_dollar_2020: 1e18 }),
      fork("ed", 5, { hw_halving_years: 3 }),
    ]);
    const fpd = byKey(spread, "flop_per_dollar_2020");
    expect(fpd.scale).toBe("log");
    expect(fpd.holders.map((h) => [h.authorName, h.text])).toEqual([
      ["Bo", "1e16 FLOP/$"],
      ["Ada", "1e18 FLOP/$"],
      ["Di", "1e18 FLOP/$"],
      ["Cy", "1e20 FLOP/$"],
    ]);
    expect([fpd.min, fpd.median, fpd.max]).toEqual([1e16, 1e18, 1e20]);
    expect(fpd.kept).toBe(1);
    expect(fpd.forks).toBe(4);
    expect(fpd.post).toEqual({ value: 1e17, text: "1e17 FLOP/$" });
    expect(fpd.groups[0]).toEqual({ text: "1e18 FLOP/$", authors: ["Ada", "Di"] });
    expect(fpd.summary).toBe("4 authors: 1e16 – 1e20 FLOP/$ (post: 1e17 FLOP/$)");

    const hw = byKey(spread, "hw_halving_years");
    expect(hw.scale).toBe("linear");
    expect([hw.min, hw.median, hw.max]).toEqual([2, 2.5, 3]);
    // Most authors first.
    expect(spread.map((s) => s.key)).toEqual(["flop_per_dollar_2020", "hw_halving_years"]);
  });

  it("takes an even count's log-scale median as the geometric mean of the middle pair", () => {
    const fpd = byKey(computeSpread(post, defs, [fork("ada", 1, { flop_per_dollar_2020: 1e16 }), fork("bo", 2, { flop_per_dollar_2020: 1e18 })]), "flop_per_dollar_2020");
    expect(Math.log10(fpd.median!)).toBeCloseTo(17, 10);
  });

  it("counts one vote per author, at their latest fork, whatever order the forks come in", () => {
    const spread = computeSpread(post, defs, [
      fork("tomas", 30, { flop_per_dollar_2020: 1e18 }),
      fork("tomas", 10, { hw_halving_years: 2 }),
      fork("tomas", 20, { hw_halving_years: 1.5, flop_per_dollar_2020: 3e17 }),
      fork("priya", 5, { flop_per_dollar_2020: 3e17 }),
    ]);
    const fpd = byKey(spread, "flop_per_dollar_2020");
    expect(fpd.holders.map((h) => [h.authorName, h.value])).toEqual([["Priya", 3e17], ["Tomas", 1e18]]);
    expect(fpd.forks).toBe(3);
    // Tomás moved the halving time twice, then back: no current holder, still listed, last.
    const hw = byKey(spread, "hw_halving_years");
    expect(hw.holders).toEqual([]);
    expect(hw.kept).toBe(2);
    expect(hw.forks).toBe(2);
    expect(hw.median).toBeNull();
    expect(hw.summary).toBe("No author's latest fork changes it; 2 earlier forks did (post: 2.5 years)");
    expect(spread.at(-1)!.key).toBe("hw_halving_years");
  });

  it("breaks a tie in creation time by the later comment", () => {
    const a = fork("ada", 7, { hw_halving_years: 2 });
    const b = fork("ada", 7, { hw_halving_years: 3 });
    expect(byKey(computeSpread(post, defs, [b, a]), "hw_halving_years").holders.map((h) => h.value)).toEqual([3]);
  });

  it("places distribution inputs at their median and keeps the stated range for the reader", () => {
    const spread = computeSpread(post, defs, [
      fork("ada", 1, { genome_params: ci90ln(7.5e7, 7.5e9) }),
      fork("bo", 2, { genome_params: { kind: "lognormal", median: 1e10, sdOom: 1 } }),
      fork("cy", 3, { genome_params: { kind: "point", value: 1e8 } }),
    ]);
    const genome = byKey(spread, "genome_params");
    expect(genome.central).toBe(true);
    expect(genome.scale).toBe("log");
    expect(genome.post.text).toBe("7.5e8 params");
    // Ada's CI is centred on the post's median but wider: a different belief, shown at 7.5e8.
    expect(genome.holders.map((h) => [h.authorName, h.text, h.detail])).toEqual([
      ["Cy", "1e8 params", null],
      ["Ada", "7.5e8 params", "90% CI 7.5e7 to 7.5e9 params"],
      ["Bo", "1e10 params", expect.stringContaining("median 1e10")],
    ]);
    expect(genome.summary).toBe("3 authors: 1e8 – 1e10 params (post: 7.5e8 params)");
  });

  it("keeps signed distributions on a linear scale", () => {
    const s = byKey(computeSpread(post, defs, [fork("ada", 1, { extra_uncertainty_ooms: { kind: "ci90", shape: "normal", p5: -1, p95: 3 } })]), "extra_uncertainty_ooms");
    expect(s.scale).toBe("linear");
    expect(s.holders[0]!.value).toBe(1);
    expect(s.post.value).toBe(0);
  });

  it("splits a table input into one row per changed cell", () => {
    const weights = [40, 20, 10, 5, 10, 5, 10].map((weight) => ({ weight }));
    const spread = computeSpread(post, defs, [fork("priya", 1, { anchors: weights })]);
    expect(spread.map((s) => s.key).sort()).toEqual(["anchors.genome.weight", "anchors.long.weight", "anchors.medium.weight", "anchors.short.weight"]);
    const short = byKey(spread, "anchors.short.weight");
    expect(short.label).toBe("Anchor weights: Short-horizon NN");
    expect(short.summary).toBe("1 author: 40% (post: 20%)");
  });

  it("groups choice inputs by option", () => {
    const spread = computeSpread(post, defs, [fork("ada", 1, { low_end_update: "hard" }), fork("bo", 2, { low_end_update: "hard" }), fork("cy", 3, { low_end_update: "none" })]);
    const s = byKey(spread, "low_end_update");
    expect(s.kind).toBe("choice");
    expect(s.groups).toEqual([{ text: "Truncate", authors: ["Ada", "Bo"] }, { text: "None", authors: ["Cy"] }]);
    expect(s.summary).toBe("3 authors: Truncate, None (post: Shift up (ports))");
    expect(stripScale(s)).toBeNull();
  });

  it("treats an input a fork leaves out as the model default", () => {
    const partial: SpreadFork = { authorKey: 1, authorName: "Ada", commentId: 1, createdAt: 1, inputs: { hw_halving_years: 2 } };
    expect(computeSpread(post, defs, [partial]).map((s) => s.key)).toEqual(["hw_halving_years"]);
  });
});

describe("centralValue", () => {
  it("solves a mixture's median from its CDF", () => {
    const half = (a: Distribution, b: Distribution): Distribution => ({ kind: "mixture", components: [{ weight: 1, dist: a }, { weight: 1, dist: b }] });
    expect(centralValue(half({ kind: "normal", mean: 0, sd: 1 }, { kind: "normal", mean: 0, sd: 3 }))).toBeCloseTo(0, 6);
    // Symmetric in log space around 5 OOM: the median is the geometric middle.
    expect(centralValue(half(ci90ln(2, 5), ci90ln(5, 12.5)))).toBeCloseTo(5, 3);
    expect(centralValue(half({ kind: "uniform", min: 0, max: 2 }, { kind: "uniform", min: 2, max: 4 }))).toBeCloseTo(2, 6);
  });
});

describe("stripScale", () => {
  it("spaces log inputs in OOMs and keeps every value inside the strip", () => {
    const spread = byKey(computeSpread(post, defs, [fork("ada", 1, { flop_per_dollar_2020: 1e16 }), fork("bo", 2, { flop_per_dollar_2020: 1e19 })]), "flop_per_dollar_2020");
    const x = stripScale(spread)!;
    expect(x(1e16)).toBeGreaterThan(0);
    expect(x(1e19)).toBeLessThan(1);
    expect(x(1e17) - x(1e16)).toBeCloseTo((x(1e19) - x(1e16)) / 3, 10);
  });

  it("gives a single value room on both sides", () => {
    const x = stripScale({ scale: "linear", post: { value: 2, text: "" }, holders: [] })!;
    expect(x(2)).toBeCloseTo(0.5, 10);
  });
});
