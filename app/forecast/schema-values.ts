// Checks of one input value against its InputDef, with messages in a forecaster's words
// ("Brain FLOP/s: the 5th percentile must be below the 95th"). Used by schema.ts.

import { formatInputValue, formatQuantity } from "./diff";
import { percentileName } from "./format";
import type { Distribution, DistributionInputDef, InputDef, QuantilesInputDef, TableInputDef, TextInputDef } from "./types";

export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_MIXTURE_COMPONENTS = 8;
const MAX_MIXTURE_DEPTH = 2;
/** Spread above this many OOM (sd) is surely a typo and would overflow linear values. */
const MAX_SD_OOM = 20;

type Path = (string | number)[];
export interface Issue {
  path: Path;
  message: string;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy into fresh plain objects. Prototype-related keys are dropped, so even an
 * unvalidated value cannot set a prototype through the copy.
 */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) if (!FORBIDDEN_KEYS.has(key)) out[key] = cloneValue(v[key]);
    return out as T;
  }
  return v;
}

function checkNumber(
  v: unknown,
  what: string,
  bounds: { min?: number; max?: number; def?: InputDef; integer?: boolean },
  path: Path,
  issues: Issue[],
): v is number {
  if (typeof v !== "number") {
    issues.push({ path, message: `${what} must be a number` });
    return false;
  }
  if (!Number.isFinite(v)) {
    issues.push({ path, message: `${what} must be a finite number` });
    return false;
  }
  const def = bounds.def;
  const show = (x: number): string =>
    !def ? String(x) : def.kind === "number" ? formatInputValue(def, x) : formatQuantity(x, def.unit);
  if (bounds.min !== undefined && v < bounds.min) {
    issues.push({ path, message: `${what} must be at least ${show(bounds.min)} (got ${show(v)})` });
    return false;
  }
  if (bounds.max !== undefined && v > bounds.max) {
    issues.push({ path, message: `${what} must be at most ${show(bounds.max)} (got ${show(v)})` });
    return false;
  }
  if (bounds.integer && !Number.isInteger(v)) {
    issues.push({ path, message: `${what} must be a whole number` });
    return false;
  }
  return true;
}

/** Own keys must be exactly `allowed` (order free); reports unknown, forbidden and missing ones. */
function checkKeys(obj: Record<string, unknown>, allowed: string[], what: string, path: Path, issues: Issue[]): boolean {
  let ok = true;
  for (const key of Object.keys(obj)) {
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push({ path: [...path, key], message: `${what}: "${key}" is not allowed` });
      ok = false;
    } else if (!allowed.includes(key)) {
      issues.push({ path: [...path, key], message: `${what}: unexpected field "${key}"` });
      ok = false;
    }
  }
  for (const key of allowed) {
    if (!Object.hasOwn(obj, key)) {
      issues.push({ path: [...path, key], message: `${what}: "${key}" is missing` });
      ok = false;
    }
  }
  return ok;
}

const DIST_FIELDS: Record<Distribution["kind"], string[]> = {
  point: ["kind", "value"],
  normal: ["kind", "mean", "sd"],
  lognormal: ["kind", "median", "sdOom"],
  uniform: ["kind", "min", "max"],
  ci90: ["kind", "shape", "p5", "p95"],
  mixture: ["kind", "components"],
};

const KIND_LABELS: Record<Distribution["kind"], string> = {
  point: "single value",
  normal: "normal distribution",
  lognormal: "lognormal distribution",
  uniform: "uniform range",
  ci90: "90% interval",
  mixture: "mixture",
};

const PARAM_NAMES: Record<string, string> = {
  value: "the value",
  mean: "the mean",
  median: "the median",
  min: "the minimum",
  max: "the maximum",
  p5: "the 5th percentile",
  p95: "the 95th percentile",
};

