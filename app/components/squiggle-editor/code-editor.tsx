// A plain textarea for Squiggle code with line numbers beside it and the interpreter's error
// marked at its line, with a button that puts the caret at its column. A real form field
// (named `<editor>.$source`), so the code is submitted without JavaScript too. Tab keeps its
// usual meaning (moving focus), so the editor never traps the keyboard.

import { useLayoutEffect, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import type { ProgramProblem } from "../forecast-editor/preview";

/** Offset of (line, column), both 1-based, in `text`. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset);
  return Math.min(offset + Math.max(0, column - 1), end < 0 ? text.length : end);
}

const MIN_ROWS = 10;
const MAX_ROWS = 28;

// Before hydration there is no layout to measure; the effect is a no-op on the server.
const useIsoLayoutEffect = typeof window === "undefined" ? () => {} : useLayoutEffect;

export function CodeEditor(props: {
  id: string;
  name: string;
  value: string;
  onChange: (text: string) => void;
  problem: ProgramProblem | null;
  label: string;
  hint?: ReactNode;
  readOnly?: boolean;
}) {
  const { id, name, value, onChange, problem, label, hint, readOnly } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const [scroll, setScroll] = useState(0);
  const lines = value.split("\n").length;
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, lines + 1));
  const errorLine = problem?.line ?? null;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  useIsoLayoutEffect(() => {
    if (area.current) setScroll(area.current.scrollTop);
  }, [value]);

  const jump = () => {
    const el = area.current;
    if (!el || errorLine === null) return;
    const at = offsetOf(value, errorLine, problem?.column ?? 1);
    el.focus();
    el.setSelectionRange(at, at);
  };

  return (
    <div className={`sq-code${problem ? " has-error" : ""}`}>
      <label className="sq-code__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="sq-code__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="sq-code__frame" style={{ ["--sq-rows" as string]: rows }}>
        <div className="sq-code__gutter" aria-hidden="true">
          <div className="sq-code__numbers" style={{ transform: `translateY(${-scroll}px)` }}>
            {Array.from({ length: lines }, (_, i) => (
              <span key={i} className={i + 1 === errorLine ? "is-error" : undefined}>
                {i + 1}
              </span>
            ))}
          </div>
        </div>
        {errorLine !== null ? <div className="sq-code__mark" aria-hidden="true" style={{ transform: `translateY(calc(${errorLine - 1} * var(--sq-lh) - ${scroll}px))` }} /> : null}
        <textarea
          ref={area}
          id={id}
          name={name}
          className="sq-code__text"
          value={value}
          rows={rows}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          readOnly={readOnly}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(" ") || undefined}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
          onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
        />
      </div>
      {problem ? (
        <div className="sq-code__error" id={errorId} role="alert">
          <p>
            {errorLine !== null ? <strong>Line {errorLine}{problem.column !== null ? `, column ${problem.column}` : ""}: </strong> : null}
            {errorLine !== null ? problem.message.replace(/^Line \d+(, column \d+)?: /, "") : problem.message}
          </p>
          {errorLine !== null ? (
            <button type="button" className="link-button" onClick={jump}>
              Go to line {errorLine}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
