import { SKIP, visit } from "unist-util-visit";
import type { MdNode } from "./tree.server";

// Alignment Newsletter cross-post syntax: <@link text@>(@Post title@).
// It works on mdast text nodes, so code spans, code blocks and math (which
// carry their content in `value`, not text children) are never touched, and
// the output is built as nodes — user text can only ever become text.

export type ResolvePostTitle = (title: string) => { slug: string; title: string } | null;

const OPEN = "<@";
const MIDDLE = "@>(@";
const CLOSE = "@)";
const MAX_TEXT = 300;
const MAX_TITLE = 300;
/** Distinct titles looked up per render; a hostile post cannot fan out into thousands of queries. */
export const MAX_CROSSPOST_LOOKUPS = 100;

interface Match {
  start: number;
  end: number;
  text: string;
  title: string;
}

// A manual scan rather than a regex with two lazy groups, whose backtracking
// on `<@<@<@…` soup is quadratic or worse. Each delimiter search resumes past
// the previous one, so the scan stays linear in the text length.
function nextMatch(value: string, from: number): Match | null {
  let start = value.indexOf(OPEN, from);
  let close = -1;
  while (start !== -1) {
    const middle = value.indexOf(MIDDLE, start + OPEN.length);
    if (middle === -1) return null;
    if (middle - start - OPEN.length > MAX_TEXT) {
      start = value.indexOf(OPEN, middle - MAX_TEXT - OPEN.length);
      continue;
    }
    if (close < middle + MIDDLE.length) close = value.indexOf(CLOSE, middle + MIDDLE.length);
    if (close === -1) return null;
    const rawTitle = close - middle - MIDDLE.length <= MAX_TITLE ? value.slice(middle + MIDDLE.length, close) : "\n";
    if (!rawTitle.includes("\n")) {
      const title = rawTitle.replace(/\s+/g, " ").trim();
      const text = value.slice(start + OPEN.length, middle).trim();
      if (title !== "") return { start, end: close + CLOSE.length, text, title };
    }
    // Every `<@` before this middle would pair with the same title and fail.
    start = value.indexOf(OPEN, middle + 1);
  }
  return null;
}

export function remarkCrosspost(resolve: ResolvePostTitle, unresolved: Set<string>) {
  const cache = new Map<string, { slug: string; title: string } | null>();
  const lookup = (title: string) => {
    if (!cache.has(title)) {
      if (cache.size >= MAX_CROSSPOST_LOOKUPS) return undefined;
      cache.set(title, resolve(title));
    }
    return cache.get(title);
  };

  const render = (match: Match): MdNode | null => {
    const post = lookup(match.title);
    if (post === undefined) return null;
    const label: MdNode = { type: "text", value: match.text || match.title };
    if (post) {
      return {
        type: "link",
        url: `/posts/${encodeURIComponent(post.slug)}`,
        children: [label],
        data: { hProperties: { className: ["crosspost"] } },
      };
    }
    unresolved.add(match.title);
    // An emphasis node renamed to span: a known phrasing type keeps every
    // later stage happy, and the sanitizer still vets the class and title.
    return {
      type: "emphasis",
      children: [label],
      data: {
        hName: "span",
        hProperties: { className: ["crosspost-unresolved"], title: `No post titled “${match.title}” yet` },
      },
    };
  };

  return (tree: MdNode) => {
    visit(tree, (node: MdNode, index, parent: MdNode | undefined) => {
      // Anchors cannot nest; a cross-post inside link text stays literal.
      if (node.type === "link" || node.type === "linkReference") return SKIP;
      if (node.type !== "text" || node.value === undefined || !parent?.children || index === undefined) return;
      const pieces: MdNode[] = [];
      let cursor = 0;
      for (let m = nextMatch(node.value, 0); m; m = nextMatch(node.value, m.end)) {
        const rendered = render(m);
        if (!rendered) continue;
        if (m.start > cursor) pieces.push({ type: "text", value: node.value.slice(cursor, m.start) });
        pieces.push(rendered);
        cursor = m.end;
      }
      if (pieces.length === 0) return;
      if (cursor < node.value.length) pieces.push({ type: "text", value: node.value.slice(cursor) });
      parent.children.splice(index, 1, ...pieces);
      return index + pieces.length;
    });
  };
}

/** Cross-post syntax reduced to its link text, for plain-text excerpts. */
export function crosspostsToText(value: string): string {
  let out = "";
  let cursor = 0;
  for (let m = nextMatch(value, 0); m; m = nextMatch(value, m.end)) {
    out += value.slice(cursor, m.start) + (m.text || m.title);
    cursor = m.end;
  }
  return out + value.slice(cursor);
}

/**
 * The titles a text may cross-post to, found by the same scan on the raw Markdown. A superset
 * (a match inside a code span counts too), so the caller can look them all up before the
 * render runs somewhere without a database.
 */
export function scanCrosspostTitles(markdown: string): string[] {
  const titles = new Set<string>();
  for (let m = nextMatch(markdown, 0); m && titles.size < MAX_CROSSPOST_LOOKUPS; m = nextMatch(markdown, m.end)) titles.add(m.title);
  return [...titles];
}
