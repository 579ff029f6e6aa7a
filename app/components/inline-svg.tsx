// A server-rendered chart that travels once. The page's HTML carries the SVG inline (readable
// without JavaScript, sized by CSS, in the page's fonts); the loader data carries only its URL.
// Hydration keeps the markup the server wrote: React does not rewrite an element's innerHTML
// when hydrating it, so the browser never needs the SVG string itself. A chart that first
// appears in the browser (a client-side navigation, a changed URL after a revalidation)
// fetches its URL, which the server answers with a validator or as immutable (docs/decisions/023).
import { createContext, useContext, useEffect, useRef, useState } from "react";

/**
 * Markup a document response carries once, in its HTML: filled by loaders on the server (load
 * context `inlineMarkup`, by URL or by a key like `comment:12`), read while rendering, never
 * serialized into the loader data.
 */
export const ServerMarkupContext = createContext<ReadonlyMap<string, string> | null>(null);

export function useServerMarkup(key: string | undefined): string | undefined {
  const markup = useContext(ServerMarkupContext);
  return key === undefined ? undefined : markup?.get(key);
}

export function InlineSvg({ src, className, hidden }: { src: string; className?: string; hidden?: boolean }) {
  const inline = useServerMarkup(src);
  const ref = useRef<HTMLDivElement>(null);
  // What the element shows now: on the server and at hydration, the markup for `src`.
  const shown = useRef<string | null>(null);
  const [fetched, setFetched] = useState<string | null>(inline ?? null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (shown.current === null && el.firstElementChild) {
      // Hydrated: the server's markup for this very URL is already in place.
      shown.current = src;
      return;
    }
    if (shown.current === src) return;
    let cancelled = false;
    fetch(src, { credentials: "same-origin" })
      .then((res) => (res.ok && (res.headers.get("content-type") ?? "").startsWith("image/svg+xml") ? res.text() : null))
      .then((text) => {
        if (cancelled || text === null) return;
        shown.current = src;
        setFetched(text);
      })
      .catch(() => {
        // The chart stays as it was; the caption still describes it.
      });
    return () => {
      cancelled = true;
    };
  }, [src]);

  // Our own renderer's markup (app/utils/chart-svg.server.ts), the same reviewed use as ForecastChart's.
  return <div ref={ref} className={className} hidden={hidden} dangerouslySetInnerHTML={{ __html: fetched ?? "" }} suppressHydrationWarning />;
}
