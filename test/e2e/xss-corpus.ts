// Hostile Markdown for xss.e2e.ts, written for this app's pipeline (remark with raw HTML
// off, URL policy, rehype-sanitize allowlist, KaTeX with trust: false). Each case gets the
// JavaScript it should never be able to run, e.g. `__xss(7)`, and returns the Markdown that
// tries. Grouped by the layer each case attacks; a few use alert() so the dialog check has
// something to catch too.

export interface XssCase {
  name: string;
  markdown: (call: string) => string;
}

const b64 = (s: string) => Buffer.from(s).toString("base64");
const TAB = "\t";
const ZWSP = "\u200b";
const RLO = "\u202e";

export const XSS_CASES: XssCase[] = [
  // Raw HTML: the tokenizer must keep all of it as text.
  { name: "script element", markdown: (c) => `<script>${c}</script>` },
  { name: "img onerror", markdown: (c) => `before <img src=x onerror="${c}"> after` },
  { name: "iframe javascript src", markdown: (c) => `<iframe src="javascript:${c}"></iframe>` },
  { name: "iframe srcdoc", markdown: (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>` },
  { name: "object data", markdown: (c) => `<object data="javascript:${c}" type="text/html"></object>` },
  { name: "embed src", markdown: (c) => `<embed src="javascript:${c}">` },
  { name: "svg onload", markdown: (c) => `<svg onload="${c}"><circle r="4"/></svg>` },
  { name: "math xlink href", markdown: (c) => `<math><mi xlink:href="javascript:${c}">click</mi></math>` },
  { name: "style import + style attr", markdown: (c) => `<style>@import "javascript:${c}";</style><p style="background:url(javascript:${c})">s</p>` },
  { name: "form action", markdown: (c) => `<form action="javascript:${c}"><button autofocus>go</button></form>` },
  { name: "meta refresh", markdown: (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">` },
  { name: "base href then relative link", markdown: (c) => `<base href="javascript:${c}//">\n\n[relative](rel/path)` },
  { name: "details ontoggle", markdown: (c) => `<details open ontoggle="${c}"><summary>s</summary></details>` },
  { name: "input autofocus onfocus", markdown: (c) => `<input autofocus onfocus="${c}">` },
  { name: "raw anchor with entity scheme", markdown: (c) => `<a href="&#x6A;&#x61;vascript&#58;${c}">raw</a>` },
  { name: "split tags", markdown: (c) => `<<script>script>${c}<</script>/script>` },
  { name: "html block start condition", markdown: (c) => `<div\nonmouseover="${c}">\n\nblock\n\n</div>` },

  // Mutation-XSS shapes: rawtext/namespace nesting that re-parses differently.
  { name: "noscript title breakout", markdown: (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">` },
  { name: "svg style img", markdown: (c) => `<svg><style><img src=x onerror=${c}></style></svg>` },
  { name: "math mtext table mglyph style", markdown: (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}></style></mglyph></table></mtext></math>` },
  { name: "textarea and title breakout", markdown: (c) => `<textarea><title></textarea><img src=x onerror=${c}></title>` },
  { name: "template content", markdown: (c) => `<template><img src=x onerror=${c}></template>` },

  // Markdown links, images, autolinks and definitions with hostile schemes.
  { name: "link javascript", markdown: (c) => `[click](javascript:${c})` },
  { name: "link mixed case", markdown: (c) => `[click](JaVaScRiPt:${c})` },
  { name: "link hex entity inside scheme", markdown: (c) => `[click](jav&#x61;script:${c})` },
  { name: "link decimal entity and &colon;", markdown: (c) => `[click](&#106;avascript&colon;${c})` },
  { name: "link tab inside scheme", markdown: (c) => `[click](<java${TAB}script:${c}>)` },
  { name: "link newline entity inside scheme", markdown: (c) => `[click](java&#10;script:${c})` },
  { name: "link leading control character", markdown: (c) => `[click](<\u0001javascript:${c}>)` },
  { name: "link vbscript", markdown: () => `[click](vbscript:msgbox(1))` },
  { name: "link data text/html", markdown: (c) => `[click](data:text/html;base64,${b64(`<script>opener.${c}</script>`)})` },
  { name: "image javascript", markdown: (c) => `![pic](javascript:${c})` },
  { name: "image data svg", markdown: (c) => `![pic](data:image/svg+xml,%3Csvg%20onload%3D${encodeURIComponent(c)}%3E)` },
  { name: "autolink javascript", markdown: (c) => `<jAvAsCrIpT:${c}>` },
  { name: "autolink data", markdown: (c) => `<data:text/html,${encodeURIComponent(`<script>${c}</script>`)}>` },
  { name: "reference definition", markdown: (c) => `[ref link][evil]\n\n[evil]: javascript:${c}` },
  { name: "reference image with title", markdown: (c) => `![ref pic][pic]\n\n[pic]: <javascript:${c}> "t"` },
  { name: "reference entity-encoded", markdown: (c) => `[collapsed][]\n\n[collapsed]: &#x6a;avascript:${c}` },
  { name: "zero-width space in scheme", markdown: (c) => `[click](java${ZWSP}script:${c})` },
  { name: "fullwidth scheme and brackets", markdown: (c) => `[click](ｊａｖａｓｃｒｉｐｔ：${c}) ＜script＞${c}＜/script＞` },
  { name: "protocol-relative and backslash hosts", markdown: () => `[a](//evil.example/x) [b](/\\evil.example/y) [c](/%2Fevil.example)` },
  { name: "bidi override in link text", markdown: (c) => `[https://safe.example${RLO}](javascript:${c})` },

  // Attribute injection through values we copy into attributes.
  { name: "link title quote breakout", markdown: (c) => `[t](https://example.invalid/ 't" onmouseover="${c}" x="')` },
  { name: "image alt and title breakout", markdown: (c) => `![a" onerror="${c}](https://example.invalid/a.png "t' onerror='${c}")` },
  { name: "quote inside url", markdown: (c) => `[q](https://example.invalid/"onmouseover="${c}")` },
  { name: "code fence info string quotes", markdown: (c) => "```js\" onmouseover=\"" + c + "\" x=\"\nconst a = 1;\n```" },
  { name: "code fence info string tag", markdown: (c) => "```<img src=x onerror=" + c + ">\ncode\n```" },
  { name: "inline code holding html", markdown: (c) => `\`<img src=x onerror=${c}>\`` },
  { name: "footnote label", markdown: (c) => `See[^a"><img src=x onerror=${c}>].\n\n[^a"><img src=x onerror=${c}>]: note` },
  { name: "footnote label with quotes", markdown: (c) => `Note[^q"onmouseover=${c}].\n\n[^q"onmouseover=${c}]: the note` },
  { name: "heading with html", markdown: (c) => `# Title <img src=x onerror=${c}>\n\n## <svg onload=${c}>` },
  { name: "table cells", markdown: (c) => `| <script>${c}</script> | h |\n|---|:-:|\n| [x](javascript:${c}) | <b onclick=${c}>b</b> |` },
  { name: "task list item", markdown: (c) => `- [x] <img src=x onerror=${c}>\n- [ ] [x](javascript:${c})` },
  { name: "crosspost with html text", markdown: (c) => `<@<img src=x onerror=${c}>@>(@XSS corpus@) and <@x@>(@"><svg onload=${c}>@)` },
  { name: "alert via img", markdown: () => `<img src=x onerror=alert(document.domain)>` },

  // KaTeX: trust-gated commands must render as errors, never as live markup.
  { name: "katex href", markdown: (c) => `$\\href{javascript:${c}}{click}$` },
  { name: "katex url", markdown: (c) => `$\\url{javascript:${c}}$` },
  { name: "katex htmlData", markdown: (c) => `$\\htmlData{onclick=${c}}{x}$` },
  { name: "katex htmlId/Class/Style", markdown: (c) => `$\\htmlId{x" onmouseover="${c}}{a} \\htmlClass{katex" onclick="${c}}{b} \\htmlStyle{background:url(javascript:${c})}{c}$` },
  { name: "katex includegraphics", markdown: (c) => `$\\includegraphics[height=1em]{javascript:${c}}$` },
  { name: "katex text with html", markdown: (c) => `$\\text{<img src=x onerror=${c}>}$ and $$\\textcolor{red" onmouseover="${c}}{x}$$` },
  { name: "katex display href in math fence", markdown: (c) => "```math\n\\href{javascript:" + c + "}{x}\n```\n\n$$\n\\url{javascript:" + c + "}\n$$" },
  { name: "katex color injection into style", markdown: (c) => `$\\color{red;background:url(javascript:${c})}{x}$ $\\colorbox{red" onclick="${c}}{y}$` },
  { name: "katex macro definition", markdown: (c) => `$\\def\\x{\\href{javascript:${c}}{y}}\\x$` },
];
