// Squiggle models as forecasts (docs/decisions/018). The interpreter itself never runs here:
// it runs in sandboxed child processes (server/squiggle). These are the plain-data shapes
// that cross that boundary, and the limits both sides enforce.

import type { Distribution, ForecastResult } from "../types";

export const SQUIGGLE_MODEL_ID = "squiggle";
/** The interpreter release every Squiggle run is pinned to; a test checks the installed one. */
export const SQUIGGLE_VERSION = "0.10.0";
/**
 * Our adapter's version (how parameters are read, outputs summarized): the forecast's model
 * version. Bump it, like a built-in model's, whenever the same program can give other numbers.
 */
export const SQUIGGLE_ADAPTER_VERSION = 1;

/** A code fork's rationale and attribution entry for the change to the program itself. */
export const CODE_CHANGE = "$code";

export const SQUIGGLE_LIMITS = {
  /** Checked before anything parses the program: parsing costs about 2 KB of heap per character. */
  maxSourceChars: 32_000,
  /** The interpreter's `sampleCount`; programs that make more samples themselves hit the heap cap. */
  maxSamples: 100_000,
  minSamples: 1_000,
  defaultSamples: 10_000,
  /** Parameters read as inputs; past this the rest stay plain code. */
  maxParameters: 40,
} as const;

/** Where a parameter's value sits in the source: offsets for rewriting, line/column for people. */
export interface SourceSpan {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** A top-level binding of a number or distribution literal: one input of the model. */
export interface SquiggleParameter {
  name: string;
  /** From `@name("…")`, else the variable name in words. */
  label: string;
  /** From `@doc("…")`. */
  description: string;
  /** From the unit type signature (`x :: flop/dollar = …`), else "". */
  unit: string;
  /** The value written in the source. */
  value: number | Distribution;
  span: SourceSpan;
}

/** The binding marked `export`: what the forecast reports. */
export interface SquiggleOutputDecl {
  name: string;
  label: string;
  description: string;
  unit: string;
  line: number;
}

/** What the sandbox reads from a program's syntax tree, once per distinct source. */
export interface ProgramAnalysis {
  parameters: SquiggleParameter[];
  output: SquiggleOutputDecl;
}

/** How a Squiggle result is drawn (a year CDF, a quantity CDF, a probability); stored in the result. */
export type OutputMeta = NonNullable<ForecastResult["output"]>;
export type OutputKind = OutputMeta["kind"];

export type SquiggleErrorKind = "compile" | "runtime" | "convention" | "budget" | "memory" | "crash";

/** A refusal in the interpreter's short words, with where it points in the source (1-based). */
export interface SquiggleProblem {
  kind: SquiggleErrorKind;
  message: string;
  line: number | null;
  column: number | null;
}
