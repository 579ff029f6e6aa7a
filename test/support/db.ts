// Direct reads of the test database, for assertions about rows ("no partial write").
import Database from "better-sqlite3";

export function countRows(databasePath: string, table: string, where = "1=1", ...params: unknown[]): number {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

export function queryOne<T>(databasePath: string, sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}
