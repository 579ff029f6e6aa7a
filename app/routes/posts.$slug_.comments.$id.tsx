import { SHARED_PAGE } from "~/utils/shared-page";
import { threadLinks } from "~/components/thread-styles";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { CommentTree } from "~/components/comment-tree";
import { quickForecasts } from "~/components/quick-ids";
import { MarkdownBody } from "~/components/markdown-body";
import { SortTabs } from "~/components/sort-tabs";
import { Time } from "~/components/time";
import { commentSortSchema, idSchema } from "~/discussion/schemas";
import { ancestorsOf, nearestForecasts, subthread } from "~/discussion/tree";
import { notFound } from "~/utils/errors";
import { runLoader, actionRetryAfter } from "~/actions/http.server";
import { threadAction } from "~/actions/post-actions.server";
import { forkParentOf } from "~/actions/fork-parent.server";
import { forksOnce } from "~/actions/lean-page.server";
import { packComments, unpackComments } from "~/components/comment-rows";

export const handle = SHARED_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Comment by ${data.focusAuthor} on ${data.post.title} · Forkcast` }] : [{ title: "Not found · Forkcast" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const viewerId = context.user?.id ?? null;
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That comment");
    const post = await context.services.posts.bySlug(params.slug ?? "", viewerId);
    const search = new URL(request.url).searchParams;
    const sort = commentSortSchema.parse(search.get("sort") ?? undefined);
    const replyMode = search.has("fork") ? ("fork" as const) : search.has("ask") ? ("ask" as const) : ("reply" as const);
    // Reads that need only the post go out together (on PostgreSQL each is a round trip).
    const allRead = context.services.comments.listForPost(post.id, context.user);
    const names = allRead.then((list) => new Map(list.map((c) => [c.author.id, c.author.displayName])));
    // Awaited inside the forks' presentation; this keeps a failure that ends the page first from going unhandled.
    names.catch(() => {});
    const [all, forks, questions, abilities] = await Promise.all([
      allRead,
      context.services.forks.presentForPost(post.id, post.forecastId, names, context.user),
      context.services.questions.forPost(post.id, post.forecastId),
      context.services.guard.threadAbilities(context.user, post),
    ]);
    const focus = subthread(all, id.data, sort);
    if (!focus) throw notFound("That comment");
    const nearest = nearestForecasts(all, post.forecastId);
    const forkOf = nearest[id.data] ?? null;
    // Without JavaScript the fork editor renders on the server, so it needs the parent's inputs now.
    const forkParent = replyMode === "fork" && forkOf !== null ? await forkParentOf(context, forkOf) : null;
    return {
      forks: forksOnce(context, forks),
      nearest,
      replyMode,
      askModel: search.get("model"),
      questions,
      forkParent,
      post: { slug: post.slug, title: post.title, commentCount: post.commentCount },
      ancestors: ancestorsOf(all, id.data),
      // One string, not thousands of objects for turbo-stream to walk (discussion/packed-tree.ts).
      focus: packComments([focus]),
      focusAuthor: focus.comment.author.displayName,
      sort,
      replyTo: search.has("reply") ? id.data : null,
      viewer: context.user ? { id: context.user.id } : null,
      abilities,
    };
  });
}

export const links: LinksFunction = threadLinks;

export async function action({ request, context, params }: ActionFunctionArgs) {
  return threadAction(request, context, params.slug ?? "");
}

export default function CommentPermalink() {
  const { post, ancestors, focus: packed, sort, viewer, replyTo, forks, nearest, replyMode, askModel, questions, forkParent, abilities } = useLoaderData<typeof loader>();
  const focus = useMemo(() => unpackComments(packed), [packed]);
  const quick = useMemo(() => quickForecasts(questions), [questions]);
  const roles = { staff: abilities.staff, author: abilities.author, signedIn: viewer !== null };
  const [params] = useSearchParams();
  return (
    <div className="permalink">
      <p className="breadcrumb">
        <Link to={`/posts/${post.slug}`}>← {post.title}</Link> · <Link to={`/posts/${post.slug}#comments`}>all {post.commentCount} comments</Link>
      </p>
      {ancestors.length > 0 ? (
        <section className="context-chain" aria-label="Parent comments">
          <h2 className="eyebrow">In reply to</h2>
          <ol>
            {ancestors.map((a) => (
              <li key={a.id} className="context-chain__item">
                <p className="context-chain__meta">
                  {a.status === "visible" ? <Link to={`/users/${a.author.handle}`}>{a.author.displayName}</Link> : "[deleted]"} ·{" "}
                  <Link to={`/posts/${post.slug}/comments/${a.id}`}>
                    <Time at={a.createdAt} />
                  </Link>
                </p>
                {a.status === "visible" ? <MarkdownBody html={a.html} className="context-chain__body" /> : <p className="muted">This comment was deleted.</p>}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="thread__header">
        <h1 className="eyebrow">Thread</h1>
        <SortTabs current={sort} options={["top", "new", "old"]} params={params} />
      </div>
      <CommentTree nodes={focus} slug={post.slug} viewerId={viewer?.id ?? null} replyTo={replyTo} replyMode={replyMode} askModel={askModel} forkParent={forkParent} forks={forks} nearest={nearest} questions={questions.replies} quick={quick} roles={roles} canVote={abilities.canVote} canReply={abilities.canReply} canFork={abilities.canFork} />
      {viewer && abilities.replyRefusal ? <p className="banner banner--warn">{abilities.replyRefusal}</p> : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
