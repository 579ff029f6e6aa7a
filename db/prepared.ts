// Statements every page runs, built once per database handle: drizzle otherwise builds a query's
// SQL on every call. Keyed by the handle, because a statement prepared on the read pool must not
// run inside a write, whose transaction has a handle (and on PostgreSQL a connection) of its own.
const byHandle = new WeakMap<object, Map<string, unknown>>();

/** The statement `build` prepares on `handle`, built the first time this handle asks for `name`. */
export function preparedOn<T>(handle: object, name: string, build: () => T): T {
  let statements = byHandle.get(handle);
  if (!statements) byHandle.set(handle, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) statements.set(name, (statement = build()));
  return statement;
}
