import { openPgStore, type PgStoreOptions } from "./pg-store";
import { openSqliteStore } from "./sqlite-store";
import type { Store } from "./store";

/** DATABASE_URL=postgres://… picks PostgreSQL; otherwise the embedded SQLite file at `file`. */
export async function openStore(options: { url?: string; file: string; onWrite?: PgStoreOptions["onWrite"] }): Promise<Store> {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) return openPgStore(options.url, options.onWrite ? { onWrite: options.onWrite } : {});
  if (options.url) throw new Error(`DATABASE_URL must start with postgres:// (got "${options.url.split(":")[0]}:…"); leave it unset for the embedded SQLite file`);
  return openSqliteStore(options.file);
}
