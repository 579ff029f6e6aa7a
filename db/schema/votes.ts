import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./users";

export const VOTE_TARGETS = ["post", "comment"] as const;
export type VoteTarget = (typeof VOTE_TARGETS)[number];
/** "karma" votes move scores and karma; "agree" votes (comments only) move agreement alone. */
export const VOTE_KINDS = ["karma", "agree"] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

// The ledger is the truth; posts.score, comments.score/agree_score and users.karma are
// caches that services/votes can recompute from it. See docs/decisions/004.
export const votes = sqliteTable(
  "votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: VOTE_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    kind: text("kind", { enum: VOTE_KINDS }).notNull(),
    value: integer("value").notNull(),
    /** Whose karma the vote moved, fixed when cast so karma can be recomputed exactly. */
    recipientId: integer("recipient_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("votes_unique").on(t.userId, t.targetType, t.targetId, t.kind),
    index("votes_target_idx").on(t.targetType, t.targetId, t.kind),
    index("votes_recipient_idx").on(t.recipientId, t.kind),
  ],
);
