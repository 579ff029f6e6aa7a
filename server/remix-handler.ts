// The Remix request handler, fed the body readBody() (server/middleware.ts) already read within
// its limit. @remix-run/express streams the raw request into Remix instead, where
// request.formData() and request.text() read it whole however large it is.
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { conditional, eligible } from "./conditional";
import type { PageCache } from "./page-cache";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";

export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  /** Signed-out documents kept between writes (server/page-cache.ts); the store's write generation. */
  pages?: { cache: PageCache; generation: () => Promise<number> };
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  const pages = options.pages;
  // Signed-out GETs of documents may come from, or go into, the page cache.
  const respond = async (request: Request, context: AppLoadContext): Promise<Response> => {
    if (!pages || request.method !== "GET" || context.user !== null || !context.documentRequest) return handle(request, context);
    const generation = await pages.generation();
    const kept = pages.cache.take(request.url, generation, context.cspNonce);
    if (kept) return kept;
    const response = await handle(request, context);
    if (response.status !== 200 || response.headers.has("set-cookie") || !(response.headers.get("content-type") ?? "").startsWith("text/html")) return response;
    const body = await response.text();
    // Known only once the body is complete: whether every route agreed and nothing failed.
    if (!context.sharedPage.routesAgree || context.sharedPage.failed) return new Response(body, { status: 200, headers: response.headers });
    return pages.cache.keep(request.url, generation, body, response.headers, context.cspNonce);
  };
  return async (req, res, next) => {
    try {
      const context = options.getLoadContext(req, res);
      let response = await respond(fetchRequest(req, res), context);
      if (eligible(req.method, response, context.user !== null)) response = await conditional(response, { ifNoneMatch: req.get("if-none-match"), nonce: context.cspNonce });
      // The reader keeps its copy and the policy stored with it (server/conditional.ts).
      if (response.status === 304) res.removeHeader("Content-Security-Policy");
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

function fetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname and req.protocol honour the `trust proxy` setting; the port comes from the
  // forwarded host or the Host header.
  const port = [req.get("x-forwarded-host"), req.get("host")].map((h) => Number.parseInt(h?.split(":")[1] ?? "", 10)).find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  // Loaders and actions stop when the client goes away before the answer is complete.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = (req as { body?: unknown }).body;
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (body instanceof Buffer && req.method !== "GET" && req.method !== "HEAD") init.body = body;
  return new Request(url.href, init);
}
