// Sequences: an author's own posts in an order they choose. Each post page asks where it
// sits (part n of m, previous and next).
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { first, single, type Database, type Store } from "../../db/store";
import { placeIn, type SequencePlace } from "../discussion/sequences";
import { appError, notFound } from "../utils/errors";
import type { Clock } from "./clock";
import { authorize } from "./guard.server";
import type { MarkdownRenderer } from "./render.server";

export interface SequenceView {
  id: number;
  title: string;
  html: string;
  createdAt: number;
  author: { handle: string; displayName: string };
  posts: { postId: number; slug: string; title: string; createdAt: number }[];
}

export function createSequenceService(store: Store, now: Clock, render: MarkdownRenderer) {
  const { db, t } = store;
  const { sequences, sequencePosts, posts, users } = t;

  const postsInSequence = db
    .select({ postId: posts.id, slug: posts.slug, title: posts.title, createdAt: posts.createdAt })
    .from(sequencePosts)
    .innerJoin(posts, eq(posts.id, sequencePosts.postId))
    .where(eq(sequencePosts.sequenceId, sql.placeholder("sequenceId")))
    .orderBy(asc(sequencePosts.position))
    .prepare("posts_in_sequence");
  const orderedPosts = (sequenceId: number) => postsInSequence.execute({ sequenceId });
  // Every post view asks where it sits in its first sequence (the oldest holding it): one
  // prepared statement, one round trip, that sequence's posts in order with its title on each.
  const holding = alias(sequencePosts, "holding");
  const firstSequenceOfPost = db
    .select({ min: sql<number>`min(${holding.sequenceId})` })
    .from(holding)
    .where(eq(holding.postId, sql.placeholder("postId")));
  const sequenceOfPost = db
    .select({ sequenceId: sequences.id, sequenceTitle: sequences.title, postId: posts.id, slug: posts.slug, title: posts.title, createdAt: posts.createdAt })
    .from(sequencePosts)
    .innerJoin(sequences, eq(sequences.id, sequencePosts.sequenceId))
    .innerJoin(posts, eq(posts.id, sequencePosts.postId))
    .where(eq(sequencePosts.sequenceId, firstSequenceOfPost))
    .orderBy(asc(sequencePosts.position))
    .prepare("sequence_of_post");

  /** The sequence, if it exists and `editorId` may change it (its author): 404 or 403 otherwise. */
  const editable = async (reader: Database, id: number, editorId: number) => {
    const seq = await reader.select({ id: sequences.id, authorId: sequences.authorId, title: sequences.title, markdown: sequences.markdown }).from(sequences).where(eq(sequences.id, id)).then(first);
    if (!seq) throw notFound("That sequence");
    await authorize(reader, t, editorId, "edit:sequence", { ownerId: seq.authorId }, now());
    return seq;
  };

  /** Every post exists and is the author's: a sequence holds only its author's own posts. */
  const ownPosts = async (tx: Database, authorId: number, postIds: number[]) => {
    const owned = await tx.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(inArray(posts.id, postIds));
    if (owned.length !== postIds.length) throw appError(400, "One of those posts no longer exists.", { posts: "One of those posts no longer exists." });
    if (owned.some((p) => p.authorId !== authorId)) throw appError(403, "A sequence holds only your own posts.", { posts: "A sequence holds only your own posts." });
  };

  return {
    async create(authorId: number, input: { title: string; markdown: string; postIds: number[] }): Promise<{ id: number }> {
      await authorize(db, t, authorId, "create:post", {}, now());
      const { html } = input.markdown.trim() ? await render(input.markdown) : { html: "" };
      return store.write(async (tx) => {
        await authorize(tx, t, authorId, "create:post", {}, now());
        await ownPosts(tx, authorId, input.postIds);
        const seq = await tx.insert(sequences).values({ authorId, title: input.title, markdown: input.markdown, html, createdAt: now() }).returning({ id: sequences.id }).then(single);
        await tx.insert(sequencePosts).values(input.postIds.map((postId, i) => ({ sequenceId: seq.id, postId, position: i + 1 })));
        return seq;
      });
    },

    /** The sequence as its author's edit form shows it: 404 if there is none, 403 for anyone but its author. */
    async forEditing(id: number, editorId: number): Promise<{ id: number; title: string; markdown: string; positions: Record<number, number> }> {
      const seq = await editable(db, id, editorId);
      const placed = await db.select({ postId: sequencePosts.postId }).from(sequencePosts).where(eq(sequencePosts.sequenceId, id)).orderBy(asc(sequencePosts.position));
      return { id: seq.id, title: seq.title, markdown: seq.markdown, positions: Object.fromEntries(placed.map((p, i) => [p.postId, i + 1])) };
    },

    /** Refuses early, before a rate limit counts or the description is rendered. */
    async checkEdit(id: number, editorId: number): Promise<void> {
      await editable(db, id, editorId);
    },

    /** New title, description and posts in order, all at once: the edit form sends the whole sequence. */
    async update(editorId: number, id: number, input: { title: string; markdown: string; postIds: number[] }): Promise<void> {
      const { html } = input.markdown.trim() ? await render(input.markdown) : { html: "" };
      await store.write(async (tx) => {
        await editable(tx, id, editorId);
        await ownPosts(tx, editorId, input.postIds);
        await tx.update(sequences).set({ title: input.title, markdown: input.markdown, html }).where(eq(sequences.id, id));
        await tx.delete(sequencePosts).where(eq(sequencePosts.sequenceId, id));
        await tx.insert(sequencePosts).values(input.postIds.map((postId, i) => ({ sequenceId: id, postId, position: i + 1 })));
      });
    },

    /** Deletes the sequence; its posts stay, no longer numbered. */
    async remove(editorId: number, id: number): Promise<void> {
      await store.write(async (tx) => {
        await editable(tx, id, editorId);
        await tx.delete(sequencePosts).where(eq(sequencePosts.sequenceId, id));
        await tx.delete(sequences).where(eq(sequences.id, id));
      });
    },

    async byId(id: number): Promise<SequenceView> {
      const row = await db
        .select({ id: sequences.id, title: sequences.title, html: sequences.html, createdAt: sequences.createdAt, author: { handle: users.handle, displayName: users.displayName } })
        .from(sequences)
        .innerJoin(users, eq(users.id, sequences.authorId))
        .where(eq(sequences.id, id))
        .then(first);
      if (!row) throw notFound("That sequence");
      return { ...row, posts: await orderedPosts(id) };
    },

    async byAuthor(authorId: number): Promise<{ id: number; title: string; postCount: number }[]> {
      const rows = await db.select({ id: sequences.id, title: sequences.title }).from(sequences).where(eq(sequences.authorId, authorId)).orderBy(desc(sequences.createdAt), desc(sequences.id));
      const counts = rows.length ? await db.select({ sequenceId: sequencePosts.sequenceId }).from(sequencePosts).where(inArray(sequencePosts.sequenceId, rows.map((r) => r.id))) : [];
      return rows.map((r) => ({ ...r, postCount: counts.filter((c) => c.sequenceId === r.id).length }));
    },

    /** The post's place in the first sequence holding it (oldest sequence first), or null. */
    async placeOf(postId: number): Promise<SequencePlace | null> {
      const rows = await sequenceOfPost.execute({ postId });
      const seq = rows[0];
      return seq ? placeIn({ id: seq.sequenceId, title: seq.sequenceTitle }, rows, postId) : null;
    },
  };
}
