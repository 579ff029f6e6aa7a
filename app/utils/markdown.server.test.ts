import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_CLASSES,
  ALLOWED_TAGS,
  KATEX_OUTPUT_ALLOWLIST,
  URL_ATTRIBUTE_SCHEMES,
  renderMarkdown,
  renderPlainText,
  sanitizeModeratorText,
} from "./markdown.server";
import { defusePathologicalMarkdown } from "./markdown/defuse.server";
import { DECORATION_ATTRIBUTES, sanitizeSchema } from "./markdown/schema.server";
import { escapeAttributeBrackets } from "./markdown/hast-policy.server";
import { isInternalHost, safeImageSrc, safeLinkHref } from "./markdown/url-policy.server";

const POSTS: Record<string, string> = { "Scaling laws": "scaling-laws", 'Quote " post': 'a"><script>' };
const resolvePostTitle = (title: string) => (title in POSTS ? { slug: POSTS[title], title } : null);
const render = (markdown: string) => renderMarkdown(markdown, { resolvePostTitle });
const html = (markdown: string) => render(markdown).html;
const REL = 'rel="nofollow ugc noopener noreferrer"';

// ---------------------------------------------------------------------------
// Allowlist checker: a real HTML parse of the output (parse5 through
// hast-util-from-html), walked without recursion so deep output cannot hide.

interface HNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

// hast property names back to HTML attribute names.
function attributeName(property: string): string {
  if (property === "className") return "class";
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`;
  if (/^data[A-Z]/.test(property)) return `data${property.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (property === "strokeWidth") return "stroke-width";
  return property.toLowerCase();
}

function tokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];
}

function hrefProblem(raw: string): string | null {
  // Judge the URL the way a browser will: no tab/newline, no edge controls.
  const url = raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) return (URL_ATTRIBUTE_SCHEMES.href as readonly string[]).includes(scheme[1].toLowerCase()) ? null : `scheme ${scheme[1]}`;
  if (url.startsWith("#")) return null;
  if (url.startsWith("/") && url[1] !== "/" && url[1] !== "\\") return null;
  return `non-same-origin relative href ${JSON.stringify(url)}`;
}

function srcProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return `unparseable src ${JSON.stringify(raw)}`;
  }
  if (!(URL_ATTRIBUTE_SCHEMES.src as readonly string[]).includes(url.protocol.slice(0, -1))) return `src scheme ${url.protocol}`;
  if (/^(localhost|127\.|10\.|192\.168\.|169\.254\.|0\.|\[)/.test(url.hostname)) return `internal src ${url.hostname}`;
  return null;
}

const FORBIDDEN_EVERYWHERE = new Set(["style", "srcdoc", "formaction", "ping", "target", "action", "xlink:href", "href", "src"]);

function findViolations(output: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(output)) problems.push("unescaped <script");
  const stack: Array<{ node: HNode; katex: boolean }> = [{ node: fromHtml(output, { fragment: true }) as HNode, katex: false }];
  while (stack.length > 0) {
    const { node, katex: insideKatex } = stack.pop()!;
    let katex = insideKatex;
    if (node.type === "element") {
      const tag = node.tagName ?? "";
      const properties = node.properties ?? {};
      const classes = tokens(properties.className);
      katex ||= classes.some((c) => (KATEX_OUTPUT_ALLOWLIST.roots as readonly string[]).includes(c));
      const allowedTags: readonly string[] = katex ? KATEX_OUTPUT_ALLOWLIST.tags : ALLOWED_TAGS;
      if (!allowedTags.includes(tag)) problems.push(`element <${tag}>${katex ? " in KaTeX output" : ""}`);
      for (const [property, value] of Object.entries(properties)) {
        const name = attributeName(property);
        if (name.startsWith("on")) problems.push(`event handler ${name} on <${tag}>`);
        if (katex) {
          if (!(KATEX_OUTPUT_ALLOWLIST.attributes as readonly string[]).includes(name) || (FORBIDDEN_EVERYWHERE.has(name) && name !== "style")) {
            problems.push(`attribute ${name} on KaTeX <${tag}>`);
          }
          continue;
        }
        if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) problems.push(`attribute ${name} on <${tag}>`);
        if (name === "class") {
          const allowed = ALLOWED_CLASSES[tag] ?? [];
          for (const c of classes) {
            if (!allowed.some((a) => (typeof a === "string" ? a === c : a.test(c)))) problems.push(`class ${c} on <${tag}>`);
          }
        }
        if ((name === "id" || name === "name") && !String(value).startsWith("user-content-")) problems.push(`unprefixed ${name}=${String(value)}`);
        if (name === "href") {
          const problem = hrefProblem(String(value));
          if (problem) problems.push(problem);
        }
        if (name === "src") {
          const problem = srcProblem(String(value));
          if (problem) problems.push(problem);
        }
      }
    }
    for (const child of node.children ?? []) stack.push({ node: child, katex });
  }
  return problems;
}

