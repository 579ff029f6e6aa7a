import { visit } from "unist-util-visit";
import type { HNode } from "./tree.server";
import { EXTERNAL_LINK_REL, hostOf, isAllowedImage, isExternalHref, safeImageSrc, safeLinkHref } from "./url-policy.server";

// Bidi overrides, embeddings and isolates let link text masquerade as a
// different URL ("Trojan Source" style); link text never needs them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const CLOBBER_PREFIX = "user-content-";

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

function stripBidiIn(element: HNode): void {
  visit(element, (node: HNode) => {
    if (node.type === "text" && node.value) node.value = stripBidiControls(node.value);
  });
}

function prefixed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prefixed);
  return typeof value === "string" && !value.startsWith(CLOBBER_PREFIX) ? CLOBBER_PREFIX + value : value;
}

/**
 * Runs before the sanitizer. Links and images the URL policy refuses are
 * turned into text (the reader keeps the words, loses the link) rather than
 * left as an attribute-less element. Ids get the clobber prefix exactly once:
 * remark-rehype already prefixes footnote ids but not the footnote label.
 */
export function rehypeUrlPolicy() {
  return (tree: HNode) => {
    visit(tree, (node: HNode, index, parent: HNode | undefined) => {
      const properties = node.properties;
      if (node.type !== "element" || !properties) return;
      for (const key of ["id", "ariaDescribedBy"]) {
        if (properties[key] !== undefined) properties[key] = prefixed(properties[key]);
      }
      if (!parent?.children || index === undefined) return;
      if (node.tagName === "a") {
        const href = typeof properties.href === "string" ? safeLinkHref(properties.href) : null;
        stripBidiIn(node);
        if (href === null) {
          parent.children.splice(index, 1, ...(node.children ?? []));
          return index;
        }
        properties.href = href;
      } else if (node.tagName === "img") {
        const src = typeof properties.src === "string" ? safeImageSrc(properties.src) : null;
        const alt = typeof properties.alt === "string" ? stripBidiControls(properties.alt) : "";
        if (typeof properties.alt === "string") properties.alt = alt;
        if (src === null) {
          parent.children.splice(index, 1, ...(alt ? [{ type: "text", value: alt }] : []));
          return index;
        }
        if (!isAllowedImage(src)) {
          // Loading it would hand every reader's address to that host: a link the reader may follow.
          const text = alt ? `Image: ${alt}` : `Image on ${hostOf(src)}`;
          parent.children.splice(index, 1, { type: "element", tagName: "a", properties: { href: src }, children: [{ type: "text", value: text }] });
          return index + 1;
        }
        properties.src = src;
      }
    });
  };
}

/**
 * Runs after the sanitizer, so these attributes come only from us: a user can
 * never set `rel`, `target`, `loading` or `referrerpolicy`.
 */
export function rehypeDecorate() {
  return (tree: HNode) => {
    visit(tree, (node: HNode) => {
      const properties = node.properties;
      if (node.type !== "element" || !properties) return;
      // `data-x` and `data-x=""` mean the same, but only the latter survives a
      // parse/serialize round trip unchanged, which the tests rely on.
      for (const key of Object.keys(properties)) if (key.startsWith("data") && properties[key] === true) properties[key] = "";
      if (node.tagName === "a" && typeof properties.href === "string" && isExternalHref(properties.href)) {
        properties.rel = [...EXTERNAL_LINK_REL];
      } else if (node.tagName === "img") {
        properties.loading = "lazy";
        properties.referrerPolicy = "no-referrer";
      }
    });
  };
}

/**
 * A display formula wider than the column scrolls sideways (app.css); a scrolling region must
 * take keyboard focus so people without a pointer can scroll it (WCAG 2.1.1). Runs after
 * KaTeX, on its generated markup only.
 */
export function rehypeScrollableMath() {
  return (tree: HNode) => {
    visit(tree, (node: HNode) => {
      const properties = node.properties;
      if (node.type !== "element" || !properties || node.tagName !== "span") return;
      const classes = properties.className;
      if (Array.isArray(classes) && classes.includes("katex-display")) properties.tabIndex = 0;
    });
  };
}

/**
 * `<` and `>` inside attribute values are legal, but they are what mutation
 * XSS chains rely on when markup is re-parsed in another context (the HTML
 * standard's serializer escapes them since 2025 for that reason).
 * hast-util-to-html has no option for it, so its output is patched. Sound
 * because that serializer escapes `<` in text as `&#x3C;` and always
 * double-quotes attribute values with `"` escaped inside: a raw `<` always
 * opens a tag, and a raw `"` inside a tag always delimits a value.
 */
export function escapeAttributeBrackets(html: string): string {
  let out = "";
  let last = 0;
  let inTag = false;
  let inValue = false;
  for (let i = 0; i < html.length; i++) {
    const ch = html[i];
    if (!inTag) {
      inTag = ch === "<";
    } else if (ch === '"') {
      inValue = !inValue;
    } else if (inValue && (ch === "<" || ch === ">")) {
      out += html.slice(last, i) + (ch === "<" ? "&#x3C;" : "&#x3E;");
      last = i + 1;
    } else if (!inValue && ch === ">") {
      inTag = false;
    }
  }
  return out + html.slice(last);
}
