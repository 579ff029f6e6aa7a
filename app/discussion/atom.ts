// Atom 1.0 documents (RFC 4287) from plain data. Pure: no IO; every string is escaped here, so
// callers pass raw titles and HTML. Entry content is HTML carried as escaped text (type="html").

export interface AtomAuthor {
  name: string;
  uri?: string;
}

export interface AtomEntry {
  /** A permanent IRI for the entry: we use its canonical URL, which never changes once published. */
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  updated: number;
  published?: number;
  author: AtomAuthor;
  /** The entry's page. */
  link: string;
  /** Rendered (already sanitized) HTML. */
  html: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed document's own URL (rel="self"). */
  self: string;
  /** The HTML page the feed mirrors (rel="alternate"). */
  alternate: string;
  /** Used when there are no entries; otherwise the newest entry's time. */
  updated: number;
  entries: AtomEntry[];
}

export const ATOM_TYPE = "application/atom+xml";

// XML 1.0 forbids most control characters even when escaped; they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** RFC 3339 as Atom wants it: UTC with a Z. */
export const atomDate = (ms: number): string => new Date(ms).toISOString();

function person(tag: string, a: AtomAuthor): string {
  return `<${tag}><name>${escapeXml(a.name)}</name>${a.uri ? `<uri>${escapeXml(a.uri)}</uri>` : ""}</${tag}>`;
}

function entry(e: AtomEntry): string {
  return [
    "<entry>",
    `<id>${escapeXml(e.id)}</id>`,
    `<title type="text">${escapeXml(e.title)}</title>`,
    `<updated>${atomDate(e.updated)}</updated>`,
    e.published !== undefined ? `<published>${atomDate(e.published)}</published>` : "",
    person("author", e.author),
    `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    `<content type="html">${escapeXml(e.html)}</content>`,
    "</entry>",
  ].join("");
}

export function atomFeed(feed: AtomFeed): string {
  const updated = feed.entries.reduce((m, e) => Math.max(m, e.updated), feed.entries.length ? 0 : feed.updated);
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(feed.id)}</id>`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    feed.subtitle ? `<subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>` : "",
    `<updated>${atomDate(updated)}</updated>`,
    `<link rel="self" type="${ATOM_TYPE}" href="${escapeXml(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    '<generator>Forkcast</generator>',
    ...feed.entries.map(entry),
    "</feed>\n",
  ].join("");
}

/** A `meta` export entry (a <link> in the head) pointing readers' feed software at a page's feed. */
export const feedMeta = (href: string, title: string) => ({ tagName: "link" as const, rel: "alternate", type: ATOM_TYPE, href, title });
