// The Squiggle model editor: the program (with line numbers and the interpreter's errors at
// their line and column), the parameters the server read from it as the same input form the
// built-in models use, and a live preview. In a fork the parameters come first and the code
// is one disclosure away: changing it makes a code fork, shown as a diff. Without JavaScript
// the code is a plain textarea that is submitted whole (see form-fields.ts).
// Styles: app/styles/squiggle.css.

import { useEffect, useId, useMemo, useReducer, useRef, useState, type ReactNode } from "react";
import { SQUIGGLE_LIMITS, SQUIGGLE_MODEL_ID, type Inputs } from "../../forecast/index";
import { codeDiff, diffSummary } from "../../forecast/squiggle/code-diff";
import { EditorContext, ids, type EditorContextValue } from "../forecast-editor/context";
import type { EditorAction } from "../forecast-editor/editor-state";
import { MODEL_FIELD, SOURCE_FIELD, WHY_FIELD, fieldName } from "../forecast-editor/form-fields";
import { GeneralErrors, InputField } from "../forecast-editor/input-field";
import { RATIONALE_MAX, lowerLabel } from "../forecast-editor/payload";
import { PreviewPanel } from "../forecast-editor/preview-panel";
import type { ProgramProblem } from "../forecast-editor/preview";
import { useHydrated, useSubmitGuard } from "../forecast-editor/use-forecast-editor";
import { invalidInputs, issuesByInput, pausedBecause } from "../forecast-editor/editor-state";
import { useForecastPreview } from "../forecast-editor/use-forecast-preview";
import { CodeDiffView } from "./code-diff-view";
import { CodeEditor } from "./code-editor";
import { deriveSquiggle, initialSquiggleState, squiggleReducer, type ProgramShape } from "./state";

export interface SquiggleEditorProps {
  /** Name of the hidden JSON field; the code's own field is `${name}.$source`. */
  name: string;
  /** A new or edited post's program, with its inputs and, when the server knows them, its parameters. */
  initial?: { source: string; inputs?: Inputs; program?: ProgramShape | null };
  /** A fork: the forecast being forked. */
  parent?: { forecastId: number; source: string; inputs: Inputs; program: ProgramShape };
  /** Server-side errors keyed by input path ("source" for the program, "" for the whole forecast). */
  errors?: Record<string, string>;
  /** The model picker, in the post editor. */
  picker?: ReactNode;
  previewUrl?: string;
}

const OUTPUT_HELP = (
  <>
    Top-level numbers and distributions are the inputs (label them with <code>@name</code>, <code>@doc</code> and a unit after <code>::</code>; <code>@hide</code> keeps a constant out of the form). The binding marked{" "}
    <code>export</code> is the forecast: give it the unit <code>year</code> for a year.
  </>
);

