// Turns feed items into Atom responses for the feed routes.
import { atomFeed, ATOM_TYPE, type AtomEntry } from "../discussion/atom";
import type { FeedItem } from "../services/types";

export function postEntries(origin: string, items: FeedItem[]): AtomEntry[] {
  return items.map((p) => ({
    id: `${origin}/posts/${p.slug}`,
    title: p.title,
    updated: p.editedAt ?? p.createdAt,
    published: p.createdAt,
    author: { name: p.author.displayName, uri: `${origin}/users/${p.author.handle}` },
    link: `${origin}/posts/${p.slug}`,
    html: p.html,
  }));
}

export function commentEntries(origin: string, items: FeedItem[]): AtomEntry[] {
  return items.map((c) => ({
    id: `${origin}/posts/${c.slug}/comments/${c.id}`,
    title: c.title,
    updated: c.editedAt ?? c.createdAt,
    published: c.createdAt,
    author: { name: c.author.displayName, uri: `${origin}/users/${c.author.handle}` },
    link: `${origin}/posts/${c.slug}/comments/${c.id}`,
    html: c.html,
  }));
}

export function atomResponse(request: Request, feed: { title: string; subtitle?: string; path: string; alternate: string; entries: AtomEntry[]; updated: number }): Response {
  const origin = new URL(request.url).origin;
  const body = atomFeed({ id: `${origin}${feed.path}`, title: feed.title, subtitle: feed.subtitle, self: `${origin}${feed.path}`, alternate: `${origin}${feed.alternate}`, updated: feed.updated, entries: feed.entries });
  return new Response(body, { headers: { "content-type": `${ATOM_TYPE}; charset=utf-8`, "cache-control": "public, max-age=300" } });
}
