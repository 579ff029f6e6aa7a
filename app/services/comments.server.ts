import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { first, single, type Store } from "../../db/store";
import { appError, conflict, notFound } from "../utils/errors";
import { renderPlainText } from "../utils/markdown.server";
import type { Clock } from "./clock";
import type { MarkdownRenderer } from "./render.server";
import type { ForecastService } from "./forecasts.server";
import type { PreparedFork } from "./forks.server";
import type { LiveHub } from "./broadcast";
import type { NewNotification, NotificationService } from "./notifications.server";
import { authorize, enforce, loadActor, loadThread, type Reader } from "./guard.server";
import { commentVisibility, exemptFromLimits, PUBLIC_COMMENT_STATUSES, slowModeWait, type Actor, type Viewer } from "../discussion/permissions";
import type { CommentView, ComputedForecast, ProfileItem } from "./types";

/** Who wrote a comment is part of what its removal hides. */
const GONE_AUTHOR = { id: 0, handle: "", displayName: "" };

/** Beyond this depth replies are still allowed, but stored at the cap for indentation. */
export const MAX_DEPTH = 1000;

export function createCommentService(store: Store, now: Clock, render: MarkdownRenderer, forecasts: ForecastService, live: LiveHub, notifications: NotificationService) {
  const { db, t } = store;
  const { users, posts, comments, commentRevisions, votes } = t;
  const broadcast = live.broadcast;
  const karmaVote = alias(votes, "karma_vote");
  const agreeVote = alias(votes, "agree_vote");

  const viewColumns = {
    id: comments.id,
    postId: comments.postId,
    parentId: comments.parentId,
    depth: comments.depth,
    createdAt: comments.createdAt,
    editedAt: comments.editedAt,
    status: comments.status,
    html: comments.html,
    markdown: comments.markdown,
    score: comments.score,
    agreeScore: comments.agreeScore,
    forecastId: comments.forecastId,
    removalReason: comments.removalReason,
    modNote: comments.modNote,
    collapsed: comments.collapsed,
    author: { id: users.id, handle: users.handle, displayName: users.displayName },
    viewerVote: sql<number>`coalesce(${karmaVote.value}, 0)`,
    viewerAgree: sql<number>`coalesce(${agreeVote.value}, 0)`,
  };

  // The one place comments leave the database for readers; what each may see is decided by
  // commentVisibility. Markdown is only needed to prefill the author's own edit form.
  const redact = (viewer: Viewer) => (c: CommentView): CommentView => {
    const seen = commentVisibility(viewer, c);
    if (seen === "hidden") return { ...c, html: "", markdown: "", forecastId: null, author: GONE_AUTHOR, viewerVote: 0, viewerAgree: 0 };
    return seen === "shown" && c.author.id === viewer?.id ? c : { ...c, markdown: "" };
  };

  /**
   * Permission, thread state and slow mode for a new reply; the same rules before a fork is
   * computed and inside the insert. An early check may pass the request's signed-in user as
   * the author (guard.server.ts); inside the write the author is read again.
   */
  const checkReply = async (tx: Reader, postId: number, author: number | Actor, isFork: boolean) => {
    const authorId = typeof author === "number" ? author : author.id;
    const thread = await loadThread(tx, t, postId, authorId);
    const actor = enforce(typeof author === "number" ? await loadActor(tx, t, authorId) : author, isFork ? "create:fork" : "create:comment", { thread }, now());
    if (!exemptFromLimits(actor, thread)) {
      const last = await tx
        .select({ at: comments.createdAt })
        .from(comments)
        .where(and(eq(comments.postId, postId), eq(comments.authorId, authorId)))
        .orderBy(desc(comments.createdAt))
        .limit(1)
        .then(first);
      const wait = slowModeWait(thread.slowModeSeconds, last?.at ?? null, now());
      if (wait > 0) {
        throw appError(429, `Slow mode is on in this thread: one reply every ${minutes(thread.slowModeSeconds)} per person. You can reply again in ${minutes(wait)}.`, undefined, wait);
      }
    }
    return thread;
  };

  const replayOf = async (tx: Reader, authorId: number, submissionKey: string | null | undefined, reply: { postId: number; parentId: number | null; markdown: string }): Promise<number | null> => {
    if (!submissionKey) return null;
    const prior = await tx
      .select({ id: comments.id, postId: comments.postId, parentId: comments.parentId, markdown: comments.markdown })
      .from(comments)
      .where(and(eq(comments.authorId, authorId), eq(comments.submissionKey, submissionKey)))
      .then(first);
    if (!prior) return null;
    if (prior.postId === reply.postId && prior.parentId === reply.parentId && prior.markdown === reply.markdown) return prior.id;
    throw appError(409, "This form was already sent, with a different text. Reload the page to send a new reply; your text is still here.");
  };

  const checkEdit = async (tx: Reader, commentId: number, editorId: number) => {
    const c = await tx.select().from(comments).where(eq(comments.id, commentId)).then(first);
    if (!c) throw notFound("That comment");
    await authorize(tx, t, editorId, "edit:comment", { ownerId: c.authorId }, now());
    if (c.status !== "visible") throw conflict("A deleted comment cannot be edited.");
    return c;
  };

  // Every thread view runs this; prepared once.
  const threadQuery = db
    .select(viewColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(karmaVote, and(eq(karmaVote.targetType, "comment"), eq(karmaVote.targetId, comments.id), eq(karmaVote.kind, "karma"), eq(karmaVote.userId, sql.placeholder("viewer"))))
    .leftJoin(agreeVote, and(eq(agreeVote.targetType, "comment"), eq(agreeVote.targetId, comments.id), eq(agreeVote.kind, "agree"), eq(agreeVote.userId, sql.placeholder("viewer"))))
    .where(eq(comments.postId, sql.placeholder("postId")))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .prepare("comment_thread");

  const load = (commentId: number) => db.select().from(comments).where(eq(comments.id, commentId)).then(first);

  return {
    async listForPost(postId: number, viewer: Viewer): Promise<CommentView[]> {
      return (await threadQuery.execute({ postId, viewer: viewer?.id ?? -1 })).map(redact(viewer));
    },

    /** Refuses early, before a fork is computed for a reply that could not be posted anyway. */
    async checkReply(postId: number, author: Actor, isFork: boolean): Promise<void> {
      await checkReply(db, postId, author, isFork);
    },

    /**
     * The comment an earlier sending of this same form created, or null. A key already used for
     * a different reply is a 409: the form was reused, and silently answering with the old
     * comment would lose the new text.
     */
    async replayOf(authorId: number, submissionKey: string | null | undefined, reply: { postId: number; parentId: number | null; markdown: string }): Promise<number | null> {
      return replayOf(db, authorId, submissionKey, reply);
    },

    /**
     * A fork, if any, is prepared (validated and computed) by the caller first; so is a new
     * forecast the reply carries (`forecast`: a question it asks, which replies below can answer).
     */
    async create(input: {
      postId: number;
      parentId: number | null;
      authorId: number;
      markdown: string;
      fork?: PreparedFork | null;
      forecast?: ComputedForecast | null;
      submissionKey?: string | null;
    }): Promise<{ id: number }> {
      const earlier = await replayOf(db, input.authorId, input.submissionKey, input);
      if (earlier !== null) return { id: earlier };
      // Refused before the render: a worker's time is not spent on a reply that cannot be posted.
      await checkReply(db, input.postId, input.authorId, Boolean(input.fork || input.forecast));
      const { html } = await render(input.markdown);
      // Checks and insert share one transaction, ordered by a lock on the post
      // (WriteOptions.rowLocks): replies to one thread take turns, so the twin, slow-mode and
      // thread checks below see every reply committed before them. A parent deleted at that very
      // moment may still get this reply, as if the reply had come first (docs/decisions/034).
      const created = await store.write(
        async (tx) => {
          await store.locked(tx.select({ id: posts.id }).from(posts).where(eq(posts.id, input.postId)));
          // A twin sent at the same moment may have committed while this one rendered.
          const twin = await replayOf(tx, input.authorId, input.submissionKey, input);
          if (twin !== null) return { id: twin, forkId: null, notified: [], replayed: true };
          const thread = await checkReply(tx, input.postId, input.authorId, Boolean(input.fork || input.forecast));
          let depth = 0;
          let parentAuthorId: number | null = null;
          if (input.parentId != null) {
            const parent = await tx.select().from(comments).where(eq(comments.id, input.parentId)).then(first);
            if (!parent) throw appError(404, "The comment you are replying to does not exist.");
            if (parent.postId !== input.postId) throw appError(400, "That comment belongs to another post; reply on its own page.");
            if (parent.status !== "visible") throw conflict("That comment was deleted; reply to the post or another comment instead.");
            depth = Math.min(parent.depth + 1, MAX_DEPTH);
            parentAuthorId = parent.authorId;
          }
          const row = await tx
            .insert(comments)
            .values({ postId: input.postId, parentId: input.parentId, depth, authorId: input.authorId, markdown: input.markdown, html, createdAt: now(), submissionKey: input.submissionKey ?? null })
            .returning({ id: comments.id })
            .then(single);
          let forkId: number | null = null;
          if (input.fork) {
            forkId = await forecasts.insert(tx, input.fork.computed, {
              authorId: input.authorId,
              postId: input.postId,
              commentId: row.id,
              parentForecastId: input.fork.parentForecastId,
              rationales: input.fork.rationales,
              attribution: input.fork.attribution,
              shift: input.fork.shift,
            });
            await tx.update(comments).set({ forecastId: forkId }).where(eq(comments.id, row.id));
          } else if (input.forecast) {
            forkId = await forecasts.insert(tx, input.forecast, { authorId: input.authorId, postId: input.postId, commentId: row.id });
            await tx.update(comments).set({ forecastId: forkId }).where(eq(comments.id, row.id));
          }
          const { title } = await tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, input.postId)).returning({ title: posts.title }).then(single);
          const notified = await notifications.add(tx, replyNotices({ ...input, commentId: row.id, title, parentAuthorId: parentAuthorId ?? thread.authorId, toPost: parentAuthorId === null }));
          return { id: row.id, forkId, notified, replayed: false };
        },
        { rowLocks: true },
      );
      if (created.replayed) return { id: created.id };
      const forkId = created.forkId;
      await notifications.announce(created.notified);
      broadcast("comment.created", { postId: input.postId, commentId: created.id, parentId: input.parentId, authorId: input.authorId, forkId });
      // The thread's aggregate (forks panel, a question's answers) now counts this fork.
      if (forkId) broadcast("aggregate.changed", { postId: input.postId });
      return { id: created.id };
    },

    /** Who may edit, decided before anything costly (a rate limit, a render); edit() asks again when it writes. */
    async checkEdit(commentId: number, editorId: number): Promise<void> {
      await checkEdit(db, commentId, editorId);
    },

    async edit(commentId: number, editorId: number, markdown: string): Promise<void> {
      await checkEdit(db, commentId, editorId);
      const { html } = await render(markdown);
      await store.write(
        async (tx) => {
          const c = await checkEdit(tx, commentId, editorId);
          if (c.markdown === markdown) return;
          const at = now();
          await tx.insert(commentRevisions).values({ commentId, markdown: c.markdown, html: c.html, createdAt: c.editedAt ?? c.createdAt });
          await tx.update(comments).set({ markdown, html, editedAt: at }).where(eq(comments.id, commentId));
        },
      );
      const postId = (await load(commentId))?.postId;
      if (postId) broadcast("comment.updated", { postId, commentId });
    },

    /** Soft delete: the row and its replies stay, the body is gone from every view. */
    async softDelete(commentId: number, userId: number): Promise<void> {
      await store.write(
        async (tx) => {
          const c = await tx.select().from(comments).where(eq(comments.id, commentId)).then(first);
          if (!c) throw notFound("That comment");
          await authorize(tx, t, userId, "delete:comment", { ownerId: c.authorId }, now());
          if (c.status !== "visible") throw conflict("That comment is already deleted.");
          await tx.update(comments).set({ status: "deleted" }).where(eq(comments.id, commentId));
        },
      );
      const postId = (await load(commentId))?.postId;
      if (postId) broadcast("comment.removed", { postId, commentId });
    },

    /** Earlier versions, oldest first, followed by the current one; 404 to readers who may not see the comment. */
    async history(commentId: number, viewer: Viewer): Promise<{ html: string; markdown: string; createdAt: number; current: boolean }[]> {
      const c = await load(commentId);
      if (!c || commentVisibility(viewer, c) === "hidden") throw notFound("That comment");
      const old = (await db
        .select({ html: commentRevisions.html, markdown: commentRevisions.markdown, createdAt: commentRevisions.createdAt })
        .from(commentRevisions)
        .where(eq(commentRevisions.commentId, commentId))
        .orderBy(asc(commentRevisions.id)))
        .map((r) => ({ ...r, current: false }));
      return [...old, { html: c.html, markdown: c.markdown, createdAt: c.editedAt ?? c.createdAt, current: true }];
    },

    async forecastIdOf(commentId: number): Promise<number | null> {
      return (await load(commentId))?.forecastId ?? null;
    },

    async postIdOf(commentId: number): Promise<number | null> {
      return (await load(commentId))?.postId ?? null;
    },

    async byAuthor(authorId: number, sort: "new" | "top", limit = 50): Promise<ProfileItem[]> {
      const order = sort === "top" ? [desc(comments.score), desc(comments.createdAt)] : [desc(comments.createdAt)];
      return (await db
        .select({ id: comments.id, markdown: comments.markdown, score: comments.score, createdAt: comments.createdAt, slug: posts.slug, title: posts.title })
        .from(comments)
        .innerJoin(posts, eq(posts.id, comments.postId))
        .where(and(eq(comments.authorId, authorId), inArray(comments.status, PUBLIC_COMMENT_STATUSES)))
        .orderBy(...order)
        .limit(limit))
        .map((r) => ({
          kind: "comment" as const,
          id: r.id,
          title: r.title,
          excerpt: renderPlainText(r.markdown),
          score: r.score,
          createdAt: r.createdAt,
          href: `/posts/${r.slug}/comments/${r.id}`,
        }));
    },
  };
}

