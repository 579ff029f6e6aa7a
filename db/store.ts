// One store, two engines (docs/decisions/026). Services write drizzle queries against
// `Database` and the tables in `t`, and await every query; they never reach for an engine's
// own API. All writing goes through `write`, which owns its transaction: on SQLite it holds
// the one write connection for the whole callback, so no other request's statements can land
// inside it across an `await`; on PostgreSQL it holds a pooled connection in a serializable
// transaction (docs/decisions/034). Reads outside `write` see committed data only.
import type { SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as tables from "./schema-pg";

export type Tables = typeof tables;
/** The query builder services use: PostgreSQL's, whose calls SQLite's builder also answers. */
export type Database = NodePgDatabase<Tables>;
export type Dialect = "sqlite" | "postgres";

export interface WriteOptions {
  /**
   * The write orders itself against others by locking the rows it checks (`locked`) before it
   * writes anything, so it needs no serializable isolation: on PostgreSQL it runs READ
   * COMMITTED, where writes that bump the same counter (a score, an author's karma) wait for
   * each other instead of failing and running again. SQLite's writes run one at a time anyway.
   */
  rowLocks?: boolean;
}

/** A select that can lock what it reads (PostgreSQL's `FOR UPDATE`). */
export interface Lockable<R> extends PromiseLike<R> {
  for(strength: "update"): PromiseLike<R>;
}

export interface Store {
  readonly dialect: Dialect;
  /** Reads. On SQLite a query-only connection: a write outside `write` fails loudly. */
  readonly db: Database;
  readonly t: Tables;
  /**
   * Runs `fn` in a transaction that commits when it resolves and rolls back when it throws.
   * Nested calls join the outer transaction. Keep model runs and other slow work outside.
   * On PostgreSQL a write that lost a race runs again from the start, so `fn` does database
   * work only: live events, notices and caches follow once `write` has returned.
   */
  write<T>(fn: (tx: Database) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** `query` locking the rows it reads until the write ends, in a write with `rowLocks`. */
  locked<R>(query: Lockable<R>): PromiseLike<R>;
  /**
   * How many writes have committed, across every process and node on this store: a value
   * that changes whenever any data may have (db/schema/generation.ts).
   */
  generation(): Promise<number>;
  /** Rows of a raw statement, for the few places (scripts, health, tests) without a builder. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** The engine's own account of itself, for /healthz. */
  health(): Promise<Record<string, string | number>>;
  /** What rate-limiter-flexible needs to count in this store. */
  readonly limiterClient: { storeClient: unknown; storeType: string; kind: Dialect };
  close(): Promise<void>;
}

/** Did `error` (or its cause, as drizzle wraps driver errors) break a unique key? */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  }
  return false;
}

/** A query's first row, or undefined: `await db.select()…where(…).then(first)`. */
export function first<T>(rows: T[]): T | undefined {
  return rows[0];
}

/** A query's one row, where the schema guarantees it exists (an aggregate, a row just written). */
export function single<T>(rows: T[]): T {
  if (rows.length === 0) throw new Error("Expected a row, found none");
  return rows[0]!;
}
