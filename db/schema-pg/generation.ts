import { bigint, integer, pgTable } from "drizzle-orm/pg-core";

// See db/schema/generation.ts.
export const dataGeneration = pgTable("data_generation", {
  id: integer("id").primaryKey().default(1),
  n: bigint("n", { mode: "number" }).notNull(),
});
