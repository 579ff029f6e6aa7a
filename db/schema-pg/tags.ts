import { bigint, index, integer, primaryKey, pgTable, text } from "drizzle-orm/pg-core";
import { posts } from "./posts";
import { users } from "./users";

/** A topic posts carry, with a wiki page anyone with enough karma may edit (docs/decisions/029). */
export const tags = pgTable("tags", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  wikiMarkdown: text("wiki_markdown").notNull().default(""),
  wikiHtml: text("wiki_html").notNull().default(""),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
  editedAt: bigint("edited_at", { mode: "number" }),
  /** Who wrote the current wiki text (null until the first edit). */
  editorId: integer("editor_id").references(() => users.id),
});

export const postTags = pgTable(
  "post_tags",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index("post_tags_tag_idx").on(t.tagId, t.postId)],
);

/** The wiki text a tag had before each edit, oldest first, with who wrote that text. */
export const tagRevisions = pgTable(
  "tag_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    markdown: text("markdown").notNull(),
    html: text("html").notNull(),
    editorId: integer("editor_id").references(() => users.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("tag_revisions_tag_idx").on(t.tagId)],
);

/** An author's ordered run of their own posts. */
export const sequences = pgTable(
  "sequences",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    markdown: text("markdown").notNull().default(""),
    html: text("html").notNull().default(""),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("sequences_author_idx").on(t.authorId)],
);

export const sequencePosts = pgTable(
  "sequence_posts",
  {
    sequenceId: integer("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sequenceId, t.postId] }), index("sequence_posts_post_idx").on(t.postId)],
);
