// A Squiggle program's parameters as forecast inputs: their InputDefs, and the program with
// new parameter values written into it. Forking a parameter rewrites only that parameter's
// value expression, at the place the parser found it, so the rest of the author's code
// (comments, layout) stays exactly as written.

import { canonicalJson } from "../canonical";
import type { Distribution, InputDef, InputValue, Inputs } from "../types";
import type { ProgramAnalysis, SquiggleParameter } from "./types";

/** Every parameter value is accepted within these; Squiggle itself refuses what it cannot draw. */
const BOUND = 1e300;

/** Shortest Squiggle literal that reads back as exactly x ("1e21", "2.5e-7", "-3"). */
export function squiggleNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`Not a finite number: ${x}`);
  const plain = String(Object.is(x, -0) ? 0 : x);
  return plain.replace("e+", "e");
}

function renderDist(d: Distribution): string {
  const n = squiggleNumber;
  switch (d.kind) {
    case "point":
      return n(d.value);
    case "normal":
      return `normal(${n(d.mean)}, ${n(d.sd)})`;
    case "lognormal":
      // Squiggle's two-number lognormal takes the mean and sd of ln(x).
      return `lognormal(${n(Math.log(d.median))}, ${n(d.sdOom * Math.LN10)})`;
    case "uniform":
      return `uniform(${n(d.min)}, ${n(d.max)})`;
    case "ci90":
      return d.shape === "lognormal" ? `${n(d.p5)} to ${n(d.p95)}` : `normal({p5: ${n(d.p5)}, p95: ${n(d.p95)}})`;
    case "mixture":
      return `mixture(${d.components.map((c) => renderDist(c.dist)).join(", ")}, [${d.components.map((c) => n(c.weight)).join(", ")}])`;
  }
}

/** A parameter value as Squiggle source. */
export function renderSquiggleValue(value: InputValue): string {
  if (typeof value === "number") return squiggleNumber(value);
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "kind" in value) return renderDist(value as Distribution);
  throw new Error("A Squiggle parameter is a number or a distribution");
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * The program with `inputs` written in place of the parameters' literals. Values equal to
 * the literal leave its text untouched; names the program does not have are ignored (the
 * inputs schema refuses them before this runs).
 */
export function applyInputs(source: string, analysis: ProgramAnalysis, inputs: Inputs): string {
  const edits = analysis.parameters
    .filter((p) => Object.hasOwn(inputs, p.name) && !same(inputs[p.name], p.value))
    .map((p) => ({ start: p.span.start, end: p.span.end, text: renderSquiggleValue(inputs[p.name]!) }))
    .sort((a, b) => b.start - a.start);
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The program with every parameter's value cut out: two programs with equal skeletons differ only in parameter values. */
export function skeleton(source: string, analysis: ProgramAnalysis): string {
  let out = source;
  for (const p of [...analysis.parameters].sort((a, b) => b.span.start - a.span.start)) out = `${out.slice(0, p.span.start)}\u0000${p.name}\u0000${out.slice(p.span.end)}`;
  return out;
}

/** The values written in the code, by parameter name. */
export function literalInputs(analysis: ProgramAnalysis): Inputs {
  return Object.fromEntries(analysis.parameters.map((p) => [p.name, p.value]));
}

function magnitude(value: number | Distribution): number {
  const numbers: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "number") numbers.push(Math.abs(v));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "weight" && k !== "sdOom") walk(x);
  };
  walk(value);
  return Math.max(0, ...numbers);
}

/** "flopPerDollar2025" → "Flop per dollar 2025"; "gpu_hours" → "Gpu hours". */
export function labelFromName(name: string): string {
  const words = name
    .replace(/^\$/, "")
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The input a parameter offers: a number field for plain numbers, the distribution editor otherwise. */
export function parameterInput(p: SquiggleParameter): InputDef {
  const big = magnitude(p.value);
  const scale = big >= 1e5 || (big > 0 && big < 1e-3) ? "log" : "linear";
  const base = { name: p.name, label: p.label, unit: p.unit, help: p.description, group: "Parameters", min: -BOUND, max: BOUND, hideBounds: true } as const;
  if (typeof p.value === "number") return { ...base, kind: "number", default: p.value, scale };
  // "lognormal" also lets the 90% interval take the lognormal shape (Squiggle's `a to b`).
  const allowed: Distribution["kind"][] = ["ci90", "lognormal", "normal", "uniform", "point", "mixture"];
  return { ...base, kind: "distribution", default: p.value, allowed, scale };
}
