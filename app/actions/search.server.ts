// The one place /search and /search.json read their query string: the shared schema, and the
// first problem as a sentence a reader can act on.
import type { AppLoadContext } from "@remix-run/node";
import { fieldErrors } from "../discussion/schemas";
import { searchFilters, searchQuerySchema, type SearchQuery } from "../discussion/search";
import type { SearchResults } from "../services/types";
import { isAppError } from "../utils/errors";

export type SearchOutcome =
  | { ok: true; query: SearchQuery; results: SearchResults }
  | { ok: false; error: string; field: string; values: Record<string, string>; status: number; retryAfter?: number };

export async function runSearch(context: AppLoadContext, url: URL, limit: number): Promise<SearchOutcome> {
  const values: Record<string, string> = {};
  for (const key of ["q", "author", "forecast", "from", "to", "type"]) {
    const v = url.searchParams.get(key);
    if (v !== null) values[key] = v;
  }
  const parsed = searchQuerySchema.safeParse(values);
  if (!parsed.success) {
    const [field, error] = Object.entries(fieldErrors(parsed.error))[0] ?? ["form", "Check the search and try again."];
    return { ok: false, error, field, values, status: 400 };
  }
  try {
    // Counted per address, signed in or not; a signed-out page the page cache gives out costs nothing and counts nothing.
    await context.services.limits.consume("search", context.ip);
  } catch (e) {
    if (isAppError(e) && e.status === 429) return { ok: false, error: e.message, field: "q", values, status: 429, ...(e.retryAfter === undefined ? {} : { retryAfter: e.retryAfter }) };
    throw e;
  }
  const results = await context.services.search.search(parsed.data.q, searchFilters(parsed.data), limit);
  return { ok: true, query: parsed.data, results };
}

/** The Retry-After header a refused search answers with (none for a mistake in the query). */
export function retryAfter(outcome: { retryAfter?: number }): Record<string, string> {
  return outcome.retryAfter === undefined ? {} : { "Retry-After": String(outcome.retryAfter) };
}
