import { and, asc, desc, eq, like, sql } from "drizzle-orm";
import { first, single, type Database, type Store, type Tables } from "../../db/store";
import { slugify } from "../discussion/slug";
import { notFound } from "../utils/errors";
import { authorize } from "./guard.server";
import { checkNewTags, setPostTags } from "./tags.server";
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

/** What a post's entry in a list shows (the front page, a profile, the open API), as columns. */
export function postSummaryFields({ posts, users }: Tables) {
  return {
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
  };
}

export function createPostService(store: Store, now: Clock, forecastService: ForecastService, render: MarkdownRenderer, broadcast: Broadcast) {
  const { db, t } = store;
  const { users, posts, postRevisions, votes, postBans } = t;
  const uniqueSlug = async (title: string) => {
    const base = slugify(title);
    const taken = new Set(
      (await db.select({ slug: posts.slug }).from(posts).where(like(posts.slug, `${base}%`))).map((r) => r.slug),
    );
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  };

  const summaryColumns = (viewerId: number | null) => ({
    ...postSummaryFields(t),
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

  // Every post view runs this; prepared once, as drizzle would otherwise build its SQL each time.
  const postBySlug = db
    .select({
      ...postSummaryFields(t),
      viewerVote: sql<number>`coalesce(${votes.value}, 0)`,
      markdown: posts.markdown,
      html: posts.html,
      lockedAt: posts.lockedAt,
      lockReason: posts.lockReason,
      forkingDisabled: posts.forkingDisabled,
      slowModeSeconds: posts.slowModeSeconds,
      // The viewer's thread bar comes along, so the page's abilities need no read of their own.
      barred: postBans.userId,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(votes, and(eq(votes.targetType, "post"), eq(votes.targetId, posts.id), eq(votes.kind, "karma"), eq(votes.userId, sql.placeholder("viewer"))))
    .leftJoin(postBans, and(eq(postBans.postId, posts.id), eq(postBans.userId, sql.placeholder("viewer"))))
    .where(eq(posts.slug, sql.placeholder("slug")))
    .prepare("post_by_slug");

  return {
    /** The forecast, if any, is computed by the caller first: transactions never wait on workers. */
    async create(input: { authorId: number; title: string; markdown: string; tags?: string[]; forecast?: ComputedForecast | null }): Promise<{ id: number; slug: string }> {
      // Permission first: a refused write costs no render. The transaction asks again.
      await authorize(db, t, input.authorId, "create:post", {}, now());
      await checkNewTags(db, t, input.authorId, input.tags ?? [], now);
      const { html, excerpt } = await render(input.markdown);
      return store.write(
        async (tx) => {
          await authorize(tx, t, input.authorId, "create:post", {}, now());
          const post = await tx
            .insert(posts)
            .values({ slug: await uniqueSlug(input.title), authorId: input.authorId, title: input.title, markdown: input.markdown, html, excerpt, createdAt: now() })
            .returning({ id: posts.id, slug: posts.slug })
            .then(single);
          if (input.forecast) {
            const forecastId = await forecastService.insert(tx, input.forecast, { authorId: input.authorId, postId: post.id });
            await tx.update(posts).set({ forecastId }).where(eq(posts.id, post.id));
          }
          if (input.tags?.length) await setPostTags(tx, t, post.id, input.authorId, input.tags, now);
          return post;
        },
      );
    },

    /**
     * `forecast`: a new version (the old one stays stored, forks point at it), "remove" to
     * detach it, or undefined to leave it as it is.
     */
    async update(postId: number, editorId: number, input: { title: string; markdown: string; tags?: string[]; forecast?: ComputedForecast | "remove" }): Promise<{ slug: string }> {
      const editable = async (tx: Pick<Database, "select">) => {
        const post = await tx.select().from(posts).where(eq(posts.id, postId)).then(first);
        if (!post) throw notFound("That post");
        await authorize(tx, t, editorId, "edit:post", { ownerId: post.authorId }, now());
        return post;
      };
      // Permission first: a refused edit costs no render. The transaction asks again.
      await editable(db);
      await checkNewTags(db, t, editorId, input.tags ?? [], now);
      const { html, excerpt } = await render(input.markdown);
      const updated = await store.write(
        async (tx) => {
          const post = await editable(tx);
          let forecastId = post.forecastId;
          if (input.forecast === "remove") forecastId = null;
          else if (input.forecast) forecastId = await forecastService.insert(tx, input.forecast, { authorId: editorId, postId });
          // What readers saw until now, kept for the history page; an edit that changes nothing adds no version.
          if (post.title !== input.title || post.markdown !== input.markdown || post.forecastId !== forecastId) {
            await tx.insert(postRevisions)
              .values({ postId, title: post.title, markdown: post.markdown, html: post.html, forecastId: post.forecastId, createdAt: post.editedAt ?? post.createdAt });
          }
          await tx.update(posts).set({ title: input.title, markdown: input.markdown, html, excerpt, editedAt: now(), forecastId }).where(eq(posts.id, postId));
          if (input.tags) await setPostTags(tx, t, postId, editorId, input.tags, now);
          return { slug: post.slug };
        },
      );
      broadcast("post.updated", { postId });
      return updated;
    },

    /** The HTML a post or comment with this Markdown would show; nothing is stored. */
    async previewHtml(markdown: string): Promise<string> {
      return (await render(markdown)).html;
    },

    /** Earlier versions, oldest first, followed by the current one (404 like the post itself). */
    async history(slug: string, viewerId: number | null): Promise<{ post: PostView; versions: PostVersion[] }> {
      const post = await this.bySlug(slug, viewerId);
      const old = (await db
        .select({ title: postRevisions.title, markdown: postRevisions.markdown, html: postRevisions.html, forecastId: postRevisions.forecastId, createdAt: postRevisions.createdAt })
        .from(postRevisions)
        .where(eq(postRevisions.postId, post.id))
        .orderBy(asc(postRevisions.id)))
        .map((r) => ({ ...r, current: false }));
      const current = { title: post.title, markdown: post.markdown, html: post.html, forecastId: post.forecastId, createdAt: post.editedAt ?? post.createdAt, current: true };
      return { post, versions: [...old, current] };
    },

    async bySlug(slug: string, viewerId: number | null): Promise<PostView> {
      // A signed-out reader is viewer -1, who holds no votes: the same statement serves both.
      const row = (await postBySlug.execute({ slug, viewer: viewerId ?? -1 }))[0];
      if (!row) throw notFound("That post");
      const { barred, ...post } = row;
      return { ...post, viewerBarred: barred !== null };
    },

    async exists(id: number): Promise<boolean> {
      return await db.select({ id: posts.id }).from(posts).where(eq(posts.id, id)).then(first) !== undefined;
    },

    async forecastIdOf(id: number): Promise<number | null> {
      return (await db.select({ forecastId: posts.forecastId }).from(posts).where(eq(posts.id, id)).then(first))?.forecastId ?? null;
    },

    async byId(id: number): Promise<{ slug: string; title: string } | null> {
      return (await db.select({ slug: posts.slug, title: posts.title }).from(posts).where(eq(posts.id, id)).then(first)) ?? null;
    },

    async list(opts: { sort: "new" | "top"; page: number; viewerId: number | null }): Promise<{ posts: PostSummary[]; hasMore: boolean }> {
      const order = opts.sort === "top" ? [desc(posts.score), desc(posts.createdAt)] : [desc(posts.createdAt), desc(posts.id)];
      const rows = await base(opts.viewerId)
        .orderBy(...order)
        .limit(PAGE_SIZE + 1)
        .offset((opts.page - 1) * PAGE_SIZE);
      const { page, hasMore } = onePage(rows, PAGE_SIZE);
      return { posts: page, hasMore };
    },

    /** Posts carrying a tag, newest first. */
    async byTag(tagId: number, limit = 50): Promise<PostSummary[]> {
      return base(null)
        .innerJoin(t.postTags, and(eq(t.postTags.postId, posts.id), eq(t.postTags.tagId, tagId)))
        .orderBy(desc(posts.createdAt), desc(posts.id))
        .limit(limit);
    },

    async byAuthor(authorId: number, sort: "new" | "top", limit = 50): Promise<PostSummary[]> {
      const order = sort === "top" ? [desc(posts.score), desc(posts.createdAt)] : [desc(posts.createdAt)];
      return base(null).where(eq(posts.authorId, authorId)).orderBy(...order).limit(limit);
    },
  };
}
