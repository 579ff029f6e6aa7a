import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { embeddablePath } from "./csp";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function securityHeaders(mode: "production" | "development"): RequestHandler {
  return (req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    // Embeds are framed by other sites; their CSP frame-ancestors says so (server/csp.ts).
    if (!embeddablePath(req.path)) res.setHeader("X-Frame-Options", "SAMEORIGIN");
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

/** Bytes a request body may carry, by where it goes. */
export interface BodyLimits {
  /** The JSON API (/api/…): model inputs are small. */
  api: number;
  /** Forms: a 100 KB post, percent-encoded, beside the forecast editor's JSON. */
  form: number;
}

export const BODY_LIMITS: BodyLimits = { api: 256 * 1024, form: 1024 * 1024 };

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/**
 * Reads every request body before any route sees it, counting bytes as they arrive: a
 * declared Content-Length over the limit is refused before reading, and a chunked body is
 * cut off at the first byte past it. Either way the answer is a 413 and the connection is
 * closed, so memory never holds more than the limit per request. The body is left on
 * `req.body` as a Buffer for the Remix handler (server/remix-handler.ts).
 */
export function readBody(limits: BodyLimits = BODY_LIMITS): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers["content-length"];
    const chunked = req.headers["transfer-encoding"] !== undefined;
    if (!chunked && (declared === undefined || declared === "0")) return next();
    const max = req.path.startsWith("/api/") ? limits.api : limits.form;
    const message = `Request body too large: the limit here is ${kb(max)}.`;
    if (Number(declared) > max) return refuseUnread(req, res, 413, message);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        req.off("data", onData);
        req.off("end", onEnd);
        return refuseUnread(req, res, 413, message);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      req.off("data", onData);
      (req as { body?: Buffer }).body = Buffer.concat(chunks, size);
      next();
    };
    req.on("data", onData);
    req.once("end", onEnd);
    // A client that goes away mid-upload is gone: nothing to answer, and nothing kept.
    req.once("error", () => {
      req.off("data", onData);
      req.off("end", onEnd);
      chunks.length = 0;
    });
  };
}

/**
 * Writes one person (or, signed out, one address) may have in flight at once; past that, new
 * ones are refused with a 429 before their bodies are read. A browser has a few writes going
 * at most; a script firing dozens at once would otherwise queue its parsing ahead of everyone.
 */
export function writeConcurrency(ownerOf: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => { owner: string; limit: number }): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const { owner, limit } = ownerOf(req, res);
    const busy = inFlight.get(owner) ?? 0;
    if (busy >= limit) {
      res.set("Retry-After", "1");
      return refuseUnread(req, res, 429, `You have ${limit} requests being handled already; wait for them to finish and try again.`);
    }
    inFlight.set(owner, busy + 1);
    res.once("close", () => {
      const left = (inFlight.get(owner) ?? 1) - 1;
      if (left > 0) inFlight.set(owner, left);
      else inFlight.delete(owner);
    });
    next();
  };
}

/** How long a client gets to read a refusal before its connection is cut. */
const LINGER_MS = 1000;

/**
 * Answers `status` with `Connection: close` while the client may still be sending. Reading stops at
 * once (the rest of the upload is never read, so it costs no memory); the complete answer is
 * written, and the socket is closed a moment later, once the client has had time to read it:
 * closed at once, the kernel would reset the connection over the unread upload and the client
 * would often lose the answer with it.
 */
function refuseUnread(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], status: number, message: string) {
  req.pause();
  const body = Buffer.from(message);
  res.status(status);
  res.set({ "Content-Type": "text/plain; charset=utf-8", "Content-Length": String(body.length), Connection: "close" });
  res.write(body);
  setTimeout(() => {
    res.end();
    req.socket.destroy();
  }, LINGER_MS).unref();
}

/**
 * For a handler that is not ours (engine.io) and answers 413 mid-upload with writeHead().end():
 * its answer goes out at once, but the end (after which Node closes the connection) waits out
 * the same grace as ours, with reading stopped.
 */
export function lingerOnRefusal(req: IncomingMessage, res: ServerResponse) {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (res.statusCode !== 413) return end(...args);
    req.pause();
    res.flushHeaders();
    setTimeout(() => {
      end(...args);
      req.socket.destroy();
    }, LINGER_MS).unref();
    return res;
  }) as ServerResponse["end"];
}
