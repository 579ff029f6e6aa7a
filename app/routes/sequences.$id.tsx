import { SHARED_PAGE } from "~/utils/shared-page";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { runLoader } from "~/actions/http.server";
import { MarkdownBody } from "~/components/markdown-body";
import { Time } from "~/components/time";
import { idSchema } from "~/discussion/schemas";
import { notFound } from "~/utils/errors";

export const handle = SHARED_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: `${data.sequence.title} · Forkcast` }] : [{ title: "Not found · Forkcast" }]);

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That sequence");
    return { sequence: await context.services.sequences.byId(id.data) };
  });
}

export default function SequencePage() {
  const { sequence } = useLoaderData<typeof loader>();
  return (
    <article className="sequence-page">
      <h1>{sequence.title}</h1>
      <p className="tag-page__meta">
        A sequence by <Link to={`/users/${sequence.author.handle}`}>{sequence.author.displayName}</Link> · {sequence.posts.length} posts · <Time at={sequence.createdAt} />
      </p>
      {sequence.html ? <MarkdownBody html={sequence.html} /> : null}
      <ol className="sequence-list">
        {sequence.posts.map((p) => (
          <li key={p.postId}>
            <Link to={`/posts/${p.slug}`}>{p.title}</Link>
          </li>
        ))}
      </ol>
    </article>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
