import { SHARED_PAGE } from "~/utils/shared-page";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { runLoader } from "~/actions/http.server";

export const handle = SHARED_PAGE;

export const meta: MetaFunction = () => [{ title: "Tags · Forkcast" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return runLoader(async () => ({ tags: await context.services.tags.list() }));
}

export default function Tags() {
  const { tags } = useLoaderData<typeof loader>();
  return (
    <section className="tags-page">
      <h1>Tags</h1>
      <p className="tags-page__intro">Each tag has a wiki page that members with enough karma keep up to date, and lists the posts that carry it.</p>
      {tags.length === 0 ? (
        <p className="empty">No tags yet. Add some when you write a post.</p>
      ) : (
        <ul className="tag-index">
          {tags.map((t) => (
            <li key={t.slug} className="tag-index__item">
              <Link to={`/tags/${t.slug}`} className="tag-link">
                {t.name}
              </Link>{" "}
              <span className="tag-index__count">
                {t.postCount} {t.postCount === 1 ? "post" : "posts"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
