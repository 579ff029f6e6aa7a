// Squiggle programs: stored once by hash with what the sandbox read from them, and run in the
// sandbox (server/squiggle/pool.ts) — never in this process. Maps the sandbox's refusals to
// the API's answers: 413 over the size cap (checked before anything parses), 422 with the
// interpreter's short message and its line and column, 429/503 when the sandbox says no.
import { eq } from "drizzle-orm";
import { first, type Store } from "../../db/store";
import { programHash, squiggleModel, SQUIGGLE_LIMITS, SQUIGGLE_VERSION, type ProgramAnalysis, type SquiggleOutputDecl, type SquiggleProblem } from "../forecast/squiggle/index";
import type { ForecastModel, ForecastResult } from "../forecast/types";
import { appError, type AppError } from "../utils/errors";
import type { Clock } from "./clock";

export type SandboxOutcome<T> = { ok: true; value: T; ms: number } | { ok: false; problem: SquiggleProblem; ms: number } | { ok: false; refused: "busy" | "owner"; ms: 0 };

/** The sandbox pool as services see it. `owner` (a user or an address) is what its fairness counts. */
export interface SquiggleRunner {
  analyze(source: string, owner: string): Promise<SandboxOutcome<ProgramAnalysis>>;
  run(task: { code: string; output: SquiggleOutputDecl; seed: number; sampleCount: number }, owner: string): Promise<SandboxOutcome<ForecastResult>>;
}

export interface StoredProgram {
  hash: string;
  source: string;
  analysis: ProgramAnalysis;
  model: ForecastModel;
}

/** Who a run is for when nobody is (seeds, recomputes of stored forecasts). */
export const SYSTEM_OWNER = "system";

/** "Line 4, column 12: Expected …" */
export function problemText(p: SquiggleProblem): string {
  if (p.line === null) return p.message;
  return `Line ${p.line}${p.column === null ? "" : `, column ${p.column}`}: ${p.message}`;
}

export function problemError(p: SquiggleProblem): AppError {
  const message = problemText(p);
  return appError(422, message, { source: message }, undefined, { kind: p.kind, line: p.line, column: p.column });
}

function refusal<T>(outcome: SandboxOutcome<T>): AppError | null {
  if (outcome.ok) return null;
  if ("refused" in outcome) {
    return outcome.refused === "owner"
      ? appError(429, "You already have Squiggle models running; wait for them to finish.", undefined, 2)
      : appError(503, "The Squiggle sandbox is busy; try again in a few seconds.", undefined, 5);
  }
  return problemError(outcome.problem);
}

export function createSquiggleService(store: Store, now: Clock, runner: SquiggleRunner | undefined) {
  const { db, t } = store;
  const { squigglePrograms } = t;
  const programs = new Map<string, StoredProgram>();
  const PROGRAM_CAP = 256;
  const remember = (p: StoredProgram): StoredProgram => {
    programs.set(p.hash, p);
    if (programs.size > PROGRAM_CAP) programs.delete(programs.keys().next().value as string);
    return p;
  };
  const sandbox = (): SquiggleRunner => {
    if (!runner) throw appError(503, "Squiggle models cannot be run here (no sandbox).");
    return runner;
  };

  return {
    /** A stored program by hash (sync: forecasts already point at stored programs). */
    async byHash(hash: string): Promise<StoredProgram | null> {
      const known = programs.get(hash);
      if (known) return known;
      const row = await db.select().from(squigglePrograms).where(eq(squigglePrograms.hash, hash)).then(first);
      if (!row) return null;
      const analysis = JSON.parse(row.analysis) as ProgramAnalysis;
      return remember({ hash, source: row.source, analysis, model: squiggleModel(analysis) });
    },

    /** The program for this source: stored, or read by the sandbox now and stored. */
    async program(source: unknown, owner: string): Promise<StoredProgram> {
      if (typeof source !== "string" || source.trim() === "") throw appError(400, "A Squiggle forecast needs its program (the `source` field).", { source: "Write the program." });
      if (source.length > SQUIGGLE_LIMITS.maxSourceChars) {
        const n = SQUIGGLE_LIMITS.maxSourceChars.toLocaleString("en-US");
        throw appError(413, `The program is ${source.length.toLocaleString("en-US")} characters long; the limit is ${n}.`, { source: `Programs are limited to ${n} characters.` });
      }
      const hash = programHash(source);
      const known = await this.byHash(hash);
      if (known) return known;
      const outcome = await sandbox().analyze(source, owner);
      const refused = refusal(outcome);
      if (refused || !outcome.ok) throw refused;
      await store.write((tx) => tx.insert(squigglePrograms).values({ hash, source, analysis: JSON.stringify(outcome.value), interpreter: SQUIGGLE_VERSION, createdAt: now() }).onConflictDoNothing());
      return remember({ hash, source, analysis: outcome.value, model: squiggleModel(outcome.value) });
    },

    /** Runs a prepared program in the sandbox; refusals become 422 (the program's fault) or 429/503. */
    async run(program: StoredProgram, code: string, options: { seed: number; sampleCount: number }, owner: string): Promise<{ result: ForecastResult; ms: number }> {
      const outcome = await sandbox().run({ code, output: program.analysis.output, ...options }, owner);
      const refused = refusal(outcome);
      if (refused || !outcome.ok) throw refused;
      return { result: outcome.value, ms: outcome.ms };
    },
  };
}
export type SquiggleService = ReturnType<typeof createSquiggleService>;
