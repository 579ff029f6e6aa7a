import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionList } from "~/components/revision-list";
import squiggleCss from "~/styles/squiggle.css?url";
import { runLoader } from "~/actions/http.server";
import { withDiffs } from "~/actions/revisions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit history of “${data.post.title}” · Forkcast` : "Not found · Forkcast" }];

// The diff view's styles live with the Squiggle editor's, whose code diffs it also draws.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: squiggleCss }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(() => {
    const { post, versions } = context.services.posts.history(params.slug ?? "", context.user?.id ?? null);
    return { post: { slug: post.slug, title: post.title }, versions: withDiffs(versions) };
  });
}

export default function PostHistory() {
  const { post, versions } = useLoaderData<typeof loader>();
  return (
    <section className="history">
      <p className="breadcrumb">
        <Link to={`/posts/${post.slug}`}>← Back to the post</Link>
      </p>
      <h1>Edit history</h1>
      <p className="muted">Every version of “{post.title}”, newest first, with what each edit changed.</p>
      {versions.length === 1 ? <p className="muted">This post has not been edited.</p> : null}
      <RevisionList versions={versions} />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
