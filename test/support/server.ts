// Starts the real app (production build, real SQLite file, real listening socket) for a test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAppServer, type AppServer } from "../../server/app";
import { Client } from "./client";
import { createTempDatabase, TEST_STORE } from "./pg";

export interface TestServer extends AppServer {
  dir: string;
  databasePath: string;
  /** Set when the suite runs on PostgreSQL (FORKCAST_TEST_STORE=postgres). */
  databaseUrl?: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  seed?: boolean;
  computeTimeoutMs?: number;
  markdownBudgetMs?: number;
  liveSessionSweepMs?: number;
  liveLog?: (line: string) => void;
  rateLimits?: boolean;
  /** Interactive parts kept by their props (components/rendered-once.tsx); on unless a test compares without. */
  partCache?: boolean;
  /** A second server on another's database (its file, or its PostgreSQL database), which that one's stop removes. */
  sameDatabaseAs?: TestServer;
}

/** Rate limits are off unless a test asks: most suites sign up many users from 127.0.0.1 and test something else. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const other = options.sameDatabaseAs;
  const dir = other?.dir ?? mkdtempSync(join(tmpdir(), "forkcast-test-"));
  const databasePath = other?.databasePath ?? join(dir, "forkcast.db");
  const pg = other ? null : TEST_STORE === "postgres" ? await createTempDatabase() : null;
  const databaseUrl = other?.databaseUrl ?? pg?.url;
  const server = await createAppServer({ mode: "production", port: 0, host: "127.0.0.1", databasePath, ...(databaseUrl ? { databaseUrl } : {}), seed: options.seed ?? false, computeTimeoutMs: options.computeTimeoutMs, markdownBudgetMs: options.markdownBudgetMs, liveSessionSweepMs: options.liveSessionSweepMs, liveLog: options.liveLog, log: () => {}, rateLimits: options.rateLimits ?? false, partCache: options.partCache ?? true });
  return {
    ...server,
    dir,
    databasePath,
    ...(databaseUrl ? { databaseUrl } : {}),
    async stop() {
      await server.close();
      if (other) return;
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A started test server and an anonymous client of it, for suites that read what it serves. */
export async function startWithReader(options: TestServerOptions = {}): Promise<{ server: TestServer; reader: Client }> {
  const server = await startTestServer(options);
  return { server, reader: new Client(server.url) };
}
