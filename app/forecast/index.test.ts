import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bioAnchors,
  DEFAULT_SAMPLE_COUNT,
  getModel,
  listModels,
  MAX_SAMPLE_COUNT,
  models,
  registerModels,
  runModel,
  seedFromInputs,
  resolveInputs,
} from "./index";

describe("registry", () => {
  it("holds Bio Anchors and refuses duplicate ids", () => {
    expect(getModel("bio-anchors")).toBe(bioAnchors);
    expect(models.get("bio-anchors")).toBe(bioAnchors);
    expect(listModels()).toContain(bioAnchors);
    expect(getModel("constructor")).toBeUndefined();
    expect(() => registerModels(bioAnchors)).toThrow(/registered twice/);
    expect(MAX_SAMPLE_COUNT).toBe(1_000_000);
    expect(DEFAULT_SAMPLE_COUNT).toBe(100_000);
  });
});

describe("runModel", () => {
  it("validates, resolves and computes", () => {
    const out = runModel("bio-anchors", { spend_doubling_years: 2 }, { seed: 3, sampleCount: 5000 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.inputs.spend_doubling_years).toBe(2);
    expect(out.inputs.spend_2025).toBe(1e9);
    expect(out.options).toEqual({ seed: 3, sampleCount: 5000 });
    expect(out.result.modelId).toBe("bio-anchors");
  });

  it("seeds from the resolved inputs when no seed is given", () => {
    const a = runModel("bio-anchors", {}, { sampleCount: 2000 });
    const b = runModel("bio-anchors", { hw_halving_years: 2.5 }, { sampleCount: 2000 });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.options.seed).toBe(seedFromInputs(resolveInputs(bioAnchors, {})));
    expect(b.options.seed).toBe(a.options.seed);
    expect(b.result).toEqual(a.result);
  });

  it("returns errors instead of throwing", () => {
    expect(runModel("nope", {})).toEqual({ ok: false, errors: [{ path: "modelId", message: 'Unknown model "nope"' }] });
    const bad = runModel("bio-anchors", { hw_halving_years: -1, bogus: 1 }, { sampleCount: 0, seed: -1 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["bogus", "hw_halving_years", "sampleCount", "seed"]);
    const zero = runModel("bio-anchors", { anchors: Array.from({ length: 7 }, () => ({ weight: 0 })) });
    expect(zero).toEqual({ ok: false, errors: [{ path: "anchors", message: expect.stringMatching(/weight above 0/) }] });
    expect(runModel("bio-anchors", "not an object").ok).toBe(false);
  });

  it("gives identical results for the same seed (property)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.constantFrom("shift", "soft", "hard", "none"),
        (seed, spendDoubling, lowEnd) => {
          const inputs = { spend_doubling_years: spendDoubling, low_end_update: lowEnd };
          const a = runModel("bio-anchors", inputs, { seed, sampleCount: 3000 });
          const b = runModel("bio-anchors", JSON.parse(JSON.stringify(inputs)), { seed, sampleCount: 3000 });
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 25 },
    );
  });
});
