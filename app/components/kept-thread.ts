// What a top-level comment and its replies render from, as one plain object (rendered-once.tsx):
// the server keeps the markup of a whole reply chain by it. Everything a comment in the chain
// reads of the thread's context is narrowed to the chain, and the reader to what the markup can
// tell of them, so that readers who see the same comments share one kept chain.
import type { TreeNode } from "~/discussion/tree";
import type { CommentView, QuestionView } from "~/services/types";
import type { Ctx } from "./comment-context";
import type { AnyFork } from "./fork-card";

/**
 * A signed-in reader who wrote none of the chain's comments or forks. The markup reads the
 * reader's id only to compare it with those authors' (and to tell signed in from out), so any
 * such reader's chain is drawn alike.
 */
const SOME_READER = -1;

type KeyCtx = Omit<Ctx, "pendingVotes" | "touched" | "quick" | "fresh"> & { quick: number[]; fresh: number[] };

export interface ThreadKey {
  node: TreeNode<CommentView>;
  ctx: KeyCtx;
  /** The comments' bodies, which the document carries once and the chain reads by comment id. */
  markup: (string | null)[];
}

/** The chain's key, or null when it shows what only this visit can (rendered in place then). */
export function threadKey(node: TreeNode<CommentView>, ctx: Ctx, inline: ReadonlyMap<string, string> | null): ThreadKey | null {
  // Votes in flight are browser state; a server render never has any.
  if (ctx.pendingVotes.size > 0 || ctx.touched.size > 0) return null;
  const ids: number[] = [];
  const authors = new Set<number>();
  const walk = (n: TreeNode<CommentView>) => {
    ids.push(n.comment.id);
    authors.add(n.comment.author.id);
    n.children.forEach(walk);
  };
  walk(node);
  const forks: Record<number, AnyFork> = {};
  const nearest: Record<number, number | null> = {};
  const questions: Record<number, QuestionView> = {};
  const quick: number[] = [];
  const fresh: number[] = [];
  for (const id of ids) {
    // The no-JavaScript landing's open form: one visit's.
    if (ctx.replyTo === id) return null;
    const fork = ctx.forks[id];
    if (fork) {
      // Its author's rebase button is a fetcher form, which a part rendered apart cannot hold.
      if (fork.stale && !fork.rebased && ctx.viewerId === fork.authorId) return null;
      forks[id] = fork;
      authors.add(fork.authorId);
    }
    if (id in ctx.nearest) nearest[id] = ctx.nearest[id]!;
    const answers = ctx.nearest[id] ?? 0;
    if (ctx.quick.has(answers)) quick.push(answers);
    if (ctx.questions[id]) questions[id] = ctx.questions[id];
    if (ctx.fresh.has(id)) fresh.push(id);
  }
  const viewerId = ctx.viewerId !== null && !authors.has(ctx.viewerId) ? SOME_READER : ctx.viewerId;
  const { slug, roles, canVote, canReply, canFork } = ctx;
  return {
    node,
    // No form starts open in the chain (checked above), so the landing's settings do not apply.
    ctx: { slug, roles, canVote, canReply, canFork, viewerId, forks, nearest, questions, quick, fresh, replyTo: null, replyMode: "reply", askModel: null, forkParent: null },
    markup: ids.map((id) => inline?.get(`comment:${id}`) ?? null),
  };
}

/** The context a kept chain renders with: the key's, and no browser state. */
export function ctxOf(key: KeyCtx): Ctx {
  return { ...key, quick: new Set(key.quick), fresh: new Set(key.fresh), pendingVotes: new Map(), touched: new Set() };
}
