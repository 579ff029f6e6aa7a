// Input values as a flat map of field path → text, and back.
//
// The editor keeps exactly what the user typed (so "3.2e" mid-word is not lost) in this
// flat map; the same map is what a no-JS form submits (see form-fields.ts). A path is the
// engine's issue path: the input name, then nested keys joined by "." —
//   number / choice            hw_halving_years               → "2.5" / "shift"
//   table cell                 anchors.0.weight               → "20"
//   distribution kind, params  genome_params.kind, .median     → "lognormal", "7.5e8"
//   mixture component          x.components.1.weight, x.components.1.dist.kind, …
//   text                       question                       → "Will …?"
//   quantiles, by percentile   answer.5, answer.50, answer.95 → "2027" (blank: not stated)
// so the schema's error paths ("genome_params.median") name the very field to mark.

import { isShareUnit, parseNumberText, formatNumberText, styleFor, type NumberStyle } from "./number-text";
import { PARAMS, type SimpleKind } from "./dist-kinds";
import type { Distribution, DistributionInputDef, ForecastModel, InputDef, InputValue, Inputs, QuantilesInputDef, TableInputDef, TableRow } from "../../forecast/index";

export type Fields = Record<string, string>;

/** Most mixture components read back from fields; the schema itself allows fewer. */
const MAX_READ_COMPONENTS = 32;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The text style of a distribution parameter: in the input's unit, or a plain number (weights, OOM spreads). */
export function paramStyle(def: DistributionInputDef, inUnit: boolean): NumberStyle {
  if (!inUnit) return { sci: false, percent: false };
  return { sci: def.scale ? def.scale === "log" : def.max >= 1e6, percent: isShareUnit(def.unit) };
}

function percentMode(unit: string): "share" | "literal" | "none" {
  return isShareUnit(unit) ? "share" : unit === "%" || unit.startsWith("%") ? "literal" : "none";
}

function numText(v: unknown, style: NumberStyle): string {
  return typeof v === "number" ? formatNumberText(v, style) : v === undefined || v === null ? "" : String(v);
}

function distFields(def: DistributionInputDef, path: string, d: unknown, out: Fields): void {
  if (!isRecord(d) || typeof d.kind !== "string") d = def.default;
  const dist = d as Record<string, unknown>;
  out[`${path}.kind`] = String(dist.kind);
  if (dist.kind === "mixture") {
    const components = Array.isArray(dist.components) ? dist.components : [];
    components.forEach((c: unknown, i) => {
      const comp = isRecord(c) ? c : {};
      out[`${path}.components.${i}.weight`] = numText(comp.weight, { sci: false, percent: false });
      distFields(def, `${path}.components.${i}.dist`, comp.dist, out);
    });
    return;
  }
  const params = PARAMS[dist.kind as SimpleKind];
  if (!params) return;
  if (dist.kind === "ci90") out[`${path}.shape`] = typeof dist.shape === "string" ? dist.shape : "lognormal";
  for (const p of params) out[`${path}.${p.key}`] = numText(dist[p.key], paramStyle(def, p.inUnit));
}

/** The field key of one percentile: 0.05 → "5", 0.025 → "2.5". */
export function levelKey(p: number): string {
  return String(Number((p * 100).toPrecision(4)));
}

/** The percentiles an editor shows for a quantiles input: its offered levels plus any others the value states. */
export function quantileLevels(def: QuantilesInputDef, value: unknown): number[] {
  const stated = Array.isArray(value) ? value.flatMap((r) => (isRecord(r) && typeof r.p === "number" ? [r.p] : [])) : [];
  return [...new Set([...def.levels, ...stated].map((p) => Number(p.toPrecision(6))))].sort((a, b) => a - b);
}

function quantileStyle(def: QuantilesInputDef): NumberStyle {
  return { sci: def.unit !== "year" && def.max >= 1e6, percent: false };
}

/** The fields of one input's value (every leaf as text). Malformed values fall back gracefully. */
export function fieldsFromValue(def: InputDef, value: InputValue | undefined): Fields {
  const out: Fields = {};
  const v = value === undefined ? def.default : value;
  switch (def.kind) {
    case "number":
      out[def.name] = numText(v, styleFor(def.unit, def.scale));
      break;
    case "choice":
      out[def.name] = typeof v === "string" ? v : def.default;
      break;
    case "table": {
      const rows = Array.isArray(v) ? v : def.default;
      def.rows.forEach((_, i) => {
        const row = isRecord(rows[i]) ? (rows[i] as TableRow) : def.default[i] ?? {};
        for (const c of def.columns) out[`${def.name}.${i}.${c.key}`] = numText(row[c.key], styleFor(c.unit));
      });
      break;
    }
    case "distribution":
      distFields(def, def.name, v, out);
      break;
    case "text":
      out[def.name] = typeof v === "string" ? v : def.default;
      break;
    case "quantiles": {
      const rows = Array.isArray(v) ? v : def.default;
      for (const p of quantileLevels(def, rows)) {
        const row = rows.find((r) => isRecord(r) && typeof r.p === "number" && levelKey(r.p) === levelKey(p));
        out[`${def.name}.${levelKey(p)}`] = row && isRecord(row) ? numText(row.value, quantileStyle(def)) : "";
      }
      break;
    }
  }
  return out;
}

