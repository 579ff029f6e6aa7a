import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { ROLES } from "../schema/users";

export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  handle: text("handle").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull().default("member"),
  /** Cache of the scores this user's posts and comments received; see services/votes. */
  karma: integer("karma").notNull().default(0),
  bio: text("bio").notNull().default(""),
  /** Banned while now < bannedUntil; a permanent ban stores PERMANENT_BAN. */
  bannedUntil: bigint("banned_until", { mode: "number" }),
  banReason: text("ban_reason"),
  createdAt: bigint("created_at", { mode: "number" }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie value, so a leaked database does not leak live sessions. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    lastSeenAt: bigint("last_seen_at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
