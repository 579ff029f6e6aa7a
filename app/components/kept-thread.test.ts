import { describe, expect, it } from "vitest";
import type { TreeNode } from "~/discussion/tree";
import type { CommentView } from "~/services/types";
import type { Ctx } from "./comment-context";
import type { AnyFork } from "./fork-card";
import { ctxOf, threadKey } from "./kept-thread";

function comment(id: number, authorId: number, parentId: number | null = null): CommentView {
  return { id, postId: 1, parentId, depth: parentId === null ? 0 : 1, createdAt: 1, editedAt: null, status: "visible", html: "", markdown: "", score: 0, agreeScore: 0, forecastId: null, removalReason: null, modNote: null, collapsed: false, author: { id: authorId, handle: `u${authorId}`, displayName: `U${authorId}` }, viewerVote: 0, viewerAgree: 0 };
}

// Comment 1 by user 10, with a reply 2 by user 11 carrying a fork by user 11.
const chain: TreeNode<CommentView> = { comment: comment(1, 10), descendants: 1, children: [{ comment: comment(2, 11, 1), descendants: 0, children: [] }] };
const elsewhere: TreeNode<CommentView> = { comment: comment(3, 12), descendants: 0, children: [] };
const fork = { authorId: 11, stale: false, rebased: false } as AnyFork;

function ctx(viewerId: number | null, extra: Partial<Ctx> = {}): Ctx {
  return { slug: "s", viewerId, replyTo: null, pendingVotes: new Map(), touched: new Set(), forks: { 2: fork }, nearest: { 1: 7, 2: 8, 3: 9 }, replyMode: "reply", askModel: null, questions: {}, quick: new Set([8, 9]), forkParent: null, roles: { staff: false, author: false, signedIn: viewerId !== null }, canVote: true, canReply: true, canFork: true, fresh: new Set(), ...extra };
}

const inline = new Map([["comment:1", "<p>one</p>"], ["comment:2", "<p>two</p>"], ["comment:3", "<p>three</p>"]]);
const json = (n: TreeNode<CommentView>, c: Ctx) => JSON.stringify(threadKey(n, c, inline));

describe("a kept chain's key", () => {
  it("is one for every signed-in reader who wrote nothing in the chain, and apart for its authors", () => {
    expect(json(chain, ctx(50))).toBe(json(chain, ctx(51)));
    // A comment elsewhere in the thread does not set its author apart here.
    expect(json(chain, ctx(12))).toBe(json(chain, ctx(50)));
    expect(json(chain, ctx(10))).not.toBe(json(chain, ctx(50)));
    // The fork's author too, and a signed-out reader is not a signed-in one.
    expect(json(chain, ctx(11))).not.toBe(json(chain, ctx(50)));
    expect(json(chain, ctx(null))).not.toBe(json(chain, ctx(50)));
  });

  it("holds only the chain's share of the thread, and the bodies the chain reads", () => {
    const key = threadKey(chain, ctx(50), inline)!;
    expect(Object.keys(key.ctx.forks)).toEqual(["2"]);
    expect(key.ctx.nearest).toEqual({ 1: 7, 2: 8 });
    expect(key.ctx.quick).toEqual([8]);
    expect(key.markup).toEqual(["<p>one</p>", "<p>two</p>"]);
    // What the key holds changes it: another body, another fork.
    expect(json(chain, ctx(50))).not.toBe(JSON.stringify(threadKey(chain, ctx(50), new Map([...inline, ["comment:2", "<p>edited</p>"]]))));
    expect(json(elsewhere, ctx(50, { forks: {} }))).toBe(json(elsewhere, ctx(50)));
  });

  it("renders with the reader's share and no browser state", () => {
    const rebuilt = ctxOf(threadKey(chain, ctx(50), inline)!.ctx);
    expect(rebuilt.viewerId).not.toBeNull();
    expect(rebuilt.viewerId === 10 || rebuilt.viewerId === 11).toBe(false);
    expect([...rebuilt.quick]).toEqual([8]);
    expect(rebuilt.pendingVotes.size + rebuilt.touched.size + rebuilt.fresh.size).toBe(0);
  });

  it("is none when the chain shows what only this visit can", () => {
    expect(threadKey(chain, ctx(50, { replyTo: 2 }), inline)).toBeNull();
    expect(threadKey(chain, ctx(50, { replyTo: 3 }), inline)).not.toBeNull();
    expect(threadKey(chain, ctx(50, { touched: new Set([1]) }), inline)).toBeNull();
    // A stale fork offers its own author the rebase button (a fetcher form); others see a note.
    const stale = { 2: { ...fork, stale: true } as AnyFork };
    expect(threadKey(chain, ctx(11, { forks: stale }), inline)).toBeNull();
    expect(threadKey(chain, ctx(50, { forks: stale }), inline)).not.toBeNull();
  });
});
