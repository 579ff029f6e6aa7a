import { describe, expect, it } from "vitest";
import { bioAnchors, getModel, resolveInputs } from "../../forecast/index";
import { baselineInputs, changeSummary, changedInputs, checkInputs, cleanRationales, editorPayload, fullLabel, lowerLabel, overridesOf, previewRequest } from "./payload";

const scaling = getModel("scaling-laws")!;

describe("overrides", () => {
  it("keeps only values that differ from the model defaults", () => {
    const full = resolveInputs(scaling, { N: 1.75e11 });
    expect(overridesOf(scaling, full)).toEqual({ N: 1.75e11 });
    expect(overridesOf(scaling, { N: 7e10, D: 1.4e12 })).toEqual({});
  });

  it("compares distributions and tables by value, not identity or key order", () => {
    const brain = { p95: 1e6, shape: "lognormal", kind: "ci90", p5: 1e3 } as never;
    expect(overridesOf(bioAnchors, { evolution_ancestor_brain_flops: brain })).toEqual({});
    const rows = resolveInputs(bioAnchors, {}).anchors as { weight: number }[];
    const changed = rows.map((r, i) => (i === 2 ? { weight: 40 } : { ...r }));
    expect(overridesOf(bioAnchors, { anchors: changed })).toEqual({ anchors: changed });
  });

  it("keeps invalid text as an override so the server refuses it too", () => {
    expect(overridesOf(scaling, { N: "lots" })).toEqual({ N: "lots" });
  });
});

describe("changed inputs", () => {
  it("are measured against the parent when forking", () => {
    const parent = resolveInputs(scaling, { N: 1e12 });
    const base = baselineInputs(scaling, parent, undefined);
    const diffs = changedInputs(scaling, base, resolveInputs(scaling, { N: 1e12, D: 5e12 }));
    expect(diffs.map((d) => d.name)).toEqual(["D"]);
    expect(diffs[0].fromText).toBe("1.4e12 tokens");
    // Reverting N to the default is a change against the parent.
    expect(changedInputs(scaling, base, resolveInputs(scaling, {})).map((d) => d.name)).toEqual(["N"]);
  });

  it("are measured against the preset otherwise", () => {
    const preset = scaling.presets.find((p) => p.id === "gpt-3")!;
    const base = baselineInputs(scaling, undefined, preset.values);
    expect(changedInputs(scaling, base, resolveInputs(scaling, preset.values))).toEqual([]);
    expect(changedInputs(scaling, base, resolveInputs(scaling, { ...preset.values, C: 1e24 })).map((d) => d.name)).toEqual(["C"]);
  });

  it("summarise in one line", () => {
    expect(changeSummary([])).toBe("No inputs changed");
    expect(changeSummary([{ label: "Brain FLOP/s" }])).toBe("1 input changed: brain FLOP/s");
    const many = ["Brain FLOP/s", "Hardware cost halving time", "FLOP per dollar in 2020", "Spend doubling time", "GDP growth", "Max spend"].map((label) => ({ label }));
    expect(changeSummary(many)).toBe(
      "6 inputs changed: brain FLOP/s, hardware cost halving time, FLOP per dollar in 2020, spend doubling time and 2 more",
    );
    expect(lowerLabel("Parameters N")).toBe("parameters N");
    expect(fullLabel(bioAnchors, "algo_halving_small_at")).toBe("Algorithmic halving time, small requirements: applies at or below");
  });
});

describe("payloads", () => {
  it("carries overrides, and rationales of changed inputs only when forking", () => {
    expect(editorPayload("scaling-laws", { N: 1e12 })).toEqual({ modelId: "scaling-laws", inputs: { N: 1e12 } });
    const p = editorPayload("scaling-laws", { N: 1e12 }, { rationales: { N: "  bigger \n model ", D: "stale", C: "" }, changed: ["N", "C"] });
    expect(p).toEqual({ modelId: "scaling-laws", inputs: { N: 1e12 }, rationales: { N: "bigger model" } });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(cleanRationales({ N: "x".repeat(500) }, ["N"]).N).toHaveLength(200);
  });

  it("sends parentInputs in previews only when forking", () => {
    expect(previewRequest("scaling-laws", { N: 1 })).toEqual({ modelId: "scaling-laws", inputs: { N: 1 } });
    const parent = resolveInputs(scaling, {});
    expect(previewRequest("scaling-laws", {}, parent)).toEqual({ modelId: "scaling-laws", inputs: {}, parentInputs: parent });
  });

  it("validates with the server's schema and the model's own checks", () => {
    expect(checkInputs(scaling, {})).toEqual([]);
    expect(checkInputs(scaling, { N: 1 })[0].path).toBe("N");
    const zero = (resolveInputs(bioAnchors, {}).anchors as { weight: number }[]).map(() => ({ weight: 0 }));
    const issues = checkInputs(bioAnchors, { anchors: zero });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].path.startsWith("anchors")).toBe(true);
  });
});
