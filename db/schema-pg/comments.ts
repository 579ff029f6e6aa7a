import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { COMMENT_STATUSES } from "../schema/comments";
import { posts } from "./posts";
import { users } from "./users";

// Adjacency list (parent_id) plus depth: a post's whole thread is read with one indexed
// query and assembled in memory (app/discussion/tree.ts). See docs/decisions/003.
export const comments = pgTable(
  "comments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    parentId: integer("parent_id"),
    depth: integer("depth").notNull().default(0),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    markdown: text("markdown").notNull(),
    html: text("html").notNull(),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("visible"),
    /** Set when the comment is a fork: its forecast. */
    forecastId: integer("forecast_id"),
    score: integer("score").notNull().default(0),
    agreeScore: integer("agree_score").notNull().default(0),
    createdAt: bigint("created_at", { mode: "number" }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
    editedAt: bigint("edited_at", { mode: "number" }),
    /** Public reason shown in place of a body a moderator removed. */
    removalReason: text("removal_reason"),
    /** A moderator's note, shown under the comment and styled apart from it. */
    modNote: text("mod_note"),
    /** The post's author folded this reply away as off-topic; it stays one click away. */
    collapsed: boolean("collapsed").notNull().default(false),
    /**
     * The reply form's one-time key: a double click or a retried request carries the same one
     * and gets the same comment back instead of a second. Unique per author; null for writes
     * that come without a form (seeds, rebases).
     */
    submissionKey: text("submission_key"),
  },
  (t) => [
    index("comments_post_idx").on(t.postId, t.createdAt),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_idx").on(t.authorId, t.createdAt),
    uniqueIndex("comments_submission_idx").on(t.authorId, t.submissionKey),
  ],
);

/** The text a comment had before each edit, oldest first. */
export const commentRevisions = pgTable(
  "comment_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    markdown: text("markdown").notNull(),
    html: text("html").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("comment_revisions_comment_idx").on(t.commentId)],
);
