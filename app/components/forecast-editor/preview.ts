// The preview endpoint's answers, read defensively.

import type { Headline, InputDef, InputIssue, SquiggleOutputDecl } from "../../forecast/index";

export interface PreviewResult {
  headlines: Headline[];
  /** Server-rendered chart SVG (our own renderer), or null when the chart failed. */
  svg: string | null;
  /** The same chart drawn for a phone's width, for the preview beside the inputs or on a phone. */
  narrowSvg?: string;
  description: string;
  /** Forks: a sentence on how the result moved against the parent. */
  shift?: string;
  /** Squiggle: the program's parameters and output, as the server's sandbox read them. */
  program?: { inputs: InputDef[]; output: SquiggleOutputDecl };
}

/** A Squiggle program the interpreter refused (or one over the size cap), with where in the code. */
export interface ProgramProblem {
  message: string;
  line: number | null;
  column: number | null;
}

export type PreviewOutcome =
  | { kind: "ok"; result: PreviewResult }
  | { kind: "invalid"; errors: InputIssue[] }
  | { kind: "program"; problem: ProgramProblem }
  | { kind: "unavailable"; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const FORMATS = new Set(["year", "probability", "flop", "number", "loss"]);

function readHeadline(v: unknown): Headline | null {
  if (!isRecord(v) || typeof v.key !== "string" || typeof v.label !== "string") return null;
  if (typeof v.format !== "string" || !FORMATS.has(v.format)) return null;
  const value = typeof v.value === "number" && Number.isFinite(v.value) ? v.value : null;
  const h: Headline = { key: v.key, label: v.label, format: v.format as Headline["format"], value };
  if (typeof v.se === "number" && Number.isFinite(v.se)) h.se = v.se;
  return h;
}

function fallbackMessage(status: number): string {
  if (status === 0) return "the server could not be reached. Check your connection";
  if (status === 404) return "the preview service is not available yet";
  if (status === 429) return "too many previews in a short time. It will update on your next change";
  if (status === 400) return "the server could not read these inputs";
  if (status >= 500) return `the server could not compute it (error ${status})`;
  return `unexpected answer from the server (${status})`;
}

/** Turn (HTTP status, parsed JSON body or undefined) into what the preview panel shows. */
export function parsePreviewResponse(status: number, body: unknown): PreviewOutcome {
  if (status === 200 && isRecord(body) && body.ok === true && Array.isArray(body.headlines)) {
    const result: PreviewResult = {
      headlines: body.headlines.map(readHeadline).filter((h): h is Headline => h !== null),
      svg: typeof body.svg === "string" && body.svg.trim() ? body.svg : null,
      description: typeof body.description === "string" ? body.description : "",
    };
    if (typeof body.shift === "string" && body.shift.trim()) result.shift = body.shift;
    if (typeof body.narrowSvg === "string" && body.narrowSvg.trim()) result.narrowSvg = body.narrowSvg;
    if (isRecord(body.program) && Array.isArray(body.program.inputs) && isRecord(body.program.output)) {
      // The server's own shapes (the same InputDefs the schema validates against).
      result.program = { inputs: body.program.inputs as InputDef[], output: body.program.output as unknown as SquiggleOutputDecl };
    }
    return { kind: "ok", result };
  }
  if ((status === 422 && isRecord(body) && "line" in body) || status === 413) {
    const message = isRecord(body) && typeof body.error === "string" ? body.error : "The program is too long.";
    const at = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null);
    return { kind: "program", problem: { message, line: isRecord(body) ? at(body.line) : null, column: isRecord(body) ? at(body.column) : null } };
  }
  if (status === 400 && isRecord(body) && body.ok === false && Array.isArray(body.errors)) {
    const errors = body.errors
      .filter((e): e is { path: string; message: string } => isRecord(e) && typeof e.path === "string" && typeof e.message === "string")
      .map((e) => ({ path: e.path, message: e.message }));
    if (errors.length) return { kind: "invalid", errors };
  }
  const error = isRecord(body) && typeof body.error === "string" && body.error.trim() ? body.error.trim() : null;
  return { kind: "unavailable", message: error ?? fallbackMessage(status) };
}

