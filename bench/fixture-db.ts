// Benchmark fixtures are written through the services into a fresh database file, which the
// real server then opens: seeding hundreds of rows over HTTP would time our own setup.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../db/sqlite-store";
import { createServices } from "../app/services/index.server";

/** A database file in a new temporary folder (the caller removes `dir`), and services over it. */
export function fixtureDatabase(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `forkcast-bench-${name}-`));
  const databasePath = join(dir, `${name}.db`);
  const store = openSqliteStore(databasePath);
  return { dir, databasePath, store, services: createServices(store) };
}
