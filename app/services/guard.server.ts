// The services' side of app/discussion/permissions: load the facts a decision needs, fresh,
// inside the caller's transaction, and turn a refusal into the 4xx the person sees.
import { and, eq, sql } from "drizzle-orm";
import { preparedOn } from "../../db/prepared";
import { first, type Database, type Store, type Tables } from "../../db/store";
import { decide, exemptFromLimits, type Action, type Actor, type Target, type ThreadFacts } from "../discussion/permissions";
import { appError, notFound } from "../utils/errors";
import type { PostView } from "./types";

/** A database or an open transaction (both read the same way), with the store's tables. */
export type Reader = Pick<Database, "select">;

/** The actor as the database has them now: a ban or a role change applies to the very next request. */
export async function loadActor(db: Reader, t: Tables, userId: number): Promise<Actor> {
  const { users } = t;
  const byId = preparedOn(db, "actor_by_id", () =>
    db.select({ id: users.id, role: users.role, bannedUntil: users.bannedUntil, karma: users.karma }).from(users).where(eq(users.id, sql.placeholder("userId"))).prepare("actor_by_id"),
  );
  const row = await byId.execute({ userId }).then(first);
  if (!row) throw appError(401, "Your account no longer exists.");
  return row;
}

export interface ThreadRow extends ThreadFacts {
  id: number;
  slowModeSeconds: number;
}

/** The thread facts of a post as its viewer read it (posts.bySlug): what loadThread reads. */
function threadOfPost(post: PostView): ThreadRow {
  const { id, lockedAt, lockReason, forkingDisabled, slowModeSeconds } = post;
  return { id, authorId: post.author.id, lockedAt, lockReason, forkingDisabled, slowModeSeconds, actorBannedHere: post.viewerBarred };
}

export async function loadThread(db: Reader, t: Tables, postId: number, actorId: number): Promise<ThreadRow> {
  const { posts, postBans } = t;
  // One statement (a thread bar is at most one row per person): inside a write, every round trip keeps its transaction open.
  const thread = preparedOn(db, "thread_for_actor", () =>
    db
      .select({ id: posts.id, authorId: posts.authorId, lockedAt: posts.lockedAt, lockReason: posts.lockReason, forkingDisabled: posts.forkingDisabled, slowModeSeconds: posts.slowModeSeconds, barred: postBans.userId })
      .from(posts)
      .leftJoin(postBans, and(eq(postBans.postId, posts.id), eq(postBans.userId, sql.placeholder("actorId"))))
      .where(eq(posts.id, sql.placeholder("postId")))
      .prepare("thread_for_actor"),
  );
  const row = await thread.execute({ postId, actorId }).then(first);
  if (!row) throw notFound("That post");
  const { barred, ...post } = row;
  return { ...post, actorBannedHere: barred !== null };
}

/** Throws the refusal as an AppError (401/403 with the reason), or returns the actor. */
export function enforce(actor: Actor, action: Action, target: Target, now: number): Actor {
  const decision = decide(actor, action, target, now);
  if (!decision.ok) throw appError(decision.status, decision.reason);
  return actor;
}

/** loadActor + enforce, for the common case. */
export async function authorize(db: Reader, t: Tables, userId: number, action: Action, target: Target, now: number): Promise<Actor> {
  return enforce(await loadActor(db, t, userId), action, target, now);
}

/**
 * For callers outside a transaction: refuse early (before a rate limit counts or a model runs).
 * The actor is the request's signed-in user, read with the session at the start of this same
 * request, so a ban or a role change still applies to the very next request; reading the row
 * again here would only cost a round trip. Writes decide again inside their transaction.
 */
export function createGuard(store: Store, now: () => number) {
  const { db, t } = store;
  return {
    async require(actor: Actor, action: Action, opts: { postId?: number; ownerId?: number } = {}): Promise<Actor> {
      const target: Target = { ownerId: opts.ownerId ?? null, ...(opts.postId === undefined ? {} : { thread: await loadThread(db, t, opts.postId, actor.id) }) };
      return enforce(actor, action, target, now());
    },
    /**
     * What a reader may do in a thread, for the page to offer only those forms. `post`: an id,
     * or the post as this same actor just read it (posts.bySlug), which saves a read.
     */
    async threadAbilities(actor: Actor | null, post: number | PostView) {
      if (actor === null) return { canReply: false, canFork: false, canVote: false, replyRefusal: "Log in to reply.", staff: false, author: false };
      const thread = typeof post === "number" ? await loadThread(db, t, post, actor.id) : threadOfPost(post);
      const reply = decide(actor, "create:comment", { thread }, now());
      const fork = decide(actor, "create:fork", { thread }, now());
      return {
        canReply: reply.ok,
        canFork: fork.ok,
        canVote: decide(actor, "vote:content", {}, now()).ok,
        replyRefusal: reply.ok ? null : reply.reason,
        staff: actor.role !== "member",
        author: thread.authorId === actor.id,
      };
    },

    /** Moderators everywhere, and the post's author in their own thread, skip rate limits. */
    async exempt(actor: Actor, postId?: number): Promise<boolean> {
      return exemptFromLimits(actor, postId === undefined ? undefined : await loadThread(db, t, postId, actor.id));
    },
  };
}
