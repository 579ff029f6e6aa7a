import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { ServerMarkupContext } from "./components/inline-svg";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The CSP nonce goes three ways: React's own streaming scripts (the `nonce` option),
  // single-fetch data scripts (<RemixServer nonce>) and <Scripts>/<ScrollRestoration> (context).
  const nonce = loadContext.cspNonce || undefined;
  // Bots and no-JS readers get the whole document at once; browsers may stream.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  // Only pages whose every route says their render depends on nothing but the data and the URL.
  const matches = remixContext.staticHandlerContext.matches;
  loadContext.sharedPage.routesAgree = matches.length > 0 && matches.every((m) => (remixContext.routeModules[m.route.id]?.handle as { sharedPage?: boolean } | undefined)?.sharedPage === true);
  await loadContext.renderTurn();
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const app = (
      <NonceProvider value={nonce}>
        <ServerMarkupContext.Provider value={loadContext.inlineMarkup ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </ServerMarkupContext.Provider>
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = withoutZeroBytes();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        loadContext.sharedPage.failed = true;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY).unref?.();
  });
}

/**
 * React 18.3's stream writer flushes its whole 2 KB buffer when a multi-byte character does not
 * fit at its end, so the page gets zero bytes there (seen as "\0\0▲" before a vote arrow). No
 * UTF-8 character contains a zero byte and HTML has no use for one, so they are dropped.
 */
function withoutZeroBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) < 0) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) kept[n++] = byte;
      done(null, kept.subarray(0, n));
    },
  });
}
