import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function securityHeaders(mode: "production" | "development"): RequestHandler {
  return (req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    if (mode === "production" && req.secure) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

/**
 * Refuses cross-site writes: browsers send Origin on every POST and Sec-Fetch-Site on
 * modern ones, so a form on another site cannot act with our cookie. Requests with neither
 * header come from non-browser clients, which carry no ambient cookie to abuse.
 */
export function sameOriginWrites(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") {
      res.status(403).type("text/plain").send("Cross-site request refused: submit the form from this site.");
      return;
    }
    const origin = req.get("origin");
    if (origin && origin !== "null") {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        res.status(403).type("text/plain").send("Malformed Origin header.");
        return;
      }
      if (host !== req.get("host")) {
        res.status(403).type("text/plain").send("Cross-site request refused: submit the form from this site.");
        return;
      }
    } else if (origin === "null") {
      res.status(403).type("text/plain").send("Requests from opaque origins are refused.");
      return;
    }
    next();
  };
}

/** Remix reads bodies itself with no cap, so the cap sits in front of it. */
export function bodyLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.get("content-length") ?? 0);
    if (Number.isFinite(length) && length > maxBytes) {
      res.status(413).type("text/plain").send(`Request body too large: the limit is ${Math.round(maxBytes / 1024)} KB.`);
      return;
    }
    next();
  };
}
