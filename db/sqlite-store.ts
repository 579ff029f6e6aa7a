// The embedded store: one SQLite file in WAL mode, two connections (docs/decisions/026).
// Reads use a query-only connection, so a write that skips `write` fails instead of
// slipping outside a transaction. Writes take turns on the other connection: each `write`
// holds it from BEGIN IMMEDIATE to COMMIT, so an `await` inside one cannot let another
// request's statements into its transaction. BEGIN IMMEDIATE takes the file's write lock up
// front, which is what serializes writers in other processes (WEB_CONCURRENCY > 1).
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";
import { migrationsFolder } from "./migrations-folder";
import type { Database as Queries, Store, Tables } from "./store";

function connect(file: string): Database.Database {
  const sqlite = new Database(file, { timeout: 5000 });
  sqlite.pragma("journal_mode = WAL");
  // WAL + NORMAL never loses a commit to an application crash; FULL would also survive
  // power loss at the cost of an fsync per commit. Chosen explicitly, see docs/decisions/012.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_size_limit = 67108864");
  return sqlite;
}

/**
 * drizzle hands the connection the text of every query it runs, to be compiled afresh, and a
 * page runs the same few dozen texts each time: compiling them was 3% of the server's CPU under
 * the load bench. Each connection keeps its compiled statements by text. drizzle switches a
 * statement to array rows (`raw()`) for the queries it maps itself, and a plain statement
 * must not inherit that, so a kept one is handed out in object mode again.
 */
function keepStatements(conn: Database.Database, cap = 1000): void {
  const compile = conn.prepare.bind(conn);
  const kept = new Map<string, Database.Statement>();
  conn.prepare = ((source: string) => {
    const known = kept.get(source);
    if (known) return known.reader ? known.raw(false).pluck(false) : known;
    const statement = compile(source);
    kept.set(source, statement);
    if (kept.size > cap) kept.delete(kept.keys().next().value as string);
    return statement;
  }) as typeof conn.prepare;
}

export function openSqliteStore(file: string): Store & { file: string; reader: Database.Database } {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const writer = connect(file);
  const writeDb = drizzle({ client: writer, schema });
  migrate(writeDb, { migrationsFolder: migrationsFolder("sqlite") });
  // ":memory:" would give the reader a database of its own; scripts that ask for one share the writer.
  const reader = file === ":memory:" ? writer : connect(file);
  if (reader !== writer) reader.pragma("query_only = ON");
  keepStatements(writer);
  if (reader !== writer) keepStatements(reader);
  const limiter = file === ":memory:" ? writer : connect(file);
  const readDb = drizzle({ client: reader, schema });
  // SQLite's builders answer every call services make on PostgreSQL's (awaited queries,
  // returning, onConflict…); the types follow PostgreSQL's so neither engine's extras creep in.
  const asQueries = (db: unknown) => db as Queries;
  const inWrite = new AsyncLocalStorage<Queries>();
  const dialect = new SQLiteSyncDialect();
  const countWrite = writer.prepare("UPDATE data_generation SET n = n + 1 WHERE id = 1");
  const readGeneration = reader.prepare("SELECT n FROM data_generation WHERE id = 1").pluck();
  let turn: Promise<unknown> = Promise.resolve();

  return {
    dialect: "sqlite",
    file,
    reader,
    db: asQueries(readDb),
    t: schema as unknown as Tables,
    write<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
      const outer = inWrite.getStore();
      if (outer) return fn(outer);
      const run = async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await inWrite.run(asQueries(writeDb), () => fn(asQueries(writeDb)));
          countWrite.run();
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      };
      const result = turn.then(run, run);
      turn = result.catch(() => undefined);
      return result;
    },
    // Every write holds the file's one write lock from its first statement: nothing to add.
    locked: (query) => query,
    async generation() {
      return readGeneration.get() as number;
    },
    async rows<T>(query: SQL): Promise<T[]> {
      // A statement that returns nothing (an UPDATE without RETURNING) gives no rows.
      const { sql: text, params } = dialect.sqlToQuery(query);
      const statement = (inWrite.getStore() ? writer : reader).prepare(text);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    async health() {
      return { engine: "sqlite", journalMode: String(reader.pragma("journal_mode", { simple: true })) };
    },
    // Its own connection: the limiter's statements must never land inside a `write`.
    limiterClient: { storeClient: limiter, storeType: "better-sqlite3", kind: "sqlite" },
    async close() {
      if (limiter !== writer) limiter.close();
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}
