// Controls for number, choice and table inputs, and the number text box they share with
// the distribution editor. Every control is a named plain form field (see form-fields.ts).

import type { ChoiceInputDef, NumberInputDef, TableInputDef, TableRow } from "../../forecast/index";
import { ids, useEditor, useFieldBinding } from "./context";
import { displayUnit, isShareUnit, parseNumberText, readingNeeded, sciParts, type NumberStyle } from "./number-text";

/**
 * The value as it was read, e.g. "= 3.2 × 10^17", so the user sees how the text was parsed;
 * once the field's errors show, text that does not parse gets the parser's hint instead.
 */
export function Reading(props: { id: string; text: string; style: NumberStyle; percent: "share" | "literal" | "none"; invalid: boolean }) {
  const { id, text, style, percent, invalid } = props;
  const parsed = parseNumberText(text, percent);
  if (!parsed.ok) {
    return invalid && text.trim() ? (
      <span className="fe-reading fe-reading--bad" id={id}>
        {parsed.message}
      </span>
    ) : null;
  }
  if (!readingNeeded(text, parsed.value, style)) return null;
  const sci = sciParts(parsed.value);
  const shown = style.percent && Math.abs(parsed.value) < 10 ? `${Number((parsed.value * 100).toPrecision(6))}%` : null;
  return (
    <span className="fe-reading" id={id}>
      ={" "}
      {shown ??
        (sci ? (
          <>
            {sci.mantissa === "1" ? "" : `${sci.mantissa} × `}10<sup>{sci.exponent}</sup>
          </>
        ) : (
          parsed.value.toLocaleString("en-US", { maximumSignificantDigits: 15 })
        ))}
    </span>
  );
}

export function percentModeOf(unit: string): "share" | "literal" | "none" {
  return isShareUnit(unit) ? "share" : unit.startsWith("%") ? "literal" : "none";
}

/** A text box for one number: accepts "1e15", "3.2e17", "1,000"; shows what it read. */
export function NumberText(props: {
  path: string;
  unit: string;
  style: NumberStyle;
  label?: string;
  signed?: boolean;
  compact?: boolean;
  /** A unit shown right after the box (kept on the same line as it). */
  suffix?: string;
}) {
  const { id, name, value, invalid, describedBy, set, ctx } = useFieldBinding(props.path);
  const percent = percentModeOf(props.unit);
  const readingId = ids.reading(ctx.uid, props.path);
  // iOS decimal keypads have no "e" or "-": use the full keyboard when those are likely.
  const inputMode = props.style.sci || props.signed ? "text" : "decimal";
  return (
    <span className={`fe-num${props.compact ? " fe-num--compact" : ""}`}>
      <span className="fe-num__box">
        <input
          id={id}
          name={name}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => set(e.target.value)}
          aria-label={props.label}
          aria-invalid={invalid || undefined}
          aria-describedby={`${describedBy} ${readingId}`}
        />
        {props.suffix ? <span className="fe-unit">{props.suffix}</span> : null}
      </span>
      {props.compact ? null : <Reading id={readingId} text={value} style={props.style} percent={percent} invalid={invalid} />}
    </span>
  );
}

/** The unit after a number box; shares are typed with their "%", so only "per year" remains. */
export function shareSuffix(unit: string): string | undefined {
  if (!isShareUnit(unit)) return unit ? displayUnit(unit) : undefined;
  const rest = displayUnit(unit).slice(1);
  return rest.startsWith("/") ? `per ${rest.slice(1)}` : rest || undefined;
}

export function NumberControl({ def }: { def: NumberInputDef }) {
  return (
    <div className="fe-row">
      <NumberText
        path={def.name}
        unit={def.unit}
        style={{ sci: def.scale === "log", percent: isShareUnit(def.unit) }}
        signed={def.min < 0}
        suffix={shareSuffix(def.unit)}
      />
    </div>
  );
}

/** Radio buttons for up to four options (with their help), a select for more. */
export function ChoiceControl({ def, labelId }: { def: ChoiceInputDef; labelId: string }) {
  const { id, name, value, invalid, describedBy, set } = useFieldBinding(def.name);
  const selected = def.options.find((o) => o.value === value);
  if (def.options.length > 4) {
    return (
      <div className="fe-choice">
        <select id={id} name={name} value={value} onChange={(e) => set(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          {def.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {selected?.help ? <p className="fe-option-help">{selected.help}</p> : null}
      </div>
    );
  }
  return (
    <div className="fe-radios" role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      {def.options.map((o, i) => (
        <label key={o.value} className={`fe-radio${o.value === value ? " is-selected" : ""}`}>
          <input type="radio" id={i === 0 ? id : undefined} name={name} value={o.value} checked={o.value === value} onChange={() => set(o.value)} />
          <span className="fe-radio__text">
            <span className="fe-radio__label">{o.label}</span>
            {o.help ? <span className="fe-radio__help">{o.help}</span> : null}
          </span>
        </label>
      ))}
    </div>
  );
}

/** A compact grid of number boxes, one row per row key; scrolls sideways on narrow screens. */
export function TableControl({ def, labelId }: { def: TableInputDef; labelId: string }) {
  const { baseline, fields } = useEditor();
  const base = (Array.isArray(baseline[def.name]) ? baseline[def.name] : def.default) as TableRow[];
  const single = def.columns.length === 1;
  return (
    <div className="fe-table-wrap" role="group" aria-labelledby={labelId}>
      <table className={`fe-table${single ? " fe-table--single" : ""}`}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Row</span>
            </th>
            {def.columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
                {c.unit ? <span className="fe-unit"> ({c.unit})</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {def.rows.map((row, i) => {
            const changed = def.columns.some((c) => {
              const parsed = parseNumberText(fields[`${def.name}.${i}.${c.key}`] ?? "", percentModeOf(c.unit));
              return !parsed.ok || parsed.value !== base[i]?.[c.key];
            });
            return (
              <tr key={row.key} className={changed ? "is-changed" : undefined}>
                <th scope="row">{row.label}</th>
                {def.columns.map((c) => (
                  <td key={c.key}>
                    <NumberText
                      path={`${def.name}.${i}.${c.key}`}
                      unit={c.unit}
                      style={{ sci: false, percent: false }}
                      label={`${row.label}: ${c.label.toLowerCase()}${c.unit ? ` (${c.unit})` : ""}`}
                      compact
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
