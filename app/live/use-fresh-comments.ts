// Which comments arrived live, after this page was first drawn: those get a "new" mark, as
// readers of a busy thread expect. Your own replies are not news to you.
import { useRef } from "react";
import type { FlatComment, TreeNode } from "~/discussion/tree";

interface Authored extends FlatComment {
  id: number;
  author: { id: number };
}

function collect<C extends Authored>(nodes: TreeNode<C>[], out: C[] = []): C[] {
  for (const n of nodes) {
    out.push(n.comment);
    collect(n.children, out);
  }
  return out;
}

export function useFreshComments<C extends Authored>(postId: number, nodes: TreeNode<C>[], viewerId: number | null): ReadonlySet<number> {
  // The first render (server and hydration alike) defines "already here" for this post.
  const seen = useRef<{ postId: number; ids: Set<number> } | null>(null);
  const all = collect(nodes);
  if (seen.current === null || seen.current.postId !== postId) seen.current = { postId, ids: new Set(all.map((c) => c.id)) };
  const known = seen.current.ids;
  return new Set(all.filter((c) => !known.has(c.id) && c.author.id !== viewerId).map((c) => c.id));
}
