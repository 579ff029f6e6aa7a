import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionHistory } from "~/components/revision-history";
import { runLoader } from "~/actions/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit history of “${data.post.title}” · Forkcast` : "Not found · Forkcast" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const { post, versions } = await context.services.posts.history(params.slug ?? "", context.user?.id ?? null);
    return { post: { slug: post.slug, title: post.title }, versions };
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
      <p className="history__intro">
        {versions.length === 1 ? "This post has not been edited." : `Every version of “${post.title}”, newest first, with what each edit changed: removed words struck through, added words underlined.`}
      </p>
      <RevisionHistory versions={versions} />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
