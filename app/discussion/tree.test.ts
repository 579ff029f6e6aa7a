import { describe, expect, it } from "vitest";
import { ancestorsOf, buildTree, limitTree, nearestForecasts, subthread, type FlatComment, type TreeNode } from "./tree";

const c = (id: number, parentId: number | null, createdAt: number, score = 0): FlatComment => ({ id, parentId, createdAt, score });

describe("buildTree", () => {
  const flat = [c(1, null, 1, 5), c(2, null, 2, 9), c(3, 1, 3, 1), c(4, 1, 4, 7), c(5, 3, 5, 0)];

  it("nests replies under their parents and counts descendants", () => {
    const [first, second] = buildTree(flat, "old");
    expect(first!.comment.id).toBe(1);
    expect(first!.descendants).toBe(3);
    expect(first!.children.map((n) => n.comment.id)).toEqual([3, 4]);
    expect(first!.children[0]!.children[0]!.comment.id).toBe(5);
    expect(second!.descendants).toBe(0);
  });

  it("sorts every level: top by score, new by recency, old by age", () => {
    expect(buildTree(flat, "top").map((n) => n.comment.id)).toEqual([2, 1]);
    expect(buildTree(flat, "top")[1]!.children.map((n) => n.comment.id)).toEqual([4, 3]);
    expect(buildTree(flat, "new").map((n) => n.comment.id)).toEqual([2, 1]);
    expect(buildTree(flat, "new")[1]!.children.map((n) => n.comment.id)).toEqual([4, 3]);
    expect(buildTree(flat, "old")[0]!.children.map((n) => n.comment.id)).toEqual([3, 4]);
  });

  it("keeps orphans visible at the top level instead of dropping them", () => {
    const roots = buildTree([c(7, 99, 1)], "top");
    expect(roots.map((n) => n.comment.id)).toEqual([7]);
  });

  it("handles a 20,000-deep chain without overflowing the stack", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => c(i + 1, i === 0 ? null : i, i));
    const roots = buildTree(chain, "old");
    expect(roots).toHaveLength(1);
    expect(roots[0]!.descendants).toBe(19_999);
  });
});

describe("permalink views", () => {
  const flat = [c(1, null, 1), c(2, 1, 2), c(3, 2, 3), c(4, 3, 4), c(5, 1, 5), c(6, null, 6)];

  it("returns the parent chain root first", () => {
    expect(ancestorsOf(flat, 4).map((x) => x.id)).toEqual([1, 2, 3]);
    expect(ancestorsOf(flat, 1)).toEqual([]);
  });

  it("returns exactly the subtree of a comment", () => {
    const sub = subthread(flat, 2, "old")!;
    expect(sub.comment.id).toBe(2);
    expect(sub.descendants).toBe(2);
    expect(sub.children[0]!.comment.id).toBe(3);
    expect(subthread(flat, 42, "old")).toBeNull();
  });
});

describe("limitTree", () => {
  const flat = [c(1, null, 1, 9), c(2, 1, 2), c(3, 1, 3), c(8, 3, 8), c(4, null, 4, 5), c(5, 4, 5), c(6, null, 6, 1), c(7, null, 7, 0)];
  const roots = buildTree(flat, "top");
  const ids = (nodes: TreeNode<FlatComment>[]): number[] => nodes.flatMap((n) => [n.comment.id, ...ids(n.children)]);

  it("keeps the first comments in reading order and counts the rest", () => {
    const { nodes, hiddenThreads, hiddenComments } = limitTree(roots, 5);
    expect(ids(nodes)).toEqual([1, 2, 3, 8, 4]);
    expect(nodes[1]!.hidden).toBe(1);
    expect(hiddenThreads).toBe(2);
    expect(hiddenComments).toBe(2);
  });

  it("cuts inside a long first thread instead of rendering all of it", () => {
    const { nodes } = limitTree(roots, 2);
    expect(ids(nodes)).toEqual([1, 2]);
    expect(nodes[0]!.hidden).toBe(2);
    expect(limitTree(roots, 100).hiddenComments).toBe(0);
    expect(limitTree(roots, 100).nodes[0]!.hidden).toBeUndefined();
  });
});

describe("nearestForecasts", () => {
  it("forks the comment's own forecast, else the nearest one up the thread, else the post's", () => {
    const f = (id: number, parentId: number | null, forecastId: number | null) => ({ ...c(id, parentId, id), forecastId });
    const flat = [f(1, null, null), f(2, 1, 20), f(3, 2, null), f(4, 3, null), f(5, null, null)];
    expect(nearestForecasts(flat, 99)).toEqual({ 1: 99, 2: 20, 3: 20, 4: 20, 5: 99 });
    expect(nearestForecasts([f(1, null, null)], null)).toEqual({ 1: null });
  });
});
