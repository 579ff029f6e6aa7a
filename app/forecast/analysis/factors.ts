// The knobs analyses turn: one per input (one per row of a table), with the values a
// sensitivity bar tries and the one-number parameter a solver moves. Generic over every
// model's InputDefs, so Squiggle parameters and quick forecasts work the same way.

import { formatInputValue, formatQuantity, fullLabel } from "../diff";
import type { Distribution, ForecastModel, InputDef, InputValue, Inputs, NumberInputDef, TableInputDef, TableRow } from "../types";
import { distributionQuantile, medianRange, moveMedian } from "./dist-tools";

/** How far an input without a sourced range moves either way (NumberInputDef.plausible). */
export const DEFAULT_LOG_STEP_OOM = 0.5;
export const DEFAULT_LINEAR_STEP = 0.2;
/** A table cell's sensitivity ends: half and double its value. */
export const TABLE_FACTOR = 2;

export interface Variant {
  /** "low", "high", or a choice's option value. */
  key: string;
  value: InputValue;
  /** The value in words, with its unit ("1e16 FLOP/$", "Short-horizon NN 40%"). */
  text: string;
}

export interface Factor {
  /** Input name, or "anchors.0" for a table row. */
  id: string;
  input: string;
  label: string;
  group: string;
  /** How the ends were chosen, in words (shown in the text alternative and the API). */
  rule: string;
  variants: Variant[];
}

const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

function clamp(x: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, x));
}

/** The ends of a number input's bar: its sourced range, or the default rule around its value. */
function numberEnds(def: NumberInputDef, value: number): { low: number; high: number; rule: string } {
  if (def.plausible) return { low: def.plausible[0], high: def.plausible[1], rule: "sourced plausible range" };
  let low: number;
  let high: number;
  let rule: string;
  if (def.scale === "log" && value > 0) {
    low = value / 10 ** DEFAULT_LOG_STEP_OOM;
    high = value * 10 ** DEFAULT_LOG_STEP_OOM;
    rule = `no sourced range: ±${DEFAULT_LOG_STEP_OOM} OOM`;
  } else {
    const step = Math.abs(value) * DEFAULT_LINEAR_STEP || DEFAULT_LINEAR_STEP;
    low = value - step;
    high = value + step;
    rule = `no sourced range: ±${DEFAULT_LINEAR_STEP * 100}%`;
  }
  low = clamp(round(low), def.min, def.max);
  high = clamp(round(high), def.min, def.max);
  if (def.integer) {
    low = Math.floor(low);
    high = Math.ceil(high);
  }
  return { low, high, rule };
}

/** A distribution's bar: the input held at its own 5th and at its 95th percentile. */
function distributionEnds(def: InputDef & { kind: "distribution" }, d: Distribution): { low: number; high: number; rule: string } {
  const source = d.kind === "point" ? def.default : d;
  const low = clamp(round(distributionQuantile(source, 0.05)), def.min, def.max);
  const high = clamp(round(distributionQuantile(source, 0.95)), def.min, def.max);
  const rule = d.kind === "point" ? "a single value: the model default's 5th and 95th percentiles" : "its own 5th and 95th percentiles, as single values";
  return { low, high, rule };
}

function tableFactors(def: TableInputDef, rows: TableRow[]): Factor[] {
  const out: Factor[] = [];
  const col = def.columns[0];
  if (!col) return out;
  rows.forEach((row, i) => {
    const v = row[col.key];
    if (typeof v !== "number" || v <= 0) return;
    const withCell = (x: number): TableRow[] => rows.map((r, j) => (j === i ? { ...r, [col.key]: x } : { ...r }));
    const low = clamp(round(v / TABLE_FACTOR), col.min, col.max);
    const high = clamp(round(v * TABLE_FACTOR), col.min, col.max);
    const rowLabel = def.rows[i]?.label ?? `row ${i + 1}`;
    out.push({
      id: `${def.name}.${i}`,
      input: def.name,
      label: `${def.label}: ${rowLabel}`,
      group: def.group ?? "",
      rule: "halved and doubled, other rows unchanged",
      variants: [
        { key: "low", value: withCell(low), text: formatQuantity(low, col.unit) },
        { key: "high", value: withCell(high), text: formatQuantity(high, col.unit) },
      ],
    });
  });
  return out;
}

/**
 * The sensitivity factors of a model at `inputs` (resolved): every number, distribution and
 * choice input, and every non-zero table cell, with the values to try.
 */
export function sensitivityFactors(model: ForecastModel, inputs: Inputs): Factor[] {
  const factors: Factor[] = [];
  for (const def of model.inputs) {
    const value = inputs[def.name] ?? def.default;
    const base = { id: def.name, input: def.name, label: fullLabel(model, def.name), group: def.group ?? "" };
    switch (def.kind) {
      case "number": {
        if (typeof value !== "number") continue;
        const { low, high, rule } = numberEnds(def, value);
        if (low === high) continue;
        factors.push({ ...base, rule, variants: [
          { key: "low", value: low, text: formatInputValue(def, low) },
          { key: "high", value: high, text: formatInputValue(def, high) },
        ] });
        break;
      }
      case "distribution": {
        if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
        const { low, high, rule } = distributionEnds(def, value as Distribution);
        if (!(low < high)) continue;
        const point = (x: number): Distribution => ({ kind: "point", value: x });
        factors.push({ ...base, rule, variants: [
          { key: "low", value: point(low), text: formatQuantity(low, def.unit, def.min > 0 ? "log" : "linear") },
          { key: "high", value: point(high), text: formatQuantity(high, def.unit, def.min > 0 ? "log" : "linear") },
        ] });
        break;
      }
      case "choice": {
        const others = def.options.filter((o) => o.value !== value);
        if (!others.length) continue;
        factors.push({ ...base, rule: "every other option", variants: others.map((o) => ({ key: o.value, value: o.value, text: o.label })) });
        break;
      }
      case "table":
        if (Array.isArray(value)) factors.push(...tableFactors(def, value as TableRow[]));
        break;
    }
  }
  return factors;
}

