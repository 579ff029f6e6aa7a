// The signed-out page cache (docs/decisions/031). Every signed-out reader of a page gets the
// same document while the data is the same, apart from the CSP nonce (server/conditional.ts).
// So a document is kept split at its nonce, keyed by its URL and by the store's write
// generation read before it was rendered (db/schema/generation.ts), and the next signed-out
// reader gets it joined with their own nonce instead of a new render.
//
// One generation at a time: any committed write, on any process or node, makes every kept page
// old, and the first reader to see the new generation drops them all. A kept page is also
// dropped after MAX_AGE_MS: the front page's order decays with the clock, not only with writes.
import { createHash } from "node:crypto";

export const MAX_AGE_MS = 30_000;
const MAX_BYTES = 32 * 1024 * 1024;

interface Kept {
  parts: string[];
  headers: [string, string][];
  at: number;
  bytes: number;
}

/** A weak ETag naming what the reader sees: the body with this response's nonce taken out. */
export function pageEtag(withoutNonce: string): string {
  return `W/"${createHash("sha256").update(withoutNonce).digest("hex").slice(0, 20)}"`;
}

export class PageCache {
  private generation = -1;
  private pages = new Map<string, Kept>();
  private bytes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The page kept for `url` at `generation`, as a response carrying `nonce`; null if none. */
  take(url: string, generation: number, nonce: string): Response | null {
    this.advance(generation);
    if (generation !== this.generation) return null;
    const kept = this.pages.get(url);
    if (!kept) return null;
    if (this.now() - kept.at > MAX_AGE_MS) {
      this.drop(url, kept);
      return null;
    }
    return this.respond(kept, nonce, "hit");
  }

  /**
   * Keeps a complete 200 document rendered at `generation` (read before its loaders ran) and
   * returns it as a response to send. A render that began before a newer write is not kept.
   */
  keep(url: string, generation: number, body: string, headers: Headers, nonce: string): Response {
    const parts = nonce ? body.split(nonce) : [body];
    const all = new Headers(headers);
    all.set("ETag", pageEtag(parts.join("")));
    const kept: Kept = { parts, headers: [...all.entries()], at: this.now(), bytes: Buffer.byteLength(body) };
    this.advance(generation);
    if (generation === this.generation && kept.bytes <= MAX_BYTES / 8) {
      const old = this.pages.get(url);
      if (old) this.drop(url, old);
      this.pages.set(url, kept);
      this.bytes += kept.bytes;
      // Oldest first: Map keeps insertion order.
      for (const [key, page] of this.pages) {
        if (this.bytes <= MAX_BYTES) break;
        this.drop(key, page);
      }
    }
    return this.respond(kept, nonce, "miss");
  }

  get size(): number {
    return this.pages.size;
  }

  private advance(generation: number) {
    if (generation <= this.generation) return;
    this.generation = generation;
    this.pages.clear();
    this.bytes = 0;
  }

  private drop(url: string, kept: Kept) {
    this.pages.delete(url);
    this.bytes -= kept.bytes;
  }

  private respond(kept: Kept, nonce: string, how: "hit" | "miss"): Response {
    const headers = new Headers(kept.headers);
    headers.set("X-Page-Cache", how);
    return new Response(kept.parts.join(nonce), { status: 200, headers });
  }
}
