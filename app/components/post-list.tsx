import { Link } from "@remix-run/react";
import type { Headline } from "~/forecast/index";
import { formatHeadline } from "~/forecast/format";
import type { PostSummary } from "~/services/types";
import { Time } from "./time";

/** A post in a list, with its forecast's first headline and its thread's visible forks. */
export type ListedPost = PostSummary & { headline: Pick<Headline, "label" | "format" | "value"> | null; forkCount: number };

export function PostList({ posts }: { posts: ListedPost[] }) {
  if (posts.length === 0) return <p className="empty">No posts yet. Be the first to write one.</p>;
  return (
    <ol className="post-list">
      {posts.map((p) => (
        <li key={p.id} className="post-list__item">
          <span className="post-list__score" title="Score">{p.score}</span>
          <div>
            <h2 className="post-list__title">
              <Link to={`/posts/${p.slug}`}>{p.title}</Link>
            </h2>
            <p className="post-list__meta">
              <Link to={`/users/${p.author.handle}`}>{p.author.displayName}</Link> · <Time at={p.createdAt} /> ·{" "}
              <Link to={`/posts/${p.slug}#comments`}>
                {p.commentCount} {p.commentCount === 1 ? "comment" : "comments"}
              </Link>
            </p>
            {p.headline || p.forkCount ? (
              <p className="post-list__forecast">
                {p.headline ? (
                  <span className="post-list__headline">
                    {p.headline.label} <strong>{formatHeadline(p.headline)}</strong>
                  </span>
                ) : null}
                {p.headline && p.forkCount ? " · " : null}
                {p.forkCount ? (
                  <Link to={`/posts/${p.slug}#forks-heading`}>
                    {p.forkCount} {p.forkCount === 1 ? "fork" : "forks"}
                  </Link>
                ) : null}
              </p>
            ) : null}
            {p.excerpt ? <p className="post-list__excerpt">{p.excerpt}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
