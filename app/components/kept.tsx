// Static markup a document carries once (docs/decisions/023): the HTML has it, the loader data
// has only a version. Hydration keeps the server's markup, as it keeps an inline chart's; the
// data comes whole with a `.data` request, and replaces the markup only when its version changed,
// so a revalidation does not close a <details> the reader opened.
import { createContext, useContext, useState, type HTMLAttributes, type ReactNode } from "react";
import { useServerMarkup } from "./inline-svg";

/** A value the page's HTML carries: `data` is absent in a document's loader data. */
export interface Once<T> {
  once: string;
  data?: T;
}

export function isOnce<T>(value: T | Once<T>): value is Once<T> {
  return typeof value === "object" && value !== null && "once" in value;
}

type Tag = "details" | "ul" | "section" | "div";

/**
 * On the server only (entry.server.tsx): renders a Kept's contents to static markup once per
 * key and keeps it. A Kept's contents are a function of its element, its class and its data,
 * so that is the key; the browser keeps the markup and never hydrates it, which is why static
 * markup (no hydration comments) is enough.
 */
export const StaticMarkupContext = createContext<((key: string, render: () => ReactNode) => string) | null>(null);

export function Kept<T>({ value, as: Element, children, ...attrs }: { value: T | Once<T>; as: Tag; children: (data: T) => ReactNode } & Omit<HTMLAttributes<HTMLElement>, "children">) {
  const once = isOnce(value) ? value : null;
  const server = useServerMarkup(once && once.data === undefined ? `kept:${once.once}` : undefined);
  const [hydrated] = useState(() => (once && once.data === undefined ? once.once : null));
  const renderStatic = useContext(StaticMarkupContext);
  if (renderStatic && once && server !== undefined) {
    const html = renderStatic(`${Element}.${attrs.className ?? ""}:${once.once}`, () => children(JSON.parse(server) as T));
    return <Element {...attrs} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
  }
  const data: T | undefined = once ? (once.data ?? (server === undefined ? undefined : (JSON.parse(server) as T))) : (value as T);
  if (data === undefined || (server === undefined && once?.once === hydrated)) {
    // Our own components' markup from the server render of this very version.
    return <Element {...attrs} dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />;
  }
  return <Element {...attrs}>{children(data)}</Element>;
}
