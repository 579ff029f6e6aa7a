// What server.ts hands every loader and action. Type-only imports: route modules must never
// pull services (and with them the database) into their bundle.
import type { Services } from "./services/index.server";
import type { RequestUser } from "./services/types";

export interface ForkcastContext {
  services: Services;
  user: RequestUser | null;
  sessionToken: string | undefined;
  /** The client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts): the key of per-address limits. */
  ip: string;
  /** This response's CSP nonce (server/csp.ts); entry.server.tsx hands it to every inline script. */
  cspNonce: string;
  /** Markup this response's HTML carries once, by URL or key; the loader data holds only the key (components/inline-svg.tsx). */
  inlineMarkup: Map<string, string>;
  /** Whether entry.server.tsx keeps interactive parts by their props (components/rendered-once.tsx). */
  partCache: boolean;
  /** A document request (HTML), as opposed to a `.data` request of the running app. */
  documentRequest: boolean;
  /**
   * Set by entry.server.tsx: whether this render may be kept for every signed-out reader (every
   * matched route says so with `handle.sharedPage`, and the render met no error). Read by the
   * signed-out page cache (server/page-cache.ts) once the body is complete.
   */
  sharedPage: { routesAgree: boolean; failed: boolean };
  /** Resolves when this document's render may start (server/render-turns.ts). */
  renderTurn: () => Promise<void>;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends ForkcastContext {}
}