interface OutputElement {
  tag: string;
  attrs: Record<string, string>;
  /** Inside KaTeX's output, which has its own allowlist (it styles its spans). */
  katex: boolean;
}

/** Every element of the parsed output with its attributes by HTML name. */
function outputElements(output: string): OutputElement[] {
  const found: OutputElement[] = [];
  const stack: Array<{ node: HNode; katex: boolean }> = [{ node: fromHtml(output, { fragment: true }) as HNode, katex: false }];
  while (stack.length > 0) {
    const { node, katex: inside } = stack.pop()!;
    let katex = inside;
    if (node.type === "element") {
      const properties = node.properties ?? {};
      katex ||= tokens(properties.className).some((c) => (KATEX_OUTPUT_ALLOWLIST.roots as readonly string[]).includes(c));
      const attrs = Object.fromEntries(Object.entries(properties).map(([k, v]) => [attributeName(k), Array.isArray(v) ? v.join(" ") : String(v)]));
      found.push({ tag: node.tagName ?? "", attrs, katex });
    }
    for (const child of node.children ?? []) stack.push({ node: child, katex });
  }
  return found;
}

function expectSafe(output: string): void {
  expect(findViolations(output)).toEqual([]);
}

// mXSS needs the browser's parse of our output to differ from the tree we
// serialized; a parse → serialize round trip that is the identity rules that out.
function reserialize(output: string): string {
  return escapeAttributeBrackets(unified().use(rehypeStringify).stringify(fromHtml(output, { fragment: true }) as never));
}

// ---------------------------------------------------------------------------

