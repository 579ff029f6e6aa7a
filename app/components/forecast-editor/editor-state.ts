// The editor's state as a pure reducer, and everything derived from it (parsed inputs,
// overrides, validation, changes against the baseline). No React here, so it is tested
// directly.

import { canonicalJson, getModel, listModels } from "../../forecast/index";
import type { ForecastModel, InputDiff, InputIssue, InputValue, Inputs } from "../../forecast/index";
import type { Draft } from "./draft";
import { fieldsFromInputs, readInputs, withInputFields, inputNameOf, type Fields } from "./fields";
import { baselineInputs, changedInputs, checkInputs, editorPayload, fullInputs, overridesOf, type EditorPayload } from "./payload";

export interface ForecastValue {
  modelId: string;
  inputs: Inputs;
  rationales?: Record<string, string>;
}

interface Snapshot {
  fields: Fields;
  presetId: string | null;
}

export interface EditorState extends Snapshot {
  modelId: string;
  rationales: Record<string, string>;
  /** Other models' fields, so switching back to a model restores its edits. */
  stash: Record<string, Snapshot>;
  /** Inputs the user has left: their errors are shown. */
  touched: string[];
  /** A submit was attempted: every error is shown. */
  submitted: boolean;
  /** Inputs edited since the server's field errors arrived (those errors are stale). */
  edited: string[];
  /** The user did something: the draft is worth saving. */
  dirty: boolean;
  /** The previous fields, after a preset replaced them. */
  undo: (Snapshot & { presetLabel: string }) | null;
  /** The state came from a saved draft. */
  restored: boolean;
}

export type EditorAction =
  | { type: "field"; path: string; text: string }
  | { type: "value"; name: string; value: InputValue }
  | { type: "preset"; presetId: string }
  | { type: "model"; modelId: string }
  | { type: "rationale"; name: string; text: string }
  | { type: "touch"; name: string }
  | { type: "submitted" }
  | { type: "undo" }
  | { type: "restore"; draft: Draft }
  | { type: "set-all"; inputs: Inputs }
  | { type: "reset-all"; state: EditorState }
  | { type: "server-errors" };

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const add = (list: string[], name: string): string[] => (list.includes(name) ? list : [...list, name]);

/** The preset whose inputs equal `inputs` (the "best guess" preset is usually the defaults). */
function matchingPreset(model: ForecastModel, inputs: Inputs): string | null {
  return model.presets.find((p) => same(fullInputs(model, p.values), inputs))?.id ?? null;
}

function freshSnapshot(model: ForecastModel, inputs?: Inputs): Snapshot {
  const full = fullInputs(model, inputs);
  return { fields: fieldsFromInputs(model, full), presetId: matchingPreset(model, full) };
}

