// A small pool of warm Squiggle sandbox processes (docs/decisions/018). Worker threads are not
// enough: some programs (a list of 1e8 elements, a string doubled to 2^28 characters) abort
// the whole hosting process, so user code runs in child processes, each replaced after a
// crash or a kill. Each child: Node's permission model (it may read its own bundle and
// nothing else), an empty environment, a V8 heap cap, a wall-time budget enforced with
// SIGKILL, and a lower CPU priority than the server, lowered again once a run outlasts
// ordinary previews, so a runaway program cannot starve the request loop or other users.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { setPriority } from "node:os";
import type { SquiggleProblem } from "../../app/forecast/squiggle/index";
import type { SandboxOutcome, SquiggleRunner } from "../../app/services/squiggle.server";
import { replySchema, type SandboxRequest } from "./protocol";

export interface SquigglePoolOptions {
  /** The bundled runner (dist/squiggle-runner.mjs); see runnerPath(). */
  runner: string;
  size?: number;
  /** Wall-clock budget of one run, from the moment a sandbox starts it. */
  budgetMs: number;
  heapMb?: number;
  /** Requests one owner (user or address) may have running or waiting at once; one of them runs at a time. */
  perOwner?: number;
  maxQueue?: number;
}

export interface SquiggleSandbox extends SquiggleRunner {
  /** Process ids of the live sandboxes (tests check that a crashed one was replaced). */
  pids(): number[];
  close(): Promise<void>;
}

/** Nice values: every sandbox below the server; a run past DEMOTE_AFTER_MS further down. */
const NICE = 10;
const NICE_LONG = 19;
const DEMOTE_AFTER_MS = 300;
/** A sandbox that grew this much, or served this many runs, is replaced while idle. */
const RECYCLE_HEAP_MB = 160;
const RECYCLE_RUNS = 400;
const STDERR_TAIL = 4096;

/**
 * `nice` starts the sandbox below the server from its first instruction, so the threads V8
 * starts (and the compile of the 2 MB bundle) never compete with the server as equals; where
 * there is no `nice` the process is reniced right after it starts.
 */
const NICE_BIN = ["/usr/bin/nice", "/bin/nice"].find((p) => existsSync(p));

function permissionFlags(runner: string): string[] {
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  const stable = major > 22 || (major === 22 && minor >= 13);
  return [stable ? "--permission" : "--experimental-permission", `--allow-fs-read=${runner}`];
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  runs: number;
  stderr: string;
  current: { id: number; finish: (reply: unknown) => void; fail: (p: SquiggleProblem) => void } | null;
}

/** A request without its id, which the pool assigns. */
type Request = SandboxRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Job {
  request: Request;
  owner: string;
  resolve: (outcome: SandboxOutcome<unknown>) => void;
}

