// One input: label and unit, the control for its kind, help and bounds (quiet, under the
// control), its errors, and — when changed — an accent bar, a "changed · was X" tag, a
// Reset link and, in a fork, a one-line "why".

import type { FocusEvent } from "react";
import type { InputDef, InputDiff, InputIssue } from "../../forecast/index";
import { ids, useEditor } from "./context";
import { ChoiceControl, NumberControl, TableControl } from "./controls";
import { DistributionControl } from "./distribution-control";
import { FixedValue, QuantilesControl, TextControl } from "./quick-controls";
import { WHY_FIELD, fieldName } from "./form-fields";
import { boundsHint } from "./number-text";
import { RATIONALE_MAX } from "./payload";
import { whyPlaceholder } from "./why-placeholder";

function boundsText(def: InputDef): string | null {
  if (def.hideBounds) return null;
  switch (def.kind) {
    case "number":
      return `Between ${boundsHint(def.min, def.max, def.unit, def.scale).slice("between ".length)}.`;
    case "distribution":
      return `Values ${boundsHint(def.min, def.max, def.unit, def.scale ?? (def.max >= 1e6 ? "log" : undefined))}.`;
    case "table":
      return `${def.columns.map((c) => `${c.label} ${boundsHint(c.min, c.max, c.unit)}`).join("; ")}.`;
    case "quantiles":
      return def.unit === "year" ? `Years ${boundsHint(def.min, def.max, def.unit)}.` : null;
    case "choice":
    case "text":
      return null;
  }
}

/** "Brain FLOP/s: the 5th percentile must…" reads "The 5th percentile must…" beside the field. */
export function localMessage(def: InputDef, message: string): string {
  for (const prefix of [`${def.label}: `, `${def.label}, `]) {
    if (message.startsWith(prefix)) {
      const rest = message.slice(prefix.length);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return message;
}

/** `pairStart`: the next input continues this one ("… applies at or below"), so they share a row. */
export function InputField({ def, diff, pairStart, hidden }: { def: InputDef; diff?: InputDiff; pairStart?: boolean; hidden?: boolean }) {
  const { uid, name, shown, invalid, dispatch, baseline, forking, hydrated, rationales } = useEditor();
  const issues = shown.get(def.name) ?? [];
  const labelId = `${ids.input(uid, def.name)}-label`;
  const helpId = ids.help(uid, def.name);
  const errorId = ids.error(uid, def.name);
  // A fork keeps what the asker fixed (the question): shown, not edited.
  const fixed = forking && Boolean(def.fixedInForks);
  const single = !fixed && (def.kind === "number" || def.kind === "text" || (def.kind === "choice" && def.options.length > 4));
  const wide =
    def.kind === "distribution" ||
    def.kind === "table" ||
    def.kind === "quantiles" ||
    (def.kind === "text" && def.maxLength > 80) ||
    (def.kind === "choice" && def.options.some((o) => o.help || o.label.length > 32));
  const bounds = boundsText(def);
  const whyId = ids.control(uid, `${WHY_FIELD}.${def.name}`);

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const next = e.relatedTarget as HTMLElement | null;
    // Moving between the boxes of one value is not leaving it; moving on to its "why" box is.
    if (e.currentTarget.contains(next) && !next?.closest(".fe-why")) return;
    const touch = () => dispatch({ type: "touch", name: def.name });
    // Leaving the editor (often for the submit button): an error appearing now would push
    // that button down between mousedown and mouseup and swallow the click, so wait a beat.
    if (next && e.currentTarget.closest(".fe")?.contains(next)) touch();
    else setTimeout(touch, 300);
  };
  const classes = ["fe-input", `fe-input--${def.kind}`, wide ? "fe-input--wide" : "", pairStart ? "fe-input--pair" : "", diff ? "is-changed" : "", issues.length ? "has-error" : ""];

  return (
    <div
      className={classes.filter(Boolean).join(" ")}
      id={ids.input(uid, def.name)}
      hidden={hidden}
      onBlur={onBlur}
      role={single ? undefined : "group"}
      aria-labelledby={single ? undefined : labelId}
      aria-describedby={single ? undefined : helpId}
    >
      <div className="fe-input__head">
        {single ? (
          <label className="fe-input__label" id={labelId} htmlFor={ids.control(uid, def.name)}>
            {def.label}
          </label>
        ) : (
          <span className="fe-input__label" id={labelId}>
            {def.label}
          </span>
        )}
        {diff ? (
          <span className="fe-changed">
            <span className="fe-tag">changed</span>
            <span className="fe-was" title={diff.fromText}>
              was {diff.fromText}
            </span>
            <button
              type="button"
              className="link-button fe-reset"
              disabled={!hydrated}
              onClick={() => dispatch({ type: "value", name: def.name, value: baseline[def.name] })}
            >
              Reset<span className="visually-hidden"> {def.label}</span>
            </button>
          </span>
        ) : null}
      </div>
      {fixed ? <FixedValue def={def} /> : <Control def={def} labelId={labelId} />}
      {issues.length ? (
        <ul className="fe-errors" id={errorId} role="alert">
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>{localMessage(def, i.message)}</li>
          ))}
        </ul>
      ) : null}
      {fixed ? null : (
        <p className="fe-help" id={helpId}>
          {def.help}
          {bounds ? <span className="fe-bounds"> {bounds}</span> : null}
        </p>
      )}
      {forking && diff ? (
        <div className="fe-why">
          <label htmlFor={whyId}>
            Why this change? <span className="fe-quiet">(optional, one line)</span>
          </label>
          <input
            id={whyId}
            type="text"
            name={fieldName(name, `${WHY_FIELD}.${def.name}`)}
            maxLength={RATIONALE_MAX}
            value={rationales[def.name] ?? ""}
            onChange={(e) => dispatch({ type: "rationale", name: def.name, text: e.target.value })}
            placeholder={invalid.has(def.name) ? "A source or an argument" : whyPlaceholder(diff)}
          />
        </div>
      ) : null}
    </div>
  );
}

function Control({ def, labelId }: { def: InputDef; labelId: string }) {
  switch (def.kind) {
    case "number":
      return <NumberControl def={def} />;
    case "choice":
      return <ChoiceControl def={def} labelId={labelId} />;
    case "table":
      return <TableControl def={def} labelId={labelId} />;
    case "distribution":
      return <DistributionControl def={def} path={def.name} />;
    case "text":
      return <TextControl def={def} />;
    case "quantiles":
      return <QuantilesControl def={def} labelId={labelId} />;
  }
}

/** Problems that belong to no single input (cross-input checks, the server's whole-forecast errors). */
export function GeneralErrors({ issues }: { issues: InputIssue[] }) {
  if (!issues.length) return null;
  return (
    <ul className="fe-errors fe-errors--general" role="alert">
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}
