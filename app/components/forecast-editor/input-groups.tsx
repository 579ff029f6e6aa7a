// The inputs, grouped and folded. A model like Bio Anchors has 39 inputs: shown all at once
// they push the preview thousands of pixels away from the field being edited, so every group
// starts closed (a plain <details>, which folds without JavaScript too), a group with changes
// or errors starts open, and a search box finds an input by its label or help text.

import { useEffect, useMemo, useState } from "react";
import type { InputDef, InputDiff, InputIssue } from "../../forecast/index";
import { InputField } from "./input-field";

function groupInputs(inputs: InputDef[]): [string, InputDef[]][] {
  const groups = new Map<string, InputDef[]>();
  for (const def of inputs) {
    const key = def.group ?? "Inputs";
    groups.set(key, [...(groups.get(key) ?? []), def]);
  }
  return [...groups];
}

/** Lower-cased words of a query; an input matches when each word is in its label, help or group. */
export function matchesQuery(def: InputDef, group: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${def.label} ${def.help ?? ""} ${group} ${def.name.replace(/_/g, " ")}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function InputGroups(props: {
  modelId: string;
  inputs: InputDef[];
  diffs: Map<string, InputDiff>;
  shown: Map<string, InputIssue[]>;
  hydrated: boolean;
  /** A restored draft: the groups it changed open, as if the reader had left them open. */
  restored: boolean;
  uid: string;
}) {
  const { modelId, inputs, diffs, shown, hydrated, restored, uid } = props;
  const groups = useMemo(() => groupInputs(inputs), [inputs]);
  const needsAttention = (defs: InputDef[]) => defs.some((d) => diffs.has(d.name) || shown.has(d.name));
  const [open, setOpen] = useState<Set<string>>(() => new Set(groups.filter(([, defs]) => needsAttention(defs)).map(([g]) => g)));
  const [query, setQuery] = useState("");

  useEffect(() => {
    if (restored) setOpen((o) => new Set([...o, ...groups.filter(([, defs]) => defs.some((d) => diffs.has(d.name))).map(([g]) => g)]));
    // Only when the draft arrives: later edits leave the reader's folding alone.
  }, [restored]);

  const trimmed = query.trim();
  const matches = new Map(groups.map(([group, defs]) => [group, new Set(defs.filter((d) => matchesQuery(d, group, trimmed)).map((d) => d.name))]));
  const total = [...matches.values()].reduce((n, s) => n + s.size, 0);
  const searchId = `${uid}-search`;

  return (
    <>
      {hydrated ? (
        <div className="fe-find">
          <label htmlFor={searchId} className="fe-find__label">
            Find an input
          </label>
          <input
            id={searchId}
            type="search"
            className="fe-find__box"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="e.g. hardware, spend, horizon"
            autoComplete="off"
          />
          <span className="fe-find__count" aria-live="polite">
            {trimmed ? (total === 0 ? `No input matches “${trimmed}”.` : `${total} of ${inputs.length} inputs`) : `${inputs.length} inputs in ${groups.length} groups`}
          </span>
        </div>
      ) : null}
      {groups.map(([group, defs]) => {
        const found = matches.get(group)!;
        const changedHere = defs.filter((d) => diffs.has(d.name)).length;
        const errorsHere = defs.filter((d) => shown.has(d.name)).length;
        const isOpen = trimmed ? found.size > 0 : open.has(group);
        return (
          <details
            className="fe-group"
            key={`${modelId}:${group}`}
            open={isOpen}
            hidden={trimmed !== "" && found.size === 0}
            onToggle={(e) => {
              // Opened by a search, not by the reader: nothing to remember.
              if (trimmed) return;
              const now = e.currentTarget.open;
              setOpen((o) => (o.has(group) === now ? o : now ? new Set([...o, group]) : new Set([...o].filter((g) => g !== group))));
            }}
          >
            <summary className="fe-group__summary">
              <h3 className="fe-group__title">{group}</h3>
              <span className="fe-group__meta">
                {defs.length} {defs.length === 1 ? "input" : "inputs"}
                {changedHere ? <span className="fe-group__changed"> · {changedHere} changed</span> : null}
                {errorsHere ? <span className="fe-group__errors"> · {errorsHere} to fix</span> : null}
              </span>
            </summary>
            <div className="fe-grid">
              {defs.map((def, i) => (
                <InputField
                  key={`${modelId}:${def.name}`}
                  def={def}
                  diff={diffs.get(def.name)}
                  pairStart={defs[i + 1]?.label.startsWith("…")}
                  hidden={!found.has(def.name)}
                />
              ))}
            </div>
          </details>
        );
      })}
    </>
  );
}
