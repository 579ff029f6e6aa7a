// The PostgreSQL store (docs/decisions/026): a connection pool for reads, and writes that
// each hold one pooled connection in a transaction. Every write first takes one
// transaction-scoped advisory lock, so writes run one at a time across every app node, as they
// do on SQLite: services check-then-write (slow mode, vote toggles, fork limits) and rely on
// nothing changing in between. Reads never wait for it.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import * as tables from "./schema-pg";
import { migrationsFolder } from "./migrations-folder";
import type { Database, Store } from "./store";

/** Any fixed number both sides agree on; it names "the write lock". */
const WRITE_LOCK = 0x466f726b;
const MIGRATE_LOCK = WRITE_LOCK + 1;
/**
 * Begins, takes the write lock and counts the write (db/schema/generation.ts): no parameters,
 * so one simple query and one round trip. A write holds the lock for as many event-loop turns
 * as it makes round trips, and under load each turn waits behind other requests' work.
 */
const BEGIN_LOCK_AND_COUNT = `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK}); UPDATE data_generation SET n = n + 1 WHERE id = 1`;
/** Writes queue for one lock anyway; a few connections keep the next ones ready behind it. */
const WRITE_CONNECTIONS = 4;
const INT8 = 20;
const NUMERIC = 1700;

// Counts, sums and bigint columns come back as numbers, as they do from SQLite (every one of
// ours fits in a double). Set on the driver itself: drizzle passes it to each query.
pg.types.setTypeParser(INT8, Number);
pg.types.setTypeParser(NUMERIC, Number);

export interface PgStoreOptions {
  maxConnections?: number;
  /** Called when a write has the lock; what it returns, when the write lets go (server/render-turns.ts). */
  onWriteLock?: () => () => void;
}

export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<Store & { pool: pg.Pool }> {
  // Reads run on read-only sessions, so a write that skips `write` fails as it does on SQLite.
  // Writes have a pool of their own: a write waiting for the lock holds its connection, and a
  // shared pool full of waiting writers would leave the lock's holder no connection for a read.
  // The migrator and the rate limiter use a third.
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, options: "-c default_transaction_read_only=on" });
  const writers = new pg.Pool({ connectionString: url, max: WRITE_CONNECTIONS });
  const limiter = new pg.Pool({ connectionString: url, max: 2 });
  // An idle client losing its server (a restart) must not crash the process; the pool drops it.
  for (const p of [pool, writers, limiter]) p.on("error", () => {});
  await migrateOnce(limiter);
  const db = drizzle({ client: pool, schema: tables }) as Database;
  // A drizzle database per pooled writer connection (the pool reuses them): the transaction's queries run on it.
  const onWriter = new WeakMap<pg.PoolClient, Database>();
  const onClient = (client: pg.PoolClient) => {
    let tx = onWriter.get(client);
    if (!tx) onWriter.set(client, (tx = drizzle({ client, schema: tables }) as Database));
    return tx;
  };
  const inWrite = new AsyncLocalStorage<Database>();

  return {
    dialect: "postgres",
    pool,
    db,
    t: tables,
    write<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
      const outer = inWrite.getStore();
      if (outer) return fn(outer);
      return (async () => {
        const client = await writers.connect();
        let unusable: Error | undefined;
        let letGo: (() => void) | undefined;
        try {
          // The count becomes visible with this transaction's commit, with the data it counts,
          // and a rollback takes it back.
          await client.query(BEGIN_LOCK_AND_COUNT);
          letGo = options.onWriteLock?.();
          const tx = onClient(client);
          const result = await inWrite.run(tx, () => fn(tx));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          // Whatever was begun is undone; a connection that cannot even do that is dropped.
          await client.query("ROLLBACK").catch((e: Error) => {
            unusable = e;
          });
          throw error;
        } finally {
          letGo?.();
          client.release(unusable);
        }
      })();
    },
    async generation() {
      const { rows } = await pool.query<{ n: number }>("SELECT n FROM data_generation WHERE id = 1");
      return rows[0]!.n;
    },
    async rows<T>(query: SQL): Promise<T[]> {
      // The driver's own error, as SQLite's store throws it: drizzle wraps it in a "Failed query".
      const result = await (inWrite.getStore() ?? db).execute(query).catch((error: unknown) => {
        throw (error as { cause?: unknown }).cause ?? error;
      });
      return result.rows as T[];
    },
    async health() {
      const [row] = (await db.execute(sql`SHOW server_version`)).rows as { server_version: string }[];
      return { engine: "postgres", serverVersion: row?.server_version ?? "unknown" };
    },
    limiterClient: { storeClient: limiter, storeType: "pool", kind: "postgres" },
    async close() {
      await Promise.all([pool.end(), writers.end(), limiter.end()]);
    },
  };
}

/** Nodes starting together take turns: the first migrates, the rest find nothing to do. */
async function migrateOnce(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder: migrationsFolder("postgres") });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}
