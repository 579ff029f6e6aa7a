import { defineConfig } from "drizzle-kit";

// The PostgreSQL store's migrations (docs/decisions/026); drizzle.config.ts has SQLite's.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./db/migrations-pg",
});
