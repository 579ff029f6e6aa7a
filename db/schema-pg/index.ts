// The PostgreSQL twin of db/schema (docs/decisions/026): the same tables, columns and keys,
// in PostgreSQL's types (millisecond times as bigint, flags as boolean). Services are typed
// against these tables; test/architecture/schema-parity.test.ts keeps the two in step.
export * from "./users";
export * from "./posts";
export * from "./comments";
export * from "./votes";
export * from "./forecasts";
export * from "./moderation";
export * from "./tags";
export * from "./generation";
