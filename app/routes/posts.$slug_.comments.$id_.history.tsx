import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionHistory } from "~/components/revision-history";
import { idSchema } from "~/discussion/schemas";
import { notFound } from "~/utils/errors";
import { runLoader } from "~/actions/http.server";

export const meta: MetaFunction = () => [{ title: "Edit history · Forkcast" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That comment");
    const post = await context.services.posts.bySlug(params.slug ?? "", null);
    if (await context.services.comments.postIdOf(id.data) !== post.id) throw notFound("That comment");
    return { post: { slug: post.slug, title: post.title }, commentId: id.data, versions: await context.services.comments.history(id.data, context.user) };
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
      <p className="history__intro">{versions.length === 1 ? "This comment has not been edited." : "Every version of this comment, newest first, with what each edit changed: removed words struck through, added words underlined."}</p>
      <RevisionHistory versions={versions} />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
