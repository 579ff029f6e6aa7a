// The query behind the Assumptions view; the arithmetic is the pure computeSpread.
import { and, eq, inArray, sql } from "drizzle-orm";
import { preparedOn } from "../../db/prepared";
import { type Store } from "../../db/store";
import { computeSpread, type Inputs, type SpreadFork } from "../forecast/index";
import type { ForecastService } from "./forecasts.server";
import type { SpreadView } from "./types";
import { memo } from "../utils/memo.server";

// Per store: comment and forecast ids name rows of one database only.
const spreadsOf = new WeakMap<Store, ReturnType<typeof memo<SpreadView>>>();
import { PUBLIC_COMMENT_STATUSES } from "../discussion/permissions";

/**
 * What the thread believes about each assumption: per input, the value each author's latest
 * fork holds against the post's current one. Forks made with another model (before the post
 * switched) are left out, as in the community view. Null when there is nothing to compare.
 */
export async function spreadForPost(store: Store, forecasts: ForecastService, postId: number, postForecastId: number | null): Promise<SpreadView | null> {
  const { db, t } = store;
  const { users, comments, forecasts: forecastsTable } = t;
  if (postForecastId === null) return null;
  const own = await forecasts.row(postForecastId);
  const model = await forecasts.modelOf(own);
  if (!model) return null;
  const publicForks = preparedOn(db, "public_forks_with_inputs", () =>
    db
      .select({ commentId: forecastsTable.commentId, authorId: forecastsTable.authorId, name: users.displayName, inputs: forecastsTable.inputs, createdAt: forecastsTable.createdAt, programHash: forecastsTable.programHash })
      .from(forecastsTable)
      .innerJoin(users, eq(users.id, forecastsTable.authorId))
      .innerJoin(comments, eq(comments.id, forecastsTable.commentId))
      .where(and(eq(forecastsTable.postId, sql.placeholder("postId")), inArray(comments.status, PUBLIC_COMMENT_STATUSES), eq(forecastsTable.modelId, sql.placeholder("modelId"))))
      .prepare("public_forks_with_inputs"),
  );
  const all = await publicForks.execute({ postId, modelId: own.modelId });
  // Squiggle: only forks of the same program hold values for the same parameters.
  const rows = all.filter((r) => r.programHash === own.programHash);
  if (rows.length === 0) return null;
  // A fork's inputs never change; its author's name may. Both are in the key.
  const key = `${postForecastId}:${rows.map((r) => `${r.commentId}/${r.authorId}/${r.name}`).join("|")}`;
  let spreads = spreadsOf.get(store);
  if (!spreads) spreadsOf.set(store, (spreads = memo<SpreadView>(256)));
  return spreads(key, async () => {
    const forks: SpreadFork[] = rows.map((r) => ({
      authorKey: r.authorId,
      authorName: r.name,
      commentId: r.commentId!,
      createdAt: r.createdAt,
      inputs: JSON.parse(r.inputs) as Inputs,
    }));
    return Object.freeze({
      inputs: computeSpread(JSON.parse(own.inputs) as Inputs, model.inputs, forks),
      forks: rows.length,
      authors: new Set(rows.map((r) => r.authorId)).size,
    });
  });
}
