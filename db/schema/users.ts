import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const ROLES = ["member", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** 9999-12-31: "for good", kept as a timestamp so one comparison covers both kinds of ban. */
export const PERMANENT_BAN = 253402300799000;

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  handle: text("handle").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull().default("member"),
  /** Cache of the scores this user's posts and comments received; see services/votes. */
  karma: integer("karma").notNull().default(0),
  bio: text("bio").notNull().default(""),
  /** Banned while now < bannedUntil; a permanent ban stores PERMANENT_BAN. */
  bannedUntil: integer("banned_until"),
  banReason: text("ban_reason"),
  createdAt: integer("created_at").notNull().default(sql`(unixepoch() * 1000)`),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie value, so a leaked database does not leak live sessions. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
