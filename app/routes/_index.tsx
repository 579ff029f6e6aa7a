import { SHARED_PAGE } from "~/utils/shared-page";
import { feedMeta } from "~/discussion/atom";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PostList } from "~/components/post-list";
import { SortTabs } from "~/components/sort-tabs";
import { feedQuerySchema } from "~/discussion/schemas";

export const handle = SHARED_PAGE;

export const meta: MetaFunction = () => [{ title: "Forkcast — fork the assumptions, see the forecast move" }, feedMeta("/feed.atom", "Forkcast: new posts")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = feedQuerySchema.parse(Object.fromEntries(url.searchParams));
  const { posts, hasMore } = await context.services.posts.list({ ...query, viewerId: context.user?.id ?? null });
  // Each post's forecast headline and how many visible forks its thread has.
  const extras = await context.services.catalog.listingExtras(posts);
  const listed = posts.map((p) => {
    const extra = extras.get(p.id);
    const h = extra?.headline;
    return { ...p, headline: h ? { label: h.label, format: h.format, value: h.value } : null, forkCount: extra?.forkCount ?? 0 };
  });
  return { posts: listed, hasMore, ...query, signedIn: Boolean(context.user) };
}

export default function Index() {
  const { posts, hasMore, sort, page, signedIn } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  return (
    <div className="front">
      <section className="intro">
        <h1>Argue with the model, not past each other.</h1>
        <p>
          Every post here carries a forecast. Reply with a fork — change the assumptions you disagree with — and everyone sees what that does to the numbers.
        </p>
        {signedIn ? (
          <Link to="/posts/new" className="button">Write a post</Link>
        ) : (
          <Link to="/signup" className="button">Join the discussion</Link>
        )}
      </section>
      <div className="feed__header">
        <h2>{sort === "top" ? "Top posts" : "Latest posts"}</h2>
        <SortTabs current={sort} options={["new", "top"]} params={params} />
      </div>
      <PostList posts={posts} />
      <nav className="pager" aria-label="Pages">
        {page > 1 ? <Link to={pageLink(page - 1)}>← Previous</Link> : <span />}
        {hasMore ? <Link to={pageLink(page + 1)}>Next →</Link> : null}
      </nav>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
