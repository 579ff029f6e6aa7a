import { SKIP, visit } from "unist-util-visit";
import type { MdNode } from "./tree.server";

// Every later stage (unist-util-visit, mdast-util-to-hast, hast-util-sanitize,
// hast-util-to-html) recurses once per tree level. The source pre-pass
// (defuse.server.ts) only caps nesting per line; lists and quotes can still
// deepen line by line, and emphasis/links nest inline. capDepth is iterative
// and runs first, bounding the depth everything after it sees; the other
// guards bound output size.

export const MAX_CONTAINER_DEPTH = 20;
export const MAX_TREE_DEPTH = 100;
export const MAX_MATH_NODES = 500;
export const MAX_MATH_LENGTH = 4000;
export const MAX_MATH_BRACE_DEPTH = 40;
/** KaTeX's HTML is ~150× its TeX source, so TeX is budgeted per document too. */
export const MAX_MATH_TOTAL_LENGTH = 10_000;
/** GFM pads every row to the header's width: 400 `|a` columns × 400 `x` rows was 1.6 MB of HTML from 2.4 KB. */
export const MAX_PADDED_TABLE_CELLS = 10_000;
/** Characters of URL/title that link references may copy out of their definitions in total. */
export const MAX_REFERENCE_EXPANSION = 200_000;

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);
const CONTAINERS = new Set(["blockquote", "list", "listItem"]);
const BLOCKS = new Set([
  "paragraph", "heading", "code", "math", "blockquote", "listItem", "tableCell", "break",
  "thematicBreak", "footnoteDefinition", "html",
]);

type MdParent = MdNode & { children: MdNode[] };

function hasChildren(node: MdNode): node is MdParent {
  return Array.isArray(node.children);
}

/**
 * Concatenated text of a subtree, iteratively; blocks are separated by spaces. `mathText`
 * writes a formula's TeX as readable text (excerpts); without it the TeX is kept as it is.
 */
export function textContent(root: MdNode, mathText?: (tex: string) => string): string {
  const parts: string[] = [];
  const stack: MdNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (BLOCKS.has(node.type)) parts.push(" ");
    if (node.type === "image" || node.type === "imageReference") parts.push(node.alt ?? "");
    else if (mathText && (node.type === "inlineMath" || node.type === "math") && typeof node.value === "string") parts.push(mathText(node.value));
    else if (typeof node.value === "string") parts.push(node.value);
    if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return parts.join("");
}

/** Children of blockquotes/lists/list items, hoisted so no container remains. */
function flowLeaves(nodes: readonly MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (CONTAINERS.has(node.type) && hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    } else {
      out.push(node);
    }
  }
  return out;
}

export function capDepth(tree: MdNode): void {
  if (!hasChildren(tree)) return;
  const stack: Array<{ node: MdParent; containers: number; depth: number }> = [
    { node: tree, containers: 0, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, containers, depth } = stack.pop()!;
    if (depth >= MAX_TREE_DEPTH) {
      // Only phrasing nesting (emphasis inside emphasis …) can get this deep
      // once containers are capped, so a text child is valid here.
      node.children = [{ type: "text", value: textContent(node) }];
      continue;
    }
    for (const child of node.children) {
      if (!hasChildren(child)) continue;
      let nested = containers;
      if (child.type === "blockquote" || child.type === "list") {
        nested += 1;
        if (nested >= MAX_CONTAINER_DEPTH) {
          // Past the cap the content is kept, only the indentation is lost.
          if (child.type === "blockquote") child.children = flowLeaves(child.children);
          else for (const item of child.children) item.children = flowLeaves(item.children ?? []);
        }
      }
      stack.push({ node: child, containers: nested, depth: depth + 1 });
    }
  }
}

/**
 * Raw HTML is disabled in the tokenizer already (see markdown.server.ts); this
 * is the second lock. An `html` node that still appears is shown as literal
 * text rather than dropped, so a reader sees what the author typed (`<br>`,
 * `<details>`, a pasted snippet) instead of silently missing words.
 */
export function rawHtmlAsText(tree: MdNode): void {
  visit(tree, (node: MdNode, index, parent: MdNode | undefined) => {
    if (node.type !== "html" || !parent?.children || index === undefined) return;
    const text: MdNode = { type: "text", value: node.value ?? "" };
    const flow = FLOW_PARENTS.has(parent.type);
    parent.children[index] = flow ? { type: "paragraph", children: [text] } : text;
  });
}

function braceDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex.charCodeAt(i);
    if (ch === 0x5c) i++; // skip the escaped character after a backslash
    else if (ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x7d) depth--;
  }
  return max;
}

/**
 * Math KaTeX would spend too long on (or recurse too deeply into) is shown as
 * its TeX source in a code element instead: the author still sees their
 * formula, the page still renders.
 */
export function guardMath(tree: MdNode): void {
  let count = 0;
  let total = 0;
  visit(tree, (node: MdNode, index, parent: MdNode | undefined) => {
    const isMath = node.type === "inlineMath" || node.type === "math" || (node.type === "code" && node.lang === "math");
    if (!isMath || !parent?.children || index === undefined) return;
    count++;
    const tex = node.value ?? "";
    total += tex.length;
    const withinBudget = count <= MAX_MATH_NODES && total <= MAX_MATH_TOTAL_LENGTH;
    if (withinBudget && tex.length <= MAX_MATH_LENGTH && braceDepth(tex) <= MAX_MATH_BRACE_DEPTH) return SKIP;
    parent.children[index] = node.type === "inlineMath" ? { type: "inlineCode", value: tex } : { type: "code", lang: "latex", value: tex };
    return SKIP;
  });
}

/**
 * Output-size amplifiers: a table whose rows would all be padded to a huge
 * header width keeps only the cells actually written (no `align`, so no
 * padding), and link/image references stop copying their definition's URL
 * once a budget is spent (`[a]: <2 KB URL>` then 30,000 × `[a]`), degrading
 * to their text.
 */
export function guardAmplification(tree: MdNode): void {
  const definitions = new Map<string, number>();
  visit(tree, (node: MdNode) => {
    if (node.type === "definition" && node.identifier !== undefined && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, (node.url?.length ?? 0) + (node.title?.length ?? 0));
    }
  });
  let expanded = 0;
  visit(tree, (node: MdNode, index, parent: MdNode | undefined) => {
    if (node.type === "table" && node.align && node.align.length * (node.children?.length ?? 0) > MAX_PADDED_TABLE_CELLS) {
      node.align = null;
    }
    if ((node.type !== "linkReference" && node.type !== "imageReference") || !parent?.children || index === undefined) return;
    expanded += definitions.get(node.identifier ?? "") ?? 0;
    if (expanded <= MAX_REFERENCE_EXPANSION) return;
    const replacement: MdNode[] = node.type === "imageReference" ? [{ type: "text", value: node.alt ?? "" }] : (node.children ?? []);
    parent.children.splice(index, 1, ...replacement);
    return index;
  });
}
