/**
 * The only place server-rendered HTML enters the page. The HTML was produced by
 * utils/markdown.server.ts and sanitized with its allowlist before it was stored.
 */
export function MarkdownBody({ html, className }: { html: string; className?: string }) {
  return <div className={`prose${className ? ` ${className}` : ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