function checkDistribution(def: DistributionInputDef, v: unknown, depth: number, path: Path, issues: Issue[]): void {
  const label = def.label;
  if (!isPlainObject(v) || typeof v.kind !== "string") {
    issues.push({ path, message: `${label}: expected a distribution (an object with a "kind")` });
    return;
  }
  const kind = v.kind as Distribution["kind"];
  if (!Object.hasOwn(DIST_FIELDS, kind)) {
    issues.push({ path: [...path, "kind"], message: `${label}: unknown distribution kind "${String(v.kind)}"` });
    return;
  }
  if (!def.allowed.includes(kind)) {
    issues.push({
      path: [...path, "kind"],
      message: `${label}: a ${KIND_LABELS[kind]} is not offered here (use ${def.allowed.map((k) => KIND_LABELS[k]).join(", ")})`,
    });
    return;
  }
  if (!checkKeys(v, DIST_FIELDS[kind], `${label} (${kind})`, path, issues)) return;

  const before = issues.length;
  const inUnit = (key: string): boolean =>
    checkNumber(v[key], `${label}: ${PARAM_NAMES[key]}`, { min: def.min, max: def.max, def }, [...path, key], issues);
  switch (kind) {
    case "point":
      inUnit("value");
      break;
    case "normal":
      inUnit("mean");
      if (checkNumber(v.sd, `${label}: the standard deviation`, {}, [...path, "sd"], issues) && !((v.sd as number) > 0)) {
        issues.push({ path: [...path, "sd"], message: `${label}: the standard deviation must be above 0` });
      }
      break;
    case "lognormal":
      if (inUnit("median") && !((v.median as number) > 0)) {
        issues.push({ path: [...path, "median"], message: `${label}: the median of a lognormal must be above 0` });
      }
      if (
        checkNumber(v.sdOom, `${label}: the spread (sd in OOM)`, { max: MAX_SD_OOM }, [...path, "sdOom"], issues) &&
        !((v.sdOom as number) > 0)
      ) {
        issues.push({ path: [...path, "sdOom"], message: `${label}: the spread (sd in OOM) must be above 0` });
      }
      break;
    case "uniform":
      if (inUnit("min") && inUnit("max") && !((v.min as number) < (v.max as number))) {
        issues.push({ path: [...path, "max"], message: `${label}: the minimum must be below the maximum` });
      }
      break;
    case "ci90": {
      if (v.shape !== "normal" && v.shape !== "lognormal") {
        issues.push({ path: [...path, "shape"], message: `${label}: the shape must be "normal" or "lognormal"` });
        break;
      }
      const p5ok = inUnit("p5");
      const p95ok = inUnit("p95");
      if (p5ok && p95ok && !((v.p5 as number) < (v.p95 as number))) {
        issues.push({ path: [...path, "p95"], message: `${label}: the 5th percentile must be below the 95th` });
      }
      if (v.shape === "lognormal" && p5ok && !((v.p5 as number) > 0)) {
        issues.push({ path: [...path, "p5"], message: `${label}: the 5th percentile of a lognormal must be above 0` });
      }
      break;
    }
    case "mixture":
      checkMixture(def, v.components, depth, [...path, "components"], issues);
      break;
  }
  // A normal shape can draw values ≤ 0, which a strictly positive quantity cannot take.
  const normalShape = kind === "normal" || (kind === "ci90" && v.shape === "normal");
  if (normalShape && def.min > 0 && issues.length === before) {
    issues.push({
      path: [...path, "kind"],
      message: `${label}: this quantity must stay above 0, so use a lognormal or uniform shape rather than a normal`,
    });
  }
}

function checkMixture(def: DistributionInputDef, components: unknown, depth: number, path: Path, issues: Issue[]): void {
  const label = def.label;
  if (depth >= MAX_MIXTURE_DEPTH) {
    issues.push({ path, message: `${label}: mixtures can be nested at most ${MAX_MIXTURE_DEPTH} levels deep` });
    return;
  }
  if (!Array.isArray(components) || components.length < 1 || components.length > MAX_MIXTURE_COMPONENTS) {
    issues.push({ path, message: `${label}: a mixture needs 1 to ${MAX_MIXTURE_COMPONENTS} components` });
    return;
  }
  let total = 0;
  let weightsValid = true;
  components.forEach((c, i) => {
    const cPath = [...path, i];
    if (!isPlainObject(c)) {
      issues.push({ path: cPath, message: `${label}: mixture component ${i + 1} must be {weight, dist}` });
      weightsValid = false;
      return;
    }
    if (!checkKeys(c, ["weight", "dist"], `${label}, mixture component ${i + 1}`, cPath, issues)) {
      weightsValid = false;
      return;
    }
    const what = `${label}: the weight of mixture component ${i + 1}`;
    if (checkNumber(c.weight, what, { min: 0 }, [...cPath, "weight"], issues)) total += c.weight as number;
    else weightsValid = false;
    checkDistribution(def, c.dist, depth + 1, [...cPath, "dist"], issues);
  });
  if (weightsValid && !(total > 0)) {
    issues.push({ path, message: `${label}: the mixture weights must add up to more than 0` });
  }
}

