// Controls for the inputs quick forecasts use: one line of text (a question, a unit, a date)
// and a few stated percentiles (a 90% interval, more if wanted). Plain named form fields, so
// the form posts without JavaScript (form-fields.ts).

import { formatInputValue, percentileName, type InputDef, type QuantilesInputDef, type TextInputDef } from "../../forecast/index";
import { useEditor, useFieldBinding } from "./context";
import { NumberText } from "./controls";
import { levelKey, quantileLevels } from "./fields";
import { fieldName } from "./form-fields";

export function TextControl({ def }: { def: TextInputDef }) {
  const { id, name, value, invalid, describedBy, set } = useFieldBinding(def.name);
  const long = def.maxLength > 80;
  return (
    <div className={`fe-row fe-text${long ? " fe-text--long" : ""}`}>
      <input
        id={id}
        name={name}
        type={def.format === "date" ? "date" : "text"}
        value={value}
        onChange={(e) => set(e.target.value)}
        maxLength={def.format === "date" ? undefined : def.maxLength}
        placeholder={def.placeholder}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** The percentiles shown up front: the ends of a 90% interval. The rest sit behind "More percentiles". */
const UP_FRONT = new Set(["5", "95"]);

export function QuantilesControl({ def, labelId }: { def: QuantilesInputDef; labelId: string }) {
  const { fields } = useEditor();
  // Every percentile that has a field: the offered ones, and any other the value states.
  const prefix = `${def.name}.`;
  const stated = Object.keys(fields).flatMap((k) => (k.startsWith(prefix) ? [{ p: Number(k.slice(prefix.length)) / 100 }] : []));
  const levels = quantileLevels(def, stated);
  const front = levels.filter((p) => UP_FRONT.has(levelKey(p)));
  const more = levels.filter((p) => !UP_FRONT.has(levelKey(p)));
  const unit = def.unit === "year" ? "" : def.unit;
  const box = (p: number) => (
    <label className="fe-quantile" key={levelKey(p)}>
      <span className="fe-quantile__label">
        {percentileName(p)} percentile{p === 0.5 ? " (median)" : ""}
      </span>
      <NumberText path={`${def.name}.${levelKey(p)}`} unit={unit} style={{ sci: def.unit !== "year" && def.max >= 1e6, percent: false }} signed={def.min < 0} label={`${def.label}: ${percentileName(p)} percentile`} />
    </label>
  );
  const moreFilled = more.some((p) => (fields[`${def.name}.${levelKey(p)}`] ?? "").trim() !== "");
  return (
    <div className="fe-quantiles" role="group" aria-labelledby={labelId}>
      <div className="fe-quantiles__front">{front.map(box)}</div>
      {more.length ? (
        <details className="fe-quantiles__more" open={moreFilled || undefined}>
          <summary>More percentiles (optional)</summary>
          <div className="fe-quantiles__grid">{more.map(box)}</div>
        </details>
      ) : null}
    </div>
  );
}

/**
 * An input a fork keeps as its parent stated it (a quick forecast's question): shown as
 * text, and sent unchanged in hidden fields so a plain form post keeps it too.
 */
export function FixedValue({ def }: { def: InputDef }) {
  const { name, fields, baseline } = useEditor();
  const value = baseline[def.name];
  const prefix = `${def.name}.`;
  const keys = Object.keys(fields).filter((k) => k === def.name || k.startsWith(prefix));
  return (
    <div className="fe-fixed">
      <p className="fe-fixed__value">{value === undefined || value === "" ? "—" : formatInputValue(def, value)}</p>
      {keys.map((k) => (
        <input key={k} type="hidden" name={fieldName(name, k)} value={fields[k]} />
      ))}
    </div>
  );
}
