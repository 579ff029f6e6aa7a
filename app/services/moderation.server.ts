// Moderators' and authors' tools on threads and comments. Every action checks the permission
// module, changes the row, and appends to the public log in one IMMEDIATE transaction, then
// tells the page live. Bans and roles live in accounts.server.ts.
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { first, type Database, type Store, type Tables } from "../../db/store";
import type { Action } from "../discussion/permissions";
import { appError, conflict, notFound } from "../utils/errors";
import type { LiveHub } from "./broadcast";
import type { Clock } from "./clock";
import { authorize, loadThread, type Reader } from "./guard.server";
import type { NotificationService } from "./notifications.server";
import { olderThan, onePage } from "./paging";


export interface LogEntry {
  actorId: number;
  action: string;
  targetType: "post" | "comment" | "user" | "report" | "tag";
  targetId: number;
  postId?: number | null;
  subjectUserId?: number | null;
  reason?: string;
  detail?: string;
}

export async function appendLog(tx: Pick<Database, "insert">, t: Tables, entry: LogEntry, at: number): Promise<void> {
  await tx.insert(t.moderationLog).values({ ...entry, reason: entry.reason ?? "", detail: entry.detail ?? "", createdAt: at });
}

export interface LogView {
  id: number;
  action: string;
  actorName: string;
  targetType: string;
  targetId: number;
  subjectName: string | null;
  postSlug: string | null;
  postTitle: string | null;
  tagSlug: string | null;
  tagName: string | null;
  reason: string;
  detail: string;
  createdAt: number;
}

export const LOG_PAGE = 50;