describe("renderMarkdown: features (input → expected)", () => {
  const exact: Array<[string, string, string]> = [
    ["strikethrough", "~~gone~~ stays", "<p><del>gone</del> stays</p>"],
    ["autolink literal", "see https://example.com/a_(b).", `<p>see <a href="https://example.com/a_(b)" ${REL}>https://example.com/a_(b)</a>.</p>`],
    ["www autolink", "www.example.com", `<p><a href="http://www.example.com" ${REL}>www.example.com</a></p>`],
    ["email autolink", "me@example.org", `<p><a href="mailto:me@example.org" ${REL}>me@example.org</a></p>`],
    ["relative link", "[post](/posts/a) [top](#top)", '<p><a href="/posts/a">post</a> <a href="#top">top</a></p>'],
    ["blockquote", "> quote\n>> nested", "<blockquote>\n<p>quote</p>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>"],
    ["code block with language", "```js\nif (a < b) x();\n```", '<pre><code class="language-js">if (a &#x3C; b) x();\n</code></pre>'],
    ["code language allowlist", "```c++\nx\n```", '<pre><code class="language-c++">x\n</code></pre>'],
    ["nested list", "- a\n  - b\n    1. c", "<ul>\n<li>a\n<ul>\n<li>b\n<ol>\n<li>c</li>\n</ol>\n</li>\n</ul>\n</li>\n</ul>"],
    ["ordered start", "3. x", '<ol start="3">\n<li>x</li>\n</ol>'],
    ["task list", "- [x] done", '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> done</li>\n</ul>'],
    ["raw HTML shown as text", "a <b>b</b> *c*", "<p>a &#x3C;b>b&#x3C;/b> <em>c</em></p>"],
    ["image on an allowed host", "![chart](https://upload.wikimedia.org/c.png)", '<p><img src="https://upload.wikimedia.org/c.png" alt="chart" loading="lazy" referrerpolicy="no-referrer"></p>'],
    // Other hosts would learn every reader's address: the image becomes a link to it (ADR 020).
    ["image on another host", "![chart](https://example.com/c.png)", `<p><a href="https://example.com/c.png" ${REL}>Image: chart</a></p>`],
    ["image without alt text on another host", "![](https://example.com/c.png)", `<p><a href="https://example.com/c.png" ${REL}>Image on example.com</a></p>`],
    ["image over plain http on an allowed host", "![c](http://upload.wikimedia.org/c.png)", `<p><a href="http://upload.wikimedia.org/c.png" ${REL}>Image: c</a></p>`],
    ["image on a look-alike host", "![c](https://upload.wikimedia.org.evil.example/c.png)", `<p><a href="https://upload.wikimedia.org.evil.example/c.png" ${REL}>Image: c</a></p>`],
    ["crosspost resolved", "<@the post@>(@Scaling laws@)", '<p><a href="/posts/scaling-laws" class="crosspost">the post</a></p>'],
    ["crosspost unresolved", "<@x@>(@Nope@)", '<p><span class="crosspost-unresolved" title="No post titled “Nope” yet">x</span></p>'],
    ["crosspost in code span", "`<@x@>(@Scaling laws@)`", "<p><code>&#x3C;@x@>(@Scaling laws@)</code></p>"],
    ["crosspost in code block", "```\n<@x@>(@Scaling laws@)\n```", "<pre><code>&#x3C;@x@>(@Scaling laws@)\n</code></pre>"],
    ["crosspost inside a link stays text", "[<@x@>(@Scaling laws@)](/a)", '<p><a href="/a">&#x3C;@x@>(@Scaling laws@)</a></p>'],
  ];
  it.each(exact)("%s", (_name, input, expected) => {
    expect(html(input)).toBe(expected);
  });

  it("renders a GFM table with alignment", () => {
    expect(html("| a | b |\n|:-|-:|\n| 1 | 2 |")).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it("renders inline and display math with KaTeX on the server", () => {
    const out = html("Inline $x^2$ and\n\n$$\n\\int_0^1 f(t)\\,dt\n$$\n\n```math\na+b\n```");
    expect(out).toMatch(/^<p>Inline <span class="katex">/);
    // A display formula may scroll sideways; it takes keyboard focus so it can be scrolled without a pointer.
    expect(out.match(/class="katex-display" tabindex="0"/g)).toHaveLength(2);
    expect(out).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(out).not.toContain("language-math");
    expectSafe(out);
  });

  it("keeps KaTeX's own markup (svg, inline style) inside the KaTeX allowlist", () => {
    const out = html(
      "$\\sqrt{x} \\widehat{abc} \\cancel{x} \\boxed{y} \\xrightarrow{a} \\overbrace{x}^{b} \\begin{pmatrix}a\\\\b\\end{pmatrix} \\rule{1em}{2em} \\color{red}{x} \\underline{u} \\not= \\vec{v} \\sqrt[3]{y} \\underbrace{y}_{c} \\begin{array}{|c|l|}\\hline a & b\\end{array} \\mathbb{R} \\left(\\frac12\\right) \\sum_{i}^{n} \\lim_{x\\to0} \\phantom{x} \\binom{n}{k} \\begin{aligned}a&=b\\end{aligned} \\begin{cases}a&b\\end{cases} \\colorbox{red}{x} \\mathclap{q}$",
    );
    expect(out).toContain("<svg");
    expect(out).toContain("<math");
    expect(out).not.toContain("katex-error");
    expectSafe(out);
  });

  it("renders a bad formula as an error span instead of throwing", () => {
    const out = html("before $\\frac{$ after $\\notacommand{x}$");
    expect(out).toContain('class="katex-error"');
    expect(out).toContain("after");
    expectSafe(out);
  });

  it("collects unresolved cross-post titles once each", () => {
    const result = render("<@a@>(@Missing@) <@b@>(@Missing@) <@c@>(@Scaling laws@) <@d@>(@Other@)");
    expect(result.unresolvedLinks).toEqual(["Missing", "Other"]);
  });

  it("falls back to the title when the cross-post link text is empty", () => {
    expect(html("<@ @>(@Scaling laws@)")).toContain(">Scaling laws</a>");
  });

  it("renders footnotes with prefixed, matching ids", () => {
    const out = html("Claim[^1].\n\n[^1]: Source.");
    expect(out).toContain('href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="user-content-footnote-label"');
    expect(out).toContain('<h2 class="sr-only" id="user-content-footnote-label">');
    expect(out).toContain('<li id="user-content-fn-1">');
    expect(out).toContain('href="#user-content-fnref-1"');
    expectSafe(out);
  });

  it("drops a code class that is not a plain language name", () => {
    expect(html('```"><img src=x onerror=alert(1)>\nx\n```')).not.toMatch(/class="[^"]+"/);
  });
});

// ---------------------------------------------------------------------------

interface HostileCase {
  name: string;
  input: string;
  contains?: string[];
  notContains?: Array<string | RegExp>;
}

const HOSTILE: HostileCase[] = [
  { name: "script tag", input: "<script>alert(1)</script>", contains: ["&#x3C;script>alert(1)&#x3C;/script>"] },
  { name: "uppercase script with src", input: "<SCRIPT SRC=//evil.example/x.js></SCRIPT>" },
  { name: "img onerror", input: '<img src=x onerror="alert(1)">', notContains: ["<img"] },
  { name: "svg onload", input: "<svg onload=alert(1)>", notContains: ["<svg"] },
  { name: "script inside svg", input: "<svg><script>alert(1)</script></svg>" },
  { name: "math/mtext namespace confusion", input: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", notContains: ["<math", "<style", "<img"] },
  { name: "mathml xlink", input: '<math><mi xlink:href="javascript:alert(1)">x</mi></math>' },
  { name: "iframe", input: '<iframe src="javascript:alert(1)"></iframe>', notContains: ["<iframe"] },
  { name: "iframe srcdoc", input: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: "style element", input: "<style>body{display:none}</style>", notContains: ["<style"] },
  { name: "inline style attribute", input: '<div style="position:fixed;inset:0">cover</div> and <span style=color:red>x</span>', notContains: [/<[a-z]+ [^>]*style=/] },
  { name: "raw anchor with javascript href", input: '<a href="javascript:alert(1)">x</a>', notContains: ["<a "] },
  { name: "markdown javascript link", input: "[x](javascript:alert(1))", contains: ["<p>x</p>"] },
  { name: "mixed-case scheme", input: "[x](JaVaScRiPt:alert(1))", contains: ["<p>x</p>"] },
  { name: "entity-encoded scheme", input: "[x](jav&#x61;script:alert(1))", contains: ["<p>x</p>"] },
  { name: "entity tab in scheme", input: "[x](jav&#x09;ascript:alert(1))", contains: ["<p>x</p>"] },
  { name: "literal tab in scheme", input: "[x](<java\tscript:alert(1)>)", contains: ["<p>x</p>"] },
  { name: "named-entity colon", input: "[x](javascript&colon;alert(1))", contains: ["<p>x</p>"] },
  { name: "leading space entity", input: "[x](&#x20;javascript:alert(1))", notContains: ["href"] },
  { name: "vbscript", input: "[x](vbscript:msgbox(1))", contains: ["<p>x</p>"] },
  { name: "file scheme", input: "[x](file:///etc/passwd)", contains: ["<p>x</p>"] },
  { name: "data html link", input: "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", contains: ["<p>x</p>"] },
  { name: "data svg image", input: "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", contains: ["<p>x</p>"] },
  { name: "protocol-relative link", input: "[x](//evil.example)", contains: ["<p>x</p>"] },
  { name: "backslash protocol-relative link", input: "[x](/\\evil.example)", contains: ["<p>x</p>"] },
  { name: "autolink with javascript scheme", input: "<javascript:alert(1)>", notContains: ["href"] },
  { name: "reference definition with javascript", input: "[x][r]\n\n[r]: javascript:alert(1)", contains: ["<p>x</p>"] },
  { name: "raw anchor with onclick", input: "<a href=x onclick=alert(1)>y</a>", notContains: ["<a "] },
  { name: "entity-escaped script", input: "&lt;script&gt;alert(1)&lt;/script&gt;", contains: ["&#x3C;script>"] },
  { name: "numeric-entity script", input: "&#60;script&#62;alert(1)&#60;/script&#62;", contains: ["&#x3C;script>"] },
  { name: "fullwidth brackets stay text", input: "＜script＞alert(1)＜/script＞", contains: ["＜script＞alert(1)＜/script＞"] },
  { name: "noscript mXSS", input: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', notContains: ["<noscript", "<img"] },
  { name: "xmp rawtext", input: "<xmp><img src=x onerror=alert(1)></xmp>", notContains: ["<xmp", "<img"] },
  { name: "template", input: "<template><img src=x onerror=alert(1)></template>", notContains: ["<template"] },
  { name: "form and formaction", input: '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>', notContains: ["<form", "<button"] },
  { name: "input autofocus", input: "<input autofocus onfocus=alert(1)>", notContains: ["<input"] },
  { name: "details ontoggle", input: "<details open ontoggle=alert(1)>", notContains: ["<details"] },
  { name: "object and embed", input: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">' },
  { name: "base href", input: '<base href="//evil.example/">', notContains: ["<base"] },
  { name: "meta refresh", input: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', notContains: ["<meta"] },
  { name: "comment then img", input: "<!-- c --><img src=x onerror=alert(1)>", notContains: ["<img", "<!--"] },
  { name: "CDATA", input: "<![CDATA[<script>alert(1)</script>]]>" },
  { name: "NUL before script", input: "\u0000<script>alert(1)</script>" },
  { name: "katex href", input: "$\\href{javascript:alert(1)}{x}$", notContains: [/href=/] },
  { name: "katex url", input: "$\\url{javascript:alert(1)}$", notContains: [/href=/] },
  { name: "katex htmlId", input: "$\\htmlId{clobber}{x}$", notContains: ['id="clobber"'] },
  { name: "katex htmlClass/Style/Data", input: "$\\htmlClass{evil}{x}\\htmlStyle{position:fixed}{y}\\htmlData{foo=bar}{z}$", notContains: [/class="[^"]*evil/, /style="[^"]*position:fixed/, /data-foo=/] },
  { name: "katex includegraphics", input: "$\\includegraphics{http://127.0.0.1/x.png}$", notContains: ["<img"] },
  { name: "katex text with markup", input: "$\\text{<script>alert(1)</script>}$" },
  { name: "markup inside TeX text (MathML mtext)", input: "$\\text{</mtext><mglyph><style><img src=x onerror=alert(1)>}$", notContains: ["<mglyph", "<style", "<img"] },
  { name: "markup inside TeX annotation", input: "$x</annotation></math><img src=x onerror=alert(1)>$", notContains: ["<img"] },
  { name: "katex color injection", input: "$\\color{red;background:url(javascript:alert(1))}{x}$", notContains: [/style="[^"]*url\(/] },
  { name: "katex macro bomb", input: "$$\n\\def\\a{\\a\\a}\\a\n$$" },
  { name: "link title attribute injection", input: '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")' },
  { name: "link title with markup", input: "[x](https://ok.example 'a\"><script>alert(1)</script>')" },
  { name: "quotes in href", input: '[x](https://ok.example/"onmouseover="alert(1))' },
  { name: "angle autolink with markup", input: '<https://example.com/"><script>alert(1)</script>>' },
  { name: "raw id and name clobbering", input: '<form id="config"><img name="getElementById"></form>', notContains: [/<form/, /<img/] },
  { name: "footnote label clobbering", input: "x[^constructor]\n\n[^constructor]: y", notContains: ['id="constructor"', 'id="fn-'] },
  { name: "footnote label with markup", input: 'x[^"><img src=x onerror=alert(1)>]\n\n[^"><img src=x onerror=alert(1)>]: y', notContains: ["<img"] },
  { name: "bidi override in link text", input: "[\u202Egpj.exe](https://evil.example/x)", notContains: ["\u202E"] },
  { name: "bidi isolate in autolink", input: "https://evil.example/\u2066x\u2069", notContains: ["\u2066"] },
  { name: "image on loopback", input: "![x](http://127.0.0.1/admin)", notContains: ["<img"] },
  { name: "image on IPv6 loopback", input: "![x](http://[::1]/)", notContains: ["<img"] },
  { name: "image on mapped IPv6", input: "![x](http://[::ffff:127.0.0.1]/)", notContains: ["<img"] },
  { name: "image on cloud metadata", input: "![x](http://169.254.169.254/latest/meta-data/)", notContains: ["<img"] },
  { name: "image on decimal IP", input: "![x](http://2130706433/)", notContains: ["<img"] },
  { name: "image on hex IP", input: "![x](http://0x7f.1/)", notContains: ["<img"] },
  { name: "image on localhost", input: "![x](http://localhost:3000/logout)", notContains: ["<img"] },
  { name: "image on private range", input: "![x](https://192.168.1.1/) ![y](http://10.0.0.1/)", notContains: ["<img"] },
  { name: "image with credentials", input: "![x](https://user:pass@example.com/a.png)", notContains: ["<img"] },
  { name: "task list with raw input", input: "- [x] <input type=text onfocus=alert(1)>", notContains: ['type="text"'] },
  { name: "raw anchor with target", input: '<a href="https://ok.example" target="_blank">x</a>', notContains: [/<a [^>]*target=/] },
  { name: "crosspost title and text with markup", input: "<@<img src=x onerror=alert(1)>@>(@<script>alert(1)</script>@)" },
  { name: "crosspost slug with markup", input: '<@x@>(@Quote " post@)', contains: ['href="/posts/a%22%3E%3Cscript%3E"'] },
  { name: "mailto with markup", input: "[m](mailto:a@b.example?subject=<script>)" },
  { name: "code fence info injection", input: '```js" onclick="alert(1)\nx\n```', notContains: ["onclick"] },
  { name: "very long script soup", input: "<script>".repeat(20_000) },
  { name: "very long nested link soup", input: "[x](javascript:alert(1))".repeat(5_000) },
];

describe("renderMarkdown: hostile corpus", () => {
  // Each attack class must be attempted by some case (the corpus keeps its coverage) and
  // reach no case's parsed output (the policy holds for it). Judged on the parsed tree, so
  // an attack left as harmless text ("&#x3C;img onerror=…") does not count as a leak.
  type Leak = (el: OutputElement) => boolean;
  const url = (el: OutputElement) => `${el.attrs.href ?? ""} ${el.attrs.src ?? ""}`.trim();
  const CLASSES: [name: string, attempted: RegExp, leaked: Leak][] = [
    ["script element", /<script/i, (el) => el.tag === "script"],
    ["event handler attribute", /\bon[a-z]+\s*=/i, (el) => Object.keys(el.attrs).some((a) => a.startsWith("on"))],
    ["javascript: URL", /javascript:/i, (el) => /^\s*javascript:/i.test(url(el))],
    ["data: URL", /data:/i, (el) => /^\s*data:/i.test(url(el))],
    ["inline style", /style\s*=/i, (el) => "style" in el.attrs && !el.katex],
    ["iframe, object or embed", /<(iframe|object|embed)/i, (el) => ["iframe", "object", "embed"].includes(el.tag)],
    ["svg namespace", /<svg/i, (el) => el.tag === "svg"],
    ["form controls", /<(form|input type=text|textarea|button)/i, (el) => ["form", "textarea", "button"].includes(el.tag) || el.attrs.type === "text"],
    ["user-provided target", /target=/i, (el) => "target" in el.attrs],
    ["image on a private host", /!\[[^\]]*\]\(https?:\/\/(localhost|127\.|10\.|192\.168\.|0x7f|2130706433)/i, (el) => el.tag === "img"],
  ];
  it.each(CLASSES)("covers and stops: %s", (_name, attempted, leaked) => {
    const attempts = HOSTILE.filter((c) => attempted.test(c.input));
    expect(attempts.length).toBeGreaterThan(0);
    for (const c of attempts) expect(outputElements(html(c.input)).filter(leaked), c.name).toEqual([]);
  });

  it.each(HOSTILE)("$name", ({ input, contains = [], notContains = [] }) => {
    const out = html(input);
    expectSafe(out);
    for (const text of contains) expect(out).toContain(text);
    for (const text of notContains) {
      if (typeof text === "string") expect(out).not.toContain(text);
      else expect(out).not.toMatch(text);
    }
  });

  it("never emits a user-provided target or an unprefixed id anywhere", () => {
    const out = html(HOSTILE.map((c) => c.input).join("\n\n"));
    expectSafe(out);
    expect(out).not.toMatch(/<a [^>]*target=/);
  });
});

// ---------------------------------------------------------------------------

const ALPHABET = [
  "<", ">", '"', "'", "&", "#", ";", "/", "\\", ":", "=", "(", ")", "[", "]", "!", "*", "_", "`", "$", "@", "~", "-", "|",
  " ", "\n", "\n\n", "\t", "script", "javascript", "JaVaScRiPt", "img", "src", "onerror", "href", "http://", "https://ok.example/",
  "data:", "//", "x", "1", "&#x61;", "&#x09;", "&colon;", "\u202E", "svg", "math", "iframe", "style", "<@", "@>(@", "@)", "Scaling laws",
  "[^1]", "[^1]: ", "\\href{", "{", "}", "$$", "```", "> ", "- ", "1. ", "![", "](", "alert(1)", "mailto:", "127.0.0.1", "id=", "name=",
];
// MARKDOWN_FUZZ_RUNS=20000 for a deeper local run.
const FUZZ_RUNS = Number(process.env.MARKDOWN_FUZZ_RUNS ?? 300);
const markdownish = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
);

describe("renderMarkdown: properties", () => {
  it("never throws and never violates the allowlist on generated input", () => {
    fc.assert(
      fc.property(markdownish, (input) => {
        expectSafe(html(input));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  // Rendering Markdown is not idempotent by design (rendering our HTML again
  // would show its tags as text), so the stability properties that matter
  // are on the output: (1) a browser parsing it builds exactly the tree we
  // serialized (parse → serialize is the identity: no mXSS re-interpretation),
  // and (2) it is a fixed point of our own sanitizer plus the attributes we
  // add after it, i.e. sanitizing again changes nothing. KaTeX output is
  // excluded from (2) on purpose: it is inserted after sanitizing.
  const resanitize = unified()
    .use(rehypeSanitize, {
      ...sanitizeSchema,
      attributes: Object.fromEntries(
        Object.entries(sanitizeSchema.attributes ?? {}).map(([tag, defs]) => [
          tag,
          [...defs, ...(DECORATION_ATTRIBUTES[tag] ?? []).map((a) => (a === "referrerpolicy" ? "referrerPolicy" : a))],
        ]),
      ),
    })
    .use(rehypeStringify);

  it("survives a parse/serialize round trip unchanged", () => {
    fc.assert(
      fc.property(markdownish, (input) => {
        const out = html(input);
        expect(reserialize(out)).toBe(out);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("is a fixed point of the sanitizer (outside KaTeX output)", () => {
    fc.assert(
      fc.property(markdownish.filter((s) => !s.includes("$")), (input) => {
        const out = html(input);
        const tree = resanitize.runSync(fromHtml(out, { fragment: true }) as never);
        expect(escapeAttributeBrackets(resanitize.stringify(tree))).toBe(out);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------

describe("url policy", () => {
  it.each([
    ["https://example.com/a", "https://example.com/a"],
    ["mailto:a@b.example", "mailto:a@b.example"],
    ["/posts/x", "/posts/x"],
    ["#frag", "#frag"],
    [" \u0001https://example.com ", "https://example.com"],
  ])("allows %j", (input, expected) => {
    expect(safeLinkHref(input)).toBe(expected);
  });

  it.each(["javascript:alert(1)", "java\tscript:x", "//evil.example", "/\\evil.example", "relative/path", "data:x", "mailto:", "http://", "ftp://x"])(
    "refuses %j",
    (input) => {
      expect(safeLinkHref(input)).toBeNull();
    },
  );

  it.each(["localhost", "a.localhost", "printer.local", "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "[::1]", "[::]", "[fe80::1]", "[fd00::1]", "[::ffff:7f00:1]", "[2002:7f00:1::]", "[64:ff9b::a00:1]"])(
    "treats %s as internal",
    (host) => {
      expect(isInternalHost(host)).toBe(true);
    },
  );

  it.each(["example.com", "8.8.8.8", "172.32.0.1", "[2606:4700::1111]"])("treats %s as public", (host) => {
    expect(isInternalHost(host)).toBe(false);
  });

  it("normalises numeric hosts before judging images", () => {
    expect(safeImageSrc("http://0x7f000001/x.png")).toBeNull();
    expect(safeImageSrc("https://example.com/x.png")).toBe("https://example.com/x.png");
  });
});

describe("renderPlainText", () => {
  it("strips markup and keeps words, math written as text", () => {
    expect(renderPlainText("# Title\n\nSome *text* with [a link](https://x.example), `code`, $x^2$ and <@label@>(@Post@).")).toBe(
      "Title Some text with a link, code, x² and label.",
    );
  });

  it("truncates on a word boundary with an ellipsis", () => {
    const out = renderPlainText("word ".repeat(100));
    expect(out.length).toBeLessThanOrEqual(201);
    expect(out.endsWith("word…")).toBe(true);
  });

  it("returns raw text that callers must escape, without bidi controls", () => {
    expect(renderPlainText("<b>x</b> \u202Eevil")).toBe("<b>x</b> evil");
  });
});

describe("sanitizeModeratorText", () => {
  it("escapes everything and links only http(s)", () => {
    expect(sanitizeModeratorText('Spam, see https://example.com/a_(b). <b>"x"</b> javascript:alert(1) mailto:a@b.c')).toBe(
      `Spam, see <a href="https://example.com/a_(b)" ${REL}>https://example.com/a_(b)</a>. &lt;b&gt;&quot;x&quot;&lt;/b&gt; javascript:alert(1) mailto:a@b.c`,
    );
  });

  it("keeps quotes out of the href attribute", () => {
    const out = sanitizeModeratorText("https://example.com/\"onmouseover='alert(1)'");
    expectSafe(out);
    expect(out).not.toMatch(/href="[^"]*"[^>]*onmouseover/);
  });
});

describe("defusePathologicalMarkdown", () => {
  it("leaves ordinary Markdown byte-for-byte alone", () => {
    const doc = "# T\n\n> a\n> > b\n\n- x\n  - y\n\n**bold** _em_ [l](https://x.example) `c` $m$\n";
    expect(defusePathologicalMarkdown(doc)).toBe(doc);
  });

  it("never alters top-level fenced code, even absurd code", () => {
    const code = "```c\n/" + "*".repeat(80) + "/\n" + "> ".repeat(40) + "\n```\n";
    expect(defusePathologicalMarkdown(code)).toBe(code);
    expect(html(code)).toContain("*".repeat(80));
  });

  it("caps container markers per line and long delimiter runs", () => {
    expect(defusePathologicalMarkdown(">".repeat(50) + "x")).toBe(">".repeat(20) + " x");
    expect(defusePathologicalMarkdown("*".repeat(40))).toBe("*".repeat(32) + "\\*".repeat(8));
  });
});

// ---------------------------------------------------------------------------
// Pathological input. micromark costs roughly 5–20 µs per character on a
// busy 2-core CI box, so "fast" is asserted relative to ordinary Markdown of
// the same size measured in the same run: what must never come back is the
// super-linear blow-up (minutes, or a stack overflow) these inputs caused.

const SIZE = 100_000;
const PATHOLOGICAL: Record<string, string> = {
  "nested >": ">".repeat(SIZE),
  "nested > with spaces": "> ".repeat(SIZE / 2),
  "nested > over lines": Array.from({ length: 440 }, (_, i) => ">".repeat(i) + " x").join("\n"),
  "nested -": "- ".repeat(SIZE / 2) + "x",
  "indented list ladder": Array.from({ length: 300 }, (_, i) => "  ".repeat(i) + "- x").join("\n"),
  "[ soup": "[".repeat(SIZE),
  "nested [ ]": "[a".repeat(SIZE / 4) + "]".repeat(SIZE / 2),
  "$ soup": "$a$ ".repeat(SIZE / 4),
  "$$ soup": "$".repeat(SIZE),
  "nested emphasis": "*_".repeat(SIZE / 4) + "x" + "_*".repeat(SIZE / 4),
  "strong run": "**".repeat(SIZE / 4) + "x" + "**".repeat(SIZE / 4),
  "unmatched strong openers": "**a ".repeat(SIZE / 8) + "b** ".repeat(SIZE / 8),
  "nested images": "![".repeat(SIZE / 8) + "x" + "](y)".repeat(SIZE / 8),
  "unclosed links": "[a](<b".repeat(SIZE / 6),
  "code spans in one paragraph": "`a` bc ".repeat(SIZE / 7),
  "one [ before many words": "[" + "a ".repeat(SIZE / 2),
  "< soup": "<".repeat(SIZE),
  "crosspost soup": "<@".repeat(SIZE / 2),
  "deep brace math": "$" + "{".repeat(5000) + "x" + "}".repeat(5000) + "$",
};

describe("renderMarkdown: pathological input", () => {
  let budgetMs = 0;

  beforeAll(() => {
    const ordinary = "## Heading\n\nSome text with *emph*, **strong**, `code` and $x^2$, plus [a link](https://example.com/a_b).\n\n- item\n  - nested with [link](http://x.example)\n\n> quote\n\n";
    const doc = ordinary.repeat(Math.ceil(SIZE / ordinary.length));
    html(doc);
    const start = performance.now();
    html(doc);
    budgetMs = Math.max(1500, 4 * (performance.now() - start));
  });

  it.each(Object.entries(PATHOLOGICAL))("%s renders in time and safely", (_name, input) => {
    const start = performance.now();
    const out = html(input);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(budgetMs);
    expect(findViolations(out)).toEqual([]);
  });

  it("bounds output amplification (table padding, reference reuse, KaTeX)", () => {
    const table = "|a".repeat(2000) + "|\n" + "|-".repeat(2000) + "|\n" + "x\n".repeat(5000);
    const references = "[a]: http://x.example/" + "A".repeat(2000) + "\n\n" + "[a] ".repeat(20_000);
    const math = ("$" + "\\sqrt{x}".repeat(400) + "$\n\n").repeat(30);
    expect(html(table).length).toBeLessThan(400_000);
    expect(html(references).length).toBeLessThan(1_000_000);
    expect(html(math).length).toBeLessThan(2_500_000);
  });
});
