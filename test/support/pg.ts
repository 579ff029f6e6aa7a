// Throwaway PostgreSQL databases for tests and benchmarks on the PostgreSQL store: one per
// server, created on the local server (trust auth) and dropped when the server stops.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server tests use: FORKCAST_TEST_PG_URL, or the local one CI starts. */
export const PG_ADMIN_URL = process.env.FORKCAST_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Which store the integration suite runs on: `FORKCAST_TEST_STORE=postgres`, or SQLite. */
export const TEST_STORE: "sqlite" | "postgres" = process.env.FORKCAST_TEST_STORE === "postgres" ? "postgres" : "sqlite";

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTempDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `forkcast_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a crashed or killed server left behind.
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
