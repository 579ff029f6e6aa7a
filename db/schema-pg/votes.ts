import { bigint, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { VOTE_TARGETS, VOTE_KINDS } from "../schema/votes";
import { users } from "./users";

// The ledger is the truth; posts.score, comments.score/agree_score and users.karma are
// caches that services/votes can recompute from it. See docs/decisions/004.
export const votes = pgTable(
  "votes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: VOTE_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    kind: text("kind", { enum: VOTE_KINDS }).notNull(),
    value: integer("value").notNull(),
    /** Whose karma the vote moved, fixed when cast so karma can be recomputed exactly. */
    recipientId: integer("recipient_id").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("votes_unique").on(t.userId, t.targetType, t.targetId, t.kind),
    index("votes_target_idx").on(t.targetType, t.targetId, t.kind),
    index("votes_recipient_idx").on(t.recipientId, t.kind),
  ],
);
