import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Each engine's migrations ship next to the code: db/migrations (SQLite) and
 * db/migrations-pg in the source tree, and the same relative place from dist/ in the
 * production bundle. Resolved from the app root, never from the current directory.
 */
export function migrationsFolder(engine: "sqlite" | "postgres"): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const name = engine === "sqlite" ? "migrations" : "migrations-pg";
  return here.endsWith("dist") ? resolve(here, "..", "db", name) : resolve(here, name);
}
