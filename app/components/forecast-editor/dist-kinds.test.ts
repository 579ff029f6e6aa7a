import { describe, expect, it } from "vitest";
import { bioAnchors, validateValue, type Distribution, type DistributionInputDef } from "../../forecast/index";
import { convertDistribution, offeredKinds, offeredShapes, readDistribution } from "./dist-kinds";

const def = (name: string) => bioAnchors.inputs.find((d) => d.name === name) as DistributionInputDef;
const brain = def("evolution_ancestor_brain_flops");
const signed = def("extra_uncertainty_ooms");
const anyKind = def("lifetime_efficiency_penalty");

describe("distribution kinds", () => {
  it("offers the 90% interval first and only allowed kinds", () => {
    expect(offeredKinds(brain, false)).toEqual(["ci90", "lognormal", "uniform", "point", "mixture"]);
    expect(offeredKinds(brain, true)).not.toContain("mixture");
    expect(offeredKinds(signed, false)).toEqual(["ci90", "normal", "uniform", "point", "mixture"]);
  });

  it("offers only shapes the schema accepts", () => {
    expect(offeredShapes(brain)).toEqual(["lognormal"]);
    expect(offeredShapes(signed)).toEqual(["normal"]);
    expect(offeredShapes(anyKind)).toEqual(["lognormal", "normal"]);
  });

  it("keeps the 90% interval when switching kinds", () => {
    const ci: Distribution = { kind: "ci90", shape: "lognormal", p5: 1e13, p95: 1e17 };
    const ln = convertDistribution(ci, "lognormal", brain);
    expect(ln).toEqual({ kind: "lognormal", median: 1e15, sdOom: 1.22 });
    const back = convertDistribution(ln, "ci90", brain) as { p5: number; p95: number };
    expect(Math.log10(back.p5)).toBeCloseTo(13, 1);
    expect(Math.log10(back.p95)).toBeCloseTo(17, 1);
    expect(convertDistribution(ci, "uniform", brain)).toEqual({ kind: "uniform", min: 1e13, max: 1e17 });
    expect(convertDistribution(ci, "point", brain)).toEqual({ kind: "point", value: 1e15 });
    expect(convertDistribution(ci, "mixture", brain)).toEqual({ kind: "mixture", components: [{ weight: 1, dist: ci }] });
  });

  it("always yields a value the schema accepts for the input", () => {
    for (const d of bioAnchors.inputs) {
      if (d.kind !== "distribution") continue;
      for (const from of d.allowed) {
        const start = convertDistribution(d.default, from, d);
        for (const to of d.allowed) {
          const out = convertDistribution(start, to, d);
          expect(out.kind, `${d.name} ${from}→${to}`).toBe(to);
          expect(validateValue(d, out), `${d.name} ${from}→${to} ${JSON.stringify(out)}`).toEqual([]);
        }
      }
    }
  });

  it("reads a distribution in one line", () => {
    expect(readDistribution({ kind: "ci90", shape: "lognormal", p5: 1e13, p95: 1e17 }, brain)).toBe("90% CI 1e13 to 1e17 FLOP/s, lognormal");
    expect(readDistribution({ kind: "ci90", shape: "normal", p5: -2, p95: 2 }, signed)).toBe("90% CI -2 to 2 OOM (normal)");
  });
});
