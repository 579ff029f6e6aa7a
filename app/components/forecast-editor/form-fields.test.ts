import { describe, expect, it } from "vitest";
import { bioAnchors, getModel, resolveInputs, validateInputs } from "../../forecast/index";
import { fieldsFromInputs } from "./fields";
import { fieldName, inputsFromFormFields, readForecastForm, splitFormFields } from "./form-fields";

const scaling = getModel("scaling-laws")!;

/** What a no-JS browser submits for an editor named "forecast" showing `inputs`. */
function submitted(model = bioAnchors, inputs = {}, extra: [string, string][] = []): [string, string][] {
  const fields = fieldsFromInputs(model, resolveInputs(model, inputs));
  return [["title", "A post"], [fieldName("forecast", "$model"), model.id], ...Object.entries(fields).map(([k, v]) => [fieldName("forecast", k), v] as [string, string]), ...extra];
}

describe("inputsFromFormFields", () => {
  it("returns only overrides", () => {
    expect(inputsFromFormFields(bioAnchors, fieldsFromInputs(bioAnchors, resolveInputs(bioAnchors, {})))).toEqual({});
    const fields = { ...fieldsFromInputs(scaling, resolveInputs(scaling, {})), N: "175B", law: "epoch" };
    expect(inputsFromFormFields(scaling, fields)).toEqual({ law: "epoch", N: 1.75e11 });
  });

  it("ignores unknown and prototype keys", () => {
    const fields = JSON.parse('{"__proto__": "x", "constructor": "1", "nope": "3", "C": "1e24"}');
    const out = inputsFromFormFields(scaling, fields);
    expect(out).toEqual({ C: 1e24 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe("readForecastForm", () => {
  it("rebuilds a no-JS submission, which the engine then validates", () => {
    const entries = submitted(bioAnchors, { hw_halving_years: 2 }, [
      ["forecast.evolution_ancestor_brain_flops.p5", "1e2"],
      ["forecast.$why.evolution_ancestor_brain_flops", "  Carlsmith's range  "],
    ]);
    const r = readForecastForm("forecast", entries, getModel);
    expect(r).toEqual({
      ok: true,
      modelId: "bio-anchors",
      inputs: { evolution_ancestor_brain_flops: { kind: "ci90", shape: "lognormal", p5: 1e2, p95: 1e6 }, hw_halving_years: 2 },
      rationales: { evolution_ancestor_brain_flops: "Carlsmith's range" },
    });
    expect(r.ok && validateInputs(bioAnchors, r.inputs).ok).toBe(true);
  });

  it("reports bad text through the schema, on the field's path", () => {
    const r = readForecastForm("forecast", submitted(scaling, {}, [["forecast.N", "lots"]]), getModel);
    expect(r.ok).toBe(true);
    const v = r.ok ? validateInputs(scaling, r.inputs) : null;
    expect(v && !v.ok && v.errors[0].path).toBe("N");
  });

  it("prefers the JSON field when JavaScript submitted it", () => {
    const json = JSON.stringify({ modelId: "scaling-laws", inputs: { N: 1e12 }, rationales: { N: "bigger", D: " " } });
    const r = readForecastForm("forecast", [...submitted(scaling), ["forecast", json]], getModel);
    expect(r).toEqual({ ok: true, modelId: "scaling-laws", inputs: { N: 1e12 }, rationales: { N: "bigger" } });
  });

  it("refuses malformed or missing forecasts", () => {
    expect(readForecastForm("forecast", [["forecast", "{"]], getModel).ok).toBe(false);
    expect(readForecastForm("forecast", [["forecast", '{"modelId":"x","inputs":{}}']], getModel)).toEqual({ ok: false, error: 'Unknown model "x"' });
    expect(readForecastForm("forecast", [["title", "t"]], getModel)).toEqual({ ok: false, error: "No forecast was submitted" });
  });

  it("works with FormData", () => {
    const fd = new FormData();
    for (const [k, v] of submitted(scaling, { D: 3e11 })) fd.append(k, v);
    const split = splitFormFields("forecast", fd);
    expect(split.modelId).toBe("scaling-laws");
    expect(split.fields.D).toBe("3e11");
    expect(readForecastForm("forecast", fd, getModel)).toMatchObject({ ok: true, inputs: { D: 3e11 } });
  });
});
