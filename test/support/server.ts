// Starts the real app (production build, real SQLite file, real listening socket) for a test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAppServer, type AppServer } from "../../server/app";

export interface TestServer extends AppServer {
  dir: string;
  databasePath: string;
  stop(): Promise<void>;
}

/** Rate limits are off unless a test asks: most suites sign up many users from 127.0.0.1 and test something else. */
export async function startTestServer(
  options: { seed?: boolean; computeTimeoutMs?: number; markdownBudgetMs?: number; liveSessionSweepMs?: number; liveLog?: (line: string) => void; rateLimits?: boolean } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "forkcast-test-"));
  const databasePath = join(dir, "forkcast.db");
  const server = await createAppServer({ mode: "production", port: 0, host: "127.0.0.1", databasePath, seed: options.seed ?? false, computeTimeoutMs: options.computeTimeoutMs, markdownBudgetMs: options.markdownBudgetMs, liveSessionSweepMs: options.liveSessionSweepMs, liveLog: options.liveLog, log: () => {}, rateLimits: options.rateLimits ?? false });
  return {
    ...server,
    dir,
    databasePath,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