const minutes = (seconds: number) => (seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);

/**
 * Who hears about a new reply. A fork tells the forecast's author what it does to their
 * numbers; a plain reply tells the author of what it answers. One notice per person.
 */
function replyNotices(c: {
  postId: number;
  commentId: number;
  authorId: number;
  title: string;
  parentAuthorId: number;
  toPost: boolean;
  fork?: PreparedFork | null;
}): NewNotification[] {
  const base = { actorId: c.authorId, postId: c.postId, commentId: c.commentId };
  const out: NewNotification[] = [];
  const q = c.fork?.question;
  if (c.fork && q) {
    // "answered your question “…”: 35% → 22%": the asker hears of every answer, wherever it forks.
    const text = q.text.length > 90 ? `${q.text.slice(0, 89)}…` : q.text;
    out.push({ ...base, userId: q.askerId, kind: "fork", text: `answered your question “${text}”: ${q.shift}` });
    if (c.fork.parentAuthorId !== q.askerId) out.push({ ...base, userId: c.fork.parentAuthorId, kind: "fork", text: `answered “${text}” after you: ${c.fork.shift}` });
  } else if (c.fork) {
    const numbers = c.fork.shift ? `: ${c.fork.shift}` : "";
    out.push({ ...base, userId: c.fork.parentAuthorId, kind: "fork", text: `forked your forecast on “${c.title}”${numbers}` });
  }
  if (!out.some((n) => n.userId === c.parentAuthorId)) {
    out.push({ ...base, userId: c.parentAuthorId, kind: "reply", text: c.toPost ? `replied to your post “${c.title}”` : `replied to your comment on “${c.title}”` });
  }
  return out;
}
