// What an embed, its oEmbed answer and a page's social tags say about a forecast (docs/decisions/027).
import type { ForecastCard } from "../services/types";

/** "Bio Anchors in one chart" for a post's forecast; "Fork by Priya · Bio Anchors in one chart" for a reply's. */
export function embedTitle(card: ForecastCard): string {
  const post = card.post?.title ?? card.modelTitle;
  if (card.kind === "fork") return `Fork by ${card.author.displayName} · ${post}`;
  if (card.kind === "question") return `Question by ${card.author.displayName} · ${post}`;
  return post;
}

/** Where the embed's "read the discussion" link goes: the post, or the reply that carries the fork. */
export function discussionPath(card: ForecastCard): string {
  if (!card.post) return `/forecasts/${card.id}`;
  return card.commentId === null ? `/posts/${card.post.slug}` : `/posts/${card.post.slug}/comments/${card.commentId}`;
}
