import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./users";

export const posts = pgTable(
  "posts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull().unique(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    markdown: text("markdown").notNull(),
    html: text("html").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    score: integer("score").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    /** The post's current forecast; earlier versions stay in `forecasts`. */
    forecastId: integer("forecast_id"),
    createdAt: bigint("created_at", { mode: "number" }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
    editedAt: bigint("edited_at", { mode: "number" }),
    /** Thread settings, set by moderators (and the author, where the policy allows). */
    lockedAt: bigint("locked_at", { mode: "number" }),
    lockReason: text("lock_reason"),
    forkingDisabled: boolean("forking_disabled").notNull().default(false),
    /** Minimum seconds between one user's replies on this post; 0 means off. */
    slowModeSeconds: integer("slow_mode_seconds").notNull().default(0),
  },
  (t) => [
    index("posts_created_idx").on(t.createdAt),
    index("posts_score_idx").on(t.score, t.createdAt),
    index("posts_author_idx").on(t.authorId, t.createdAt),
    index("posts_title_idx").on(t.title),
  ],
);

/** A post as it was before each edit (title, text and forecast), oldest first; like comment_revisions. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    markdown: text("markdown").notNull(),
    html: text("html").notNull(),
    /** The forecast the post carried then (forecast rows are never deleted while referenced). */
    forecastId: integer("forecast_id"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId)],
);
