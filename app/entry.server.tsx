import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import type { ReactNode } from "react";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToStaticMarkup, renderToString } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { ServerMarkupContext } from "./components/inline-svg";
import { StaticMarkupContext } from "./components/kept";
import { HydratableMarkupContext } from "./components/rendered-once";
import { memoText } from "./utils/memo.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * Static parts of pages (components/kept.tsx), rendered once per version and kept: the same
 * for every reader, signed in or out, and a large share of a post page's elements. React's
 * renderToStaticMarkup is a separate renderer instance, so calling it while rendering is safe.
 */
const staticMarkup = memoText(8_000_000);
const renderStatic = (key: string, render: () => ReactNode) => staticMarkup(key, () => renderToStaticMarkup(<>{render()}</>));

/**
 * Interactive parts rendered once per set of props (components/rendered-once.tsx). renderToString
 * writes the comments that separate adjacent text, as the page's stream does, so the browser
 * hydrates this markup like the rest. A Kept part inside reads the page's inline markup, whose
 * version is part of the key.
 */
const hydratableMarkup = memoText(8_000_000);
const hydratableOn = (inline: Map<string, string> | null) => {
  // Parts inside a part are kept too: a thread kept whole, rendered anew for one reader's
  // votes, draws its comments' headers and rows from what other readers' views kept.
  const render = (key: string, part: () => ReactNode): string =>
    hydratableMarkup(key, () =>
      renderToString(
        <ServerMarkupContext.Provider value={inline}>
          <StaticMarkupContext.Provider value={renderStatic}>
            <HydratableMarkupContext.Provider value={render}>{part()}</HydratableMarkupContext.Provider>
          </StaticMarkupContext.Provider>
        </ServerMarkupContext.Provider>,
      ),
    );
  return render;
};

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
          <StaticMarkupContext.Provider value={renderStatic}>
            <HydratableMarkupContext.Provider value={loadContext.partCache ? hydratableOn(loadContext.inlineMarkup ?? null) : null}>
              <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
            </HydratableMarkupContext.Provider>
          </StaticMarkupContext.Provider>
        </ServerMarkupContext.Provider>
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = documentStream();
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
 * What React writes, passed on once per flush: React writes a document in 2 KB pieces and calls
 * `flush()` when it has nothing more for now (the shell, then each streamed part), so the web
 * stream and the socket below carry a few large chunks instead of dozens of small ones.
 *
 * React 18.3's stream writer also flushes its whole 2 KB buffer when a multi-byte character does
 * not fit at its end, so the page gets zero bytes there (seen as "\0\0▲" before a vote arrow).
 * No UTF-8 character contains a zero byte and HTML has no use for one, so they are dropped.
 */
function documentStream(): Transform & { flush(): void } {
  let pending: Buffer[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    stream.push(withoutZeroBytes(joined));
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      done();
    },
    // The end of the document (Transform's own _flush; React's `flush()` is the method below).
    flush(done) {
      flush();
      done();
    },
  });
  return Object.assign(stream, { flush });
}

function withoutZeroBytes(chunk: Buffer): Buffer {
  if (chunk.indexOf(0) < 0) return chunk;
  const kept = Buffer.allocUnsafe(chunk.length);
  let n = 0;
  for (const byte of chunk) if (byte !== 0) kept[n++] = byte;
  return kept.subarray(0, n);
}
