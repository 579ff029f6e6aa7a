// Tags, the posts that carry them, and their wiki pages. Attaching happens inside the post's
// own write; a wiki edit keeps the text it replaced and goes on the public moderation log in
// the same transaction (docs/decisions/029).
import { and, asc, count, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { first, type Database, type Store, type Tables } from "../../db/store";
import { decide } from "../discussion/permissions";
import { tagNameOf } from "../discussion/tags";
import { appError, notFound } from "../utils/errors";
import type { Clock } from "./clock";
import { authorize, loadActor, type Reader } from "./guard.server";
import { appendLog } from "./moderation.server";
import type { MarkdownRenderer } from "./render.server";

export interface TagRef {
  slug: string;
  name: string;
}

export interface TagView extends TagRef {
  id: number;
  wikiMarkdown: string;
  wikiHtml: string;
  createdAt: number;
  editedAt: number | null;
  editor: { handle: string; displayName: string } | null;
}

export interface TagVersion {
  markdown: string;
  html: string;
  createdAt: number;
  current: boolean;
  editorHandle: string | null;
}

/**
 * Refuses, before anything is written, a tag list naming tags that do not exist yet when the
 * author may not start tags. Returns the slugs that are new.
 */
export async function checkNewTags(db: Reader, t: Tables, actorId: number, slugs: readonly string[], now: Clock): Promise<string[]> {
  if (slugs.length === 0) return [];
  const known = new Set((await db.select({ slug: t.tags.slug }).from(t.tags).where(inArray(t.tags.slug, [...slugs]))).map((r) => r.slug));
  const fresh = slugs.filter((s) => !known.has(s));
  if (fresh.length === 0) return [];
  const decision = decide(await loadActor(db, t, actorId), "create:tag", {}, now());
  if (!decision.ok) {
    const names = fresh.map((s) => `“${s}”`).join(", ");
    throw appError(decision.status, `${names} ${fresh.length === 1 ? "is a new tag" : "are new tags"}. ${decision.reason}`, { tags: decision.reason });
  }
  return fresh;
}

/** Sets a post's tags to exactly `slugs`, starting the new ones; runs inside the post's write. */
// The clock is read only when a tag is started, so tagging leaves a seeded clock's other times alone.
export async function setPostTags(tx: Database, t: Tables, postId: number, actorId: number, slugs: readonly string[], now: Clock): Promise<void> {
  const { tags, postTags } = t;
  const fresh = await checkNewTags(tx, t, actorId, slugs, now);
  for (const slug of fresh) await tx.insert(tags).values({ slug, name: tagNameOf(slug), createdAt: now() });
  const ids = slugs.length ? (await tx.select({ id: tags.id }).from(tags).where(inArray(tags.slug, [...slugs]))).map((r) => r.id) : [];
  await tx.delete(postTags).where(ids.length ? and(eq(postTags.postId, postId), notInArray(postTags.tagId, ids)) : eq(postTags.postId, postId));
  const had = new Set((await tx.select({ tagId: postTags.tagId }).from(postTags).where(eq(postTags.postId, postId))).map((r) => r.tagId));
  const added = ids.filter((id) => !had.has(id));
  if (added.length) await tx.insert(postTags).values(added.map((tagId) => ({ postId, tagId })));
}

export function createTagService(store: Store, now: Clock, render: MarkdownRenderer) {
  const { db, t } = store;
  const { tags, postTags, tagRevisions, users } = t;
  // Every post view shows its tags.
  const tagsOfPost = db
    .select({ slug: tags.slug, name: tags.name })
    .from(postTags)
    .innerJoin(tags, eq(tags.id, postTags.tagId))
    .where(eq(postTags.postId, sql.placeholder("postId")))
    .orderBy(asc(tags.slug))
    .prepare("tags_of_post");

  const row = async (reader: Reader, slug: string) => {
    const tag = await reader.select().from(tags).where(eq(tags.slug, slug)).then(first);
    if (!tag) throw notFound("That tag");
    return tag;
  };

  return {
    /** Every tag with how many posts carry it, most used first. */
    async list(): Promise<(TagRef & { postCount: number })[]> {
      const postCount = count(postTags.postId);
      return await db
        .select({ slug: tags.slug, name: tags.name, postCount })
        .from(tags)
        .leftJoin(postTags, eq(postTags.tagId, tags.id))
        .groupBy(tags.id, tags.slug, tags.name)
        .orderBy(desc(postCount), asc(tags.slug));
    },

    async bySlug(slug: string): Promise<TagView> {
      const tag = await row(db, slug);
      const editor = tag.editorId === null ? null : ((await db.select({ handle: users.handle, displayName: users.displayName }).from(users).where(eq(users.id, tag.editorId)).then(first)) ?? null);
      return { id: tag.id, slug: tag.slug, name: tag.name, wikiMarkdown: tag.wikiMarkdown, wikiHtml: tag.wikiHtml, createdAt: tag.createdAt, editedAt: tag.editedAt, editor };
    },

    async ofPost(postId: number): Promise<TagRef[]> {
      return await tagsOfPost.execute({ postId });
    },

    /** Starts a tag with no posts yet (seeds, and moderators preparing a topic). */
    async create(actorId: number, slug: string, name: string): Promise<void> {
      await store.write(async (tx) => {
        await authorize(tx, t, actorId, "create:tag", {}, now());
        if (await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).then(first)) throw appError(409, `The tag “${slug}” already exists.`);
        await tx.insert(tags).values({ slug, name, createdAt: now() });
      });
    },

    /** Whether this reader may edit the wiki (for the page to offer the form or say why not). */
    async wikiRefusal(userId: number | null): Promise<string | null> {
      if (userId === null) return "Log in to edit this page.";
      const decision = decide(await loadActor(db, t, userId), "edit:tag-wiki", {}, now());
      return decision.ok ? null : decision.reason;
    },

    async editWiki(slug: string, editorId: number, markdown: string, reason = ""): Promise<void> {
      // Permission first: a refused edit costs no render. The transaction asks again.
      await authorize(db, t, editorId, "edit:tag-wiki", {}, now());
      const { html } = await render(markdown);
      await store.write(async (tx) => {
        await authorize(tx, t, editorId, "edit:tag-wiki", {}, now());
        const tag = await row(tx, slug);
        if (tag.wikiMarkdown === markdown) return;
        // The text readers saw until now, with who wrote it; an empty first page is no version.
        if (tag.wikiMarkdown !== "" || tag.editorId !== null) {
          await tx.insert(tagRevisions).values({ tagId: tag.id, markdown: tag.wikiMarkdown, html: tag.wikiHtml, editorId: tag.editorId, createdAt: tag.editedAt ?? tag.createdAt });
        }
        await tx.update(tags).set({ wikiMarkdown: markdown, wikiHtml: html, editedAt: now(), editorId }).where(eq(tags.id, tag.id));
        const detail = `${tag.slug}: ${tag.wikiMarkdown.length} → ${markdown.length} characters`;
        await appendLog(tx, t, { actorId: editorId, action: "edit-tag-wiki", targetType: "tag", targetId: tag.id, detail, reason }, now());
      });
    },

    /** Puts an earlier version (1 = the oldest) back as a new edit: history only grows. */
    async restoreWiki(slug: string, editorId: number, version: number): Promise<void> {
      const { versions } = await this.history(slug);
      const chosen = versions[version - 1];
      if (!chosen || chosen.current) throw appError(400, "Choose an earlier version to restore.");
      await this.editWiki(slug, editorId, chosen.markdown, `restored version ${version}`);
    },

    /** Earlier versions, oldest first, then the current one. */
    async history(slug: string): Promise<{ tag: TagView; versions: TagVersion[] }> {
      const tag = await this.bySlug(slug);
      const old = (await db
        .select({ markdown: tagRevisions.markdown, html: tagRevisions.html, createdAt: tagRevisions.createdAt, editorHandle: users.handle })
        .from(tagRevisions)
        .leftJoin(users, eq(users.id, tagRevisions.editorId))
        .where(eq(tagRevisions.tagId, tag.id))
        .orderBy(asc(tagRevisions.id)))
        .map((r) => ({ ...r, current: false }));
      const current = { markdown: tag.wikiMarkdown, html: tag.wikiHtml, createdAt: tag.editedAt ?? tag.createdAt, current: true, editorHandle: tag.editor?.handle ?? null };
      return { tag, versions: [...old, current] };
    },
  };
}
export type TagService = ReturnType<typeof createTagService>;
