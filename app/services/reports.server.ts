// Reports: anyone signed in flags a post, comment or fork; moderators work the queue oldest
// first; the reporter hears the outcome.
import { and, asc, count, eq } from "drizzle-orm";
import { first, single, type Store } from "../../db/store";
import { type ReportTarget } from "../../db/schema";
import { renderPlainText } from "../utils/markdown.server";
import { appError, conflict, notFound } from "../utils/errors";
import type { Clock } from "./clock";
import { authorize } from "./guard.server";
import { appendLog } from "./moderation.server";
import type { NotificationService } from "./notifications.server";

export interface ReportView {
  id: number;
  targetType: ReportTarget;
  targetId: number;
  reason: string;
  createdAt: number;
  reporterName: string;
  postTitle: string;
  href: string;
  /** What was reported, as text (empty if it is already gone). */
  excerpt: string;
  targetStatus: "visible" | "deleted" | "removed" | "locked";
}

export function createReportService(store: Store, now: Clock, notifications: NotificationService) {
  const { db, t } = store;
  const { users, posts, comments, reports } = t;
  /** The post a target lives on, and whether it exists as that kind. */
  const locate = async (type: ReportTarget, id: number): Promise<{ postId: number; ownerId: number }> => {
    if (type === "post") {
      const p = await db.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(eq(posts.id, id)).then(first);
      if (!p) throw notFound("That post");
      return { postId: p.id, ownerId: p.authorId };
    }
    const c = await db.select({ postId: comments.postId, authorId: comments.authorId, forecastId: comments.forecastId }).from(comments).where(eq(comments.id, id)).then(first);
    if (!c) throw notFound("That comment");
    if (type === "fork" && c.forecastId === null) throw appError(400, "That comment carries no fork; report it as a comment.");
    return { postId: c.postId, ownerId: c.authorId };
  };

  return {
    async create(reporterId: number, input: { targetType: ReportTarget; targetId: number; reason: string }): Promise<{ id: number }> {
      const { postId, ownerId } = await locate(input.targetType, input.targetId);
      return store.write(
        async (tx) => {
          await authorize(tx, t, reporterId, "create:report", {}, now());
          if (ownerId === reporterId) throw appError(400, "You cannot report your own writing; edit or delete it instead.");
          const open = await tx
            .select({ id: reports.id })
            .from(reports)
            .where(and(eq(reports.reporterId, reporterId), eq(reports.targetType, input.targetType), eq(reports.targetId, input.targetId), eq(reports.status, "open")))
            .then(first);
          if (open) throw conflict("You already reported this; a moderator will look at it.");
          return await tx.insert(reports).values({ reporterId, postId, ...input, createdAt: now() }).returning({ id: reports.id }).then(single);
        },
      );
    },

    /** Open reports, oldest first. */
    async queue(viewerId: number): Promise<ReportView[]> {
      await authorize(db, t, viewerId, "resolve:report", {}, now());
      const rows = await db
        .select({ r: reports, reporterName: users.displayName, postTitle: posts.title, slug: posts.slug, lockedAt: posts.lockedAt, postMarkdown: posts.markdown })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.reporterId))
        .innerJoin(posts, eq(posts.id, reports.postId))
        .where(eq(reports.status, "open"))
        .orderBy(asc(reports.createdAt), asc(reports.id))
        .limit(200);
      return Promise.all(rows.map(async ({ r, reporterName, postTitle, slug, lockedAt, postMarkdown }) => {
        const base = { id: r.id, targetType: r.targetType, targetId: r.targetId, reason: r.reason, createdAt: r.createdAt, reporterName, postTitle };
        if (r.targetType === "post") {
          return { ...base, href: `/posts/${slug}`, excerpt: renderPlainText(postMarkdown).slice(0, 280), targetStatus: lockedAt ? "locked" : "visible" };
        }
        const c = await db.select({ markdown: comments.markdown, status: comments.status }).from(comments).where(eq(comments.id, r.targetId)).then(first);
        return { ...base, href: `/posts/${slug}/comments/${r.targetId}`, excerpt: c?.status === "visible" ? renderPlainText(c.markdown).slice(0, 280) : "", targetStatus: c?.status ?? "deleted" };
      }));
    },

    async openCount(): Promise<number> {
      return (await db.select({ n: count() }).from(reports).where(eq(reports.status, "open")).then(single)).n;
    },

    /**
     * Closes a report. Acting on it (removing the comment, locking the post) is done with the
     * moderation tools first; this records the outcome and tells the reporter.
     */
    async resolve(actorId: number, reportId: number, outcome: "actioned" | "dismissed", note: string): Promise<void> {
      const notified = await store.write(
        async (tx) => {
          await authorize(tx, t, actorId, "resolve:report", {}, now());
          const r = await tx.select().from(reports).where(eq(reports.id, reportId)).then(first);
          if (!r) throw notFound("That report");
          if (r.status !== "open") throw conflict("That report was already closed.");
          await tx.update(reports).set({ status: outcome, resolvedBy: actorId, resolution: note, resolvedAt: now() }).where(eq(reports.id, reportId));
          await appendLog(tx, t, { actorId, action: outcome === "actioned" ? "report-actioned" : "report-dismissed", targetType: "report", targetId: reportId, postId: r.postId, reason: note }, now());
          const title = (await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, r.postId)).then(first))?.title ?? "";
          const what = r.targetType === "post" ? "the post" : `a ${r.targetType}`;
          const verdict = outcome === "actioned" ? "moderators acted on it" : "moderators found no rule broken";
          const text = `Your report of ${what} on “${title}”: ${verdict}${note ? ` (${note})` : ""}.`;
          return notifications.add(tx, [{ userId: r.reporterId, kind: "report", actorId: null, postId: r.postId, commentId: r.targetType === "post" ? null : r.targetId, text }]);
        },
      );
      await notifications.announce(notified);
    },
  };
}
