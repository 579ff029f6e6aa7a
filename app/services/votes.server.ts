import { and, eq, sql } from "drizzle-orm";
import { first, single, type Store } from "../../db/store";
import { type VoteKind, type VoteTarget } from "../../db/schema";
import { badRequest, conflict, forbidden, notFound } from "../utils/errors";
import { authorize } from "./guard.server";
import type { Clock } from "./clock";
import type { Broadcast } from "./broadcast";

export interface VoteResult {
  score: number;
  agreeScore: number;
  viewerValue: number;
}

// Votes are a ledger; scores and karma are caches updated by the same transaction, and
// recomputeAll() rebuilds every cache from the ledger. See docs/decisions/004.
export function createVoteService(store: Store, now: Clock, broadcast: Broadcast) {
  const { t } = store;
  const { users, posts, comments, votes } = t;
  return {
    async cast(input: { userId: number; targetType: VoteTarget; targetId: number; kind: VoteKind; value: number }): Promise<VoteResult> {
      if (input.kind === "agree" && input.targetType !== "comment") throw badRequest("Only comments take agree/disagree votes.");
      // Ordered by a lock on the target (WriteOptions.rowLocks): every change to its votes takes
      // it first, so "the vote you hold" cannot change under this one, and scores and karma are
      // counters that concurrent votes bump in turn.
      const result = await store.write(
        async (tx) => {
          const target =
            input.targetType === "post"
              ? await store.locked(tx.select({ authorId: posts.authorId, status: sql<string>`'visible'`, postId: posts.id }).from(posts).where(eq(posts.id, input.targetId))).then(first)
              : await store.locked(tx.select({ authorId: comments.authorId, status: comments.status, postId: comments.postId }).from(comments).where(eq(comments.id, input.targetId))).then(first);
          if (!target) throw notFound(input.targetType === "post" ? "That post" : "That comment");
          if (target.status !== "visible") throw conflict("Deleted comments cannot be voted on.");
          await authorize(tx, t, input.userId, "vote:content", {}, now());
          if (target.authorId === input.userId) throw forbidden("You cannot vote on your own writing.");

          const key = and(eq(votes.userId, input.userId), eq(votes.targetType, input.targetType), eq(votes.targetId, input.targetId), eq(votes.kind, input.kind));
          const existing = await tx.select().from(votes).where(key).then(first);
          const before = existing?.value ?? 0;
          if (before === input.value) {
            throw conflict(input.value === 0 ? "You have no vote here to retract." : "You already cast that vote; click it again to retract.");
          }
          if (input.value === 0) await tx.delete(votes).where(key);
          else if (existing) await tx.update(votes).set({ value: input.value, createdAt: now() }).where(key);
          else
            await tx.insert(votes)
              .values({ ...input, recipientId: target.authorId, createdAt: now() });

          // Each statement answers what the next needs (RETURNING): on PostgreSQL every round
          // trip is an event-loop turn with the target's lock held (db/pg-store.ts).
          const delta = input.value - before;
          const scores =
            input.targetType === "post"
              ? await tx.update(posts).set({ score: sql`${posts.score} + ${delta}` }).where(eq(posts.id, input.targetId)).returning({ score: posts.score, agreeScore: sql<number>`0` }).then(single)
              : await tx
                  .update(comments)
                  .set(input.kind === "karma" ? { score: sql`${comments.score} + ${delta}` } : { agreeScore: sql`${comments.agreeScore} + ${delta}` })
                  .where(eq(comments.id, input.targetId))
                  .returning({ score: comments.score, agreeScore: comments.agreeScore })
                  .then(single);
          if (input.kind === "karma") {
            await tx.update(users).set({ karma: sql`${users.karma} + ${delta}` }).where(eq(users.id, target.authorId));
          }
          return { ...scores, viewerValue: input.value, postId: target.postId };
        },
        { rowLocks: true },
      );
      broadcast("vote.changed", { postId: result.postId, targetType: input.targetType, targetId: input.targetId, score: result.score, agreeScore: result.agreeScore });
      return { score: result.score, agreeScore: result.agreeScore, viewerValue: result.viewerValue };
    },

    /** Rebuilds every score and karma cache from the ledger; returns how many caches changed. */
    async recomputeAll(): Promise<number> {
      return store.write(
        async () => {
          // Plain SQL both engines read alike; RETURNING counts the rows each statement changed.
          const run = async (q: string) => (await store.rows(sql.raw(`${q} RETURNING 1`))).length;
          let changed = 0;
          changed += await run(`UPDATE posts SET score = (SELECT coalesce(sum(value),0) FROM votes WHERE target_type='post' AND target_id=posts.id AND kind='karma')
                          WHERE score != (SELECT coalesce(sum(value),0) FROM votes WHERE target_type='post' AND target_id=posts.id AND kind='karma')`);
          changed += await run(`UPDATE comments SET score = (SELECT coalesce(sum(value),0) FROM votes WHERE target_type='comment' AND target_id=comments.id AND kind='karma'),
                          agree_score = (SELECT coalesce(sum(value),0) FROM votes WHERE target_type='comment' AND target_id=comments.id AND kind='agree')
                          WHERE score != (SELECT coalesce(sum(value),0) FROM votes WHERE target_type='comment' AND target_id=comments.id AND kind='karma')
                             OR agree_score != (SELECT coalesce(sum(value),0) FROM votes WHERE target_type='comment' AND target_id=comments.id AND kind='agree')`);
          changed += await run(`UPDATE users SET karma = (SELECT coalesce(sum(value),0) FROM votes WHERE recipient_id=users.id AND kind='karma')
                          WHERE karma != (SELECT coalesce(sum(value),0) FROM votes WHERE recipient_id=users.id AND kind='karma')`);
          return changed;
        },
      );
    },
  };
}
