// The forecast input editor: pick a model and a starting preset (post editor) or fork a
// parent's inputs (reply editor), edit inputs in a form generated from the model's
// InputDefs, validate with the server's own schema, preview live, and submit as JSON in a
// hidden field. Without JavaScript the same markup is a plain working form (form-fields.ts).
// Styles: app/styles/forecast-editor.css.

import { useId, useMemo, useRef } from "react";
import { getModel } from "../../forecast/index";
import { EditorContext, type EditorContextValue } from "./context";
import { clearForecastDraft } from "./draft";
import { initialState, invalidInputs, pausedBecause } from "./editor-state";
import { MODEL_FIELD, fieldName } from "./form-fields";
import { GeneralErrors, InputField } from "./input-field";
import { previewRequest } from "./payload";
import { ChangeSummary, ModelPicker, PresetPicker } from "./pickers";
import { InputGroups } from "./input-groups";
import { PreviewBar, PreviewPanel } from "./preview-panel";
import { focusInput, shownIssues, useForecastEditor, type ForecastEditorProps } from "./use-forecast-editor";
import { SensitivityPanel } from "../sensitivity-panel";
import { SolverPanel } from "./solver-panel";
import { useForecastPreview } from "./use-forecast-preview";

export type { ForecastEditorProps } from "./use-forecast-editor";
export type { EditorPayload, PreviewRequest } from "./payload";
export { clearForecastDraft } from "./draft";
export { useForecastPreview, DEFAULT_PREVIEW_URL, type PreviewState } from "./use-forecast-preview";
export { inputsFromFormFields, readForecastForm, splitFormFields } from "./form-fields";
export { ModelCards, registeredGroups, type ModelGroup, type ModelOption } from "./pickers";

export function ForecastEditor(props: ForecastEditorProps) {
  const uid = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const parentModel = props.parent ? getModel(props.parent.modelId) : undefined;
  if (props.parent && !parentModel) {
    return (
      <div className="fe fe--broken">
        <p className="form-error">This forecast uses a model (“{props.parent.modelId}”) that this site no longer offers, so it cannot be forked.</p>
      </div>
    );
  }
  return <Editor {...props} uid={uid} rootRef={rootRef} />;
}