export function SquiggleEditor(props: SquiggleEditorProps) {
  const { name, parent, errors } = props;
  const uid = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();
  const [state, dispatch] = useReducer(squiggleReducer, undefined, () =>
    initialSquiggleState(parent ? { source: parent.source, program: parent.program, inputs: parent.inputs } : { source: props.initial?.source ?? "", program: props.initial?.program, inputs: props.initial?.inputs }),
  );
  const parentKey = parent ? `${parent.forecastId}` : "";
  const parentValues = useMemo(() => (parent ? { source: parent.source, inputs: parent.inputs } : undefined), [parentKey]);
  const derived = useMemo(() => deriveSquiggle(state, parentValues), [state, parentValues]);
  const [codeOpen, setCodeOpen] = useState(!parent);
  // A server error about the program holds until the code changes.
  const [erroredSource, setErroredSource] = useState<string | null>(errors?.source ? state.source : null);
  useEffect(() => setErroredSource(errors?.source ? state.source : null), [errors]);

  const tooLong = state.source.length > SQUIGGLE_LIMITS.maxSourceChars;
  const request = derived.valid && state.source.trim() && !tooLong ? { modelId: SQUIGGLE_MODEL_ID, source: state.source, inputs: derived.overrides, ...(parent ? { parentForecastId: parent.forecastId } : {}) } : null;
  const preview = useForecastPreview(request, props.previewUrl);
  const program = preview.status === "ok" ? preview.result?.program : undefined;
  useEffect(() => {
    if (program) dispatch({ type: "program", program });
  }, [program]);

  const problem: ProgramProblem | null = tooLong
    ? { message: `The program is ${state.source.length.toLocaleString("en-US")} characters long; the limit is ${SQUIGGLE_LIMITS.maxSourceChars.toLocaleString("en-US")}.`, line: null, column: null }
    : preview.status === "program" && preview.problem
      ? preview.problem
      : erroredSource === state.source && errors?.source
        ? { message: errors.source, line: Number(/^Line (\d+)/.exec(errors.source)?.[1]) || null, column: Number(/column (\d+)/.exec(errors.source)?.[1]) || null }
        : null;

  useSubmitGuard(rootRef, derived.issues, () => dispatch({ type: "submitted" }), (issue) =>
    document.getElementById(ids.input(uid, issue.path.split(".")[0]!))?.querySelector<HTMLElement>("input, select")?.focus(),
  );

  const shown = useMemo(() => {
    const visible = derived.issues.filter((i) => state.submitted || state.touched.includes(i.path.split(".")[0]!));
    const server = Object.entries(errors ?? {})
      .filter(([path]) => path !== "source")
      .map(([path, message]) => ({ path, message }));
    return issuesByInput(derived.model, [...visible, ...(preview.status === "invalid" ? preview.errors : []), ...server]);
  }, [derived, state.submitted, state.touched, errors, preview]);

  const ctx: EditorContextValue = {
    uid,
    name,
    hydrated,
    fields: state.fields,
    dispatch: (a: EditorAction) => {
      if (a.type === "field" || a.type === "value" || a.type === "rationale" || a.type === "touch") dispatch(a);
    },
    shown,
    invalid: invalidInputs(derived.issues),
    baseline: derived.baseline,
    forking: Boolean(parent),
    rationales: state.rationales,
  };
  const diffByName = new Map(derived.diffs.map((d) => [d.name, d]));
  const changes = derived.diffs.length + (derived.codeChanged ? 1 : 0);
  const general = shown.get("") ?? [];

  const code = (
    <CodeEditor
      id={`${uid}-code`}
      name={fieldName(name, SOURCE_FIELD)}
      value={state.source}
      onChange={(text) => dispatch({ type: "source", text })}
      problem={problem}
      label={parent ? "The program (edit it to fork the code)" : "Squiggle program"}
      hint={parent ? "Values set in the form above override the numbers written here." : OUTPUT_HELP}
    />
  );

  const parameters = (
    <section className="fe-group sq-params" aria-labelledby={`${uid}-params`}>
      <div className="sq-params__head">
        <h3 className="fe-group__title" id={`${uid}-params`}>
          Parameters
        </h3>
        {state.program.output ? (
          <p className="sq-params__output">
            Forecast: <code>{state.program.output.name}</code>
            {state.program.output.label && state.program.output.label !== state.program.output.name ? ` — ${state.program.output.label}` : ""}
          </p>
        ) : null}
      </div>
      {!hydrated ? (
        <p className="sq-params__empty">Edit the numbers in the code; with JavaScript each parameter also gets a field here.</p>
      ) : !state.read ? (
        <p className="sq-params__empty">
          <span className="fe-spinner" aria-hidden="true" /> Reading the program’s parameters…
        </p>
      ) : state.program.inputs.length === 0 ? (
        <p className="sq-params__empty">
          No parameters yet. Top-level numbers and distributions, such as <code>growth = 1.5 to 4</code>, become inputs that readers can fork.
        </p>
      ) : (
        <div className="fe-grid">
          {state.program.inputs.map((def) => (
            <InputField key={`${def.name}:${def.kind}`} def={def} diff={diffByName.get(def.name)} />
          ))}
        </div>
      )}
    </section>
  );

  const diff = parent && derived.codeChanged ? codeDiff(parent.source, state.source) : null;
  const whyId = ids.control(uid, `${WHY_FIELD}.$code`);

  return (
    <EditorContext.Provider value={ctx}>
      <div className={`fe fe--squiggle${parent ? " fe--fork" : ""}`} ref={rootRef}>
        <input type="hidden" name={fieldName(name, MODEL_FIELD)} value={SQUIGGLE_MODEL_ID} />
        {hydrated ? <input type="hidden" name={name} value={JSON.stringify(derived.payload)} /> : null}
        <noscript>
          <p className="fe-noscript">Scripts are off, so this is a plain form: edit the program and submit. The live preview and the parameter fields need JavaScript.</p>
        </noscript>
        {props.picker || parent ? (
          <div className="fe-top">
            {props.picker}
            {parent ? (
              <p className={`fe-summary${changes ? "" : " fe-summary--none"}`}>
                {changes ? (
                  <>
                    <strong>
                      {changes} {changes === 1 ? "change" : "changes"}
                    </strong>{" "}
                    <span className="fe-quiet">from the parent forecast:</span>{" "}
                    {[...derived.diffs.map((d) => lowerLabel(d.label)), ...(derived.codeChanged ? ["the code"] : [])].join(", ")}.
                  </>
                ) : (
                  "No changes from the parent forecast yet: change a parameter, or the code."
                )}
              </p>
            ) : null}
            <GeneralErrors issues={general} />
          </div>
        ) : null}

        <div className="sq-layout">
          <div className="sq-main">
            {parent ? (
              <>
                {parameters}
                <details className="sq-codefork" open={codeOpen} onToggle={(e) => setCodeOpen(e.currentTarget.open)}>
                  <summary>
                    Change the code too <span className="fe-quiet">(a code fork{diff ? `: ${diffSummary(diff).toLowerCase()}` : ""})</span>
                  </summary>
                  {code}
                  {diff ? (
                    <>
                      <CodeDiffView diff={diff} caption="Your change to the code" />
                      <div className="fe-why">
                        <label htmlFor={whyId}>
                          Why this change to the code? <span className="fe-quiet">(optional, one line)</span>
                        </label>
                        <input
                          id={whyId}
                          type="text"
                          name={fieldName(name, `${WHY_FIELD}.$code`)}
                          maxLength={RATIONALE_MAX}
                          value={state.rationales.$code ?? ""}
                          onChange={(e) => dispatch({ type: "rationale", name: "$code", text: e.target.value })}
                          placeholder="e.g. supply is capped by fab capacity, not demand"
                        />
                      </div>
                    </>
                  ) : null}
                </details>
              </>
            ) : (
              <>
                {code}
                {parameters}
              </>
            )}
          </div>
          <div className="sq-side">
            <PreviewPanel state={preview} hydrated={hydrated} forking={Boolean(parent)} headingId={`${uid}-preview`} blocked={pausedBecause(derived.issues, shown)} />
          </div>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
