// Search's one input schema (shared by /search and /search.json) and the pure pieces both
// engines share: reading a query into plain terms, and building a safe, highlighted snippet.
// Terms are letters and digits only, so no engine's query operators can ever reach MATCH or
// to_tsquery from what a reader typed (docs/decisions/028).
import { z } from "zod";

export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_MAX_TERMS = 8;
export const SEARCH_KINDS = ["all", "posts", "comments", "users"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dates look like 2026-01-31.").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "That date does not exist.");

/**
 * Filters narrow posts and comments; users are searched only when none is set. A tag filter
 * joins here as one more optional field (and one more condition in the service's postScope).
 */
export const searchQuerySchema = z
  .object({
    q: z
      .string({ error: "Type something to search for." })
      .trim()
      .min(1, "Type something to search for.")
      .max(SEARCH_MAX_LENGTH, `Searches are at most ${SEARCH_MAX_LENGTH} characters.`)
      .refine((q) => searchTerms(q).length > 0, "Search for at least one word or number."),
    author: z.preprocess(blank, z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{1,64}$/, "An author is a handle, like ada.").optional()),
    forecast: z.preprocess(blank, z.enum(["1", "on", "true"], { error: "forecast is 1 or absent." }).optional()).transform((v) => v !== undefined),
    from: z.preprocess(blank, day.optional()),
    to: z.preprocess(blank, day.optional()),
    type: z.preprocess(blank, z.enum(SEARCH_KINDS, { error: `type is one of ${SEARCH_KINDS.join(", ")}.` }).optional()).transform((v) => v ?? "all"),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: "The start date comes after the end date.", path: ["from"] });

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The filters as the service takes them: times in epoch milliseconds, `to` through the end of its day. */
export interface SearchFilters {
  authorHandle?: string;
  hasForecast: boolean;
  since?: number;
  until?: number;
  kind: SearchKind;
}

const DAY_MS = 86_400_000;

export function searchFilters(q: SearchQuery): SearchFilters {
  return {
    authorHandle: q.author,
    hasForecast: q.forecast,
    since: q.from ? Date.parse(`${q.from}T00:00:00Z`) : undefined,
    until: q.to ? Date.parse(`${q.to}T00:00:00Z`) + DAY_MS : undefined,
    kind: q.type,
  };
}

/** Does any filter narrow posts and comments (and so leave users out)? */
export function narrowsWriting(f: SearchFilters): boolean {
  return f.authorHandle !== undefined || f.hasForecast || f.since !== undefined || f.until !== undefined;
}

/** The words of a query, lower-cased, distinct, at most SEARCH_MAX_TERMS: everything else is a separator. */
export function searchTerms(q: string): string[] {
  const words = q.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, SEARCH_MAX_TERMS);
}

/** SQLite FTS5: every term a quoted prefix, all required ("fork"* "rate"*). Quotes cannot occur in a term. */
export function fts5Query(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(" ");
}

/** PostgreSQL to_tsquery: every term a quoted prefix, all required ('fork':* & 'rate':*). */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t}':*`).join(" & ");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markdown read as plain words: link targets, images and markup characters dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<@([^@]*)@>\(@[^@]*@\)/g, "$1")
    .replace(/^[ \t]*(?:#{1,6}|>+)[ \t]*/gm, "")
    .replace(/[*_`|~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A window of `text` around its first match, as HTML: the text is split at each match (a whole
 * word starting with a term, as the engines match prefixes), every piece is escaped, and only then are the matches wrapped in
 * <mark>. Marking the raw text rather than the escaped one means a term can never land inside
 * an entity (searching "lt" never splits "&lt;").
 */
export function snippetHtml(text: string, terms: string[], width = 180): string {
  if (terms.length === 0 || text === "") return escapeHtml(text.slice(0, width));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})[\\p{L}\\p{N}]*`, "giu");
  const firstMatch = text.search(pattern);
  let start = 0;
  if (firstMatch > width / 3) {
    start = firstMatch - Math.floor(width / 3);
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < firstMatch) start = space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + width / 2) end = space;
  }
  const window = text.slice(start, end);
  let html = start > 0 ? "…" : "";
  let last = 0;
  for (const m of window.matchAll(pattern)) {
    html += escapeHtml(window.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  html += escapeHtml(window.slice(last));
  return end < text.length ? `${html}…` : html;
}
