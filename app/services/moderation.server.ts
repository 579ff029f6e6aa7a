// Moderators' and authors' tools on threads and comments. Every action checks the permission
// module, changes the row, and appends to the public log in one IMMEDIATE transaction, then
// tells the page live. Bans and roles live in accounts.server.ts.
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { comments, moderationLog, postBans, posts, users } from "../../db/schema";
import type { Action } from "../discussion/permissions";
import { appError, conflict, notFound } from "../utils/errors";
import type { LiveHub } from "./broadcast";
import type { Clock } from "./clock";
import { authorize, loadThread, type Reader } from "./guard.server";
import type { NotificationService } from "./notifications.server";
import { olderThan, onePage } from "./paging";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface LogEntry {
  actorId: number;
  action: string;
  targetType: "post" | "comment" | "user" | "report";
  targetId: number;
  postId?: number | null;
  subjectUserId?: number | null;
  reason?: string;
  detail?: string;
}

export function appendLog(tx: Pick<Db, "insert">, entry: LogEntry, at: number): void {
  tx.insert(moderationLog).values({ ...entry, reason: entry.reason ?? "", detail: entry.detail ?? "", createdAt: at }).run();
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
  reason: string;
  detail: string;
  createdAt: number;
}

export const LOG_PAGE = 50;

