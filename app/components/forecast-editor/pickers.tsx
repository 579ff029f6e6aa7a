// The model picker (post editor) or the fixed model's name (fork editor), the preset
// picker ("Start from: …", saying which inputs each preset sets), and the change summary.

import type { Dispatch } from "react";
import { listModels, type ForecastModel, type InputDiff } from "../../forecast/index";
import { ids } from "./context";
import type { EditorAction } from "./editor-state";
import { fullLabel, lowerLabel } from "./payload";

/** The picker's option groups, in order: built-in models, then quick forecasts (then other kinds, such as Squiggle). */
export function pickerGroup(m: ForecastModel): string {
  return m.quick ? "Quick forecasts" : "Built-in models";
}

/** One card of the model picker: a registered model, or another kind of forecast (a Squiggle model). */
export interface ModelOption {
  id: string;
  title: string;
  summary: string;
  selected: boolean;
  onSelect: () => void;
  /** Without JavaScript the card is a link to the page with this model chosen. */
  href?: string;
}

export interface ModelGroup {
  title: string;
  options: ModelOption[];
}

/** The registered models as picker groups (built-in, quick), in the picker's order. */
export function registeredGroups(models: ForecastModel[], pick: { selectedId: string | null; onSelect: (id: string) => void; hrefFor?: (id: string) => string }): ModelGroup[] {
  const groups = new Map<string, ModelOption[]>();
  for (const m of models) {
    const option: ModelOption = { id: m.id, title: m.title, summary: m.summary, selected: m.id === pick.selectedId, onSelect: () => pick.onSelect(m.id), href: pick.hrefFor?.(m.id) };
    groups.set(pickerGroup(m), [...(groups.get(pickerGroup(m)) ?? []), option]);
  }
  return [...groups].map(([title, options]) => ({ title, options }));
}

