import { describe, expect, it } from "vitest";
import { bioAnchors, getModel, resolveInputs } from "../../forecast/index";
import { derive, editorReducer, initialState, invalidInputs, issuesByInput, pausedBecause, type EditorAction, type EditorState } from "./editor-state";

const scaling = getModel("scaling-laws")!;
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);

describe("initial state", () => {
  it("starts a new post at the first model's defaults, recognising the default preset", () => {
    const s = initialState();
    expect(s.modelId).toBe("bio-anchors");
    expect(s.presetId).toBe("best-guess");
    const d = derive(s);
    expect(d.overrides).toEqual({});
    expect(d.valid).toBe(true);
    expect(d.payload).toEqual({ modelId: "bio-anchors", inputs: {} });
  });

  it("starts from partial initial inputs, and recognises a preset", () => {
    const s = initialState({ modelId: "scaling-laws", inputs: { N: 1.75e11, D: 3e11, C: 3.14e23 } });
    expect(s.presetId).toBe("gpt-3");
    expect(derive(s).overrides).toEqual({ N: 1.75e11, D: 3e11, C: 3.14e23 });
    expect(derive(s).diffs).toEqual([]);
  });

  it("starts a fork from the parent's inputs, with no preset", () => {
    const parent = { modelId: "scaling-laws", inputs: resolveInputs(scaling, { N: 1e12 }) };
    const s = initialState(undefined, parent);
    expect(s.presetId).toBeNull();
    const d = derive(s, parent.inputs);
    expect(d.overrides).toEqual({ N: 1e12 });
    expect(d.diffs).toEqual([]);
    expect(d.payload).toEqual({ modelId: "scaling-laws", inputs: { N: 1e12 }, rationales: {} });
  });
});

describe("editing", () => {
  it("marks changes against the parent, carries rationales of changed inputs, and resets", () => {
    const parent = resolveInputs(scaling, { N: 1e12 });
    let s = initialState(undefined, { modelId: "scaling-laws", inputs: parent });
    s = run(s, { type: "field", path: "D", text: "3e12" }, { type: "rationale", name: "D", text: "more data" }, { type: "rationale", name: "C", text: "unchanged" });
    let d = derive(s, parent);
    expect([...d.changed]).toEqual(["D"]);
    expect(d.payload).toEqual({ modelId: "scaling-laws", inputs: { N: 1e12, D: 3e12 }, rationales: { D: "more data" } });
    s = run(s, { type: "value", name: "D", value: parent.D });
    d = derive(s, parent);
    expect(d.changed.size).toBe(0);
    expect(d.payload.rationales).toEqual({});
  });

  it("validates typed text with the schema and groups issues by input", () => {
    const s = run(initialState({ modelId: "scaling-laws", inputs: {} }), { type: "field", path: "N", text: "3.2e" }, { type: "field", path: "C", text: "1e40" });
    const d = derive(s);
    expect(d.valid).toBe(false);
    const byInput = issuesByInput(d.model, d.issues);
    expect([...byInput.keys()]).toEqual(["N", "C"]);
    expect(byInput.get("N")![0].message).toMatch(/must be a number/);
    expect(byInput.get("C")![0].message).toMatch(/at most/);
    expect(s.edited).toEqual(["N", "C"]);
  });

  it("says what holds the preview up until the field shows it, and marks the input invalid from the first keystroke", () => {
    const s = run(initialState({ modelId: "scaling-laws", inputs: {} }), { type: "field", path: "C", text: "1e40" });
    const d = derive(s);
    expect([...invalidInputs(d.issues)]).toEqual(["C"]);
    expect(pausedBecause(d.issues, new Map())).toMatch(/^Paused: .*at most/);
    // Once the field shows its own error, the status line need not repeat it.
    expect(pausedBecause(d.issues, issuesByInput(d.model, d.issues))).toBeUndefined();
    expect(pausedBecause(derive(initialState({ modelId: "scaling-laws", inputs: {} })).issues, new Map())).toBeUndefined();
  });

  it("applies a preset, measures changes against it, and undoes", () => {
    let s = run(initialState({ modelId: "scaling-laws", inputs: {} }), { type: "field", path: "law", text: "epoch" });
    s = run(s, { type: "preset", presetId: "gpt-3" });
    expect(derive(s).overrides).toEqual({ N: 1.75e11, D: 3e11, C: 3.14e23 });
    expect(derive(s).diffs).toEqual([]);
    expect(s.undo?.presetLabel).toBe("GPT-3 (175B on 300B tokens)");
    s = run(s, { type: "field", path: "C", text: "1e24" });
    expect(derive(s).diffs.map((x) => x.name)).toEqual(["C"]);
    expect(s.undo).toBeNull();
    s = run(initialState({ modelId: "scaling-laws", inputs: { law: "epoch" } }), { type: "preset", presetId: "gpt-3" }, { type: "undo" });
    expect(derive(s).overrides).toEqual({ law: "epoch" });
  });

  it("keeps each model's edits while switching models", () => {
    let s = run(initialState(), { type: "field", path: "hw_halving_years", text: "2" }, { type: "model", modelId: "scaling-laws" });
    expect(derive(s).overrides).toEqual({});
    s = run(s, { type: "field", path: "N", text: "1e12" }, { type: "model", modelId: "bio-anchors" });
    expect(derive(s).overrides).toEqual({ hw_halving_years: 2 });
    s = run(s, { type: "model", modelId: "scaling-laws" });
    expect(derive(s).payload).toEqual({ modelId: "scaling-laws", inputs: { N: 1e12 } });
  });

  it("restores a draft over the current fields", () => {
    const s = run(initialState(), { type: "restore", draft: { modelId: "scaling-laws", fields: { N: "3.2e" }, presetId: null, rationales: {} } });
    expect(s.modelId).toBe("scaling-laws");
    expect(s.fields.N).toBe("3.2e");
    expect(s.fields.D).toBe("1.4e12");
    expect(s.restored).toBe(true);
  });

  it("tracks touched inputs, submit attempts and stale server errors", () => {
    let s = run(initialState(), { type: "touch", name: "evolution_ancestor_brain_flops" }, { type: "touch", name: "evolution_ancestor_brain_flops" }, { type: "submitted" });
    expect(s.touched).toEqual(["evolution_ancestor_brain_flops"]);
    expect(s.submitted).toBe(true);
    s = run(s, { type: "value", name: "evolution_ancestor_brain_flops", value: { kind: "point", value: 1e15 } });
    expect(s.edited).toEqual(["evolution_ancestor_brain_flops"]);
    expect(run(s, { type: "server-errors" }).edited).toEqual([]);
    expect(derive(s).overrides).toEqual({ evolution_ancestor_brain_flops: { kind: "point", value: 1e15 } });
    expect(derive(s).model).toBe(bioAnchors);
  });
});
