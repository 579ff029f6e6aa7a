// Paging of the lists services hand out: each query asks for one row more than a page, so
// the row past the page says whether another page follows without a count query.
import { lt, type Column } from "drizzle-orm";

/** Keyset paging, newest first: rows whose id is below `before` (every row on the first page). */
export function olderThan(id: Column, before: number | null) {
  return before === null ? undefined : lt(id, before);
}

/** Rows fetched with a limit of `size + 1`: the page itself, and whether another follows. */
export function onePage<T>(rows: T[], size: number): { page: T[]; hasMore: boolean } {
  return { page: rows.slice(0, size), hasMore: rows.length > size };
}