/** Fields for every input of the model (missing inputs take their defaults). */
export function fieldsFromInputs(model: ForecastModel, inputs: Inputs): Fields {
  const out: Fields = {};
  for (const def of model.inputs) {
    Object.assign(out, fieldsFromValue(def, Object.hasOwn(inputs, def.name) ? inputs[def.name] : undefined));
  }
  return out;
}

/** Replace one input's fields in `fields` (used for resets, kind switches, presets of one value). */
export function withInputFields(fields: Fields, def: InputDef, value: InputValue): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) if (inputNameOf(k) !== def.name) out[k] = v;
  return Object.assign(out, fieldsFromValue(def, value));
}

/** The input a field path belongs to ("anchors.0.weight" → "anchors"). */
export function inputNameOf(path: string): string {
  const dot = path.indexOf(".");
  return dot < 0 ? path : path.slice(0, dot);
}

const get = (fields: Fields, key: string): string | undefined => (Object.hasOwn(fields, key) ? fields[key] : undefined);

/** A number field as a number, or the raw text when it does not parse (so the schema reports it). */
function readNumber(fields: Fields, key: string, unit: string): number | string | undefined {
  const text = get(fields, key);
  if (text === undefined) return undefined;
  const parsed = parseNumberText(text, percentMode(unit));
  return parsed.ok ? parsed.value : text;
}

function readDist(def: DistributionInputDef, fields: Fields, path: string): Record<string, unknown> | undefined {
  const kind = get(fields, `${path}.kind`);
  if (kind === undefined) return undefined;
  if (kind === "mixture") {
    const components: unknown[] = [];
    for (let i = 0; i < MAX_READ_COMPONENTS; i++) {
      const base = `${path}.components.${i}`;
      const weight = readNumber(fields, `${base}.weight`, "");
      const dist = readDist(def, fields, `${base}.dist`);
      if (weight === undefined && dist === undefined) break;
      const comp: Record<string, unknown> = {};
      if (weight !== undefined) comp.weight = weight;
      if (dist !== undefined) comp.dist = dist;
      components.push(comp);
    }
    return { kind, components };
  }
  const out: Record<string, unknown> = { kind };
  const params = Object.hasOwn(PARAMS, kind) ? PARAMS[kind as SimpleKind] : [];
  if (kind === "ci90") {
    const shape = get(fields, `${path}.shape`);
    if (shape !== undefined) out.shape = shape;
  }
  for (const p of params) {
    const v = readNumber(fields, `${path}.${p.key}`, p.inUnit ? def.unit : "");
    if (v !== undefined) out[p.key] = v;
  }
  return out;
}

function readTable(def: TableInputDef, fields: Fields): Record<string, unknown>[] | undefined {
  if (!def.rows.some((_, i) => def.columns.some((c) => get(fields, `${def.name}.${i}.${c.key}`) !== undefined))) {
    return undefined;
  }
  return def.rows.map((_, i) => {
    const row: Record<string, unknown> = {};
    for (const c of def.columns) {
      const v = readNumber(fields, `${def.name}.${i}.${c.key}`, c.unit);
      if (v !== undefined) row[c.key] = v;
    }
    return row;
  });
}

/** Stated percentiles from their fields, lowest first; blank fields are not stated. */
function readQuantiles(def: QuantilesInputDef, fields: Fields): Record<string, unknown>[] | undefined {
  const prefix = `${def.name}.`;
  const rows: { p: number; value: unknown }[] = [];
  let present = false;
  for (const [key, text] of Object.entries(fields)) {
    if (!key.startsWith(prefix)) continue;
    const pct = Number(key.slice(prefix.length));
    if (!(pct > 0 && pct < 100)) continue;
    present = true;
    if (text.trim() === "") continue;
    rows.push({ p: Number((pct / 100).toPrecision(6)), value: readNumber(fields, key, "") });
  }
  return present ? rows.sort((a, b) => a.p - b.p) : undefined;
}

/** One input's value from the fields, or undefined when none of its fields is present. */
export function valueFromFields(def: InputDef, fields: Fields): unknown {
  switch (def.kind) {
    case "number":
      return readNumber(fields, def.name, def.unit);
    case "choice":
      return get(fields, def.name);
    case "table":
      return readTable(def, fields);
    case "distribution":
      return readDist(def, fields, def.name) as Distribution | undefined;
    case "text": {
      const text = get(fields, def.name);
      // Forms add stray spaces and line breaks; the question is one clean line.
      return text === undefined ? undefined : text.replace(/\s+/g, " ").trim();
    }
    case "quantiles":
      return readQuantiles(def, fields);
  }
}

/**
 * Every input that has fields, read back into values. Numbers that do not parse stay as
 * their text, so validating the result with the engine's schema reports them.
 */
export function readInputs(model: ForecastModel, fields: Fields): Inputs {
  const out: Inputs = {};
  for (const def of model.inputs) {
    const v = valueFromFields(def, fields);
    if (v !== undefined) out[def.name] = v as InputValue;
  }
  return out;
}
