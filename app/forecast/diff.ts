// What a fork changed, in words: input differences and readable input values.

import { canonicalJson } from "./canonical";
import { describeDistribution } from "./distributions";
import { formatDay, formatMoney, formatNumber, formatPercent, formatSci, formatYear, percentileName } from "./format";
import type { Distribution, ForecastModel, InputDef, InputValue, Inputs, QuantilesInputDef, TableInputDef, TableRow } from "./types";

export { formatHeadline, formatNumber, formatPercent, formatSci, formatYear, percentileName } from "./format";

export interface InputDiff {
  name: string;
  label: string;
  unit: string;
  from: InputValue;
  to: InputValue;
  fromText: string;
  toText: string;
}

/** A number in the way its unit is read: FLOP in scientific notation, shares as %, years whole. */
export function formatQuantity(x: number, unit: string, scale?: "linear" | "log"): string {
  if (unit === "year") return formatYear(x);
  if (unit === "probability") return formatPercent(x);
  // "fraction" units are shares stored as 0–1; "fraction/year" reads as "3%/year".
  if (unit.startsWith("fraction")) return `${formatPercent(x, 2)}${unit.slice("fraction".length)}`;
  if (unit === "%") return `${formatNumber(x)}%`;
  // Money reads the way the posts write it ("$1B", "$0.01/word"), not "1e9 USD".
  if (unit === "USD" || unit.startsWith("USD/")) return `${formatMoney(x)}${unit.slice("USD".length)}`;
  const ax = Math.abs(x);
  const text = scale === "log" && (ax >= 1e4 || (ax > 0 && ax < 1e-3)) ? formatSci(x) : formatNumber(x);
  if (!unit) return text;
  return `${text} ${x === 1 && unit === "years" ? "year" : unit}`;
}

function formatRow(def: TableInputDef, row: TableRow | undefined, i: number): string {
  const label = def.rows[i]?.label ?? `row ${i + 1}`;
  if (!row) return `${label}: —`;
  if (def.columns.length === 1) return `${label} ${formatQuantity(row[def.columns[0].key], def.columns[0].unit)}`;
  const cells = def.columns.map((c) => `${c.label.toLowerCase()} ${formatQuantity(row[c.key], c.unit)}`);
  return `${label}: ${cells.join(", ")}`;
}

/** "90% interval 2027 to 2040", or "5th percentile 2027, 50th 2031, 95th 2040" (years as typed, not rounded). */
export function describeQuantiles(def: Pick<QuantilesInputDef, "unit">, rows: readonly TableRow[], unit = def.unit): string {
  const show = (x: number) => (unit === "year" ? formatNumber(x, 6) : formatQuantity(x, "", x !== 0 && Math.abs(x) >= 1e4 ? "log" : undefined));
  const u = unit && unit !== "year" ? ` ${unit}` : "";
  const ps = rows.map((r) => r.p);
  if (rows.length === 2 && ps[0] === 0.05 && ps[1] === 0.95) return `90% interval ${show(rows[0]!.value!)} to ${show(rows[1]!.value!)}${u}`;
  const parts = rows.map((r, i) => `${percentileName(r.p!)}${i === 0 ? " percentile" : ""} ${show(r.value!)}`);
  return `${parts.join(", ")}${u}`;
}

/** Readable text for one input value, with units. */
export function formatInputValue(def: InputDef, value: InputValue): string {
  switch (def.kind) {
    case "number":
      return typeof value === "number" ? formatQuantity(value, def.unit, def.scale) : String(value);
    case "choice":
      return def.options.find((o) => o.value === value)?.label ?? String(value);
    case "distribution":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? describeDistribution(value as Distribution, def.unit)
        : String(value);
    case "table":
      return Array.isArray(value) ? value.map((row, i) => formatRow(def, row, i)).join("; ") : String(value);
    case "text":
      if (typeof value !== "string") return String(value);
      return value === "" ? "(none)" : def.format === "date" ? formatDay(value) : value;
    case "quantiles":
      return Array.isArray(value) ? describeQuantiles(def, value) : String(value);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false; // non-canonical values (NaN, ...) are never "the same"
  }
}

/** A label that stands alone: "… applies at or below" gets the preceding input's label in front. */
export function fullLabel(model: ForecastModel, name: string): string {
  const i = model.inputs.findIndex((d) => d.name === name);
  if (i < 0) return name;
  const label = model.inputs[i].label;
  if (!label.startsWith("…") || i === 0) return label;
  return `${fullLabel(model, model.inputs[i - 1].name)}: ${label.slice(1).trim()}`;
}

/** Table text of only the rows that differ, so a one-weight change reads as one row. */
function changedRows(def: TableInputDef, from: TableRow[], to: TableRow[]): [string, string] {
  const fromParts: string[] = [];
  const toParts: string[] = [];
  const n = Math.max(from.length, to.length);
  for (let i = 0; i < n; i++) {
    if (sameValue(from[i], to[i])) continue;
    fromParts.push(formatRow(def, from[i], i));
    toParts.push(formatRow(def, to[i], i));
  }
  return [fromParts.join("; "), toParts.join("; ")];
}

/**
 * Inputs whose canonical values differ between a and b, in the model's input order. A
 * missing input counts as its default, so a partial fork diffs cleanly against the
 * defaults or against another fork.
 */
export function diffInputs(model: ForecastModel, a: Inputs, b: Inputs): InputDiff[] {
  const out: InputDiff[] = [];
  for (const def of model.inputs) {
    const from = Object.hasOwn(a, def.name) ? a[def.name] : def.default;
    const to = Object.hasOwn(b, def.name) ? b[def.name] : def.default;
    if (sameValue(from, to)) continue;
    let fromText = formatInputValue(def, from);
    let toText = formatInputValue(def, to);
    if (def.kind === "table" && Array.isArray(from) && Array.isArray(to)) {
      [fromText, toText] = changedRows(def, from as TableRow[], to as TableRow[]);
    }
    out.push({ name: def.name, label: def.label, unit: def.unit, from, to, fromText, toText });
  }
  return out;
}
