// `npm run limits:reset [-- <limit> [key]]`: forgets the counters of one rate limit (or all),
// e.g. after signing up five local test accounts from 127.0.0.1 in development. The limits
// stay on; only what was counted so far is cleared. Safe while the server runs: the counters
// live in the database (table rate_limits, docs/decisions/010) and are read on every check.
// DATABASE_URL=postgres://… clears them in PostgreSQL; otherwise in the SQLite file.
import Database from "better-sqlite3";
import pg from "pg";
import { resolve } from "node:path";

const [limit, key] = process.argv.slice(2);
if (limit !== undefined && !/^[a-z][a-z-]*$/.test(limit)) {
  console.error(`"${limit}" is not a limit name (e.g. signup, login, reply, fork, vote, preview).`);
  process.exit(2);
}
// rate-limiter-flexible stores each counter under "<limit>:<key>".
const pattern = limit === undefined ? "%" : key === undefined ? `${limit}:%` : `${limit}:${key}`;
const what = `${limit ?? "every limit"}${key ? ` for ${key}` : ""}`;
const report = (changes, where) => console.log(`Cleared ${changes} counter${changes === 1 ? "" : "s"} (${what}) in ${where}.`);

if (process.env.DATABASE_URL) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query("DELETE FROM rate_limits WHERE key LIKE $1", [pattern]);
    report(rowCount ?? 0, "the PostgreSQL database");
  } finally {
    await client.end();
  }
} else {
  const file = resolve(process.env.DATABASE_PATH || "./data/forkcast.db");
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    report(db.prepare("DELETE FROM rate_limits WHERE key LIKE ?").run(pattern).changes, file);
  } finally {
    db.close();
  }
}