export function createModerationService(db: Db, now: Clock, live: LiveHub, notifications: NotificationService) {
  const commentRow = (tx: Reader, commentId: number) => {
    const c = tx.select().from(comments).where(eq(comments.id, commentId)).get();
    if (!c) throw notFound("That comment");
    return c;
  };

  /** Authorizes a thread-setting change on a post and returns the post row. */
  const onPost = (tx: Tx, actorId: number, postId: number, action: Action) => {
    const thread = loadThread(tx, postId, actorId);
    authorize(tx, actorId, action, { ownerId: thread.authorId, thread }, now());
    return thread;
  };

  const settingsChanged = (postId: number) => live.broadcast("post.settings", { postId });

  return {
    setLock(actorId: number, postId: number, locked: boolean, reason: string): void {
      db.transaction(
        (tx) => {
          const thread = onPost(tx, actorId, postId, "lock:post");
          if ((thread.lockedAt !== null) === locked) throw conflict(locked ? "This thread is already locked." : "This thread is not locked.");
          tx.update(posts).set({ lockedAt: locked ? now() : null, lockReason: locked ? reason : null }).where(eq(posts.id, postId)).run();
          appendLog(tx, { actorId, action: locked ? "lock" : "unlock", targetType: "post", targetId: postId, postId, reason }, now());
        },
        { behavior: "immediate" },
      );
      live.broadcast("post.locked", { postId, locked, ...(locked ? { reason } : {}) });
    },

    setForking(actorId: number, postId: number, disabled: boolean, reason: string): void {
      db.transaction(
        (tx) => {
          const thread = onPost(tx, actorId, postId, "disable-forking:post");
          if (thread.forkingDisabled === disabled) throw conflict(disabled ? "Forking is already off here." : "Forking is already on here.");
          tx.update(posts).set({ forkingDisabled: disabled }).where(eq(posts.id, postId)).run();
          appendLog(tx, { actorId, action: disabled ? "disable-forking" : "enable-forking", targetType: "post", targetId: postId, postId, reason }, now());
        },
        { behavior: "immediate" },
      );
      settingsChanged(postId);
    },

    setSlowMode(actorId: number, postId: number, seconds: number, reason: string): void {
      db.transaction(
        (tx) => {
          onPost(tx, actorId, postId, "slow-mode:post");
          tx.update(posts).set({ slowModeSeconds: seconds }).where(eq(posts.id, postId)).run();
          const detail = seconds ? `one reply per ${Math.round(seconds / 60)} min` : "off";
          appendLog(tx, { actorId, action: "slow-mode", targetType: "post", targetId: postId, postId, reason, detail }, now());
        },
        { behavior: "immediate" },
      );
      settingsChanged(postId);
    },

    /** Removal keeps the row (replies stay attached); the body is hidden and the reason shown. */
    setRemoved(actorId: number, commentId: number, removed: boolean, reason: string): void {
      const { notified, postId } = db.transaction(
        (tx) => {
          const c = commentRow(tx, commentId);
          authorize(tx, actorId, "remove:comment", { ownerId: c.authorId }, now());
          if (removed && c.status !== "visible") throw conflict(c.status === "removed" ? "That comment is already removed." : "The author already deleted that comment.");
          if (!removed && c.status !== "removed") throw conflict("That comment is not removed.");
          tx.update(comments).set({ status: removed ? "removed" : "visible", removalReason: removed ? reason : null }).where(eq(comments.id, commentId)).run();
          appendLog(tx, { actorId, action: removed ? "remove" : "restore", targetType: "comment", targetId: commentId, postId: c.postId, subjectUserId: c.authorId, reason }, now());
          const title = tx.select({ title: posts.title }).from(posts).where(eq(posts.id, c.postId)).get()?.title ?? "";
          const text = removed ? `A moderator removed your comment on “${title}”: ${reason}` : `A moderator restored your comment on “${title}”.`;
          return { notified: notifications.add(tx, [{ userId: c.authorId, kind: "moderation", actorId: null, postId: c.postId, commentId, text }]), postId: c.postId };
        },
        { behavior: "immediate" },
      );
      notifications.announce(notified);
      live.broadcast(removed ? "comment.removed" : "comment.updated", { postId, commentId });
      live.broadcast("aggregate.changed", { postId });
    },

    /** An empty note clears it. */
    setNote(actorId: number, commentId: number, note: string): void {
      const c = db.transaction(
        (tx) => {
          const c = commentRow(tx, commentId);
          authorize(tx, actorId, "note:comment", { ownerId: c.authorId }, now());
          tx.update(comments).set({ modNote: note || null }).where(eq(comments.id, commentId)).run();
          appendLog(tx, { actorId, action: note ? "note" : "clear-note", targetType: "comment", targetId: commentId, postId: c.postId, subjectUserId: c.authorId, reason: note }, now());
          return c;
        },
        { behavior: "immediate" },
      );
      live.broadcast("comment.updated", { postId: c.postId, commentId });
    },

    /** The post's author folds an off-topic reply away; it stays one click away for readers. */
    setCollapsed(actorId: number, commentId: number, collapsed: boolean): void {
      const c = db.transaction(
        (tx) => {
          const c = commentRow(tx, commentId);
          const thread = loadThread(tx, c.postId, actorId);
          authorize(tx, actorId, "collapse:comment", { ownerId: c.authorId, thread }, now());
          tx.update(comments).set({ collapsed }).where(eq(comments.id, commentId)).run();
          appendLog(tx, { actorId, action: collapsed ? "collapse" : "expand", targetType: "comment", targetId: commentId, postId: c.postId, subjectUserId: c.authorId }, now());
          return c;
        },
        { behavior: "immediate" },
      );
      live.broadcast("comment.updated", { postId: c.postId, commentId });
    },

    /** Bars a user from commenting on one post (LessWrong's author ban), or lifts the bar. */
    setPostBan(actorId: number, postId: number, handle: string, banned: boolean, reason: string): void {
      db.transaction(
        (tx) => {
          const subject = tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.handle, handle)).get();
          if (!subject) throw appError(404, `No user has the handle “${handle}”.`, { handle: "No user has that handle." });
          const thread = loadThread(tx, postId, actorId);
          authorize(tx, actorId, "ban-from-post:user", { ownerId: subject.id, thread, subjectRole: subject.role }, now());
          const key = and(eq(postBans.postId, postId), eq(postBans.userId, subject.id));
          const existing = tx.select().from(postBans).where(key).get();
          if (banned === (existing !== undefined)) throw conflict(banned ? `@${handle} is already barred from this post.` : `@${handle} is not barred from this post.`);
          if (banned) tx.insert(postBans).values({ postId, userId: subject.id, bannedBy: actorId, reason, createdAt: now() }).run();
          else tx.delete(postBans).where(key).run();
          appendLog(tx, { actorId, action: banned ? "ban-from-post" : "unban-from-post", targetType: "user", targetId: subject.id, postId, subjectUserId: subject.id, reason }, now());
        },
        { behavior: "immediate" },
      );
      settingsChanged(postId);
    },

    postBans(postId: number): { handle: string; displayName: string; reason: string }[] {
      return db
        .select({ handle: users.handle, displayName: users.displayName, reason: postBans.reason })
        .from(postBans)
        .innerJoin(users, eq(users.id, postBans.userId))
        .where(eq(postBans.postId, postId))
        .orderBy(users.handle)
        .all();
    },

    /** The public log, newest first, paged by id. */
    log(before: number | null = null): { entries: LogView[]; hasMore: boolean } {
      const subject = alias(users, "subject");
      const rows = db
        .select({
          id: moderationLog.id,
          action: moderationLog.action,
          actorName: users.displayName,
          targetType: moderationLog.targetType,
          targetId: moderationLog.targetId,
          subjectName: subject.handle,
          postSlug: posts.slug,
          postTitle: posts.title,
          reason: moderationLog.reason,
          detail: moderationLog.detail,
          createdAt: moderationLog.createdAt,
        })
        .from(moderationLog)
        .innerJoin(users, eq(users.id, moderationLog.actorId))
        .leftJoin(subject, eq(subject.id, moderationLog.subjectUserId))
        .leftJoin(posts, eq(posts.id, moderationLog.postId))
        .where(olderThan(moderationLog.id, before))
        .orderBy(desc(moderationLog.id))
        .limit(LOG_PAGE + 1)
        .all();
      const { page: entries, hasMore } = onePage(rows, LOG_PAGE);
      return { entries, hasMore };
    },
  };
}
