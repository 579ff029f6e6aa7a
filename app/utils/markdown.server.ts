import type { KatexOptions } from "katex";
import rehypeKatex from "rehype-katex";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";
import { crosspostsToText, remarkCrosspost, type ResolvePostTitle } from "./markdown/crosspost.server";
import { rehypeDecorate, rehypeUrlPolicy, stripBidiControls } from "./markdown/hast-policy.server";
import { capDepth, guardMath, rawHtmlAsText, textContent } from "./markdown/mdast-guards.server";
import { sanitizeSchema } from "./markdown/schema.server";
import { EXTERNAL_LINK_REL, safeLinkHref } from "./markdown/url-policy.server";

export {
  ALLOWED_ATTRIBUTES,
  ALLOWED_CLASSES,
  ALLOWED_TAGS,
  KATEX_OUTPUT_ALLOWLIST,
  URL_ATTRIBUTE_SCHEMES,
} from "./markdown/schema.server";
export type { ResolvePostTitle } from "./markdown/crosspost.server";

/**
 * KaTeX settings. `output: "html"` rather than "htmlAndMathml": MathML roughly
 * doubles the markup of every formula in stored and broadcast HTML, and with
 * no MathML at all in our output "no <math> element anywhere" stays a simple,
 * checkable invariant (MathML is the classic namespace-confusion vector).
 * The cost is that screen readers get KaTeX's spans, not the formula.
 * rehype-katex forces throwOnError itself: it renders once with `true`, then
 * on failure again with `false` and, should KaTeX throw anything else, falls
 * back to an error-coloured span — a bad formula never breaks the page.
 */
export const KATEX_OPTIONS = {
  output: "html",
  trust: false, // \href, \url, \htmlId, \includegraphics … render as errors
  strict: "ignore",
  maxSize: 50, // em; stops `\rule{1e6em}` page-blowing boxes
  maxExpand: 500, // macro expansions per formula; stops \def recursion bombs
  errorColor: "#cc0000",
} as const satisfies Omit<KatexOptions, "displayMode" | "throwOnError">;

export interface RenderOptions {
  resolvePostTitle: ResolvePostTitle;
}

export interface RenderResult {
  html: string;
  unresolvedLinks: string[];
}

// Turns off raw HTML in the tokenizer itself (markdown-it's `html: false`):
// `<b>` becomes literal text while Markdown around and inside it still works,
// which is kinder to readers than dropping it, and nothing HTML-shaped ever
// reaches the tree.
function remarkNoRawHtml(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ["htmlFlow", "htmlText"] } });
}

function markdownParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkNoRawHtml);
}

/**
 * Markdown → sanitized HTML, synchronously. The order matters: the URL policy
 * and the allowlist sanitizer see every user-influenced node, and only then
 * do our own decorations and KaTeX's (trusted, generated) markup go in.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): RenderResult {
  const unresolved = new Set<string>();
  const processor = markdownParser()
    .use(() => capDepth)
    .use(() => rawHtmlAsText)
    .use(() => guardMath)
    .use(() => remarkCrosspost(options.resolvePostTitle, unresolved))
    .use(remarkRehype, { clobberPrefix: "user-content-" })
    .use(rehypeUrlPolicy)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeDecorate)
    .use(rehypeKatex, KATEX_OPTIONS)
    .use(rehypeStringify);
  const html = String(processor.processSync(markdown));
  return { html, unresolvedLinks: [...unresolved] };
}

// Long posts only need their opening for an excerpt; parsing 32 KB to read
// 200 characters would be waste.
const PLAIN_TEXT_SOURCE_LIMIT = 4000;

/**
 * A short, markup-free excerpt for previews and meta descriptions. The result
 * is plain text, NOT HTML: callers must still escape it (React does).
 */
export function renderPlainText(markdown: string, maxLength = 200): string {
  const tree = markdownParser().parse(markdown.slice(0, PLAIN_TEXT_SOURCE_LIMIT));
  const text = stripBidiControls(crosspostsToText(textContent(tree)))
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  if (lastSpace > maxLength * 0.6) cut = cut.slice(0, lastSpace);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":", "!", "?", ")", "]", "}", "*", "_", "~"]);

// Sentence punctuation after a URL is not part of it, but a closing paren
// that balances one inside (Wikipedia style) is.
function trimUrl(url: string): string {
  let end = url.length;
  let open = 0;
  let close = 0;
  for (const ch of url) {
    if (ch === "(") open++;
    else if (ch === ")") close++;
  }
  while (end > 0 && TRAILING_PUNCTUATION.has(url[end - 1])) {
    if (url[end - 1] === ")") {
      if (close <= open) break;
      close--;
    }
    end--;
  }
  return url.slice(0, end);
}

/**
 * Moderator-written reasons: a deliberately tighter path than Markdown, so a
 * compromised moderator account cannot produce stored XSS. Everything is
 * escaped; only http(s) URLs become links. Newlines are left as they are
 * (render with `white-space: pre-wrap`).
 */
export function sanitizeModeratorText(text: string): string {
  const clean = stripBidiControls(text);
  let out = "";
  let cursor = 0;
  for (const match of clean.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    if (start < cursor) continue;
    const url = trimUrl(match[0]);
    const href = safeLinkHref(url);
    if (href === null || !/^https?:/i.test(href)) continue;
    out += escapeHtml(clean.slice(cursor, start));
    out += `<a href="${escapeHtml(href)}" rel="${EXTERNAL_LINK_REL.join(" ")}">${escapeHtml(url)}</a>`;
    cursor = start + url.length;
  }
  return out + escapeHtml(clean.slice(cursor));
}