function checkTable(def: TableInputDef, v: unknown, issues: Issue[]): void {
  const path: Path = [def.name];
  if (!Array.isArray(v) || v.length !== def.rows.length) {
    const rows = def.rows.map((r) => r.label).join(", ");
    issues.push({ path, message: `${def.label}: expected ${def.rows.length} rows (${rows})` });
    return;
  }
  const keys = def.columns.map((c) => c.key);
  v.forEach((row, i) => {
    const rowLabel = def.rows[i].label;
    const rowPath = [...path, i];
    if (!isPlainObject(row)) {
      issues.push({ path: rowPath, message: `${def.label}, ${rowLabel}: expected a row of numbers` });
      return;
    }
    if (!checkKeys(row, keys, `${def.label}, ${rowLabel}`, rowPath, issues)) return;
    for (const col of def.columns) {
      // A stand-in number def so that bounds are shown in the column's unit.
      const colDef: InputDef = {
        kind: "number", name: col.key, label: col.label, unit: col.unit, help: "", default: col.min, min: col.min, max: col.max,
      };
      const what = `${def.label}: ${rowLabel} ${col.label.toLowerCase()}`;
      checkNumber(row[col.key], what, { min: col.min, max: col.max, def: colDef }, [...rowPath, col.key], issues);
    }
  });
}

/** "2028-12-31" is a real calendar day between 1900 and 2300. */
export function isIsoDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return y >= 1900 && y <= 2300 && days !== undefined && d >= 1 && d <= days;
}

function checkText(def: TextInputDef, v: unknown, issues: Issue[]): void {
  const path: Path = [def.name];
  const fail = (message: string) => issues.push({ path, message: `${def.label}: ${message}` });
  if (typeof v !== "string") return void fail("must be text");
  if (v.trim() === "") return void (def.optional ? undefined : fail("this cannot be empty"));
  if (v.length > def.maxLength) return void fail(`at most ${def.maxLength} characters (got ${v.length})`);
  // One line: the text is shown in headings, chart titles and notifications.
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(v)) return void fail("keep it to one line, without line breaks");
  if (v !== v.trim()) return void fail("remove the spaces at the start and the end");
  if (def.format === "date" && !isIsoDay(v)) fail(`use a date written as year-month-day between 1900 and 2300, like 2028-12-31 (got "${v.slice(0, 20)}")`);
}

const MAX_QUANTILES = 9;

function checkQuantiles(def: QuantilesInputDef, v: unknown, issues: Issue[]): void {
  const path: Path = [def.name];
  if (!Array.isArray(v) || v.length < 2 || v.length > MAX_QUANTILES) {
    issues.push({ path, message: `${def.label}: state 2 to ${MAX_QUANTILES} percentiles, e.g. the 5th and the 95th for a 90% interval` });
    return;
  }
  let valid = true;
  v.forEach((row, i) => {
    const rowPath = [...path, i];
    if (!isPlainObject(row)) {
      issues.push({ path: rowPath, message: `${def.label}: each percentile must be {p, value}` });
      valid = false;
      return;
    }
    if (!checkKeys(row, ["p", "value"], `${def.label}, percentile ${i + 1}`, rowPath, issues)) {
      valid = false;
      return;
    }
    const pOk = checkNumber(row.p, `${def.label}: percentile ${i + 1}`, { min: 0.01, max: 0.99 }, [...rowPath, "p"], issues);
    const what = pOk ? `${def.label}: the ${percentileName(row.p as number)} percentile` : `${def.label}: value ${i + 1}`;
    const vOk = checkNumber(row.value, what, { min: def.min, max: def.max, def }, [...rowPath, "value"], issues);
    valid &&= pOk && vOk;
  });
  if (!valid) return;
  const rows = v as { p: number; value: number }[];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    if (!(b.p > a.p)) {
      issues.push({ path: [...path, i, "p"], message: `${def.label}: list each percentile once, from the lowest up (${percentileName(b.p)} after ${percentileName(a.p)})` });
      return;
    }
    if (!(b.value > a.value)) {
      const show = (x: number) => formatQuantity(x, def.unit);
      issues.push({
        path: [...path, i, "value"],
        message: `${def.label}: the ${percentileName(b.p)} percentile (${show(b.value)}) must be above the ${percentileName(a.p)} (${show(a.value)})`,
      });
      return;
    }
  }
}

/** Problems with one input's value (empty when valid). */
export function validateValue(def: InputDef, v: unknown): Issue[] {
  const issues: Issue[] = [];
  switch (def.kind) {
    case "number":
      checkNumber(v, `${def.label}:`, { min: def.min, max: def.max, def, integer: def.integer }, [def.name], issues);
      break;
    case "choice":
      if (typeof v !== "string" || !def.options.some((o) => o.value === v)) {
        const options = def.options.map((o) => `"${o.value}" (${o.label})`).join(", ");
        issues.push({ path: [def.name], message: `${def.label}: must be one of ${options}` });
      }
      break;
    case "distribution":
      checkDistribution(def, v, 0, [def.name], issues);
      break;
    case "table":
      checkTable(def, v, issues);
      break;
    case "text":
      checkText(def, v, issues);
      break;
    case "quantiles":
      checkQuantiles(def, v, issues);
      break;
  }
  return issues;
}
