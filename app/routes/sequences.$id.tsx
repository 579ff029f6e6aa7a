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
    const sequence = await context.services.sequences.byId(id.data);
    // Only its author is offered the edit form (which checks again).
    return { sequence, canEdit: context.user?.handle === sequence.author.handle };
  });
}

export default function SequencePage() {
  const { sequence, canEdit } = useLoaderData<typeof loader>();
  return (
    <article className="sequence-page">
      <h1>{sequence.title}</h1>
      <p className="tag-page__meta">
        A sequence by <Link to={`/users/${sequence.author.handle}`}>{sequence.author.displayName}</Link> · {sequence.posts.length} posts · <Time at={sequence.createdAt} />
        {canEdit ? (
          <>
            {" · "}
            <Link to={`/sequences/${sequence.id}/edit`}>Edit</Link>
          </>
        ) : null}
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
