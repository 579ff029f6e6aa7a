// Open reads (docs/decisions/027): the JSON API, its OpenAPI document and oEmbed may be read by
// scripts on any site. Without credentials: those answers never depend on who asks (they are
// the signed-out view), so a cookie could unlock nothing and is not invited along.
import type { RequestHandler } from "express";

const OPEN_READ = /^\/(?:api\/v1\/|api\/openapi\.json$|oembed$)/;

export function isOpenRead(path: string): boolean {
  return OPEN_READ.test(path);
}

export function openReadCors(): RequestHandler {
  return (req, res, next) => {
    if (!isOpenRead(req.path)) return next();
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", "ETag, Link, Retry-After");
    if (req.method === "OPTIONS") {
      // A preflight: only a conditional GET's validator is worth a custom header here.
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", "If-None-Match");
      res.setHeader("Access-Control-Max-Age", "86400");
      res.status(204).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD, OPTIONS");
      res.status(405).json({ ok: false, error: "This endpoint is read-only: use GET.", errors: [] });
      return;
    }
    next();
  };
}
