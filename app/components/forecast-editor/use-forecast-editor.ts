// The editor's React state: the pure reducer plus the browser-only parts (draft storage,
// onChange, the surrounding form's submit, hydration).

import { useEffect, useMemo, useReducer, useRef, useState, type RefObject } from "react";
import { getModel, type InputIssue, type Inputs } from "../../forecast/index";
import { ids } from "./context";
import { loadDraft, parseDraft, saveDraft } from "./draft";
import { derive, editorReducer, initialState, issuesByInput, type ForecastValue } from "./editor-state";
import { fullInputs } from "./payload";
import type { ModelGroup } from "./pickers";

export interface ForecastEditorProps {
  /** Name of the hidden field carrying the JSON payload; plain fields are named `${name}.<path>`. */
  name: string;
  /** Starting model and inputs (overrides are fine); `rationales` restores a fork's "why" texts. */
  initial?: ForecastValue;
  /** When forking: the parent's model (fixed) and full inputs; changes are measured against them. */
  parent?: { modelId: string; inputs: Inputs };
  allowModelChange?: boolean;
  /** Model ids the picker offers (default: all). */
  models?: string[];
  /** Without JavaScript, other models are links: the page's URL with that model chosen. */
  modelHref?: (modelId: string) => string;
  /** More groups for the model picker: other kinds of forecast (a Squiggle model). */
  otherModels?: ModelGroup[];
  previewUrl?: string;
  onChange?: (value: { modelId: string; inputs: Inputs; valid: boolean }) => void;
  storageKey?: string;
  /** Server-side field errors keyed by input path ("genome_params.median"; "" for the whole forecast). */
  errors?: Record<string, string>;
  /** When forking a stored forecast: the preview runs on its seed and draws over its curve; its sensitivity and the solver are offered. */
  parentForecastId?: number;
}

/** True after the first client render: markup that needs scripts switches on then. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function useForecastEditor(props: ForecastEditorProps, rootRef: RefObject<HTMLElement>, uid: string) {
  const { parent, storageKey, errors } = props;
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialState(props.initial, parent));
  const hydrated = useHydrated();
  const [ready, setReady] = useState(false);

  const parentKey = parent ? JSON.stringify(parent) : "";
  const parentInputs = useMemo(() => {
    const model = parent ? getModel(parent.modelId) : undefined;
    return parent && model ? fullInputs(model, parent.inputs) : undefined;
    // Keyed by value, not identity: callers may pass a new parent object on every render.
  }, [parentKey]);

  const { fields, modelId, presetId, rationales } = state;
  // Only these parts of the state affect the derived values (touch/submit do not).
  const derived = useMemo(
    () => derive({ ...state, fields, modelId, presetId, rationales }, parentInputs),
    [fields, modelId, presetId, rationales, parentInputs],
  );

  // Drafts: restore once on mount, then save after every user action.
  const fixedModelId = parent?.modelId ?? (props.allowModelChange ? undefined : props.initial?.modelId);
  useEffect(() => {
    if (storageKey) {
      const draft = parseDraft(loadDraft(storageKey), getModel, fixedModelId);
      if (draft) dispatch({ type: "restore", draft });
    }
    setReady(true);
    // Restore only for the key the editor mounted with.
  }, [storageKey]);
  useEffect(() => {
    if (ready && storageKey && state.dirty) saveDraft(storageKey, { modelId, fields, presetId, rationales });
  }, [ready, storageKey, state.dirty, modelId, fields, presetId, rationales]);

  // New server errors are fresh again for every input.
  useEffect(() => dispatch({ type: "server-errors" }), [errors]);

  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const payloadJson = JSON.stringify(derived.payload);
  useEffect(() => {
    onChange.current?.({ modelId: derived.model.id, inputs: derived.overrides, valid: derived.valid });
    // payloadJson stands for the overrides: report only real changes.
  }, [payloadJson, derived.valid]);

  useSubmitGuard(rootRef, derived.issues, () => dispatch({ type: "submitted" }), (issue) => focusIssue(uid, issue));

  return { state, dispatch, derived, hydrated, parentInputs };
}

/**
 * A submit attempt of the surrounding form shows every error (`onAttempt`); a forecast with
 * issues is not submitted, and `focus` takes the reader to the first one.
 */
export function useSubmitGuard(rootRef: RefObject<HTMLElement | null>, issues: InputIssue[], onAttempt: () => void, focus: (issue: InputIssue) => void): void {
  // The listener stays for the form's life and reads the newest values through this ref.
  const latest = useRef({ issues, onAttempt, focus });
  latest.current = { issues, onAttempt, focus };
  useEffect(() => {
    const form = rootRef.current?.closest("form");
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      latest.current.onAttempt();
      const issue = latest.current.issues[0];
      if (!issue) return;
      event.preventDefault();
      setTimeout(() => latest.current.focus(issue), 0);
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [rootRef]);
}

/** Focus the control an issue names (or its input's first control), opening collapsed groups. */
function focusIssue(uid: string, issue: InputIssue | undefined): void {
  if (!issue) return;
  const name = issue.path.split(".")[0];
  const target =
    document.getElementById(ids.control(uid, issue.path)) ??
    document.getElementById(ids.input(uid, name))?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  if (!target) return;
  for (let el = target.closest("details"); el; el = el.parentElement?.closest("details") ?? null) el.open = true;
  target.focus();
}

/** Take the reader to an input (from a sensitivity bar or the solver): open its group, show it, focus it. */
export function focusInput(uid: string, name: string): void {
  const block = document.getElementById(ids.input(uid, name));
  focusIssue(uid, { path: name, message: "" });
  block?.scrollIntoView({ block: "center" });
  block?.classList.add("is-focused");
  setTimeout(() => block?.classList.remove("is-focused"), 1600);
}

/** Issues to show now: the browser check (after blur/submit), the preview's and the server's. */
export function shownIssues(
  derived: ReturnType<typeof derive>,
  state: { touched: string[]; submitted: boolean; edited: string[] },
  previewErrors: InputIssue[],
  serverErrors: Record<string, string> | undefined,
): Map<string, InputIssue[]> {
  const visible = derived.issues.filter((i) => state.submitted || state.touched.includes(i.path.split(".")[0]));
  const server = Object.entries(serverErrors ?? {})
    .map(([path, message]) => ({ path, message }))
    .filter((i) => !state.edited.includes(i.path.split(".")[0]));
  return issuesByInput(derived.model, [...visible, ...previewErrors, ...server]);
}
