// Direct reads (and the odd setup write) on a test server's store, for assertions about rows
// ("no partial write"). The SQL is written once, with `?` placeholders, and runs on either
// engine: drizzle binds each parameter in the engine's own style.
import { sql, type SQL } from "drizzle-orm";
import type { Store } from "../../db/store";

export interface HasStore {
  store: Store;
}

function bind(text: string, params: unknown[]): SQL {
  const parts = text.split("?");
  if (parts.length !== params.length + 1) throw new Error(`${parts.length - 1} placeholders, ${params.length} parameters: ${text}`);
  const out: SQL[] = [sql.raw(parts[0]!)];
  params.forEach((p, i) => out.push(sql`${p}`, sql.raw(parts[i + 1]!)));
  return sql.join(out);
}

export async function queryAll<T>(server: HasStore, text: string, ...params: unknown[]): Promise<T[]> {
  return server.store.rows<T>(bind(text, params));
}

export async function queryOne<T>(server: HasStore, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await queryAll<T>(server, text, ...params))[0];
}

export async function countRows(server: HasStore, table: string, where = "1=1", ...params: unknown[]): Promise<number> {
  return (await queryOne<{ n: number }>(server, `SELECT count(*) AS n FROM ${table} WHERE ${where}`, ...params))!.n;
}

/** A write a test sets up directly (a role change, an expired session), in its own transaction. */
export async function execute(server: HasStore, text: string, ...params: unknown[]): Promise<void> {
  await server.store.write(() => server.store.rows(bind(text, params)));
}
