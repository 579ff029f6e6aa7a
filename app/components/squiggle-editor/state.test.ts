import { describe, expect, it } from "vitest";
import type { InputDef } from "../../forecast/index";
import { deriveSquiggle, initialSquiggleState, squiggleReducer, type ProgramShape } from "./state";

const num = (name: string, value: number): InputDef => ({ kind: "number", name, label: name, unit: "", help: "", min: -1e300, max: 1e300, default: value, hideBounds: true });
const program = (...inputs: InputDef[]): ProgramShape => ({ inputs, output: { name: "y", label: "Y", description: "", unit: "year", line: 9 } });

describe("the Squiggle editor's state", () => {
  it("sends only the values that differ from the code's, with the program", () => {
    let s = initialSquiggleState({ source: "a = 1\nb = 2", program: program(num("a", 1), num("b", 2)) });
    expect(deriveSquiggle(s).payload).toEqual({ modelId: "squiggle", source: "a = 1\nb = 2", inputs: {} });
    s = squiggleReducer(s, { type: "field", path: "b", text: "5" });
    expect(deriveSquiggle(s).payload.inputs).toEqual({ b: 5 });
  });

  it("when the code is read again, keeps values set in the form and takes literals the author changed", () => {
    let s = initialSquiggleState({ source: "a = 1\nb = 2", program: program(num("a", 1), num("b", 2)) });
    s = squiggleReducer(s, { type: "field", path: "a", text: "10" });
    s = squiggleReducer(s, { type: "program", program: program(num("a", 1), num("b", 3), num("c", 4)) });
    expect(deriveSquiggle(s).inputs).toEqual({ a: 10, b: 3, c: 4 });
    s = squiggleReducer(s, { type: "program", program: program(num("c", 4)) });
    expect(s.set).toEqual([]);
    expect(deriveSquiggle(s).inputs).toEqual({ c: 4 });
  });

  it("in a fork, starts from the parent's values, counts changes against them, and a code change as one more", () => {
    const parent = { source: "a = 1\nb = 2", inputs: { a: 7, b: 2 } };
    let s = initialSquiggleState({ source: parent.source, program: program(num("a", 1), num("b", 2)), inputs: parent.inputs });
    let d = deriveSquiggle(s, parent);
    expect(d.diffs).toEqual([]);
    expect(d.payload.inputs).toEqual({ a: 7 });
    s = squiggleReducer(s, { type: "field", path: "b", text: "4" });
    s = squiggleReducer(s, { type: "rationale", name: "b", text: "  more  " });
    s = squiggleReducer(s, { type: "source", text: "a = 1\nb = 2\n// note" });
    s = squiggleReducer(s, { type: "rationale", name: "$code", text: "a note" });
    d = deriveSquiggle(s, parent);
    expect(d.diffs.map((x) => x.name)).toEqual(["b"]);
    expect(d.codeChanged).toBe(true);
    expect(d.payload.rationales).toEqual({ b: "more", $code: "a note" });
    // Resetting an input to the value it started from un-sets it.
    s = squiggleReducer(s, { type: "value", name: "b", value: 2 });
    expect(s.set).toEqual([]);
  });

  it("reports bad values with the server's own schema, by input", () => {
    let s = initialSquiggleState({ source: "a = 1", program: program(num("a", 1)) });
    s = squiggleReducer(s, { type: "field", path: "a", text: "lots" });
    const d = deriveSquiggle(s);
    expect(d.valid).toBe(false);
    expect(d.issues[0]!.path).toBe("a");
  });
});
