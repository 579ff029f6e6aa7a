// Interactive parts whose markup is a function of a few plain props (docs/decisions/036): on
// the server, rendered once per set of props and kept; in the browser, rendered and hydrated
// as any component. Unlike a Kept part, the browser hydrates this markup, so it is rendered
// with the hydration comments React's stream writes, and must match the client render exactly.
import { createContext, useContext, type HTMLAttributes, type ReactNode } from "react";

/** On the server only (entry.server.tsx): hydratable markup for `render()`, kept by `key`. */
export const HydratableMarkupContext = createContext<((key: string, render: () => ReactNode) => string) | null>(null);

type Tag = "div" | "section" | "header" | "li";

/**
 * `sameFor` is everything the children's markup depends on, as plain data, and `part` names the
 * kind of part: equal values must give equal markup. The key is their JSON, made on the server
 * only (the browser renders the children and never needs it). That includes markup the document carries once and the children read by a key that is
 * not a version (a MarkdownBody's inlineKey). The children must not read a router or data
 * context (the server renders them apart from the page) or call useId (the id would depend on
 * where that render starts). Null renders them in place: for what only one reader's visit can
 * show, such as a form that starts open.
 */
export function RenderedOnce({ as: Element, part, sameFor, children, ...attrs }: { as: Tag; part: string; sameFor: object | null; children: ReactNode } & Pick<HTMLAttributes<HTMLElement>, "className" | "aria-label" | "aria-labelledby">) {
  const render = useContext(HydratableMarkupContext);
  if (render && sameFor !== null) return <Element {...attrs} dangerouslySetInnerHTML={{ __html: render(`${part}:${JSON.stringify(sameFor)}`, () => children) }} />;
  return <Element {...attrs}>{children}</Element>;
}
