import { and, asc, desc, eq, like, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { postRevisions, posts, users, votes } from "../../db/schema";
import { slugify } from "../discussion/slug";
import { notFound } from "../utils/errors";
import { authorize } from "./guard.server";
import type { Clock } from "./clock";
import type { ForecastService } from "./forecasts.server";
import type { ComputedForecast } from "./types";
import type { MarkdownRenderer } from "./render.server";
import type { Broadcast } from "./broadcast";
import { onePage } from "./paging";
import type { PostSummary, PostView } from "./types";

export const PAGE_SIZE = 20;

export interface PostVersion {
  title: string;
  markdown: string;
  html: string;
  forecastId: number | null;
  createdAt: number;
  current: boolean;
}

export function createPostService(db: Db, now: Clock, forecastService: ForecastService, render: MarkdownRenderer, broadcast: Broadcast) {
  const uniqueSlug = (title: string) => {
    const base = slugify(title);
    const taken = new Set(
      db.select({ slug: posts.slug }).from(posts).where(like(posts.slug, `${base}%`)).all().map((r) => r.slug),
    );
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  };

  const summaryColumns = (viewerId: number | null) => ({
    id: posts.id,
    slug: posts.slug,
    title: posts.title,
    excerpt: posts.excerpt,
    score: posts.score,
    commentCount: posts.commentCount,
    createdAt: posts.createdAt,
    editedAt: posts.editedAt,
    forecastId: posts.forecastId,
    author: { id: users.id, handle: users.handle, displayName: users.displayName },
    viewerVote: viewerId == null ? sql<number>`0` : sql<number>`coalesce(${votes.value}, 0)`,
  });

  const viewerVoteJoin = (viewerId: number | null) =>
    and(eq(votes.targetType, "post"), eq(votes.targetId, posts.id), eq(votes.kind, "karma"), eq(votes.userId, viewerId ?? -1));

  const base = (viewerId: number | null) =>
    db
      .select(summaryColumns(viewerId))
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .leftJoin(votes, viewerVoteJoin(viewerId));

  return {
    /** The forecast, if any, is computed by the caller first: transactions never wait on workers. */
    async create(input: { authorId: number; title: string; markdown: string; forecast?: ComputedForecast | null }): Promise<{ id: number; slug: string }> {
      // Permission first: a refused write costs no render. The transaction asks again.
      authorize(db, input.authorId, "create:post", {}, now());
      const { html, excerpt } = await render(input.markdown);
      return db.transaction(
        (tx) => {
          authorize(tx, input.authorId, "create:post", {}, now());
          const post = tx
            .insert(posts)
            .values({ slug: uniqueSlug(input.title), authorId: input.authorId, title: input.title, markdown: input.markdown, html, excerpt, createdAt: now() })
            .returning({ id: posts.id, slug: posts.slug })
            .get();
          if (input.forecast) {
            const forecastId = forecastService.insert(tx, input.forecast, { authorId: input.authorId, postId: post.id });
            tx.update(posts).set({ forecastId }).where(eq(posts.id, post.id)).run();
          }
          return post;
        },
        { behavior: "immediate" },
      );
    },

    /**
     * `forecast`: a new version (the old one stays stored, forks point at it), "remove" to
     * detach it, or undefined to leave it as it is.
     */
    async update(postId: number, editorId: number, input: { title: string; markdown: string; forecast?: ComputedForecast | "remove" }): Promise<{ slug: string }> {
      const editable = (tx: Pick<Db, "select">) => {
        const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
        if (!post) throw notFound("That post");
        authorize(tx, editorId, "edit:post", { ownerId: post.authorId }, now());
        return post;
      };
      // Permission first: a refused edit costs no render. The transaction asks again.
      editable(db);
      const { html, excerpt } = await render(input.markdown);
      const updated = db.transaction(
        (tx) => {
          const post = editable(tx);
          let forecastId = post.forecastId;
          if (input.forecast === "remove") forecastId = null;
          else if (input.forecast) forecastId = forecastService.insert(tx, input.forecast, { authorId: editorId, postId });
          // What readers saw until now, kept for the history page; an edit that changes nothing adds no version.
          if (post.title !== input.title || post.markdown !== input.markdown || post.forecastId !== forecastId) {
            tx.insert(postRevisions)
              .values({ postId, title: post.title, markdown: post.markdown, html: post.html, forecastId: post.forecastId, createdAt: post.editedAt ?? post.createdAt })
              .run();
          }
          tx.update(posts).set({ title: input.title, markdown: input.markdown, html, excerpt, editedAt: now(), forecastId }).where(eq(posts.id, postId)).run();
          return { slug: post.slug };
        },
        { behavior: "immediate" },
      );
      broadcast("post.updated", { postId });
      return updated;
    },

    /** The HTML a post or comment with this Markdown would show; nothing is stored. */
    async previewHtml(markdown: string): Promise<string> {
      return (await render(markdown)).html;
    },

    /** Earlier versions, oldest first, followed by the current one (404 like the post itself). */
    history(slug: string, viewerId: number | null): { post: PostView; versions: PostVersion[] } {
      const post = this.bySlug(slug, viewerId);
      const old = db
        .select({ title: postRevisions.title, markdown: postRevisions.markdown, html: postRevisions.html, forecastId: postRevisions.forecastId, createdAt: postRevisions.createdAt })
        .from(postRevisions)
        .where(eq(postRevisions.postId, post.id))
        .orderBy(asc(postRevisions.id))
        .all()
        .map((r) => ({ ...r, current: false }));
      const current = { title: post.title, markdown: post.markdown, html: post.html, forecastId: post.forecastId, createdAt: post.editedAt ?? post.createdAt, current: true };
      return { post, versions: [...old, current] };
    },

    bySlug(slug: string, viewerId: number | null): PostView {
      const row = db
        .select({
          ...summaryColumns(viewerId),
          markdown: posts.markdown,
          html: posts.html,
          lockedAt: posts.lockedAt,
          lockReason: posts.lockReason,
          forkingDisabled: posts.forkingDisabled,
          slowModeSeconds: posts.slowModeSeconds,
        })
        .from(posts)
        .innerJoin(users, eq(users.id, posts.authorId))
        .leftJoin(votes, viewerVoteJoin(viewerId))
        .where(eq(posts.slug, slug))
        .get();
      if (!row) throw notFound("That post");
      return row;
    },

    exists(id: number): boolean {
      return db.select({ id: posts.id }).from(posts).where(eq(posts.id, id)).get() !== undefined;
    },

    forecastIdOf(id: number): number | null {
      return db.select({ forecastId: posts.forecastId }).from(posts).where(eq(posts.id, id)).get()?.forecastId ?? null;
    },

    byId(id: number): { slug: string; title: string } | null {
      return db.select({ slug: posts.slug, title: posts.title }).from(posts).where(eq(posts.id, id)).get() ?? null;
    },

    list(opts: { sort: "new" | "top"; page: number; viewerId: number | null }): { posts: PostSummary[]; hasMore: boolean } {
      const order = opts.sort === "top" ? [desc(posts.score), desc(posts.createdAt)] : [desc(posts.createdAt), desc(posts.id)];
      const rows = base(opts.viewerId)
        .orderBy(...order)
        .limit(PAGE_SIZE + 1)
        .offset((opts.page - 1) * PAGE_SIZE)
        .all();
      const { page, hasMore } = onePage(rows, PAGE_SIZE);
      return { posts: page, hasMore };
    },

    byAuthor(authorId: number, sort: "new" | "top", limit = 50): PostSummary[] {
      const order = sort === "top" ? [desc(posts.score), desc(posts.createdAt)] : [desc(posts.createdAt)];
      return base(null).where(eq(posts.authorId, authorId)).orderBy(...order).limit(limit).all();
    },
  };
}