export function createModerationService(store: Store, now: Clock, live: LiveHub, notifications: NotificationService) {
  const { db, t } = store;
  const { users, posts, comments, moderationLog, postBans } = t;
  // Every view of a thread by its author or staff lists who is barred from it.
  const bansOfPost = db
    .select({ handle: users.handle, displayName: users.displayName, reason: postBans.reason })
    .from(postBans)
    .innerJoin(users, eq(users.id, postBans.userId))
    .where(eq(postBans.postId, sql.placeholder("postId")))
    .orderBy(users.handle)
    .prepare("bans_of_post");
  const commentRow = async (tx: Reader, commentId: number) => {
    const c = await tx.select().from(comments).where(eq(comments.id, commentId)).then(first);
    if (!c) throw notFound("That comment");
    return c;
  };

  /** Authorizes a thread-setting change on a post and returns the post row. */
  const onPost = async (tx: Database, actorId: number, postId: number, action: Action) => {
    const thread = await loadThread(tx, t, postId, actorId);
    await authorize(tx, t, actorId, action, { ownerId: thread.authorId, thread }, now());
    return thread;
  };

  const settingsChanged = (postId: number) => live.broadcast("post.settings", { postId });

  return {
    async setLock(actorId: number, postId: number, locked: boolean, reason: string): Promise<void> {
      await store.write(
        async (tx) => {
          const thread = await onPost(tx, actorId, postId, "lock:post");
          if ((thread.lockedAt !== null) === locked) throw conflict(locked ? "This thread is already locked." : "This thread is not locked.");
          await tx.update(posts).set({ lockedAt: locked ? now() : null, lockReason: locked ? reason : null }).where(eq(posts.id, postId));
          await appendLog(tx, t, { actorId, action: locked ? "lock" : "unlock", targetType: "post", targetId: postId, postId, reason }, now());
        },
      );
      live.broadcast("post.locked", { postId, locked, ...(locked ? { reason } : {}) });
    },

    async setForking(actorId: number, postId: number, disabled: boolean, reason: string): Promise<void> {
      await store.write(
        async (tx) => {
          const thread = await onPost(tx, actorId, postId, "disable-forking:post");
          if (thread.forkingDisabled === disabled) throw conflict(disabled ? "Forking is already off here." : "Forking is already on here.");
          await tx.update(posts).set({ forkingDisabled: disabled }).where(eq(posts.id, postId));
          await appendLog(tx, t, { actorId, action: disabled ? "disable-forking" : "enable-forking", targetType: "post", targetId: postId, postId, reason }, now());
        },
      );
      settingsChanged(postId);
    },

    async setSlowMode(actorId: number, postId: number, seconds: number, reason: string): Promise<void> {
      await store.write(
        async (tx) => {
          await onPost(tx, actorId, postId, "slow-mode:post");
          await tx.update(posts).set({ slowModeSeconds: seconds }).where(eq(posts.id, postId));
          const detail = seconds ? `one reply per ${Math.round(seconds / 60)} min` : "off";
          await appendLog(tx, t, { actorId, action: "slow-mode", targetType: "post", targetId: postId, postId, reason, detail }, now());
        },
      );
      settingsChanged(postId);
    },

    /** Removal keeps the row (replies stay attached); the body is hidden and the reason shown. */
    async setRemoved(actorId: number, commentId: number, removed: boolean, reason: string): Promise<void> {
      const { notified, postId } = await store.write(
        async (tx) => {
          const c = await commentRow(tx, commentId);
          await authorize(tx, t, actorId, "remove:comment", { ownerId: c.authorId }, now());
          if (removed && c.status !== "visible") throw conflict(c.status === "removed" ? "That comment is already removed." : "The author already deleted that comment.");
          if (!removed && c.status !== "removed") throw conflict("That comment is not removed.");
          await tx.update(comments).set({ status: removed ? "removed" : "visible", removalReason: removed ? reason : null }).where(eq(comments.id, commentId));
          await appendLog(tx, t, { actorId, action: removed ? "remove" : "restore", targetType: "comment", targetId: commentId, postId: c.postId, subjectUserId: c.authorId, reason }, now());
          const title = (await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, c.postId)).then(first))?.title ?? "";
          const text = removed ? `A moderator removed your comment on “${title}”: ${reason}` : `A moderator restored your comment on “${title}”.`;
          return { notified: await notifications.add(tx, [{ userId: c.authorId, kind: "moderation", actorId: null, postId: c.postId, commentId, text }]), postId: c.postId };
        },
      );
      await notifications.announce(notified);
      live.broadcast(removed ? "comment.removed" : "comment.updated", { postId, commentId });
      live.broadcast("aggregate.changed", { postId });
    },

    /** An empty note clears it. */
    async setNote(actorId: number, commentId: number, note: string): Promise<void> {
      const c = await store.write(
        async (tx) => {
          const c = await commentRow(tx, commentId);
          await authorize(tx, t, actorId, "note:comment", { ownerId: c.authorId }, now());
          await tx.update(comments).set({ modNote: note || null }).where(eq(comments.id, commentId));
          await appendLog(tx, t, { actorId, action: note ? "note" : "clear-note", targetType: "comment", targetId: commentId, postId: c.postId, subjectUserId: c.authorId, reason: note }, now());
          return c;
        },
      );
      live.broadcast("comment.updated", { postId: c.postId, commentId });
    },

    /** The post's author folds an off-topic reply away; it stays one click away for readers. */
    async setCollapsed(actorId: number, commentId: number, collapsed: boolean): Promise<void> {
      const c = await store.write(
        async (tx) => {
          const c = await commentRow(tx, commentId);
          const thread = await loadThread(tx, t, c.postId, actorId);
          await authorize(tx, t, actorId, "collapse:comment", { ownerId: c.authorId, thread }, now());
          await tx.update(comments).set({ collapsed }).where(eq(comments.id, commentId));
          await appendLog(tx, t, { actorId, action: collapsed ? "collapse" : "expand", targetType: "comment", targetId: commentId, postId: c.postId, subjectUserId: c.authorId }, now());
          return c;
        },
      );
      live.broadcast("comment.updated", { postId: c.postId, commentId });
    },

    /** Bars a user from commenting on one post (LessWrong's author ban), or lifts the bar. */
    async setPostBan(actorId: number, postId: number, handle: string, banned: boolean, reason: string): Promise<void> {
      await store.write(
        async (tx) => {
          const subject = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.handle, handle)).then(first);
          if (!subject) throw appError(404, `No user has the handle “${handle}”.`, { handle: "No user has that handle." });
          const thread = await loadThread(tx, t, postId, actorId);
          await authorize(tx, t, actorId, "ban-from-post:user", { ownerId: subject.id, thread, subjectRole: subject.role }, now());
          const key = and(eq(postBans.postId, postId), eq(postBans.userId, subject.id));
          const existing = await tx.select().from(postBans).where(key).then(first);
          if (banned === (existing !== undefined)) throw conflict(banned ? `@${handle} is already barred from this post.` : `@${handle} is not barred from this post.`);
          if (banned) await tx.insert(postBans).values({ postId, userId: subject.id, bannedBy: actorId, reason, createdAt: now() });
          else await tx.delete(postBans).where(key);
          await appendLog(tx, t, { actorId, action: banned ? "ban-from-post" : "unban-from-post", targetType: "user", targetId: subject.id, postId, subjectUserId: subject.id, reason }, now());
        },
      );
      settingsChanged(postId);
    },

    async postBans(postId: number): Promise<{ handle: string; displayName: string; reason: string }[]> {
      return await bansOfPost.execute({ postId });
    },

    /** The public log, newest first, paged by id. */
    async log(before: number | null = null): Promise<{ entries: LogView[]; hasMore: boolean }> {
      const subject = alias(users, "subject");
      const rows = await db
        .select({
          id: moderationLog.id,
          action: moderationLog.action,
          actorName: users.displayName,
          targetType: moderationLog.targetType,
          targetId: moderationLog.targetId,
          subjectName: subject.handle,
          postSlug: posts.slug,
          postTitle: posts.title,
          tagSlug: t.tags.slug,
          tagName: t.tags.name,
          reason: moderationLog.reason,
          detail: moderationLog.detail,
          createdAt: moderationLog.createdAt,
        })
        .from(moderationLog)
        .innerJoin(users, eq(users.id, moderationLog.actorId))
        .leftJoin(subject, eq(subject.id, moderationLog.subjectUserId))
        .leftJoin(posts, eq(posts.id, moderationLog.postId))
        .leftJoin(t.tags, and(eq(moderationLog.targetType, "tag"), eq(t.tags.id, moderationLog.targetId)))
        .where(olderThan(moderationLog.id, before))
        .orderBy(desc(moderationLog.id))
        .limit(LOG_PAGE + 1);
      const { page: entries, hasMore } = onePage(rows, LOG_PAGE);
      return { entries, hasMore };
    },
  };
}
