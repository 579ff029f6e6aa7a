// Security headers as a browser receives them from the real server (production build).
// The CSP is parsed into directives and each is asserted, Discourse-spec style.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsp } from "../../server/csp";
import type { Client } from "../support/client";
import { startWithReader, type TestServer } from "../support/server";

let server: TestServer;
let client: Client;
beforeAll(async () => ({ server, reader: client } = await startWithReader({ seed: true })));
afterAll(() => server.stop());

function nonceOf(directives: Record<string, string[]>): string {
  const source = directives["script-src"]?.find((s) => s.startsWith("'nonce-"));
  if (!source) throw new Error(`no nonce in script-src: ${directives["script-src"]?.join(" ")}`);
  return source.slice("'nonce-".length, -1);
}

describe("Content-Security-Policy", () => {
  it("is enforced on HTML pages with the ASVS-required directives", async () => {
    const res = await client.get("/");
    expect(res.status).toBe(200);
    const header = res.headers.get("content-security-policy");
    expect(header).toBeTruthy();
    expect(res.headers.get("content-security-policy-report-only")).toBeNull();
    const csp = parseCsp(header!);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]).toEqual([expect.stringMatching(/^'nonce-[A-Za-z0-9+/]+={0,2}'$/), "'strict-dynamic'", "'self'"]);
    expect(csp["style-src-elem"]).toEqual(["'self'"]);
    // Images only from us and the allowlisted hosts (ADR 015): no reader's address goes elsewhere.
    expect(csp["img-src"]).toEqual(["'self'", "data:", "https://upload.wikimedia.org", "https://ourworldindata.org"]);
    // Scripts: only our files and nonced inline scripts; nothing evaluates strings.
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(header).not.toContain("'unsafe-eval'");
    expect(header).not.toContain("*");
  });

  it("uses a fresh, unguessable nonce per response, and every inline script carries it", async () => {
    const [a, b] = await Promise.all([client.get("/"), client.get("/")]);
    const nonceA = nonceOf(parseCsp(a.headers.get("content-security-policy")!));
    const nonceB = nonceOf(parseCsp(b.headers.get("content-security-policy")!));
    expect(nonceA).not.toBe(nonceB);
    expect(Buffer.from(nonceA, "base64")).toHaveLength(16);
    const scripts = [...a.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) {
      // External module files are covered by 'self'; inline ones need the nonce.
      if (/\bsrc=/.test(tag)) continue;
      expect(tag).toContain(`nonce="${nonceA}"`);
    }
    expect(a.text).not.toContain(nonceB);
  });

  it("nonces the inline scripts of a streamed post page too", async () => {
    const res = await client.get("/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from");
    expect(res.status).toBe(200);
    const nonce = nonceOf(parseCsp(res.headers.get("content-security-policy")!));
    const inline = [...res.text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
    expect(inline.length).toBeGreaterThanOrEqual(2);
    for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("is on every response: errors, static files, JSON and health checks", async () => {
    for (const path of ["/no-such-page", "/favicon.svg", "/healthz", "/api/models", "/assets/gone-from-an-older-build.js"]) {
      const res = await client.get(path);
      const csp = parseCsp(res.headers.get("content-security-policy") ?? "");
      expect(csp["object-src"], path).toEqual(["'none'"]);
      expect(csp["frame-ancestors"], path).toEqual(["'self'"]);
    }
  });
});

describe("static files", () => {
  it("answers a file an older build named with a 404 that says to reload, not a 500", async () => {
    for (const path of ["/assets/gone-from-an-older-build.js", "/assets/nested/gone.css"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toMatch(/earlier version of Forkcast\. Reload the page/);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
  });
});

describe("other security headers", () => {
  it("sends nosniff, a referrer policy and COOP; no HSTS over plain http", async () => {
    const res = await client.get("/");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
    // HSTS over http is ignored by browsers and only makes sense behind TLS (req.secure).
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});
