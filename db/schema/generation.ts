import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

// One row, counted up by every committed write (db/store.ts `write`), so a reader can tell in
// one cheap read whether anything changed since it last looked: the key of the signed-out
// page cache (docs/decisions/031). It commits with the write it counts, never ahead of it.
export const dataGeneration = sqliteTable("data_generation", {
  id: integer("id").primaryKey(),
  n: integer("n").notNull(),
});