/** `inputs` with one input replaced (a fresh object; `inputs` is left alone). */
export function withInput(inputs: Inputs, name: string, value: InputValue): Inputs {
  return { ...inputs, [name]: value };
}

/** A one-number knob on an input, for the solver: its domain and how a value is applied. */
export interface SolveParameter {
  id: string;
  input: string;
  label: string;
  /** What the number is: the input itself, a distribution's median, or a table cell. */
  meaning: string;
  unit: string;
  scale: "linear" | "log";
  integer: boolean;
  domain: [number, number];
  current: number;
  apply(inputs: Inputs, x: number): Inputs;
  /** The input's value at x, in words. */
  describe(x: number): string;
}

/** Past this, a bound is no bound (a Squiggle parameter accepts any number its program can use). */
const UNBOUNDED = 1e299;
/** How far the solver searches around an unbounded number: 3 OOM either way, or ten times its size. */
const OPEN_SEARCH_OOM = 3;
const OPEN_SEARCH_FACTOR = 10;

/**
 * Where the solver looks for a number input: its stated range; for an input without one
 * (a Squiggle parameter), a span around its value, on a log scale when the value is positive.
 */
function numberSearch(def: NumberInputDef, value: number): { domain: [number, number]; scale: "log" | "linear" } {
  if (Math.abs(def.min) < UNBOUNDED && Math.abs(def.max) < UNBOUNDED) return { domain: [def.min, def.max], scale: def.scale === "log" && def.min > 0 ? "log" : "linear" };
  if (value > 0) return { domain: [value / 10 ** OPEN_SEARCH_OOM, value * 10 ** OPEN_SEARCH_OOM], scale: "log" };
  const span = OPEN_SEARCH_FACTOR * Math.max(1, Math.abs(value));
  return { domain: [value - span, value + span], scale: "linear" };
}

/**
 * The solver's knob for `id` (an input name, or "table.row"): a number input directly, a
 * distribution by its median (shape kept), a table cell. null for choices and unknown ids.
 */
export function solveParameter(model: ForecastModel, inputs: Inputs, id: string): SolveParameter | null {
  const [name, rowText] = id.split(".");
  const def = model.inputs.find((d) => d.name === name);
  if (!def) return null;
  const value = inputs[def.name] ?? def.default;
  if (def.kind === "number" && rowText === undefined && typeof value === "number") {
    const { domain, scale } = numberSearch(def, value);
    return {
      id, input: def.name, label: fullLabel(model, def.name), meaning: fullLabel(model, def.name), unit: def.unit, scale, integer: Boolean(def.integer),
      domain, current: value,
      apply: (inp, x) => withInput(inp, def.name, x),
      describe: (x) => formatInputValue(def, x),
    };
  }
  if (def.kind === "distribution" && rowText === undefined && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const d = value as Distribution;
    const median = distributionQuantile(d, 0.5);
    const domain = medianRange(d, def.min, def.max);
    const scale = domain[0] > 0 && median > 0 ? "log" : "linear";
    return {
      id, input: def.name, label: def.label, meaning: `${def.label}, median (shape kept)`, unit: def.unit, scale, integer: false,
      domain, current: median,
      apply: (inp, x) => withInput(inp, def.name, moveMedian(d, x)),
      describe: (x) => formatInputValue(def, moveMedian(d, x)),
    };
  }
  if (def.kind === "table" && rowText !== undefined && Array.isArray(value)) {
    const i = Number(rowText);
    const col = def.columns[0];
    const rows = value as TableRow[];
    if (!col || !Number.isInteger(i) || i < 0 || i >= rows.length) return null;
    const rowLabel = def.rows[i]?.label ?? `row ${i + 1}`;
    return {
      id, input: def.name, label: `${def.label}: ${rowLabel}`, meaning: `${def.label}: ${rowLabel}`, unit: col.unit, scale: "linear", integer: false,
      domain: [col.min, col.max], current: rows[i]![col.key]!,
      apply: (inp, x) => withInput(inp, def.name, rows.map((r, j) => (j === i ? { ...r, [col.key]: x } : { ...r }))),
      describe: (x) => `${rowLabel} ${formatQuantity(x, col.unit)}`,
    };
  }
  return null;
}

/** Ids the solver can turn for this model: number and distribution inputs, and table cells. */
export function solvableIds(model: ForecastModel, inputs: Inputs): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  for (const def of model.inputs) {
    if (def.kind === "number" || def.kind === "distribution") out.push({ id: def.name, label: def.label });
    if (def.kind === "table") {
      const rows = (inputs[def.name] ?? def.default) as TableRow[];
      rows.forEach((_, i) => out.push({ id: `${def.name}.${i}`, label: `${def.label}: ${def.rows[i]?.label ?? `row ${i + 1}`}` }));
    }
  }
  return out;
}
