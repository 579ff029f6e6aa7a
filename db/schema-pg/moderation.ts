import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { REPORT_TARGETS, REPORT_STATUSES, NOTIFICATION_KINDS } from "../schema/moderation";
import { posts } from "./posts";
import { users } from "./users";

export const reports = pgTable(
  "reports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => users.id),
    targetType: text("target_type", { enum: REPORT_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    /** The post the target lives on, so the queue can link to it without a join per kind. */
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("open"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolution: text("resolution"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    resolvedAt: bigint("resolved_at", { mode: "number" }),
  },
  (t) => [index("reports_status_idx").on(t.status, t.createdAt), index("reports_target_idx").on(t.targetType, t.targetId)],
);

/**
 * The public moderation log. Append-only by construction: the migration adds triggers that
 * abort any UPDATE or DELETE, so not even a buggy service can rewrite history.
 */
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: integer("target_id").notNull(),
    postId: integer("post_id"),
    subjectUserId: integer("subject_user_id"),
    reason: text("reason").notNull().default(""),
    detail: text("detail").notNull().default(""),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("moderation_log_created_idx").on(t.createdAt)],
);

/** Users a post's author (or a moderator) has barred from commenting on that post. */
export const postBans = pgTable(
  "post_bans",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    bannedBy: integer("banned_by")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull().default(""),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    actorId: integer("actor_id").references(() => users.id),
    postId: integer("post_id").references(() => posts.id, { onDelete: "cascade" }),
    commentId: integer("comment_id"),
    /** The notice in words, written when it happens ("median 2052 → 2041"). */
    text: text("text").notNull(),
    readAt: bigint("read_at", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.id), index("notifications_unread_idx").on(t.userId, t.readAt)],
);
