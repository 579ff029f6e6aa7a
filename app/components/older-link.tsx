import { Link } from "@remix-run/react";

/** The link to the next page of a list paged newest first by id (`?before=` the last id shown). */
export function OlderLink({ items, hasMore, children }: { items: { id: number }[]; hasMore: boolean; children: string }) {
  const last = items[items.length - 1];
  return hasMore && last ? <Link to={`?before=${last.id}`}>{children}</Link> : null;
}
