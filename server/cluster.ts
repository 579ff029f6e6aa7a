// WEB_CONCURRENCY > 1 (docs/decisions/022): one primary owns the port and hands each
// connection to a worker process (@socket.io/sticky: a socket.io polling session always goes
// back to the worker that holds it; other connections take turns). Every worker is a whole
// app over the same SQLite file (WAL, BEGIN IMMEDIATE, a busy timeout: db/sqlite-store.ts); live
// events and socket drops reach the other workers' sockets through @socket.io/cluster-adapter.
// The first worker migrates and seeds alone, so the rest start on a ready database.
import cluster, { type Worker } from "node:cluster";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupMaster } from "@socket.io/sticky";
import { setupPrimary } from "@socket.io/cluster-adapter";

/** Model and Markdown threads for the whole machine: today's single-process pool. */
const COMPUTE_THREADS_TOTAL = 2;
/**
 * The fair pool lets one person use one thread at a time (ADR 021): with a single thread per
 * process, someone's 2-second render would hold up everyone else on that process, so each
 * process keeps at least two.
 */
const FAIR_MIN_THREADS = 2;
const READY = "forkcast:ready";
/** The form body cap (1 MB, server/middleware.ts) and room for the request's headers. */
const PRIMARY_READ_CAP = 1024 * 1024 + 64 * 1024;

/**
 * WEB_CONCURRENCY, or one process until several are measured to pay (ADR 022's addendum: two
 * processes behind the sticky primary served less than one on this machine).
 */
export function processCount(configured: number | undefined): number {
  return configured ?? 1;
}

/** Each process's share of the worker pool (never below what the fair queue needs), so N processes do not start N full pools. */
export function computeThreadsPer(processes: number): number {
  return Math.max(FAIR_MIN_THREADS, Math.floor(COMPUTE_THREADS_TOTAL / processes));
}

function fork(env: Record<string, string>): Promise<Worker> {
  const worker = cluster.fork(env);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`A server process exited during start-up (code ${code})`));
    worker.once("exit", onExit);
    worker.on("message", (message: unknown) => {
      if (message === READY) {
        worker.off("exit", onExit);
        resolve(worker);
      }
    });
  });
}

export async function runPrimary(options: { processes: number; port: number; host: string; seed: boolean }): Promise<void> {
  // The connection's first bytes travel to the worker as a Buffer, which only the advanced
  // (structured clone) IPC serialization keeps.
  cluster.setupPrimary({ serialization: "advanced" });
  setupPrimary();
  const http = createServer();
  setupMaster(http, { loadBalancingMethod: "round-robin" });
  // Sticky reads a request with a body itself and forwards every chunk over IPC, however many:
  // a 50 MB upload would pile up in this process before the worker's 413 could stop it. A
  // connection carries one request (sticky closes each after its answer), so past the largest
  // body a worker accepts (server/middleware.ts) this process stops reading; the worker's 413
  // still goes out, and the worker closes the connection (ADR 021).
  http.on("connection", (socket) => {
    let seen = 0;
    socket.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > PRIMARY_READ_CAP) socket.pause();
    });
  });
  const base = { FORKCAST_CLUSTER_WORKER: "1" };
  await fork({ ...base, SEED: options.seed ? "true" : "false" });
  await Promise.all(Array.from({ length: options.processes - 1 }, () => fork({ ...base, SEED: "false" })));

  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // One process failing must not take the site down: start another in its place.
    console.error(`Server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork({ ...base, SEED: "false" }).catch((error: unknown) => console.error(String(error)));
  });
  await new Promise<void>((ok) => http.listen(options.port, options.host, ok));
  // Tests and scripts read this line to learn the port when PORT=0.
  console.log(`Forkcast listening on http://localhost:${(http.address() as AddressInfo).port} (${options.processes} processes)`);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      http.close();
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      void Promise.all(workers.map((w) => new Promise((ok) => (w.once("exit", ok), w.process.kill(signal))))).finally(() => process.exit(0));
    });
  }
}

/** In a worker: tell the primary this process serves now. */
export function reportReady(): void {
  process.send?.(READY);
}
