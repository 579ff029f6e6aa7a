// The Squiggle editor's state as a pure reducer. The program text is the model; its
// parameters (read by the server's sandbox, which answers every preview with them) are the
// form. When the code is read again, a parameter keeps what the form shows unless its value
// in the code changed (the author edited the literal) — values set in the form always stay.

import { canonicalJson, SQUIGGLE_MODEL_ID, type ForecastModel, type InputDef, type InputValue, type Inputs, type SquiggleOutputDecl } from "../../forecast/index";
import { fieldsFromValue, inputNameOf, readInputs, withInputFields, type Fields } from "../forecast-editor/fields";
import { changedInputs, checkInputs, cleanRationales, fullInputs, overridesOf } from "../forecast-editor/payload";
import type { DerivedInputs } from "../forecast-editor/editor-state";

export interface ProgramShape {
  inputs: InputDef[];
  output: SquiggleOutputDecl | null;
}

export interface SquiggleEditorState {
  source: string;
  program: ProgramShape;
  /** What each parameter shows when the form has not set it: the parent's value in a fork, else the code's. */
  base: Inputs;
  fields: Fields;
  /** Parameters the user set in the form. */
  set: string[];
  rationales: Record<string, string>;
  touched: string[];
  submitted: boolean;
  /** Whether the program has been read at least once (the form shows only then). */
  read: boolean;
}

export type SquiggleAction =
  | { type: "source"; text: string }
  | { type: "program"; program: ProgramShape }
  | { type: "field"; path: string; text: string }
  | { type: "value"; name: string; value: InputValue }
  | { type: "rationale"; name: string; text: string }
  | { type: "touch"; name: string }
  | { type: "submitted" }
  | { type: "server-errors" };

const same = (a: unknown, b: unknown): boolean => {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
};
const add = (list: string[], name: string): string[] => (list.includes(name) ? list : [...list, name]);

/** The program's parameters as a model the shared editor helpers (fields, schema, diffs) accept. */
export function modelOf(program: ProgramShape): ForecastModel {
  return {
    id: SQUIGGLE_MODEL_ID,
    version: 1,
    title: program.output?.label ? `Squiggle model: ${program.output.label}` : "Squiggle model",
    summary: "",
    description: program.output?.description ?? "",
    sources: [],
    inputs: program.inputs,
    presets: [],
    sampled: true,
    compute() {
      throw new Error("Squiggle programs run on the server");
    },
  };
}

function fieldsFor(inputs: InputDef[], values: Inputs): Fields {
  const out: Fields = {};
  for (const def of inputs) Object.assign(out, fieldsFromValue(def, Object.hasOwn(values, def.name) ? values[def.name] : undefined));
  return out;
}

export function initialSquiggleState(start: { source: string; program?: ProgramShape | null; inputs?: Inputs; rationales?: Record<string, string> }): SquiggleEditorState {
  const program = start.program ?? { inputs: [], output: null };
  const base = fullInputs(modelOf(program), start.inputs ?? {});
  return {
    source: start.source,
    program,
    base,
    fields: fieldsFor(program.inputs, base),
    set: [],
    rationales: { ...(start.rationales ?? {}) },
    touched: [],
    submitted: false,
    read: Boolean(start.program),
  };
}

/** The form after the program was read again: kept values, new literals, new parameters. */
function reread(state: SquiggleEditorState, next: ProgramShape): SquiggleEditorState {
  const before = new Map(state.program.inputs.map((d) => [d.name, d]));
  const base: Inputs = {};
  let fields: Fields = {};
  for (const def of next.inputs) {
    const old = before.get(def.name);
    const compatible = old && old.kind === def.kind;
    // The literal in the code is unchanged: keep what the form showed (a fork's parent value).
    base[def.name] = compatible && same(old.default, def.default) && Object.hasOwn(state.base, def.name) ? state.base[def.name]! : def.default;
    if (compatible && state.set.includes(def.name)) {
      for (const [k, v] of Object.entries(state.fields)) if (inputNameOf(k) === def.name) fields[k] = v;
    } else fields = { ...fields, ...fieldsFromValue(def, base[def.name]) };
  }
  const names = new Set(next.inputs.map((d) => d.name));
  return { ...state, program: next, base, fields, set: state.set.filter((n) => names.has(n)), read: true };
}

export function squiggleReducer(state: SquiggleEditorState, action: SquiggleAction): SquiggleEditorState {
  switch (action.type) {
    case "source":
      return action.text === state.source ? state : { ...state, source: action.text };
    case "program":
      return same(action.program, state.program) && state.read ? state : reread(state, action.program);
    case "field": {
      const name = inputNameOf(action.path);
      return { ...state, fields: { ...state.fields, [action.path]: action.text }, set: add(state.set, name) };
    }
    case "value": {
      const def = state.program.inputs.find((d) => d.name === action.name);
      if (!def) return state;
      const fields = withInputFields(state.fields, def, action.value);
      // Resetting to the value the form started from un-sets it.
      const set = same(action.value, state.base[def.name]) ? state.set.filter((n) => n !== def.name) : add(state.set, def.name);
      return { ...state, fields, set };
    }
    case "rationale":
      return { ...state, rationales: { ...state.rationales, [action.name]: action.text } };
    case "touch":
      return add(state.touched, action.name) === state.touched ? state : { ...state, touched: add(state.touched, action.name) };
    case "submitted":
      return state.submitted ? state : { ...state, submitted: true };
    case "server-errors":
      return state;
  }
}

/** The model's own values are the ones written in the code; the baseline is the parent's inputs in a fork, the code's values otherwise. */
export interface SquiggleDerived extends DerivedInputs {
  codeChanged: boolean;
  payload: { modelId: string; source: string; inputs: Inputs; rationales?: Record<string, string> };
}

export function deriveSquiggle(state: SquiggleEditorState, parent?: { source: string; inputs: Inputs }): SquiggleDerived {
  const model = modelOf(state.program);
  const inputs = { ...fullInputs(model, {}), ...readInputs(model, state.fields) };
  const overrides = overridesOf(model, inputs);
  const issues = checkInputs(model, overrides);
  const baseline = fullInputs(model, parent?.inputs ?? {});
  const diffs = changedInputs(model, baseline, inputs);
  const codeChanged = parent ? state.source !== parent.source : false;
  const payload: SquiggleDerived["payload"] = { modelId: SQUIGGLE_MODEL_ID, source: state.source, inputs: overrides };
  if (parent) payload.rationales = cleanRationales(state.rationales, [...diffs.map((d) => d.name), ...(codeChanged ? ["$code"] : [])]);
  return { model, inputs, overrides, issues, valid: issues.length === 0, baseline, diffs, codeChanged, payload };
}
