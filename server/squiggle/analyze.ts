// Reads a program's conventions from Squiggle's own syntax tree (docs/decisions/018): the
// top-level parameters (number and distribution literals) with their @name, @doc and unit
// signature, and the one binding marked `export`. Runs only inside the sandbox: parsing is
// where a hostile program first spends memory.
import { parse, type AST, type ASTNode } from "@quri/squiggle-lang";
import type { Distribution } from "../../app/forecast/types";
import { labelFromName, SQUIGGLE_LIMITS, type ProgramAnalysis, type SquiggleParameter, type SquiggleProblem } from "../../app/forecast/squiggle/index";

type Node<K extends ASTNode["kind"]> = Extract<ASTNode, { kind: K }>;
type Let = Node<"LetStatement">;

/** Squiggle's number suffixes that scale a plain number (durations are not parameters). */
const SUFFIXES: Record<string, number> = { n: 1e-9, m: 1e-3, "%": 1e-2, k: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

export type Analysis = { ok: true; analysis: ProgramAnalysis } | { ok: false; problem: SquiggleProblem };

function literal(node: ASTNode, source: string): number | null {
  switch (node.kind) {
    case "Float":
      return Number(source.slice(node.location.start.offset, node.location.end.offset));
    case "UnitValue": {
      const scale = SUFFIXES[node.unit];
      const v = literal(node.value, source);
      return scale === undefined || v === null ? null : v * scale;
    }
    case "UnaryCall": {
      if (node.op !== "-") return null;
      const v = literal(node.arg, source);
      return v === null ? null : -v;
    }
    default:
      return null;
  }
}

/** `{p5: a, p95: b}` as its two numbers. */
function interval(node: ASTNode, source: string): [number, number] | null {
  if (node.kind !== "Dict" || node.elements.length !== 2) return null;
  const found: Record<string, number> = {};
  for (const el of node.elements) {
    if (el.kind !== "KeyValue" || el.key.kind !== "String") return null;
    const v = literal(el.value, source);
    if (v === null) return null;
    found[el.key.value] = v;
  }
  return found.p5 !== undefined && found.p95 !== undefined ? [found.p5, found.p95] : null;
}

/** A value expression as a parameter value, when it is one of the literal forms we edit. */
export function parameterValue(node: ASTNode, source: string): number | Distribution | null {
  const plain = literal(node, source);
  if (plain !== null) return plain;
  if (node.kind === "InfixCall" && node.op === "to") {
    const [a, b] = node.args.map((x) => literal(x, source));
    return a === null || a === undefined || b === null || b === undefined ? null : { kind: "ci90", shape: "lognormal", p5: a, p95: b };
  }
  if (node.kind !== "Call" || node.fn.kind !== "Identifier") return null;
  const fn = node.fn.value;
  if (node.args.length === 1) {
    if (fn === "pointMass") {
      const v = literal(node.args[0]!, source);
      return v === null ? null : { kind: "point", value: v };
    }
    const ci = interval(node.args[0]!, source);
    if (ci && (fn === "normal" || fn === "lognormal")) return { kind: "ci90", shape: fn, p5: ci[0], p95: ci[1] };
    return null;
  }
  if (node.args.length !== 2) return null;
  const [a, b] = node.args.map((x) => literal(x, source));
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (fn === "normal") return { kind: "normal", mean: a, sd: b };
  if (fn === "uniform") return { kind: "uniform", min: a, max: b };
  if (fn === "lognormal") return { kind: "lognormal", median: Math.exp(a), sdOom: b / Math.LN10 };
  return null;
}

function decorators(statement: Let | Node<"DefunStatement">): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const d of statement.decorators) {
    const arg = d.args[0];
    out[d.name.value] = arg && arg.kind === "String" ? arg.value : true;
  }
  return out;
}

function unitOf(statement: Let, source: string): string {
  const sig = statement.unitTypeSignature;
  if (!sig) return "";
  return source.slice(sig.body.location.start.offset, sig.body.location.end.offset).replace(/\s+/g, "");
}

const text = (v: string | true | undefined): string => (typeof v === "string" ? v.trim() : "");

function problem(message: string, at: { line: number; column: number } | null): Analysis {
  return { ok: false, problem: { kind: "convention", message, line: at?.line ?? null, column: at?.column ?? null } };
}

export function analyzeProgram(source: string): Analysis {
  const parsed = parse(source);
  if (!parsed.ok) {
    const first = parsed.value[0];
    const at = first?.location();
    return { ok: false, problem: { kind: "compile", message: first?.toString() ?? "The program could not be parsed.", line: at?.start.line ?? null, column: at?.start.column ?? null } };
  }
  const ast: AST = parsed.value;
  const exported = ast.statements.filter((s) => s.exported);
  if (exported.length === 0) {
    return problem("Mark the forecast's output with `export`, e.g. `export arrival :: year = 2025 + yearsNeeded`.", null);
  }
  if (exported.length > 1) {
    return problem(`Only one binding can be the forecast's output, but ${exported.length} are marked \`export\` (${exported.map((s) => s.variable.value).join(", ")}).`, exported[1]!.variable.location.start);
  }
  const out = exported[0]!;
  if (out.kind !== "LetStatement") return problem(`The output "${out.variable.value}" is a function; export a value (a distribution, a year or a probability).`, out.variable.location.start);
  const outTags = decorators(out);

  // A name bound twice at the top level has no single value to fork; some names cannot be input keys.
  const seen = new Map<string, number>();
  for (const s of ast.statements) seen.set(s.variable.value, (seen.get(s.variable.value) ?? 0) + 1);
  const parameters: SquiggleParameter[] = [];
  for (const s of ast.statements) {
    if (s.kind !== "LetStatement" || s.exported || seen.get(s.variable.value) !== 1 || RESERVED.has(s.variable.value)) continue;
    const tags = decorators(s);
    if (tags.hide) continue;
    const value = parameterValue(s.value, source);
    if (value === null) continue;
    if (parameters.length >= SQUIGGLE_LIMITS.maxParameters) break;
    const loc = s.value.location;
    parameters.push({
      name: s.variable.value,
      label: text(tags.name) || labelFromName(s.variable.value),
      description: text(tags.doc),
      unit: unitOf(s, source),
      value,
      span: { start: loc.start.offset, end: loc.end.offset, line: loc.start.line, column: loc.start.column },
    });
  }
  return {
    ok: true,
    analysis: {
      parameters,
      output: { name: out.variable.value, label: text(outTags.name) || labelFromName(out.variable.value), description: text(outTags.doc), unit: unitOf(out, source), line: out.variable.location.start.line },
    },
  };
}
