import { SKIP, visit } from "unist-util-visit";
import type { MdNode } from "./tree.server";

// Every later stage (unist-util-visit, mdast-util-to-hast, hast-util-sanitize,
// hast-util-to-html) recurses once per tree level, so a 100 KB run of `>` or
// `*_*_` would overflow the stack. The guards below are iterative and run
// first, bounding the depth everything after them sees.

export const MAX_CONTAINER_DEPTH = 20;
export const MAX_TREE_DEPTH = 100;
export const MAX_MATH_NODES = 500;
export const MAX_MATH_LENGTH = 4000;
export const MAX_MATH_BRACE_DEPTH = 40;

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

/** Concatenated text of a subtree, iteratively; blocks are separated by spaces. */
export function textContent(root: MdNode): string {
  const parts: string[] = [];
  const stack: MdNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (BLOCKS.has(node.type)) parts.push(" ");
    if (node.type === "image" || node.type === "imageReference") parts.push(node.alt ?? "");
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
  visit(tree, (node: MdNode, index, parent: MdNode | undefined) => {
    const isMath = node.type === "inlineMath" || node.type === "math" || (node.type === "code" && node.lang === "math");
    if (!isMath || !parent?.children || index === undefined) return;
    count++;
    const tex = node.value ?? "";
    if (count <= MAX_MATH_NODES && tex.length <= MAX_MATH_LENGTH && braceDepth(tex) <= MAX_MATH_BRACE_DEPTH) return SKIP;
    parent.children[index] = node.type === "inlineMath" ? { type: "inlineCode", value: tex } : { type: "code", lang: "latex", value: tex };
    return SKIP;
  });
}
