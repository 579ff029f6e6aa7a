// The rows search queries return on either store, and how each becomes a hit: links, the
// title and snippet as escaped HTML with marks (discussion/search.ts), math read as text.
import { plainText, snippetHtml } from "../discussion/search";
import { texToText } from "../utils/markdown/tex-text.server";
import type { SearchHit } from "./types";

export interface PostRow {
  id: number;
  slug: string;
  title: string;
  markdown: string;
  created_at: number;
  forecast_id: number | null;
  handle: string;
  display_name: string;
}
export interface CommentRow extends PostRow {
  comment_id: number;
  comment_markdown: string;
  comment_created_at: number;
  comment_forecast_id: number | null;
}
export interface UserRow {
  id: number;
  handle: string;
  display_name: string;
  bio: string;
  created_at: number;
}

/** Words a reader would see: math as text (never raw LaTeX), Markdown markup dropped. */
function readable(markdown: string): string {
  return plainText(markdown.replace(/\$\$([^$]+)\$\$|\$([^$\n]+)\$/g, (_, block: string | undefined, inline: string | undefined) => texToText(block ?? inline ?? "")));
}

export function postHit(r: PostRow, terms: string[]): SearchHit {
  return {
    kind: "post",
    id: r.id,
    url: `/posts/${r.slug}`,
    titleHtml: snippetHtml(r.title, terms, 300),
    snippetHtml: snippetHtml(readable(r.markdown), terms),
    author: { handle: r.handle, displayName: r.display_name },
    createdAt: Number(r.created_at),
    hasForecast: r.forecast_id !== null,
  };
}

export function commentHit(r: CommentRow, terms: string[]): SearchHit {
  return {
    kind: "comment",
    id: r.comment_id,
    url: `/posts/${r.slug}/comments/${r.comment_id}`,
    titleHtml: snippetHtml(r.title, [], 300),
    snippetHtml: snippetHtml(readable(r.comment_markdown), terms),
    author: { handle: r.handle, displayName: r.display_name },
    createdAt: Number(r.comment_created_at),
    hasForecast: r.comment_forecast_id !== null,
  };
}

export function userHit(r: UserRow, terms: string[]): SearchHit {
  return {
    kind: "user",
    id: r.id,
    url: `/users/${r.handle}`,
    titleHtml: `${snippetHtml(r.display_name, terms, 200)} <span class="search-hit__handle">@${snippetHtml(r.handle, terms, 100)}</span>`,
    snippetHtml: snippetHtml(plainText(r.bio), terms),
    author: null,
    createdAt: Number(r.created_at),
    hasForecast: false,
  };
}
