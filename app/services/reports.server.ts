// Reports: anyone signed in flags a post, comment or fork; moderators work the queue oldest
// first; the reporter hears the outcome.
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { comments, posts, reports, users, type ReportTarget } from "../../db/schema";
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

export function createReportService(db: Db, now: Clock, notifications: NotificationService) {
  /** The post a target lives on, and whether it exists as that kind. */
  const locate = (type: ReportTarget, id: number): { postId: number; ownerId: number } => {
    if (type === "post") {
      const p = db.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(eq(posts.id, id)).get();
      if (!p) throw notFound("That post");
      return { postId: p.id, ownerId: p.authorId };
    }
    const c = db.select({ postId: comments.postId, authorId: comments.authorId, forecastId: comments.forecastId }).from(comments).where(eq(comments.id, id)).get();
    if (!c) throw notFound("That comment");
    if (type === "fork" && c.forecastId === null) throw appError(400, "That comment carries no fork; report it as a comment.");
    return { postId: c.postId, ownerId: c.authorId };
  };

  return {
    create(reporterId: number, input: { targetType: ReportTarget; targetId: number; reason: string }): { id: number } {
      const { postId, ownerId } = locate(input.targetType, input.targetId);
      return db.transaction(
        (tx) => {
          authorize(tx, reporterId, "create:report", {}, now());
          if (ownerId === reporterId) throw appError(400, "You cannot report your own writing; edit or delete it instead.");
          const open = tx
            .select({ id: reports.id })
            .from(reports)
            .where(and(eq(reports.reporterId, reporterId), eq(reports.targetType, input.targetType), eq(reports.targetId, input.targetId), eq(reports.status, "open")))
            .get();
          if (open) throw conflict("You already reported this; a moderator will look at it.");
          return tx.insert(reports).values({ reporterId, postId, ...input, createdAt: now() }).returning({ id: reports.id }).get();
        },
        { behavior: "immediate" },
      );
    },

    /** Open reports, oldest first. */
    queue(viewerId: number): ReportView[] {
      authorize(db, viewerId, "resolve:report", {}, now());
      const rows = db
        .select({ r: reports, reporterName: users.displayName, postTitle: posts.title, slug: posts.slug, lockedAt: posts.lockedAt, postMarkdown: posts.markdown })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.reporterId))
        .innerJoin(posts, eq(posts.id, reports.postId))
        .where(eq(reports.status, "open"))
        .orderBy(asc(reports.createdAt), asc(reports.id))
        .limit(200)
        .all();
      return rows.map(({ r, reporterName, postTitle, slug, lockedAt, postMarkdown }) => {
        const base = { id: r.id, targetType: r.targetType, targetId: r.targetId, reason: r.reason, createdAt: r.createdAt, reporterName, postTitle };
        if (r.targetType === "post") {
          return { ...base, href: `/posts/${slug}`, excerpt: renderPlainText(postMarkdown).slice(0, 280), targetStatus: lockedAt ? "locked" : "visible" };
        }
        const c = db.select({ markdown: comments.markdown, status: comments.status }).from(comments).where(eq(comments.id, r.targetId)).get();
        return { ...base, href: `/posts/${slug}/comments/${r.targetId}`, excerpt: c?.status === "visible" ? renderPlainText(c.markdown).slice(0, 280) : "", targetStatus: c?.status ?? "deleted" };
      });
    },

    openCount(): number {
      return db.select({ n: count() }).from(reports).where(eq(reports.status, "open")).get()!.n;
    },

    /**
     * Closes a report. Acting on it (removing the comment, locking the post) is done with the
     * moderation tools first; this records the outcome and tells the reporter.
     */
    resolve(actorId: number, reportId: number, outcome: "actioned" | "dismissed", note: string): void {
      const notified = db.transaction(
        (tx) => {
          authorize(tx, actorId, "resolve:report", {}, now());
          const r = tx.select().from(reports).where(eq(reports.id, reportId)).get();
          if (!r) throw notFound("That report");
          if (r.status !== "open") throw conflict("That report was already closed.");
          tx.update(reports).set({ status: outcome, resolvedBy: actorId, resolution: note, resolvedAt: now() }).where(eq(reports.id, reportId)).run();
          appendLog(tx, { actorId, action: outcome === "actioned" ? "report-actioned" : "report-dismissed", targetType: "report", targetId: reportId, postId: r.postId, reason: note }, now());
          const title = tx.select({ title: posts.title }).from(posts).where(eq(posts.id, r.postId)).get()?.title ?? "";
          const what = r.targetType === "post" ? "the post" : `a ${r.targetType}`;
          const verdict = outcome === "actioned" ? "moderators acted on it" : "moderators found no rule broken";
          const text = `Your report of ${what} on “${title}”: ${verdict}${note ? ` (${note})` : ""}.`;
          return notifications.add(tx, [{ userId: r.reporterId, kind: "report", actorId: null, postId: r.postId, commentId: r.targetType === "post" ? null : r.targetId, text }]);
        },
        { behavior: "immediate" },
      );
      notifications.announce(notified);
    },
  };
}