function Editor(props: ForecastEditorProps & { uid: string; rootRef: React.RefObject<HTMLDivElement> }) {
  const { uid, rootRef, name, parent } = props;
  const { state, dispatch, derived, hydrated, parentInputs } = useForecastEditor(props, rootRef, uid);
  const { model, diffs, baseline } = derived;
  const forking = Boolean(parent);
  // Effects run only in the browser, so the server render never fetches.
  const rawPreview = useForecastPreview(derived.valid ? previewRequest(model.id, derived.overrides, parentInputs, props.parentForecastId) : null, props.previewUrl);
  // A refusal that names no input (a malformed request, say) is not the user's to fix.
  const preview = useMemo(() => {
    if (rawPreview.status !== "invalid" || rawPreview.errors.some((e) => model.inputs.some((d) => d.name === e.path.split(".")[0]))) return rawPreview;
    return { ...rawPreview, status: "unavailable" as const, errors: [], message: rawPreview.errors.map((e) => e.message).join("; ") };
  }, [rawPreview, model]);
  const shown = useMemo(
    () => shownIssues(derived, state, preview.status === "invalid" ? preview.errors : [], props.errors),
    [derived, state, preview, props.errors],
  );
  const diffByName = new Map(diffs.map((d) => [d.name, d]));
  const preset = model.presets.find((p) => p.id === state.presetId);
  const against = forking ? "the parent forecast" : preset ? `“${preset.label}”` : "the model defaults";
  const general = shown.get("") ?? [];
  const invalid = useMemo(() => invalidInputs(derived.issues), [derived.issues]);
  const blocked = model.quick && !shown.has("question") && derived.issues.some((i) => i.path === "question") ? "Write the question to see the preview" : pausedBecause(derived.issues, shown);

  const ctx: EditorContextValue = {
    uid,
    name,
    hydrated,
    fields: state.fields,
    dispatch,
    shown,
    invalid,
    baseline,
    forking,
    rationales: state.rationales,
  };

  return (
    <EditorContext.Provider value={ctx}>
      <div className={`fe${forking ? " fe--fork" : ""}${model.quick ? " fe--quick" : ""}`} ref={rootRef}>
        <input type="hidden" name={fieldName(name, MODEL_FIELD)} value={model.id} />
        {/* Only scripts submit the JSON; without them the plain fields below are the form. */}
        {hydrated ? <input type="hidden" name={name} value={JSON.stringify(derived.payload)} /> : null}
        <noscript>
          <p className="fe-noscript">
            Scripts are off, so this is a plain form: edit the values and submit.{" "}
            {props.modelHref ? "Choosing another model opens a fresh form; a preset, a distribution’s shape" : "Switching the model, a preset or a distribution’s shape"}, and the live preview, need
            JavaScript.
          </p>
        </noscript>

        <div className="fe-top">
          {/* Answering a quick question: the question below says all the picker would. */}
          {forking && model.quick ? null : (
            <ModelPicker
              model={model}
              allowChange={Boolean(props.allowModelChange) && !forking}
              hydrated={hydrated}
              dispatch={dispatch}
              uid={uid}
              offered={props.models?.map((id) => getModel(id)).filter((m): m is NonNullable<typeof m> => Boolean(m))}
              hrefFor={props.modelHref}
              others={props.otherModels}
            />
          )}
          {!forking ? (
            <PresetPicker
              model={model}
              presetId={state.presetId}
              undoLabel={state.undo?.presetLabel ?? null}
              atDefaults={Object.keys(derived.overrides).length === 0}
              hydrated={hydrated}
              dispatch={dispatch}
              uid={uid}
            />
          ) : null}
          {state.restored ? (
            <p className="fe-restored">
              Restored your unsaved draft.{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  if (props.storageKey) clearForecastDraft(props.storageKey);
                  dispatch({ type: "reset-all", state: initialState(props.initial, parent) });
                }}
              >
                Start over
              </button>
            </p>
          ) : null}
          {/* A quick forecast is a few fields: no change summary to read through. */}
          {model.quick ? null : <ChangeSummary model={model} diffs={diffs} against={against} uid={uid} hydrated={hydrated} onResetAll={() => dispatch({ type: "set-all", inputs: baseline })} onGoTo={(input) => focusInput(uid, input)} />}
          <GeneralErrors issues={general} />
        </div>

        <div className="fe-layout">
          <div className="fe-side">
            <PreviewPanel
              state={preview}
              hydrated={hydrated}
              forking={forking}
              headingId={`${uid}-preview`}
              quick={Boolean(model.quick)}
              blocked={blocked}
            />
            {forking && !model.quick && props.parentForecastId !== undefined ? (
              <div className="fe-analysis">
                <SensitivityPanel forecastId={props.parentForecastId} onSelectInput={(input) => focusInput(uid, input)} summary="What moves the parent forecast (click a bar to go to that input)" />
                {hydrated && derived.valid ? (
                  <SolverPanel
                    model={model}
                    overrides={derived.overrides}
                    parentForecastId={props.parentForecastId}
                    onFill={(input, value) => {
                      dispatch({ type: "value", name: input, value });
                      setTimeout(() => focusInput(uid, input), 0);
                    }}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
          <div className="fe-main">
            {model.quick ? null : <PreviewBar state={preview} forking={forking} rootRef={rootRef} />}
            {model.quick ? (
              <div className="fe-grid fe-grid--quick">
                {model.inputs.map((def) => (
                  <InputField key={`${model.id}:${def.name}`} def={def} diff={diffByName.get(def.name)} />
                ))}
              </div>
            ) : null}
            {model.quick ? null : (
              <InputGroups modelId={model.id} inputs={model.inputs} diffs={diffByName} shown={shown} hydrated={hydrated} restored={state.restored} uid={uid} />
            )}
          </div>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
