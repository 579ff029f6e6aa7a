// The Assumptions view from the thread's public forks (read once with the community view's,
// forks.server.ts); the arithmetic is the pure computeSpread.
import { type Store } from "../../db/store";
import { computeSpread, type ForecastModel, type Inputs, type SpreadFork } from "../forecast/index";
import type { ForecastRow } from "./forecasts.server";
import type { SpreadView } from "./types";
import { memo } from "../utils/memo.server";

// Per store: comment and forecast ids name rows of one database only.
const spreadsOf = new WeakMap<Store, ReturnType<typeof memo<SpreadView>>>();

/** A public fork of the post's forecast made with the same model, as the thread's read returns it. */
export interface PublicForkRow {
  commentId: number | null;
  authorId: number;
  name: string;
  inputs: string;
  createdAt: number;
  programHash: string | null;
}

/**
 * What the thread believes about each assumption: per input, the value each author's latest
 * fork holds against the post's current one. Forks made with another model (before the post
 * switched) are left out by the read, as in the community view. Null when there is nothing to compare.
 */
export async function spreadOf(store: Store, own: { row: ForecastRow; model: ForecastModel }, all: readonly PublicForkRow[]): Promise<SpreadView | null> {
  // Squiggle: only forks of the same program hold values for the same parameters.
  const rows = all.filter((r) => r.programHash === own.row.programHash);
  if (rows.length === 0) return null;
  // A fork's inputs never change; its author's name may. Both are in the key.
  const key = `${own.row.id}:${rows.map((r) => `${r.commentId}/${r.authorId}/${r.name}`).join("|")}`;
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
      inputs: computeSpread(JSON.parse(own.row.inputs) as Inputs, own.model.inputs, forks),
      forks: rows.length,
      authors: new Set(rows.map((r) => r.authorId)).size,
    });
  });
}
