// The PostgreSQL store (docs/decisions/026, 034): a connection pool for reads, and writes that
// each hold one pooled connection in a SERIALIZABLE transaction. Services check-then-write
// (slow mode, vote toggles, fork limits) and rely on nothing changing in between; serializable
// isolation makes PostgreSQL keep that promise for writes that overlap, by failing one of two
// that could not have run one after the other, and the store runs a failed one again. Writes
// that touch different rows run at once, on one node or many. Reads never wait for a write.
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import * as tables from "./schema-pg";
import { migrationsFolder } from "./migrations-folder";
import type { Database, Store, WriteOptions } from "./store";

const MIGRATE_LOCK = 0x466f726c;
const BEGIN = "BEGIN ISOLATION LEVEL SERIALIZABLE";
/** For a write that orders itself by row locks (WriteOptions.rowLocks). */
const BEGIN_LOCKING = "BEGIN ISOLATION LEVEL READ COMMITTED";
/**
 * Commits, then counts the write (db/schema/generation.ts) in its own short transaction, in one
 * round trip. Counted inside the write, every write would update the one counter row and so
 * conflict with every other; counted after the commit, a page cached between the commit and the
 * count is of the new data under the old number, which the count then retires (ADR 034). A
 * failed COMMIT skips the count.
 */
const COMMIT_AND_COUNT = "COMMIT; UPDATE data_generation SET n = n + 1 WHERE id = 1";
/** serialization_failure and deadlock_detected: the write lost a race and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
/** Runs of one write before its caller sees the conflict (a 500 is better than a loop). */
const MAX_ATTEMPTS = 10;
/** Per process; each runs a write at once with the others' (they no longer queue for one lock). */
const WRITE_CONNECTIONS = 4;
const INT8 = 20;
const NUMERIC = 1700;

// Counts, sums and bigint columns come back as numbers, as they do from SQLite (every one of
// ours fits in a double). Set on the driver itself: drizzle passes it to each query.
pg.types.setTypeParser(INT8, Number);
pg.types.setTypeParser(NUMERIC, Number);

export interface PgStoreOptions {
  maxConnections?: number;
  /** Called when a write's transaction begins; what it returns, when it ends (server/render-turns.ts). */
  onWrite?: () => () => void;
}

export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<Store & { pool: pg.Pool }> {
  // Reads run on read-only sessions, so a write that skips `write` fails as it does on SQLite.
  // Writes have a pool of their own: a write holds its connection for its whole transaction, and
  // a shared pool full of open writes would leave them no connection for a read made mid-write.
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

  /** One run of a write: its own connection and transaction, undone whole if anything throws. */
  async function once<T>(fn: (tx: Database) => Promise<T>, begin: string): Promise<T> {
    const client = await writers.connect();
    let unusable: Error | undefined;
    let letGo: (() => void) | undefined;
    try {
      await client.query(begin);
      letGo = options.onWrite?.();
      const tx = onClient(client);
      const result = await inWrite.run(tx, () => fn(tx));
      await client.query(COMMIT_AND_COUNT);
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
  }

  return {
    dialect: "postgres",
    pool,
    db,
    t: tables,
    write<T>(fn: (tx: Database) => Promise<T>, writeOptions: WriteOptions = {}): Promise<T> {
      const outer = inWrite.getStore();
      if (outer) return fn(outer);
      return (async () => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await once(fn, writeOptions.rowLocks ? BEGIN_LOCKING : BEGIN);
          } catch (error) {
            const code = sqlState(error);
            if (code === null || !RETRYABLE.has(code) || attempt === MAX_ATTEMPTS) throw error;
            // Apart, so two writes that collided do not collide again at once.
            await sleep(Math.random() * 2 ** Math.min(attempt, 6));
          }
        }
      })();
    },
    locked: (query) => query.for("update"),
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

/** The driver's SQLSTATE, under drizzle's "Failed query" wrapper when a builder ran the statement. */
function sqlState(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string") return e.code;
  }
  return null;
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
