// The Squiggle sandbox process: the interpreter and nothing else. The server forks this
// (bundled with the interpreter into one file, dist/squiggle-runner.js) under Node's
// permission model (it may read only that file; no child processes, no workers), with an
// empty environment, a heap cap and a low CPU priority; see server/squiggle/pool.ts.
// One request at a time, over IPC; answers carry summaries, never raw samples.
import { run, type SqValue } from "@quri/squiggle-lang";
import { summarizeOutput, type OutputValue, type SquiggleOutputDecl, type SquiggleProblem } from "../../app/forecast/squiggle/index";
import { analyzeProgram } from "./analyze";
import { MAX_MESSAGE_CHARS, requestSchema, type SandboxReply } from "./protocol";

// A program's inspect() and the interpreter's own debug prints go nowhere: the server's log
// is not theirs to fill.
const quiet = () => {};
for (const k of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const) console[k] = quiet;
// Nothing here needs the network.
for (const k of ["fetch", "WebSocket", "XMLHttpRequest", "EventSource"]) Reflect.deleteProperty(globalThis, k);

const short = (s: string): string => (s.length > MAX_MESSAGE_CHARS ? `${s.slice(0, MAX_MESSAGE_CHARS - 1)}…` : s);
const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1e6);

function problem(kind: SquiggleProblem["kind"], message: string, at?: { line: number; column: number } | null): SquiggleProblem {
  return { kind, message: short(message), line: at?.line ?? null, column: at?.column ?? null };
}

/** The marked output's value as numbers: its samples, or an exact quantile grid for non-sample distributions. */
function outputValue(value: SqValue | undefined, decl: SquiggleOutputDecl, sampleCount: number): OutputValue | SquiggleProblem {
  if (!value) return problem("convention", `The output "${decl.name}" has no value.`);
  if (value.tag === "Number") return { type: "number", value: value.value };
  if (value.tag !== "Dist") {
    return problem("convention", `The output "${decl.name}" is a ${value.tag.toLowerCase()}; export a distribution, a year or a probability.`, { line: decl.line, column: 1 });
  }
  const dist = value.value;
  if (dist.tag === "SampleSet") return { type: "samples", values: dist.getSamples() };
  const env = value.context?.runContext.environment;
  if (!env) return problem("crash", "The interpreter returned a distribution without its environment.");
  const values = new Float64Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) {
    const q = dist.inv(env, (i + 0.5) / sampleCount);
    values[i] = q.ok ? q.value : NaN;
  }
  return { type: "samples", values };
}

async function handle(raw: unknown): Promise<SandboxReply> {
  const parsed = requestSchema.safeParse(raw);
  const id = typeof (raw as { id?: unknown })?.id === "number" ? (raw as { id: number }).id : -1;
  if (!parsed.success) return { id, ok: false, problem: problem("crash", "The sandbox received a malformed request."), heapMb: heapMb() };
  const req = parsed.data;
  if (req.op === "analyze") {
    const a = analyzeProgram(req.source);
    return a.ok ? { id, ok: true, analysis: a.analysis, heapMb: heapMb() } : { id, ok: false, problem: { ...a.problem, message: short(a.problem.message) }, heapMb: heapMb() };
  }
  const out = await run(req.code, { environment: { sampleCount: req.sampleCount, xyPointLength: 1000, seed: req.seed } });
  if (!out.result.ok) {
    const err = out.result.value.errors[0];
    const at = err && "location" in err ? (err.location()?.start ?? null) : null;
    const kind = err?.tag === "compile" ? "compile" : "runtime";
    return { id, ok: false, problem: problem(kind, err?.toString() ?? "The program failed.", at), heapMb: heapMb() };
  }
  const value = outputValue(out.result.value.bindings.get(req.output.name), req.output, req.sampleCount);
  if ("kind" in value) return { id, ok: false, problem: value, heapMb: heapMb() };
  const summary = summarizeOutput(req.output, value);
  if (!summary.ok) return { id, ok: false, problem: problem("convention", summary.message, { line: req.output.line, column: 1 }), heapMb: heapMb() };
  return { id, ok: true, result: summary.result, heapMb: heapMb() };
}

process.on("message", (raw) => {
  void handle(raw)
    .catch((e: unknown) => ({ id: (raw as { id?: number })?.id ?? -1, ok: false as const, problem: problem("crash", `The interpreter failed: ${e instanceof Error ? e.message : String(e)}`), heapMb: heapMb() }))
    .then((reply) => process.send?.(reply));
});
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
