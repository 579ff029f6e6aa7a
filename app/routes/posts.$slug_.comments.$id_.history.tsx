import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionList } from "~/components/revision-list";
import { idSchema } from "~/discussion/schemas";
import squiggleCss from "~/styles/squiggle.css?url";
import { notFound } from "~/utils/errors";
import { runLoader } from "~/actions/http.server";
import { withDiffs } from "~/actions/revisions.server";

export const meta: MetaFunction = () => [{ title: "Edit history · Forkcast" }];

// The diff view's styles live with the Squiggle editor's, whose code diffs it also draws.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: squiggleCss }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(() => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That comment");
    const post = context.services.posts.bySlug(params.slug ?? "", null);
    if (context.services.comments.postIdOf(id.data) !== post.id) throw notFound("That comment");
    return { post: { slug: post.slug, title: post.title }, commentId: id.data, versions: withDiffs(context.services.comments.history(id.data, context.user)) };
  });
}

export default function History() {
  const { post, commentId, versions } = useLoaderData<typeof loader>();
  return (
    <section className="history">
      <p className="breadcrumb">
        <Link to={`/posts/${post.slug}/comments/${commentId}`}>← Back to the comment</Link> on <Link to={`/posts/${post.slug}`}>{post.title}</Link>
      </p>
      <h1>Edit history</h1>
      <p className="muted">Every version of this comment, newest first, with what each edit changed.</p>
      <RevisionList versions={versions} />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
