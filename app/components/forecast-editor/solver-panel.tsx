// "What would I need to believe?": pick a target (a median year, or P(by a year)) and one
// input; the server finds the value that gets there on the parent's draws, or says that no
// value in the input's range does. A found value is filled into the fork as a draft.

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { resolveInputs, solvableIds, type ForecastModel, type InputValue, type Inputs } from "../../forecast/index";

interface Outcome {
  status: "solved" | "unreachable";
  message: string;
  input?: { name: string; value: InputValue };
  valueText?: string;
}

export function SolverPanel({ model, overrides, parentForecastId, onFill }: { model: ForecastModel; overrides: Inputs; parentForecastId: number; onFill: (name: string, value: InputValue, previous: InputValue | undefined) => void }) {
  const uid = useId();
  const choices = useMemo(() => solvableIds(model, resolveInputs(model, overrides)), [model, overrides]);
  const [input, setInput] = useState(choices.find((c) => c.id === "flop_per_dollar_2020")?.id ?? choices[0]?.id ?? "");
  const [kind, setKind] = useState<"median" | "prob">("median");
  const [year, setYear] = useState("2040");
  const [target, setTarget] = useState("2040");
  const [state, setState] = useState<{ busy: boolean; outcome: Outcome | null; error: string | null; undo: { name: string; value: InputValue | undefined } | null }>({ busy: false, outcome: null, error: null, undo: null });

  const submit = async () => {
    const value = Number(target.replace("%", ""));
    const y = Number(year);
    if (!Number.isFinite(value)) return setState((s) => ({ ...s, error: "The target must be a number." }));
    if (kind === "prob" && !Number.isInteger(y)) return setState((s) => ({ ...s, error: "The year must be a whole year, such as 2036." }));
    const body = {
      modelId: model.id,
      inputs: overrides,
      parentForecastId,
      input,
      target: kind === "median" ? { metric: "median", value } : { metric: `p@${y}`, value: value / 100 },
    };
    setState((s) => ({ ...s, busy: true, error: null }));
    try {
      const r = await fetch("/api/forecasts/solve", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
      const out = (await r.json().catch(() => null)) as (Outcome & { ok?: boolean; error?: string }) | null;
      if (!r.ok || !out?.ok) throw new Error(out?.error ?? `the server answered ${r.status}`);
      let undo: { name: string; value: InputValue | undefined } | null = null;
      if (out.status === "solved" && out.input) {
        undo = { name: out.input.name, value: resolveInputs(model, overrides)[out.input.name] };
        onFill(out.input.name, out.input.value, undo.value);
      }
      setState({ busy: false, outcome: out, error: null, undo });
    } catch (err) {
      setState((s) => ({ ...s, busy: false, error: (err as Error).message }));
    }
  };

  return (
    <details className="solver">
      <summary>What would I need to believe?</summary>
      {/* Not a <form>: the editor sits inside the reply's form, and forms cannot nest. */}
      <div className="solver__form" role="group" aria-label="What would I need to believe?" onKeyDown={(e: KeyboardEvent) => {
        if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") {
          e.preventDefault();
          void submit();
        }
      }}>
        <div className="solver__row">
          {/* Labels point at their selects rather than wrap them: a wrapping label's name would include every option's text. */}
          <label htmlFor={`${uid}-solve-kind`}>Target</label>
          <select id={`${uid}-solve-kind`} value={kind} onChange={(e) => setKind(e.target.value as "median" | "prob")}>
            <option value="median">Median year</option>
            <option value="prob">P(by a year)</option>
          </select>
          {kind === "prob" ? (
            <label>
              by <input inputMode="numeric" size={5} value={year} onChange={(e) => setYear(e.target.value)} aria-label="Year" />
            </label>
          ) : null}
          <label>
            {kind === "median" ? "=" : "="} <input inputMode="decimal" size={5} value={target} onChange={(e) => setTarget(e.target.value)} aria-label={kind === "median" ? "Target median year" : "Target probability, %"} />
            {kind === "prob" ? "%" : null}
          </label>
        </div>
        <div className="solver__row">
          <label htmlFor={`${uid}-solve-input`}>by changing</label>
          <select id={`${uid}-solve-input`} value={input} onChange={(e) => setInput(e.target.value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small" disabled={state.busy} onClick={() => void submit()}>
            {state.busy ? "Solving…" : "Solve"}
          </button>
        </div>
        <p className="solver__hint">Everything else stays as it is in your draft; every run uses the parent's draws. A distribution moves by its median, its shape kept.</p>
      </div>
      <div aria-live="polite">
        {state.error ? (
          <p className="form-error" role="alert">
            The solver could not answer: {state.error}.
          </p>
        ) : null}
        {state.outcome ? (
          <div className={`solver__outcome solver__outcome--${state.outcome.status}`}>
            <p>{state.outcome.message}</p>
            {state.undo ? (
              <p className="solver__filled">
                Filled into your fork as a draft.{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const u = state.undo!;
                    if (u.value !== undefined) onFill(u.name, u.value, undefined);
                    setState((s) => ({ ...s, undo: null }));
                  }}
                >
                  Undo
                </button>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}
