// Content-Security-Policy with a fresh nonce per request (docs/decisions/011-csp.md).
// The nonce travels to Remix through the load context (res.locals → getLoadContext →
// entry.server.tsx), which hands it to React and to <Scripts>/<ScrollRestoration>.
import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { IMAGE_HOSTS } from "../app/utils/markdown/url-policy.server";

/** 128 bits from the CSPRNG: unguessable, and never reused across responses. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The production policy. Every directive is an allowlist; anything not named falls back to
 * default-src 'self'. Kept as data so the integration test can parse and assert each entry.
 */
/**
 * Pages other sites may frame (docs/decisions/027): the embed routes, and only they. Everything
 * else keeps frame-ancestors 'self' and X-Frame-Options: SAMEORIGIN (clickjacking).
 */
export function embeddablePath(path: string): boolean {
  return /^\/embed\//.test(path);
}

export function cspDirectives(nonce: string, opts: { embeddable?: boolean } = {}): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    // Only nonced scripts and what they load: 'strict-dynamic' makes CSP3 browsers ignore
    // 'self', so markup that slips past the sanitizer cannot even pull in one of our own
    // chunks; Remix's bootstrap module is nonced and imports the rest. 'self' stays as the
    // fallback for browsers without 'strict-dynamic'. Verified in Chromium (csp.e2e.ts).
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'"],
    // Style *attributes* come from KaTeX's layout, vega's SVG and React `style` props in
    // server HTML; they cannot carry nonces. <style>/<link> elements are narrowed again by
    // style-src-elem in browsers that know it (older ones fall back to style-src).
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-elem": ["'self'"],
    // Images users put in Markdown load only from the allowlisted hosts (docs/decisions/020;
    // the renderer turns the rest into links), which also covers HTML stored before that rule.
    // data: for fonts/images Vite inlines into CSS.
    "img-src": ["'self'", "data:", ...IMAGE_HOSTS.map((host) => `https://${host}`)],
    "font-src": ["'self'", "data:"],
    // CSP3 'self' also matches ws:/wss: on the same host, which socket.io upgrades to.
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    // An embed has no form and no state-changing control, so any site may frame it.
    "frame-ancestors": opts.embeddable ? ["*"] : ["'self'"],
    "form-action": ["'self'"],
  };
}

export function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

export function parseCsp(header: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

/** The nonce the CSP middleware chose for this response ("" if it did not run). */
export function cspNonceOf(res: Response): string {
  const nonce: unknown = res.locals.cspNonce;
  return typeof nonce === "string" ? nonce : "";
}

/**
 * Sets the header on every response (ASVS 5.0 3.4.3), static files included. In development
 * the header is left out: Vite's HMR client injects un-nonced <style> elements and inline
 * modules, so an enforced policy would break the dev server. The nonce is still generated
 * and plumbed through so the markup is identical in both modes.
 */
export function contentSecurityPolicy(mode: "production" | "development"): RequestHandler {
  return (req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    if (mode === "production") res.setHeader("Content-Security-Policy", serializeCsp(cspDirectives(nonce, { embeddable: embeddablePath(req.path) })));
    next();
  };
}
