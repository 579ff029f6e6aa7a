// What the Atom feeds list: newest posts (all, one author's, one tag's) and a post's visible
// comments, with their rendered HTML. The XML itself is built by app/discussion/atom.ts.
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Store } from "../../db/store";
import { PUBLIC_COMMENT_STATUSES } from "../discussion/permissions";
import type { FeedItem } from "./types";

export const FEED_SIZE = 20;


export function createFeedService(store: Store) {
  const { db, t } = store;
  const { posts, users, comments, postTags } = t;

  const postItems = async (where: SQL | undefined): Promise<FeedItem[]> =>
    await db
      .select({ id: posts.id, title: posts.title, html: posts.html, createdAt: posts.createdAt, editedAt: posts.editedAt, slug: posts.slug, author: { handle: users.handle, displayName: users.displayName } })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(where)
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(FEED_SIZE);

  return {
    site: () => postItems(undefined),
    byAuthor: (authorId: number) => postItems(eq(posts.authorId, authorId)),
    byTag: (tagId: number) => postItems(inArray(posts.id, db.select({ id: postTags.postId }).from(postTags).where(eq(postTags.tagId, tagId)))),

    /** Newest visible comments on a post: deleted and removed writing never reaches a feed. */
    async comments(postId: number, postSlug: string, postTitle: string): Promise<FeedItem[]> {
      const rows = await db
        .select({ id: comments.id, html: comments.html, createdAt: comments.createdAt, editedAt: comments.editedAt, author: { handle: users.handle, displayName: users.displayName } })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(and(eq(comments.postId, postId), inArray(comments.status, [...PUBLIC_COMMENT_STATUSES])))
        .orderBy(desc(comments.createdAt), desc(comments.id))
        .limit(FEED_SIZE);
      return rows.map((r) => ({ ...r, slug: postSlug, title: `${r.author.displayName} on “${postTitle}”` }));
    },
  };
}
