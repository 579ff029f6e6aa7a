// WEB_CONCURRENCY > 1 (docs/decisions/022): Node's own cluster. The primary owns the port,
// accepts each connection and hands the whole of it to a worker in turn (round-robin) without
// reading a byte of it, so a kept-alive connection stays with its worker and no request is
// copied between processes. Every worker is a whole app over the same store (SQLite: WAL, BEGIN
// IMMEDIATE, a busy timeout, db/sqlite-store.ts; or PostgreSQL) and enforces its own body caps; live events and
// socket drops reach the other workers' sockets through @socket.io/cluster-adapter. With no
// stickiness the live channel is WebSocket-only here (server/live.ts): a long-polling session
// is many requests, which would land on different workers. The first worker migrates and
// seeds alone, so the rest start on a ready database.
import cluster, { type Worker } from "node:cluster";
import { setupPrimary } from "@socket.io/cluster-adapter";

/**
 * Model and Markdown threads in every process, however many processes run. The fair pool lets
 * one person use one thread at a time (ADR 021): with a single thread, someone's 2-second
 * render would hold up everyone else on that process, so dividing the machine's two threads
 * between processes is not an option.
 */
export const COMPUTE_THREADS_PER_PROCESS = 2;
const READY = "forkcast:ready";

interface ReadyMessage {
  type: typeof READY;
  port: number;
}

/**
 * WEB_CONCURRENCY, or one process until several are measured to pay on this machine (ADR 022's
 * addendum has the figures).
 */
export function processCount(configured: number | undefined): number {
  return configured ?? 1;
}

function isReady(message: unknown): message is ReadyMessage {
  return typeof message === "object" && message !== null && (message as ReadyMessage).type === READY;
}

/** A started worker and the port it serves on (every worker shares the primary's one). */
function fork(env: Record<string, string>): Promise<{ worker: Worker; port: number }> {
  const worker = cluster.fork(env);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`A server process exited during start-up (code ${code})`));
    worker.once("exit", onExit);
    worker.on("message", (message: unknown) => {
      if (isReady(message)) {
        worker.off("exit", onExit);
        resolve({ worker, port: message.port });
      }
    });
  });
}

export async function runPrimary(options: { processes: number; seed: boolean }): Promise<void> {
  // Round-robin is already the default everywhere but Windows; said here because the even
  // spread it gives is what the processes are for.
  cluster.schedulingPolicy = cluster.SCHED_RR;
  setupPrimary();
  const base = { FORKCAST_CLUSTER_WORKER: "1" };
  // The first worker's listen makes the primary open the port (PORT=0: a free one, which every
  // later worker's listen(0) then shares); connections reach only workers that have listened.
  const first = await fork({ ...base, SEED: options.seed ? "true" : "false" });
  await Promise.all(Array.from({ length: options.processes - 1 }, () => fork({ ...base, SEED: "false" })));

  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // One process failing must not take the site down: start another in its place.
    console.error(`Server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork({ ...base, SEED: "false" }).catch((error: unknown) => console.error(String(error)));
  });
  // Tests and scripts read this line to learn the port when PORT=0.
  console.log(`Forkcast listening on http://localhost:${first.port} (${options.processes} processes)`);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      void Promise.all(workers.map((w) => new Promise((ok) => (w.once("exit", ok), w.process.kill(signal))))).finally(() => process.exit(0));
    });
  }
}

/** In a worker: tell the primary this process serves now, and on which port. */
export function reportReady(port: number): void {
  process.send?.({ type: READY, port } satisfies ReadyMessage);
}
