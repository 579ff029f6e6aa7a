import { describe, expect, it } from "vitest";
import { bioAnchors, getModel, listModels, resolveInputs, type DistributionInputDef } from "../../forecast/index";
import { fieldsFromInputs, fieldsFromValue, inputNameOf, readInputs, withInputFields } from "./fields";
import { overridesOf } from "./payload";

describe("fields ↔ inputs", () => {
  it("round-trips every model's defaults and presets exactly", () => {
    for (const model of listModels()) {
      for (const values of [{}, ...model.presets.map((p) => p.values)]) {
        const full = resolveInputs(model, values);
        const back = readInputs(model, fieldsFromInputs(model, full));
        expect(JSON.parse(JSON.stringify(back)), model.id).toEqual(JSON.parse(JSON.stringify(full)));
        expect(overridesOf(model, back)).toEqual(overridesOf(model, full));
      }
    }
  });

  it("uses the engine's issue paths as field paths", () => {
    const fields = fieldsFromInputs(bioAnchors, resolveInputs(bioAnchors, {}));
    expect(fields["evolution_ancestor_brain_flops.kind"]).toBe("ci90");
    expect(fields["evolution_ancestor_brain_flops.shape"]).toBe("lognormal");
    expect(fields["evolution_ancestor_brain_flops.p5"]).toBe("1000");
    expect(fields["anchors.0.weight"]).toBe("20");
    expect(fields["max_gdp_fraction"]).toBe("1%");
    expect(fields["lifetime_efficiency_penalty.components.1.dist.p95"]).toBe("9");
    expect(fields["genome_params.median"]).toBe("7.5e8");
    expect(fields["low_end_update"]).toBe("shift");
  });

  it("keeps unparseable text so the schema reports it", () => {
    const fields = { ...fieldsFromInputs(bioAnchors, {}), "evolution_ancestor_brain_flops.p5": "1e1x", hw_halving_years: "" };
    const inputs = readInputs(bioAnchors, fields);
    expect(inputs.evolution_ancestor_brain_flops).toMatchObject({ kind: "ci90", p5: "1e1x", p95: 1e6 });
    expect(inputs.hw_halving_years).toBe("");
  });

  it("reads typed notations and shares", () => {
    const fields = { ...fieldsFromInputs(bioAnchors, {}), "evolution_ancestor_brain_flops.p95": "3.2 × 10^16", max_gdp_fraction: "2%", spend_2025: "5B" };
    const inputs = readInputs(bioAnchors, fields);
    expect((inputs.evolution_ancestor_brain_flops as { p95: number }).p95).toBe(3.2e16);
    expect(inputs.max_gdp_fraction).toBe(0.02);
    expect(inputs.spend_2025).toBe(5e9);
  });

  it("omits inputs without fields, and replaces one input's fields", () => {
    expect(readInputs(bioAnchors, { hw_halving_years: "3" })).toEqual({ hw_halving_years: 3 });
    const def = bioAnchors.inputs.find((d) => d.name === "evolution_ancestor_brain_flops") as DistributionInputDef;
    const fields = withInputFields(fieldsFromInputs(bioAnchors, {}), def, { kind: "point", value: 1e15 });
    expect(fields["evolution_ancestor_brain_flops.kind"]).toBe("point");
    expect(fields["evolution_ancestor_brain_flops.value"]).toBe("1e15");
    expect(fields["evolution_ancestor_brain_flops.p5"]).toBeUndefined();
    expect(fields["anchors.0.weight"]).toBe("20");
  });

  it("falls back to the default for malformed values", () => {
    const def = bioAnchors.inputs.find((d) => d.name === "evolution_ancestor_brain_flops")!;
    expect(fieldsFromValue(def, "nonsense")["evolution_ancestor_brain_flops.kind"]).toBe("ci90");
    const scaling = getModel("scaling-laws")!;
    expect(fieldsFromValue(scaling.inputs[1], "oops")).toEqual({ N: "oops" });
  });

  it("names the input of a path", () => {
    expect(inputNameOf("anchors.0.weight")).toBe("anchors");
    expect(inputNameOf("N")).toBe("N");
  });
});
