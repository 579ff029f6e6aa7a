// "What moves this forecast": the tornado chart, fetched only when the reader opens it (a
// sensitivity analysis is ~100 model runs). In the fork editor a click on a bar, or on an
// input's name in the list under it, takes the reader to that input.
import type { TopLevelSpec } from "vega-lite";
import { useEffect, useRef, useState } from "react";
import type { SensitivityView } from "~/services/types";
import { ForecastChart } from "./forecast-chart";

type State = { status: "idle" | "loading" } | { status: "ok"; view: SensitivityView } | { status: "error"; message: string };

export function SensitivityPanel({
  forecastId,
  initial = null,
  onSelectInput,
  summary = "What moves this forecast: every input at its low and high end",
}: {
  forecastId: number;
  /** Already computed on the server (the page was asked for it): shown open, no fetch. */
  initial?: SensitivityView | null;
  /** Fork editor: go to the input a bar stands for. */
  onSelectInput?: (input: string) => void;
  summary?: string;
}) {
  const [state, setState] = useState<State>(initial ? { status: "ok", view: initial } : { status: "idle" });
  const [open, setOpen] = useState(Boolean(initial));
  const started = useRef(Boolean(initial));

  useEffect(() => {
    if (!open || started.current) return;
    started.current = true;
    const ac = new AbortController();
    setState({ status: "loading" });
    fetch(`/api/forecasts/${forecastId}/sensitivity`, { headers: { Accept: "application/json" }, signal: ac.signal })
      .then(async (r) => {
        const body = (await r.json().catch(() => null)) as (SensitivityView & { ok?: boolean; error?: string }) | null;
        if (!r.ok || !body?.ok) throw new Error(body?.error ?? `the server answered ${r.status}`);
        setState({ status: "ok", view: body });
      })
      .catch((e: Error) => {
        if (ac.signal.aborted) return;
        started.current = false;
        setState({ status: "error", message: e.message });
      });
    return () => ac.abort();
  }, [open, forecastId]);

  const select = onSelectInput ? (datum: Record<string, unknown>) => typeof datum.input === "string" && onSelectInput(datum.input) : undefined;
  return (
    <details className="sensitivity" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      <div className="sensitivity__body" aria-live="polite">
        {state.status === "loading" ? (
          <p className="sensitivity__status">
            <span className="fe-spinner" aria-hidden="true" /> Running every input at its low and high end…
          </p>
        ) : null}
        {state.status === "idle" ? (
          <p className="sensitivity__status">
            <a href={`/forecasts/${forecastId}?sensitivity=1#sensitivity`}>Open the sensitivity analysis</a> (it runs about a hundred model variants).
          </p>
        ) : null}
        {state.status === "error" ? (
          <p className="sensitivity__status form-error" role="alert">
            The sensitivity analysis is not available right now ({state.message}).{" "}
            <button type="button" className="link-button" onClick={() => setOpen(true)}>
              Try again
            </button>
          </p>
        ) : null}
        {state.status === "ok" ? (
          <>
            <ForecastChart
              svg={state.view.svg}
              spec={state.view.spec as unknown as TopLevelSpec}
              narrow={{ svg: state.view.narrow.svg, spec: state.view.narrow.spec as unknown as TopLevelSpec }}
              description={state.view.description}
              table={state.view.table}
              onSelect={select}
              className="sensitivity__chart"
            />
            {onSelectInput ? (
              <div className="sensitivity__jump">
                <p className="sensitivity__hint">Go to an input (or click its bar):</p>
                <ul>
                  {state.view.tornado.bars
                    .filter((b) => b.swing > 0)
                    .slice(0, 12)
                    .map((b) => (
                      <li key={b.id}>
                        <button type="button" className="link-button" onClick={() => onSelectInput(b.input)} data-input={b.input}>
                          {b.label}
                        </button>
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            <p className="sensitivity__method">
              {state.view.method}
              {state.view.forecastModelVersion !== state.view.modelVersion ? ` Computed with model version ${state.view.modelVersion}; this forecast was made with version ${state.view.forecastModelVersion}.` : ""}
            </p>
          </>
        ) : null}
      </div>
    </details>
  );
}
