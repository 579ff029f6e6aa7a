import { Link } from "@remix-run/react";
import type { PostSummary } from "~/services/types";
import { Time } from "./time";

export function PostList({ posts }: { posts: PostSummary[] }) {
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
            {p.excerpt ? <p className="post-list__excerpt">{p.excerpt}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
