import { describe, expect, it } from "vitest";
import { bioAnchors } from "./models/bio-anchors";
import { inputsSchema, resolveInputs, validateInputs } from "./schema";
import type { Inputs } from "./types";

function errors(raw: unknown): { path: string; message: string }[] {
  const r = validateInputs(bioAnchors, raw);
  return r.ok ? [] : r.errors;
}

function expectRejected(raw: unknown, path: string, message: RegExp): void {
  const errs = errors(raw);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs).toContainEqual({ path, message: expect.stringMatching(message) });
}

describe("inputsSchema", () => {
  it("accepts an empty or partial set of valid inputs", () => {
    expect(errors({})).toEqual([]);
    expect(errors({ hw_halving_years: 2, evolution_ancestor_brain_flops: { kind: "lognormal", median: 1e15, sdOom: 1 } })).toEqual([]);
    for (const preset of bioAnchors.presets) expect(errors(preset.values)).toEqual([]);
    const defaults = Object.fromEntries(bioAnchors.inputs.map((d) => [d.name, d.default]));
    expect(errors(JSON.parse(JSON.stringify(defaults)))).toEqual([]);
  });

  it("rejects Infinity (1e309 in JSON), naming the field", () => {
    expectRejected(JSON.parse('{"hw_halving_years":1e309}'), "hw_halving_years", /^Hardware cost halving time: must be a finite number/);
    expectRejected(
      JSON.parse('{"evolution_ancestor_brain_flops":{"kind":"lognormal","median":1e309,"sdOom":1}}'),
      "evolution_ancestor_brain_flops.median",
      /^Average ancestor brain FLOP\/s: the median must be a finite number/,
    );
  });

  it("rejects numbers out of range, naming the bound and unit", () => {
    expectRejected({ hw_halving_years: 12 }, "hw_halving_years", /^Hardware cost halving time: must be at most 10 years/);
    expectRejected({ flop_per_dollar_2020: 1e9 }, "flop_per_dollar_2020", /must be at least 1e12 FLOP\/\$/);
    expectRejected({ max_gdp_fraction: 0.9 }, "max_gdp_fraction", /Max spend as a share of GDP: must be at most 50%/);
    expectRejected({ algo_base_year: 2020.5 }, "algo_base_year", /whole number/);
    expectRejected(
      { evolution_ancestor_brain_flops: { kind: "ci90", shape: "lognormal", p5: 1e-4, p95: 1e6 } },
      "evolution_ancestor_brain_flops.p5",
      /Average ancestor brain FLOP\/s: the 5th percentile must be at least 0.001 FLOP\/s/,
    );
  });

  it("rejects sd ≤ 0 and sdOom ≤ 0", () => {
    expectRejected({ extra_uncertainty_ooms: { kind: "normal", mean: 0, sd: 0 } }, "extra_uncertainty_ooms.sd", /standard deviation must be above 0/);
    expectRejected({ extra_uncertainty_ooms: { kind: "normal", mean: 0, sd: -1 } }, "extra_uncertainty_ooms.sd", /above 0/);
    expectRejected({ evolution_ancestor_brain_flops: { kind: "lognormal", median: 1e15, sdOom: 0 } }, "evolution_ancestor_brain_flops.sdOom", /^Average ancestor brain FLOP\/s: the spread/);
  });

  it("rejects p5 ≥ p95 and min ≥ max", () => {
    expectRejected(
      { evolution_ancestor_brain_flops: { kind: "ci90", shape: "lognormal", p5: 1e17, p95: 1e13 } },
      "evolution_ancestor_brain_flops.p95",
      /^Average ancestor brain FLOP\/s: the 5th percentile must be below the 95th$/,
    );
    expectRejected(
      { extra_uncertainty_ooms: { kind: "ci90", shape: "normal", p5: 1, p95: 1 } },
      "extra_uncertainty_ooms.p95",
      /5th percentile must be below the 95th/,
    );
    expectRejected({ extra_uncertainty_ooms: { kind: "uniform", min: 2, max: -2 } }, "extra_uncertainty_ooms.max", /minimum must be below the maximum/);
  });

  it("rejects non-positive lognormal parameters and normal shapes for positive quantities", () => {
    expectRejected(
      { lifetime_efficiency_penalty: { kind: "ci90", shape: "lognormal", p5: -1, p95: 5 } },
      "lifetime_efficiency_penalty.p5",
      /lognormal must be above 0/,
    );
    expectRejected({ lifetime_efficiency_penalty: { kind: "lognormal", median: 0, sdOom: 1 } }, "lifetime_efficiency_penalty.median", /above 0/);
    expectRejected({ scaling_exponent: { kind: "ci90", shape: "normal", p5: 0.5, p95: 1.1 } }, "scaling_exponent.kind", /must stay above 0/);
    expectRejected({ evolution_ancestor_brain_flops: { kind: "normal", mean: 1e15, sd: 1e14 } }, "evolution_ancestor_brain_flops.kind", /not offered here/);
  });

  it("validates mixtures: weights, size and nesting", () => {
    const point = { kind: "point", value: 3 };
    const mix = (components: unknown[]): unknown => ({ kind: "mixture", components });
    const key = "lifetime_efficiency_penalty";
    expect(errors({ [key]: mix([{ weight: 1, dist: mix([{ weight: 1, dist: point }]) }]) })).toEqual([]);
    expectRejected({ [key]: mix([{ weight: -1, dist: point }]) }, `${key}.components.0.weight`, /at least 0/);
    expectRejected({ [key]: mix([{ weight: 0, dist: point }]) }, `${key}.components`, /weights must add up to more than 0/);
    expectRejected({ [key]: mix([]) }, `${key}.components`, /1 to 8 components/);
    expectRejected({ [key]: mix(Array(9).fill({ weight: 1, dist: point })) }, `${key}.components`, /1 to 8 components/);
    const deep = mix([{ weight: 1, dist: mix([{ weight: 1, dist: mix([{ weight: 1, dist: point }]) }]) }]);
    expectRejected({ [key]: deep }, `${key}.components.0.dist.components.0.dist.components`, /at most 2 levels/);
    expectRejected({ [key]: mix([{ weight: 1, dist: point, extra: 1 }]) }, `${key}.components.0.extra`, /unexpected field/);
  });

  it("validates table rows: count, keys and bounds", () => {
    const rows = (weights: number[]): unknown => weights.map((weight) => ({ weight }));
    expect(errors({ anchors: rows([1, 1, 1, 1, 1, 1, 0]) })).toEqual([]);
    expectRejected({ anchors: rows([1, 2]) }, "anchors", /^Anchor weights: expected 7 rows/);
    expectRejected({ anchors: rows([1, 1, 1, 1, 1, 1, 101]) }, "anchors.6.weight", /^Anchor weights: No feasible path weight must be at most 100%/);
    expectRejected({ anchors: [...(rows([1, 1, 1, 1, 1, 1]) as unknown[]), { weight: 1, bogus: 2 }] }, "anchors.6.bogus", /unexpected field "bogus"/);
    expectRejected({ anchors: [...(rows([1, 1, 1, 1, 1, 1]) as unknown[]), {}] }, "anchors.6.weight", /missing/);
  });

  it("rejects an unknown input, naming it", () => {
    expectRejected({ warp_factor: 9 }, "warp_factor", /^Unknown input "warp_factor"/);
  });

  it("rejects wrong types, naming the field", () => {
    expectRejected({ hw_halving_years: "2" }, "hw_halving_years", /^Hardware cost halving time: must be a number$/);
    expectRejected({ evolution_ancestor_brain_flops: 1e15 }, "evolution_ancestor_brain_flops", /^Average ancestor brain FLOP\/s: expected a distribution/);
    expectRejected({ evolution_ancestor_brain_flops: { kind: "gamma" } }, "evolution_ancestor_brain_flops.kind", /unknown distribution kind "gamma"/);
    expectRejected({ low_end_update: "sometimes" }, "low_end_update", /^Update against low requirements: must be one of/);
    expectRejected({ anchors: "20/30/15" }, "anchors", /^Anchor weights: expected 7 rows/);
    expect(errors([1, 2])[0].message).toMatch(/must be an object/);
    expect(errors(null)[0].message).toMatch(/must be an object/);
  });

  it("rejects __proto__ and constructor keys at the top level and inside values", () => {
    expectRejected(JSON.parse('{"__proto__":{"polluted":true}}'), "__proto__", /"__proto__" is not an allowed input name/);
    expectRejected({ constructor: 1 }, "constructor", /"constructor" is not an allowed input name/);
    expectRejected(JSON.parse('{"prototype":1}'), "prototype", /not an allowed/);
    expectRejected(
      JSON.parse('{"evolution_ancestor_brain_flops":{"kind":"point","value":1e15,"__proto__":{"x":1}}}'),
      "evolution_ancestor_brain_flops.__proto__",
      /Average ancestor brain FLOP\/s \(point\): "__proto__" is not allowed/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("returns fresh null-prototype copies", () => {
    const raw = { evolution_ancestor_brain_flops: { kind: "lognormal", median: 1e15, sdOom: 1 } };
    const parsed = inputsSchema(bioAnchors).parse(raw);
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(parsed.evolution_ancestor_brain_flops).toEqual(raw.evolution_ancestor_brain_flops);
    expect(parsed.evolution_ancestor_brain_flops).not.toBe(raw.evolution_ancestor_brain_flops);
  });
});

describe("resolveInputs", () => {
  it("overlays the partial inputs on the defaults", () => {
    const full = resolveInputs(bioAnchors, { hw_halving_years: 2 });
    expect(Object.keys(full).sort()).toEqual(bioAnchors.inputs.map((d) => d.name).sort());
    expect(full.hw_halving_years).toBe(2);
    expect(full.spend_2025).toBe(1e9);
    expect(Object.getPrototypeOf(full)).toBeNull();
  });

  it("ignores prototype keys and never shares default objects", () => {
    const partial = JSON.parse('{"__proto__":{"hw_halving_years":99},"constructor":{"x":1}}') as Inputs;
    const full = resolveInputs(bioAnchors, partial);
    expect(full.hw_halving_years).toBe(2.5);
    expect(Object.hasOwn(full, "constructor")).toBe(false);
    const nested = resolveInputs(bioAnchors, JSON.parse('{"evolution_ancestor_brain_flops":{"kind":"point","value":1,"__proto__":{"polluted":1}}}'));
    expect(Object.getPrototypeOf(nested.evolution_ancestor_brain_flops)).toBe(Object.prototype);
    expect(Object.keys(nested.evolution_ancestor_brain_flops as object)).toEqual(["kind", "value"]);
    const brainDefault = bioAnchors.inputs.find((d) => d.name === "evolution_ancestor_brain_flops")?.default;
    expect(full.evolution_ancestor_brain_flops).toEqual(brainDefault);
    expect(full.evolution_ancestor_brain_flops).not.toBe(brainDefault);
  });
});
