import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffInputs, formatInputValue, formatNumber, formatPercent, formatSci, formatYear } from "./diff";
import { bioAnchors } from "./models/bio-anchors";
import type { InputDef, Inputs } from "./types";

const def = (name: string): InputDef => bioAnchors.inputs.find((d) => d.name === name) as InputDef;

describe("number formatting", () => {
  it("writes scientific notation compactly", () => {
    expect(formatSci(1e24)).toBe("1e24");
    expect(formatSci(3.2e23)).toBe("3.2e23");
    expect(formatSci(2.13e13)).toBe("2.13e13");
    expect(formatSci(9.999e14)).toBe("1e15");
    expect(formatSci(-5e-4)).toBe("-5e-4");
    expect(formatSci(0)).toBe("0");
  });

  it("writes percentages, years and plain numbers", () => {
    expect(formatPercent(0.0772)).toBe("7.7%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.00001)).toBe("<0.1%");
    expect(formatYear(2052)).toBe("2052");
    expect(formatYear(null)).toBe("after 2100");
    expect(formatYear(null, 2200)).toBe("after 2200");
    expect(formatNumber(2.5)).toBe("2.5");
    expect(formatNumber(0.742)).toBe("0.742");
    expect(formatNumber(1e7)).toBe("1e7");
  });
});

describe("formatInputValue", () => {
  it("shows each input kind with its unit", () => {
    expect(formatInputValue(def("flop_per_dollar_2020"), 1e17)).toBe("1e17 FLOP/$");
    expect(formatInputValue(def("hw_halving_years"), 2.5)).toBe("2.5 years");
    expect(formatInputValue(def("algo_base_year"), 2020)).toBe("2020");
    expect(formatInputValue(def("max_gdp_fraction"), 0.01)).toBe("1%");
    expect(formatInputValue(def("gdp_growth"), 0.03)).toBe("3%/year");
    expect(formatInputValue(def("log10_brain_flops"), { kind: "ci90", shape: "lognormal", p5: 11, p95: 19.5 })).toBe(
      "90% CI 11 to 19.5 log10 FLOP/s",
    );
    expect(formatInputValue(def("genome_params"), { kind: "ci90", shape: "lognormal", p5: 1e8, p95: 1e10 })).toBe("90% CI 1e8 to 1e10 params");
    expect(formatInputValue(def("low_end_update"), "hard")).toBe("Truncate");
    expect(formatInputValue(def("anchors"), def("anchors").default)).toMatch(/^Short-horizon NN 20%; Medium-horizon NN 30%/);
  });
});

describe("diffInputs", () => {
  it("is empty for identical inputs (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          hw_halving_years: fc.double({ min: 0.5, max: 10, noNaN: true }),
          spend_doubling_years: fc.double({ min: 0.25, max: 20, noNaN: true }),
          low_end_update: fc.constantFrom("shift", "soft", "hard", "none"),
        }),
        (a) => {
          expect(diffInputs(bioAnchors, a, { ...a })).toEqual([]);
          expect(diffInputs(bioAnchors, a, JSON.parse(JSON.stringify(a)) as Inputs)).toEqual([]);
        },
      ),
    );
  });

  it("treats a missing input as its default", () => {
    expect(diffInputs(bioAnchors, {}, { hw_halving_years: 2.5 })).toEqual([]);
  });

  it("lists what a preset changes, in model order and in words", () => {
    const cotra2022 = bioAnchors.presets.find((p) => p.id === "cotra-2022");
    const diffs = diffInputs(bioAnchors, {}, cotra2022?.values ?? {});
    expect(diffs.map((d) => d.name)).toEqual(["anchors", "flop_per_dollar_2020"]);
    expect(diffs[1]).toMatchObject({ label: "FLOP per dollar in 2020", unit: "FLOP/$", fromText: "1e17 FLOP/$", toText: "1e18 FLOP/$" });
    // Only the rows that changed are spelled out.
    expect(diffs[0].fromText).toBe("Short-horizon NN 20%; Medium-horizon NN 30%; Long-horizon NN 15%; Lifetime 5%; No feasible path 10%");
    expect(diffs[0].toText).toBe("Short-horizon NN 47%; Medium-horizon NN 10%; Long-horizon NN 10%; Lifetime 10%; No feasible path 3%");
  });
});