/** Every kind of forecast side by side, in groups. Cards that need JavaScript are links (or disabled) before hydration. */
export function ModelCards({ groups, hydrated, uid }: { groups: ModelGroup[]; hydrated: boolean; uid: string }) {
  const labelId = `${uid}-models`;
  return (
    <div className="fe-models-block">
      <p className="fe-eyebrow" id={labelId}>
        Model
      </p>
      {groups.map(({ title, options }) => (
        <div className="fe-models-group" role="group" aria-label={groups.length > 1 ? `Model: ${title.toLowerCase()}` : "Model"} key={title}>
          {groups.length > 1 ? <p className="fe-models-group__title">{title}</p> : null}
          <div className="fe-models">
            {options.map((o) =>
              !hydrated && !o.selected && o.href ? (
                <a key={o.id} className="fe-model" href={o.href}>
                  <span className="fe-model__title">{o.title}</span>
                  <span className="fe-model__summary">{o.summary}</span>
                </a>
              ) : (
                <button key={o.id} type="button" className="fe-model" aria-pressed={o.selected} disabled={!hydrated && !o.selected} onClick={o.onSelect}>
                  <span className="fe-model__title">{o.title}</span>
                  <span className="fe-model__summary">{o.summary}</span>
                </button>
              ),
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

export function ModelPicker(props: {
  model: ForecastModel;
  allowChange: boolean;
  hydrated: boolean;
  dispatch: Dispatch<EditorAction>;
  uid: string;
  /** The models offered (default: every model). */
  offered?: ForecastModel[];
  /** Without JavaScript the other models are links to the page with that model chosen. */
  hrefFor?: (modelId: string) => string;
  /** Other kinds of forecast, after the registered models (a Squiggle model). */
  others?: ModelGroup[];
}) {
  const { model, allowChange, hydrated, dispatch, uid, hrefFor } = props;
  if (!allowChange) {
    return (
      <div className="fe-model-fixed">
        <p className="fe-eyebrow">{model.quick ? "Quick forecast" : "Model"}</p>
        <p className="fe-model-fixed__title">{model.title}</p>
        <p className="fe-model-fixed__summary">{model.summary}</p>
      </div>
    );
  }
  const groups = registeredGroups(props.offered ?? listModels(), { selectedId: model.id, onSelect: (id) => dispatch({ type: "model", modelId: id }), hrefFor });
  return <ModelCards groups={[...groups, ...(props.others ?? [])]} hydrated={hydrated} uid={uid} />;
}

/** "Sets 3 inputs: anchor weights, algorithmic halving time, …" for a preset. */
export function presetEffect(model: ForecastModel, values: Record<string, unknown>): string {
  const names = Object.keys(values).filter((n) => model.inputs.some((d) => d.name === n));
  if (names.length === 0) return "";
  const labels = names.map((n) => lowerLabel(fullLabel(model, n)));
  const sep = labels.some((l) => l.includes(",")) ? "; " : ", ";
  return `Sets ${names.length === 1 ? "1 input" : `${names.length} inputs`}: ${labels.join(sep)}.`;
}

export function PresetPicker(props: {
  model: ForecastModel;
  presetId: string | null;
  undoLabel: string | null;
  /** No input differs from the model defaults. */
  atDefaults: boolean;
  hydrated: boolean;
  dispatch: Dispatch<EditorAction>;
  uid: string;
}) {
  const { model, presetId, undoLabel, atDefaults, hydrated, dispatch, uid } = props;
  if (model.presets.length === 0) return null;
  const current = model.presets.find((p) => p.id === presetId);
  const labelId = `${uid}-presets`;
  const noteId = `${uid}-preset-note`;
  return (
    <div className="fe-presets">
      <div className="fe-presets__row">
        <span className="fe-eyebrow" id={labelId}>
          Start from
        </span>
        <div className="fe-presets__list" role="group" aria-labelledby={labelId} aria-describedby={noteId}>
          {model.presets.map((p) => (
            <button
              key={p.id}
              type="button"
              className="fe-chip"
              aria-pressed={p.id === presetId}
              disabled={!hydrated}
              title={`${p.description} ${presetEffect(model, p.values)}`.trim()}
              onClick={() => dispatch({ type: "preset", presetId: p.id })}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <p className="fe-presets__note" id={noteId}>
        {undoLabel ? (
          <>
            Replaced your inputs with “{undoLabel}”.{" "}
            <button type="button" className="link-button fe-undo" onClick={() => dispatch({ type: "undo" })}>
              Undo
            </button>{" "}
          </>
        ) : null}
        {current ? (
          <>
            <strong>{current.label}:</strong> {current.description}{" "}
            <span className="fe-quiet">{presetEffect(model, current.values)}</span>
          </>
        ) : (
          <span className="fe-quiet">
            {atDefaults ? "The model’s defaults." : "Your own inputs."} Choose a starting point above to replace them.
          </span>
        )}
      </p>
    </div>
  );
}

/** "3 inputs changed: brain FLOP/s, …" with each name linking to its field, and Reset all. */
export function ChangeSummary(props: {
  model: ForecastModel;
  diffs: InputDiff[];
  against: string;
  uid: string;
  hydrated: boolean;
  onResetAll: () => void;
  /** Takes the reader to a changed input, opening its folded group. */
  onGoTo: (input: string) => void;
}) {
  const { model, diffs, against, uid, hydrated, onResetAll, onGoTo } = props;
  if (diffs.length === 0) {
    return <p className="fe-summary fe-summary--none">No inputs changed from {against}.</p>;
  }
  const max = 4;
  const shown = diffs.slice(0, max);
  const rest = diffs.length - shown.length;
  return (
    <p className="fe-summary">
      <strong>
        {diffs.length} {diffs.length === 1 ? "input" : "inputs"} changed
      </strong>{" "}
      <span className="fe-quiet">from {against}:</span>{" "}
      {shown.map((d, i) => (
        <span key={d.name}>
          {i > 0 ? ", " : ""}
          <a
            href={`#${ids.input(uid, d.name)}`}
            onClick={(e) => {
              e.preventDefault();
              onGoTo(d.name);
            }}
          >
            {lowerLabel(fullLabel(model, d.name))}
          </a>
        </span>
      ))}
      {rest > 0 ? ` and ${rest} more` : ""}.{" "}
      <button type="button" className="link-button fe-reset-all" onClick={onResetAll} disabled={!hydrated}>
        Reset all
      </button>
    </p>
  );
}
