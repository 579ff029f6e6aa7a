import { useServerMarkup } from "./inline-svg";

/**
 * The only place server-rendered HTML enters the page. The HTML was produced by
 * utils/markdown.server.ts and sanitized with its allowlist before it was stored.
 */
export function MarkdownBody({ html, className, inlineKey }: { html: string; className?: string; inlineKey?: string }) {
  // `html` is "" when the document carried it once (inlineKey, components/inline-svg.tsx):
  // the server renders it from there and hydration keeps it.
  const server = useServerMarkup(html === "" ? inlineKey : undefined);
  return <div className={`prose${className ? ` ${className}` : ""}`} dangerouslySetInnerHTML={{ __html: html || (server ?? "") }} suppressHydrationWarning={inlineKey !== undefined} />;
}
