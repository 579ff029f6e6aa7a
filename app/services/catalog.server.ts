// Public reads for the open API, embeds, social cards and the front page (docs/decisions/027).
// Everything here is what a signed-out reader may see: a deleted or removed comment keeps its
// place and nothing else, and its fork is not found (commentVisibility with no viewer).
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lt, or, type SQL } from "drizzle-orm";
import type { Store } from "../../db/store";
import { describeResult } from "../charts/index";
import { commentVisibility, PUBLIC_COMMENT_STATUSES } from "../discussion/permissions";
import type { Headline } from "../forecast/index";
import { notFound } from "../utils/errors";
import type { ForecastService } from "./forecasts.server";
import { onePage } from "./paging";
import { postSummaryFields } from "./posts.server";
import type { AuthoredForecast, ForecastCard, Keyset, PostSummary, PublicComment, PublicUser } from "./types";

export function createCatalogService(store: Store, forecasts: ForecastService) {
  const { db, t } = store;
  const { comments, forecasts: forecastsTable, posts, users } = t;
  const summaryColumns = postSummaryFields(t);

  return {
    /** Posts newest first, from `after` on (the last post of the page before). */
    async postsPage(opts: { after: Keyset | null; limit: number; authorHandle?: string }): Promise<{ items: PostSummary[]; hasMore: boolean }> {
      const where: (SQL | undefined)[] = [];
      if (opts.after) where.push(or(lt(posts.createdAt, opts.after.at), and(eq(posts.createdAt, opts.after.at), lt(posts.id, opts.after.id))));
      if (opts.authorHandle !== undefined) where.push(eq(users.handle, opts.authorHandle));
      const rows = await db
        .select(summaryColumns)
        .from(posts)
        .innerJoin(users, eq(users.id, posts.authorId))
        .where(and(...where))
        .orderBy(desc(posts.createdAt), desc(posts.id))
        .limit(opts.limit + 1);
      const { page, hasMore } = onePage(rows, opts.limit);
      return { items: page.map((p) => ({ ...p, viewerVote: 0 })), hasMore };
    },

    async post(id: number): Promise<PostSummary & { html: string }> {
      const row = (await db.select({ ...summaryColumns, html: posts.html }).from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(eq(posts.id, id)).limit(1))[0];
      if (!row) throw notFound("That post");
      return { ...row, viewerVote: 0 };
    },

    /** A thread oldest first, as signed-out readers see it, from `after` on. */
    async commentsPage(postId: number, opts: { after: Keyset | null; limit: number }): Promise<{ items: PublicComment[]; hasMore: boolean }> {
      const post = (await db.select({ slug: posts.slug }).from(posts).where(eq(posts.id, postId)).limit(1))[0];
      if (!post) throw notFound("That post");
      const after = opts.after ? or(gt(comments.createdAt, opts.after.at), and(eq(comments.createdAt, opts.after.at), gt(comments.id, opts.after.id))) : undefined;
      const rows = await db
        .select({
          id: comments.id,
          postId: comments.postId,
          parentId: comments.parentId,
          status: comments.status,
          removalReason: comments.removalReason,
          html: comments.html,
          score: comments.score,
          forecastId: comments.forecastId,
          createdAt: comments.createdAt,
          editedAt: comments.editedAt,
          author: { id: users.id, handle: users.handle, displayName: users.displayName },
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(and(eq(comments.postId, postId), after))
        .orderBy(asc(comments.createdAt), asc(comments.id))
        .limit(opts.limit + 1);
      const { page, hasMore } = onePage(rows, opts.limit);
      const items = page.map((c): PublicComment => {
        const shown = commentVisibility(null, c) === "shown";
        return {
          ...c,
          postSlug: post.slug,
          author: shown ? c.author : null,
          html: shown ? c.html : null,
          score: shown ? c.score : null,
          forecastId: shown ? c.forecastId : null,
          editedAt: shown ? c.editedAt : null,
          removalReason: c.status === "removed" ? c.removalReason : null,
        };
      });
      return { items, hasMore };
    },

    async user(handle: string): Promise<PublicUser> {
      const row = (await db.select().from(users).where(eq(users.handle, handle.toLowerCase())).limit(1))[0];
      if (!row) throw notFound("That user");
      return { handle: row.handle, displayName: row.displayName, role: row.role, karma: row.karma, bio: row.bio, createdAt: row.createdAt };
    },

    /** The forecast of a post, or of a comment (null when it carries none or is not visible). */
    async forecastOf(target: { slug: string; commentId?: number }): Promise<number | null> {
      const post = (await db.select({ id: posts.id, forecastId: posts.forecastId }).from(posts).where(eq(posts.slug, target.slug)).limit(1))[0];
      if (!post) return null;
      if (target.commentId === undefined) return post.forecastId;
      const c = (await db.select({ forecastId: comments.forecastId, status: comments.status, postId: comments.postId }).from(comments).where(eq(comments.id, target.commentId)).limit(1))[0];
      return c && c.postId === post.id && commentVisibility(null, c) === "shown" ? c.forecastId : null;
    },

    /** 404 for a fork whose comment is gone, exactly as its chart and data are. */
    async forecastCard(id: number): Promise<ForecastCard> {
      const row = await forecasts.readable(id, null);
      const { model, inputs, result } = await forecasts.load(id);
      const author = (await db.select({ id: users.id, handle: users.handle, displayName: users.displayName }).from(users).where(eq(users.id, row.authorId)).limit(1))[0];
      const post = row.postId === null ? null : ((await db.select({ id: posts.id, slug: posts.slug, title: posts.title, forecastId: posts.forecastId }).from(posts).where(eq(posts.id, row.postId)).limit(1))[0] ?? null);
      return {
        id: row.id,
        kind: row.commentId === null ? "post" : row.parentForecastId === null ? "question" : "fork",
        modelId: row.modelId,
        modelTitle: model?.title ?? row.modelId,
        modelVersion: row.modelVersion,
        current: model?.version === row.modelVersion,
        author: author ?? { id: 0, handle: "", displayName: "someone" },
        post,
        commentId: row.commentId,
        parentForecastId: row.parentForecastId,
        createdAt: row.createdAt,
        headlines: result?.headlines ?? [],
        description: result ? describeResult(result) : "The result of this forecast is not available.",
        inputs,
        overrides: JSON.parse(row.overrides) as Record<string, unknown>,
        seed: row.seed,
        sampleCount: row.sampleCount,
      };
    },

    /** What the front page adds to each post: its forecast's first headline and its visible forks. */
    /**
     * The forecasts a person published, newest first, with each one's first headline: their
     * posts' current forecasts and their forks and answers in replies anyone can read.
     */
    async forecastsByAuthor(authorId: number, limit = 30): Promise<AuthoredForecast[]> {
      const rows = await db
        .select({ id: forecastsTable.id, commentId: forecastsTable.commentId, parentId: forecastsTable.parentForecastId, createdAt: forecastsTable.createdAt, slug: posts.slug, title: posts.title, status: comments.status, current: posts.forecastId })
        .from(forecastsTable)
        .innerJoin(posts, eq(posts.id, forecastsTable.postId))
        .leftJoin(comments, eq(comments.id, forecastsTable.commentId))
        .where(eq(forecastsTable.authorId, authorId))
        .orderBy(desc(forecastsTable.createdAt), desc(forecastsTable.id))
        .limit(limit * 3);
      const shown = rows.filter((r) => (r.commentId === null ? r.current === r.id : r.status === "visible")).slice(0, limit);
      return Promise.all(
        shown.map(async (r) => {
          const loaded = await forecasts.load(r.id).catch(() => null);
          const headline = loaded?.result?.headlines[0] ?? null;
          // A quick forecast's replies answer its question rather than fork a model.
          const reply = loaded?.model?.quick ? ("answer" as const) : ("fork" as const);
          return {
            id: r.id,
            kind: r.commentId === null ? ("post" as const) : r.parentId === null ? ("question" as const) : reply,
            href: r.commentId === null ? `/posts/${r.slug}` : `/posts/${r.slug}/comments/${r.commentId}`,
            postTitle: r.title,
            createdAt: r.createdAt,
            headline: headline ? { label: headline.label, format: headline.format, value: headline.value } : null,
          };
        }),
      );
    },

    async listingExtras(items: { id: number; forecastId: number | null }[]): Promise<Map<number, { headline: Headline | null; forkCount: number }>> {
      const ids = items.map((p) => p.id);
      const counts = ids.length
        ? await db
            .select({ postId: forecastsTable.postId, n: count() })
            .from(forecastsTable)
            .innerJoin(comments, eq(comments.id, forecastsTable.commentId))
            .where(and(inArray(forecastsTable.postId, ids), isNotNull(forecastsTable.parentForecastId), inArray(comments.status, PUBLIC_COMMENT_STATUSES)))
            .groupBy(forecastsTable.postId)
        : [];
      const forks = new Map(counts.map((c) => [c.postId, c.n]));
      const out = new Map<number, { headline: Headline | null; forkCount: number }>();
      for (const p of items) {
        const headline = p.forecastId === null ? null : ((await forecasts.load(p.forecastId).catch(() => null))?.result?.headlines[0] ?? null);
        out.set(p.id, { headline, forkCount: forks.get(p.id) ?? 0 });
      }
      return out;
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
