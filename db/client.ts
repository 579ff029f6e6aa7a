import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The migrations folder ships next to the code: db/migrations in the source tree, and the
 * same relative place from dist/ in the production bundle. Resolved from the app root, never
 * from the current directory.
 */
export function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSource = resolve(here, "migrations");
  const fromDist = resolve(here, "..", "db", "migrations");
  return here.endsWith("dist") ? fromDist : fromSource;
}

export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file, { timeout: 5000 });
  sqlite.pragma("journal_mode = WAL");
  // WAL + NORMAL never loses a commit to an application crash; FULL would also survive
  // power loss at the cost of an fsync per commit. Chosen explicitly, see docs/decisions/012.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_size_limit = 67108864");
  const db = drizzle({ client: sqlite, schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}