export function createSquigglePool(options: SquigglePoolOptions): SquiggleSandbox {
  const size = options.size ?? 3;
  const heapMb = options.heapMb ?? 192;
  const perOwner = options.perOwner ?? 3;
  const maxQueue = options.maxQueue ?? 32;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  /** Per owner: requests running or waiting, and whether one is running. */
  const owners = new Map<string, number>();
  const running = new Set<string>();
  let nextId = 1;
  let closed = false;
  let failedStarts = 0;

  const spawnSlot = (): Slot => {
    const node = [process.execPath, `--max-old-space-size=${heapMb}`, "--max-semi-space-size=4", "--disallow-code-generation-from-strings", "--no-warnings", ...permissionFlags(options.runner), options.runner];
    const [command, ...args] = NICE_BIN ? [NICE_BIN, "-n", String(NICE), ...node] : node;
    const child = spawn(command!, args, { env: {} as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe", "ipc"], serialization: "json" });
    if (child.pid) trySetPriority(child.pid, NICE);
    // A send to a sandbox that just died reports here; its exit handler already answered.
    child.on("error", () => {});
    const slot: Slot = { child, busy: false, runs: 0, stderr: "", current: null, ready: Promise.resolve() };
    let started = false;
    slot.ready = new Promise<void>((ok) => {
      const onFirst = (m: unknown) => {
        if ((m as { ready?: boolean })?.ready) {
          if (child.pid) trySetPriority(child.pid, NICE);
          started = true;
          failedStarts = 0;
          child.off("message", onFirst);
          ok();
        }
      };
      child.on("message", onFirst);
      child.once("exit", () => ok());
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.on("message", (m) => slot.current?.finish(m));
    child.once("exit", (code, signal) => {
      const memory = /heap out of memory|Allocation failed|invalid array length|Invalid string length/i.test(slot.stderr);
      slot.current?.fail(
        memory
          ? { kind: "memory", message: `The program needed more than the sandbox's ${heapMb} MB of memory.`, line: null, column: null }
          : { kind: "crash", message: `The Squiggle interpreter stopped unexpectedly (${signal ?? `exit ${code}`}).`, line: null, column: null },
      );
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (closed) return;
      // A sandbox that cannot even start (a missing bundle, say) is retried slowly, not in a loop.
      if (!started) failedStarts++;
      const respawn = () => {
        if (closed) return;
        slots.push(spawnSlot());
        pump();
      };
      if (failedStarts > 0) setTimeout(respawn, Math.min(30_000, 500 * 2 ** failedStarts)).unref();
      else respawn();
    });
    return slot;
  };

  const retire = (slot: Slot) => {
    slot.busy = true;
    slot.child.kill("SIGKILL");
  };

  const pump = () => {
    for (;;) {
      const slot = slots.find((s) => !s.busy);
      // One run per owner at a time: a user's second heavy model waits for their first, while
      // other users' jobs go ahead on the other sandboxes.
      const next = queue.findIndex((j) => !running.has(j.owner));
      if (!slot || next < 0) return;
      const [job] = queue.splice(next, 1);
      running.add(job!.owner);
      void execute(slot, job!);
    }
  };

  const execute = async (slot: Slot, job: Job) => {
    slot.busy = true;
    await slot.ready;
    if (!slot.child.connected) {
      // It died while starting; its replacement takes the job.
      running.delete(job.owner);
      queue.unshift(job);
      pump();
      return;
    }
    const id = nextId++;
    const started = performance.now();
    const pid = slot.child.pid;
    const timers: { demote?: NodeJS.Timeout; kill?: NodeJS.Timeout } = {};
    const done = (outcome: SandboxOutcome<unknown>) => {
      clearTimeout(timers.demote);
      clearTimeout(timers.kill);
      if (!slot.current || slot.current.id !== id) return;
      slot.current = null;
      running.delete(job.owner);
      owners.set(job.owner, (owners.get(job.owner) ?? 1) - 1);
      if (owners.get(job.owner)! <= 0) owners.delete(job.owner);
      job.resolve(outcome);
    };
    slot.current = {
      id,
      fail: (problem) => done({ ok: false, problem, ms: performance.now() - started }),
      finish: (raw) => {
        const reply = replySchema.safeParse(raw);
        const ms = performance.now() - started;
        if (!reply.success || !("id" in reply.data) || reply.data.id !== id) {
          // A sandbox that answers nonsense is not trusted with another run.
          done({ ok: false, problem: { kind: "crash", message: "The Squiggle sandbox gave a malformed answer.", line: null, column: null }, ms });
          retire(slot);
          return;
        }
        const r = reply.data;
        done(r.ok ? { ok: true, value: "analysis" in r ? r.analysis : r.result, ms } : { ok: false, problem: r.problem, ms });
        slot.runs++;
        if (r.heapMb > RECYCLE_HEAP_MB || slot.runs >= RECYCLE_RUNS) retire(slot);
        else {
          if (pid) trySetPriority(pid, NICE);
          slot.busy = false;
          pump();
        }
      },
    };
    if (pid) {
      trySetPriority(pid, NICE);
      timers.demote = setTimeout(() => trySetPriority(pid, NICE_LONG), DEMOTE_AFTER_MS);
    }
    timers.kill = setTimeout(() => {
      done({ ok: false, problem: { kind: "budget", message: `The program ran past its ${(options.budgetMs / 1000).toLocaleString("en-US")} s compute budget and was stopped.`, line: null, column: null }, ms: performance.now() - started });
      retire(slot);
    }, options.budgetMs);
    slot.child.send({ ...job.request, id });
  };

  const submit = <T>(request: Request, owner: string): Promise<SandboxOutcome<T>> => {
    if (closed) return Promise.resolve({ ok: false, refused: "busy", ms: 0 });
    const mine = owners.get(owner) ?? 0;
    if (mine >= perOwner) return Promise.resolve({ ok: false, refused: "owner", ms: 0 });
    if (queue.length >= maxQueue) return Promise.resolve({ ok: false, refused: "busy", ms: 0 });
    owners.set(owner, mine + 1);
    return new Promise((resolve) => {
      queue.push({ request, owner, resolve: resolve as (o: SandboxOutcome<unknown>) => void });
      pump();
    });
  };

  for (let i = 0; i < size; i++) slots.push(spawnSlot());

  return {
    analyze: (source, owner) => submit({ op: "analyze", source }, owner),
    run: (task, owner) => submit({ op: "run", code: task.code, output: task.output, seed: String(task.seed), sampleCount: task.sampleCount }, owner),
    pids: () => slots.map((s) => s.child.pid).filter((p): p is number => typeof p === "number"),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ ok: false, refused: "busy", ms: 0 });
      await Promise.all(
        slots.map(
          (s) =>
            new Promise<void>((ok) => {
              if (s.child.exitCode !== null || s.child.signalCode !== null) return ok();
              s.child.once("exit", () => ok());
              s.child.kill("SIGKILL");
            }),
        ),
      );
    },
  };
}

/**
 * Renice a sandbox. On Linux a priority belongs to a thread, and V8 starts its garbage
 * collection helpers before any of our code runs, so each of the process's threads is set;
 * elsewhere the process id alone. A process that just exited cannot be reniced; that is fine.
 */
function trySetPriority(pid: number, nice: number): void {
  let threads: number[] = [pid];
  try {
    threads = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    // not Linux, or gone already
  }
  for (const tid of threads) {
    try {
      setPriority(tid, nice);
    } catch {
      // gone already
    }
  }
}
