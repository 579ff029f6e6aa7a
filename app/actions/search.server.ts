// The one place /search and /search.json read their query string: the shared schema, and the
// first problem as a sentence a reader can act on.
import type { AppLoadContext } from "@remix-run/node";
import { fieldErrors } from "../discussion/schemas";
import { searchFilters, searchQuerySchema, type SearchQuery } from "../discussion/search";
import type { SearchResults } from "../services/types";

export type SearchOutcome =
  | { ok: true; query: SearchQuery; results: SearchResults }
  | { ok: false; error: string; field: string; values: Record<string, string> };

export async function runSearch(context: AppLoadContext, url: URL, limit: number): Promise<SearchOutcome> {
  const values: Record<string, string> = {};
  for (const key of ["q", "author", "forecast", "from", "to", "type"]) {
    const v = url.searchParams.get(key);
    if (v !== null) values[key] = v;
  }
  const parsed = searchQuerySchema.safeParse(values);
  if (!parsed.success) {
    const [field, error] = Object.entries(fieldErrors(parsed.error))[0] ?? ["form", "Check the search and try again."];
    return { ok: false, error, field, values };
  }
  const results = await context.services.search.search(parsed.data.q, searchFilters(parsed.data), limit);
  return { ok: true, query: parsed.data, results };
}
