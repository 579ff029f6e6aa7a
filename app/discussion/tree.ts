// Pure assembly of a flat comment list into a sorted tree, and the subthread view used by
// permalinks. Input is whatever one indexed query returns; no IO here.
import type { CommentSort } from "./schemas";

export interface FlatComment {
  id: number;
  parentId: number | null;
  createdAt: number;
  score: number;
}

export interface TreeNode<C extends FlatComment> {
  comment: C;
  children: TreeNode<C>[];
  /** Number of comments below this one, at any depth. */
  descendants: number;
  /** Set by limitTree: how many of those descendants were left out of this view. */
  hidden?: number;
}

const comparators: Record<CommentSort, (a: FlatComment, b: FlatComment) => number> = {
  top: (a, b) => b.score - a.score || a.createdAt - b.createdAt || a.id - b.id,
  new: (a, b) => b.createdAt - a.createdAt || b.id - a.id,
  old: (a, b) => a.createdAt - b.createdAt || a.id - b.id,
};

export function buildTree<C extends FlatComment>(comments: C[], sort: CommentSort): TreeNode<C>[] {
  const nodes = new Map<number, TreeNode<C>>();
  for (const c of comments) nodes.set(c.id, { comment: c, children: [], descendants: 0 });
  const roots: TreeNode<C>[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId == null ? undefined : nodes.get(node.comment.parentId);
    // An orphan (parent missing from the list) is shown at the top rather than lost.
    (parent ? parent.children : roots).push(node);
  }
  const compare = comparators[sort];
  const byComment = (a: TreeNode<C>, b: TreeNode<C>) => compare(a.comment, b.comment);
  // Iterative post-order so a 10,000-deep chain cannot overflow the stack.
  const stack: { node: TreeNode<C>; visited: boolean }[] = roots.map((node) => ({ node, visited: false }));
  while (stack.length) {
    const top = stack.pop()!;
    if (top.visited) {
      top.node.children.sort(byComment);
      top.node.descendants = top.node.children.reduce((n, c) => n + 1 + c.descendants, 0);
    } else {
      stack.push({ node: top.node, visited: true });
      for (const child of top.node.children) stack.push({ node: child, visited: false });
    }
  }
  return roots.sort(byComment);
}

/** The chain of ancestors of `id`, root first, excluding the comment itself. */
export function ancestorsOf<C extends FlatComment>(comments: C[], id: number): C[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const chain: C[] = [];
  let current = byId.get(id);
  const seen = new Set<number>();
  while (current && current.parentId != null && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    current = byId.get(current.parentId);
    if (current) chain.unshift(current);
  }
  return chain;
}

/** The subtree rooted at `id`, or null when the id is not in the list. */
export function subthread<C extends FlatComment>(comments: C[], id: number, sort: CommentSort): TreeNode<C> | null {
  const root = comments.find((c) => c.id === id);
  if (!root) return null;
  const inside = new Set<number>([id]);
  // Comments arrive in creation order, and a reply is always newer than its parent, so one
  // pass collects the whole subtree.
  const ordered = [...comments].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const members: C[] = [];
  for (const c of ordered) {
    if (c.id === id) members.push({ ...c, parentId: null });
    else if (c.parentId != null && inside.has(c.parentId)) {
      inside.add(c.id);
      members.push(c);
    }
  }
  return buildTree(members, sort)[0] ?? null;
}

/**
 * The first `budget` comments of a sorted tree in reading order (depth first), and what was
 * left out. A node whose replies were cut keeps a count (`hidden`) so the page can link to
 * them; top-level threads past the budget are counted, not rendered. Big threads render their
 * first screenfuls fast and load the rest on request, as large forums do.
 */
export function limitTree<C extends FlatComment>(roots: TreeNode<C>[], budget: number): { nodes: TreeNode<C>[]; hiddenThreads: number; hiddenComments: number } {
  let left = Math.max(1, budget);
  const cut = (node: TreeNode<C>): TreeNode<C> => {
    left -= 1;
    const children: TreeNode<C>[] = [];
    for (const child of node.children) {
      if (left <= 0) break;
      children.push(cut(child));
    }
    const shown = children.reduce((n, c) => n + 1 + (c.descendants - (c.hidden ?? 0)), 0);
    const hidden = node.descendants - shown;
    return hidden > 0 ? { ...node, children, hidden } : children.length === node.children.length ? node : { ...node, children };
  };
  const nodes: TreeNode<C>[] = [];
  let hiddenComments = 0;
  for (const root of roots) {
    if (left > 0) nodes.push(cut(root));
    else hiddenComments += 1 + root.descendants;
  }
  return { nodes, hiddenThreads: roots.length - nodes.length, hiddenComments };
}

/**
 * For each comment, the forecast a "Reply with a fork" would fork: its own, else the nearest
 * one up the thread, else the post's.
 */
export function nearestForecasts<C extends FlatComment & { forecastId: number | null }>(comments: C[], postForecastId: number | null): Record<number, number | null> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const memo: Record<number, number | null> = {};
  const resolve = (start: C): number | null => {
    const chain: C[] = [];
    let found: number | null | undefined;
    for (let c: C | undefined = start; c; c = c.parentId == null ? undefined : byId.get(c.parentId)) {
      if (c.id in memo) {
        found = memo[c.id];
        break;
      }
      chain.push(c);
      if (c.forecastId !== null) {
        found = c.forecastId;
        break;
      }
      if (chain.length > comments.length) break;
    }
    const value = found === undefined ? postForecastId : found;
    for (const c of chain) memo[c.id] = c.forecastId ?? value;
    return memo[start.id]!;
  };
  for (const c of comments) resolve(c);
  return memo;
}
