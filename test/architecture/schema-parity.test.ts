// The two schemas describe one database (docs/decisions/026): every table, column, nullability,
// default and key in db/schema (SQLite) has its twin in db/schema-pg (PostgreSQL), so a
// service written against one reads and writes the other the same way.
import { describe, expect, it } from "vitest";
import { getTableColumns, getTableName, is, Table } from "drizzle-orm";
import * as sqlite from "../../db/schema";
import * as pg from "../../db/schema-pg";

const tablesOf = (mod: Record<string, unknown>) =>
  new Map(Object.entries(mod).filter((e): e is [string, Table] => is(e[1], Table)));

/** What a column means to a service, whatever the engine calls its type. */
function shape(table: Table) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, c]) => [
      key,
      { name: c.name, dataType: c.dataType, notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, enumValues: c.enumValues ?? null, unique: c.isUnique },
    ]),
  );
}

describe("the PostgreSQL schema is the SQLite schema's twin", () => {
  const a = tablesOf(sqlite);
  const b = tablesOf(pg);

  it("has the same tables under the same names", () => {
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, table] of a) expect(getTableName(b.get(key)!)).toBe(getTableName(table));
  });

  for (const [key, table] of tablesOf(sqlite)) {
    it(`${key}: same columns, types, nullability, defaults and keys`, () => {
      expect(shape(tablesOf(pg).get(key)!)).toEqual(shape(table));
    });
  }
});
