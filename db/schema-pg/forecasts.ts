import { type AnyPgColumn, bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "./users";

// A forecast is one stored set of inputs for one model version, with pinned provenance
// (seed, sample count). Editing a post's forecast makes a new row; old rows stay, because
// forks point at them. See docs/decisions/006.
export const forecasts = pgTable(
  "forecasts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    modelId: text("model_id").notNull(),
    modelVersion: integer("model_version").notNull(),
    /** Canonical JSON of the full resolved inputs. */
    inputs: text("inputs").notNull(),
    /** Canonical JSON of the inputs that differ from the parent (or the model defaults). */
    overrides: text("overrides").notNull(),
    /** Canonical JSON of {inputName: one-line reason} for changed inputs (forks). */
    rationales: text("rationales").notNull().default("{}"),
    /**
     * Forks: JSON list of {name, label, alone} — the headline each changed input produces on
     * its own, applied to the parent — computed once when the fork is made.
     */
    attribution: text("attribution").notNull().default("[]"),
    /**
     * Forks: the headline shift against the parent in words ("median arrival 2052 → 2049;
     * P(by 2036) 19% → 24%"), written once with the fork; the card, the overlay's text
     * alternative and the notification read it. Null on rows older than the column.
     */
    shift: text("shift"),
    inputsHash: text("inputs_hash").notNull(),
    /** Squiggle forecasts: the program (squiggle_programs.hash) their inputs are written into. */
    programHash: text("program_hash"),
    seed: bigint("seed", { mode: "number" }).notNull(),
    sampleCount: integer("sample_count").notNull(),
    parentForecastId: integer("parent_forecast_id").references((): AnyPgColumn => forecasts.id),
    /** The post whose thread this forecast belongs to (the post's own, or a fork in it). */
    postId: integer("post_id"),
    commentId: integer("comment_id"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("forecasts_post_idx").on(t.postId, t.createdAt), index("forecasts_parent_idx").on(t.parentForecastId)],
);

/** Results are keyed by everything that determines them, so identical inputs compute once. */
export const forecastResults = pgTable(
  "forecast_results",
  {
    modelId: text("model_id").notNull(),
    modelVersion: integer("model_version").notNull(),
    inputsHash: text("inputs_hash").notNull(),
    seed: bigint("seed", { mode: "number" }).notNull(),
    sampleCount: integer("sample_count").notNull(),
    /** JSON of the ForecastResult: summaries and binned series, never raw samples. */
    result: text("result").notNull(),
    computeMs: integer("compute_ms").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.modelVersion, t.inputsHash, t.seed, t.sampleCount] })],
);

/**
 * Squiggle programs by the SHA-256 of their text, written once. A parameter fork shares its
 * parent's program; a code fork adds one. `analysis` is what the sandbox read from the syntax
 * tree (parameters with their source spans, the marked output), so nothing parses it again.
 */
export const squigglePrograms = pgTable("squiggle_programs", {
  hash: text("hash").primaryKey(),
  source: text("source").notNull(),
  analysis: text("analysis").notNull(),
  /** The interpreter release that read it. */
  interpreter: text("interpreter").notNull(),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
});