export function initialState(initial?: ForecastValue, parent?: { modelId: string; inputs: Inputs }): EditorState {
  const model = getModel(parent?.modelId ?? initial?.modelId ?? "") ?? listModels()[0];
  const start = initial && initial.modelId === model.id ? initial.inputs : parent?.inputs;
  const snap = freshSnapshot(model, start);
  return {
    modelId: model.id,
    fields: snap.fields,
    presetId: parent ? null : snap.presetId,
    rationales: { ...(initial?.rationales ?? {}) },
    stash: {},
    touched: [],
    submitted: false,
    edited: [],
    dirty: false,
    undo: null,
    restored: false,
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const model = getModel(state.modelId);
  if (!model) return state;
  switch (action.type) {
    case "field": {
      const name = inputNameOf(action.path);
      return { ...state, fields: { ...state.fields, [action.path]: action.text }, edited: add(state.edited, name), dirty: true, undo: null };
    }
    case "value": {
      const def = model.inputs.find((d) => d.name === action.name);
      if (!def) return state;
      return { ...state, fields: withInputFields(state.fields, def, action.value), edited: add(state.edited, def.name), dirty: true, undo: null };
    }
    case "preset": {
      const preset = model.presets.find((p) => p.id === action.presetId);
      if (!preset) return state;
      const undo = { fields: state.fields, presetId: state.presetId, presetLabel: preset.label };
      const fields = fieldsFromInputs(model, fullInputs(model, preset.values));
      return { ...state, fields, presetId: preset.id, undo, dirty: true, touched: [], edited: model.inputs.map((d) => d.name) };
    }
    case "model": {
      const next = getModel(action.modelId);
      if (!next || next.id === state.modelId) return state;
      const stash = { ...state.stash, [state.modelId]: { fields: state.fields, presetId: state.presetId } };
      const snap = Object.hasOwn(stash, next.id) ? stash[next.id] : freshSnapshot(next);
      return { ...state, modelId: next.id, ...snap, stash, touched: [], submitted: false, undo: null, dirty: true, rationales: {} };
    }
    case "rationale":
      return { ...state, rationales: { ...state.rationales, [action.name]: action.text }, dirty: true };
    case "touch":
      return state.touched.includes(action.name) ? state : { ...state, touched: [...state.touched, action.name] };
    case "submitted":
      return state.submitted ? state : { ...state, submitted: true };
    case "undo":
      return state.undo ? { ...state, fields: state.undo.fields, presetId: state.undo.presetId, undo: null, dirty: true } : state;
    case "restore": {
      const { draft } = action;
      const target = getModel(draft.modelId);
      if (!target) return state;
      // Fields the draft lacks (inputs added since) keep the current or default text.
      const base = target.id === state.modelId ? state.fields : freshSnapshot(target).fields;
      const fields = { ...base, ...draft.fields };
      return { ...state, modelId: target.id, fields, presetId: draft.presetId, rationales: draft.rationales, restored: true, dirty: false };
    }
    case "set-all":
      return { ...state, fields: fieldsFromInputs(model, fullInputs(model, action.inputs)), edited: model.inputs.map((d) => d.name), dirty: true, undo: null };
    case "reset-all":
      return action.state;
    case "server-errors":
      return state.edited.length ? { ...state, edited: [] } : state;
  }
}

/** What every editor derives from its fields, whatever the model's source. */
export interface DerivedInputs {
  model: ForecastModel;
  /** Every input, parsed (unparseable numbers stay as text). */
  inputs: Inputs;
  /** What is sent: the inputs that differ from the model's own values. */
  overrides: Inputs;
  /** Problems found with the server's schema (and the model's cross-input checks). */
  issues: InputIssue[];
  valid: boolean;
  /** What changes are measured against (a fork's parent, a preset, the defaults). */
  baseline: Inputs;
  diffs: InputDiff[];
}

export interface Derived extends DerivedInputs {
  changed: Set<string>;
  payload: EditorPayload;
}

export function derive(state: EditorState, parentInputs?: Inputs): Derived {
  const model = getModel(state.modelId)!;
  const inputs = { ...fullInputs(model, {}), ...readInputs(model, state.fields) };
  const overrides = overridesOf(model, inputs);
  const issues = checkInputs(model, overrides);
  const preset = model.presets.find((p) => p.id === state.presetId);
  const baseline = baselineInputs(model, parentInputs, preset?.values);
  const diffs = changedInputs(model, baseline, inputs);
  const changed = new Set(diffs.map((d) => d.name));
  const payload = editorPayload(model.id, overrides, parentInputs ? { rationales: state.rationales, changed } : undefined);
  return { model, inputs, overrides, issues, valid: issues.length === 0, baseline, diffs, changed, payload };
}

/** Issues grouped by input name ("" holds the ones that name no input of the model). */
export function issuesByInput(model: ForecastModel, issues: InputIssue[]): Map<string, InputIssue[]> {
  const names = new Set(model.inputs.map((d) => d.name));
  const out = new Map<string, InputIssue[]>();
  for (const issue of issues) {
    const name = inputNameOf(issue.path);
    const key = names.has(name) ? name : "";
    const list = out.get(key) ?? [];
    if (!list.some((i) => i.message === issue.message)) list.push(issue);
    out.set(key, list);
  }
  return out;
}

/**
 * While the inputs are invalid the preview waits, but a field shows its error only once it is
 * left: until then, the status line names what holds the preview up. Undefined when every
 * problem is already shown at its field.
 */
export function pausedBecause(issues: InputIssue[], shown: ReadonlyMap<string, InputIssue[]>): string | undefined {
  const waiting = issues.find((i) => !shown.has(inputNameOf(i.path)));
  return waiting ? `Paused: ${waiting.message}` : undefined;
}

/** The inputs whose text does not make a valid value, shown at their field or not yet. */
export function invalidInputs(issues: InputIssue[]): ReadonlySet<string> {
  return new Set(issues.map((i) => inputNameOf(i.path)));
}
