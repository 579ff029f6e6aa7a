// Runs the production bundle as its own process, as `npm start` does. Used by e2e and benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTempDatabase, TEST_STORE } from "./pg";

export interface RunningApp {
  url: string;
  pid: number;
  databasePath: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would; resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Spawns `node dist/server.js`; a given database file is kept, a fresh one is removed after. */
/** `env` adds variables (e.g. RATE_LIMITS=off for load tests that are not about rate limits). */
export async function startApp(options: { seed?: boolean; databasePath?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  if (!existsSync("dist/server.js") || !existsSync("build/server/index.js")) {
    throw new Error("No production build: run `npm run build` first (npm run test:e2e does).");
  }
  const dir = options.databasePath ? null : mkdtempSync(join(tmpdir(), "forkcast-e2e-"));
  const databasePath = options.databasePath ?? join(dir!, "e2e.db");
  // A suite on PostgreSQL runs spawned servers there too, unless a test names its SQLite file.
  const pgDb = TEST_STORE === "postgres" && !options.databasePath ? await createTempDatabase() : null;
  // The same V8 flags as `npm start` (scripts/start.mjs), so benchmarks measure what runs.
  const { serverNodeFlags } = (JSON.parse(readFileSync("package.json", "utf8")) as { forkcast: { serverNodeFlags: string[] } }).forkcast;
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, "dist/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, ...(pgDb ? { DATABASE_URL: pgDb.url } : {}), SEED: options.seed ? "true" : "false", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    timer.unref();
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  // A process that already exited never emits "exit" again: waiting for it would hang.
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child.once("exit", ok));
      child.kill(signal);
      await exited;
    }
  };
  return {
    url,
    pid: child.pid!,
    databasePath,
    async stop() {
      await end("SIGTERM");
      await pgDb?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    kill: () => end("SIGKILL"),
  };
}

