import { SHARED_PAGE } from "~/utils/shared-page";
import { threadLinks } from "~/components/thread-styles";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CommentTree } from "~/components/comment-tree";
import { ForecastPanel } from "~/components/forecast-panel";
import { PostComposer } from "~/components/post-composer";
import { ForksPanel } from "~/components/forks-panel";
import { LiveStatus } from "~/components/live-status";
import { useLivePost } from "~/live/use-live-post";
import { useFreshComments } from "~/live/use-fresh-comments";
import { MarkdownBody } from "~/components/markdown-body";
import { SequenceNav } from "~/components/sequence-nav";
import { feedMeta } from "~/discussion/atom";
import { SortTabs } from "~/components/sort-tabs";
import { Time } from "~/components/time";
import { PostVote } from "~/components/vote-buttons";
import { commentSortSchema } from "~/discussion/schemas";
import { buildTree, limitTree, nearestForecasts } from "~/discussion/tree";
import { runLoader, actionRetryAfter } from "~/actions/http.server";
import { ThreadBanners, ThreadTools } from "~/components/thread-moderation";
import { useMemo, useState } from "react";
import { QuestionPanel } from "~/components/question-panel";
import { quickForecasts } from "~/components/quick-ids";
import { threadAction } from "~/actions/post-actions.server";
import { communityByUrl, forecastByUrl, forksOnce, markupOnce, spreadOnce, treeOnce, withoutSource } from "~/actions/lean-page.server";
import { forkParentOf } from "~/actions/fork-parent.server";
import { socialMeta } from "~/components/social-meta";
import { cardVersion } from "~/utils/chart-png.server";
import { packComments, unpackComments } from "~/components/comment-rows";

export const handle = SHARED_PAGE;

export const links: LinksFunction = threadLinks;

/** Comments rendered on first load; the rest of a big thread comes on request. */
const THREAD_BUDGET = 150;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.post.title} · Forkcast` }, { name: "description", content: data.post.excerpt }, feedMeta(`/posts/${data.post.slug}/comments.atom`, "Comments"), ...socialMeta(data.social)] : [{ title: "Not found · Forkcast" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const viewerId = context.user?.id ?? null;
    const { services } = context;
    const post = await services.posts.bySlug(params.slug ?? "", viewerId);
    const search = new URL(request.url).searchParams;
    const sort = commentSortSchema.parse(search.get("sort") ?? undefined);
    // Every read goes out as soon as what it needs is in: on PostgreSQL each is a round trip, and
    // a read that waited for an unrelated one would add its wait to the page's.
    const commentsRead = services.comments.listForPost(post.id, context.user);
    // Quick questions (the post's own, and those replies ask) with their answers and aggregate.
    const questionsRead = services.questions.forPost(post.id, post.forecastId);
    const abilitiesRead = services.guard.threadAbilities(context.user, post);
    const names = commentsRead.then((list) => new Map(list.map((c) => [c.author.id, c.author.displayName])));
    // Awaited inside the forks' presentation; this keeps a failure that ends the page first from going unhandled.
    names.catch(() => {});
    const forkAsked = search.has("fork") && post.forecastId !== null ? post.forecastId : null;
    const [comments, questions, abilities, views, forks, forecast, barred, tags, sequence, forkParent] = await Promise.all([
      commentsRead,
      questionsRead,
      abilitiesRead,
      services.forks.threadViews(post.id, post.forecastId),
      services.forks.presentForPost(post.id, post.forecastId, names, context.user),
      // A post that asks a question shows it in the question panel, not the forecast panel.
      questionsRead.then((q) => (post.forecastId && !q.post ? services.forecasts.present(post.forecastId, context.user) : null)),
      abilitiesRead.then((a) => (a.staff || a.author ? services.moderation.postBans(post.id) : [])),
      services.tags.ofPost(post.id),
      services.sequences.placeOf(post.id),
      // `?fork=1` (the fork control without JavaScript): the editor renders open, so it needs the parent now.
      forkAsked === null ? null : abilitiesRead.then((a) => (a.canFork ? forkParentOf(context, forkAsked) : null)),
    ]);
    const tree = buildTree(comments, sort);
    const nearest = nearestForecasts(comments, post.forecastId);
    // Only the forks panel shows it, and the panel only shows when there are forks.
    // A question's answers are drawn in its panel; the assumptions view would only repeat them.
    const spread = Object.keys(forks).length > 0 && !questions.post ? views.spread : null;
    const community = views.community;
    const shown = search.get("comments") === "all" ? { nodes: tree, hiddenThreads: 0, hiddenComments: 0 } : limitTree(tree, THREAD_BUDGET);
    const rendered = Math.min(comments.length, THREAD_BUDGET);
    // Open Graph / Twitter card and oEmbed discovery (docs/decisions/027): the chart as a PNG card
    // at a URL versioned by the chart it is drawn from, so it is immutable like the SVG.
    const origin = new URL(request.url).origin;
    const pageUrl = `${origin}/posts/${post.slug}`;
    const social = {
      title: post.title,
      description: post.excerpt || "A forecast and its discussion on Forkcast.",
      url: pageUrl,
      image: forecast?.svg ? { url: `${origin}/api/forecasts/${forecast.id}.png?v=${cardVersion(forecast.svg)}`, alt: forecast.description } : null,
      oembed: forecast ? `${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json` : null,
    };
    return {
      tags,
      sequence,
      social,
      post: markupOnce(context, `post:${post.id}`, withoutSource(post)),
      forecast: forecast && forecastByUrl(context, forecast),
      forks: forksOnce(context, forks),
      nearest,
      community: community && communityByUrl(community),
      spread: spreadOnce(context, spread),
      questions,
      askModel: search.get("ask"),
      // One string, not thousands of objects for turbo-stream to walk (discussion/packed-tree.ts).
      tree: packComments(treeOnce(context, shown.nodes)),
      hidden: comments.length - (shown.nodes === tree ? comments.length : rendered),
      sort,
      viewer: context.user ? { id: context.user.id } : null,
      abilities,
      barred,
      forkParent,
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return threadAction(request, context, params.slug ?? "");
}

export default function PostPage() {
  const { tags, sequence, post, forecast, forks, nearest, community, spread, questions, askModel, tree: packed, hidden, sort, viewer, abilities, barred, forkParent } = useLoaderData<typeof loader>();
  const tree = useMemo(() => unpackComments(packed), [packed]);
  const quick = useMemo(() => quickForecasts(questions), [questions]);
  const [params] = useSearchParams();
  const mine = viewer?.id === post.author.id;
  const live = useLivePost(post.id);
  // A form that was open when the thread closed (a lock arriving live) stays, so a draft is never
  // lost; the server refuses it with the reason. A page loaded already closed shows no form.
  const [composerShown] = useState(abilities.canReply);
  const roles = { staff: abilities.staff, author: abilities.author, signedIn: viewer !== null };
  const fresh = useFreshComments(post.id, tree, viewer?.id ?? null);
  return (
    <article className="post">
      <header className="post__header">
        <h1 className="post__title">{post.title}</h1>
        <p className="post__meta">
          by <Link to={`/users/${post.author.handle}`}>{post.author.displayName}</Link> · <Time at={post.createdAt} />
          {post.editedAt ? (
            <>
              {" "}
              · <Link to={`/posts/${post.slug}/history`}>edited <Time at={post.editedAt} /></Link>
            </>
          ) : null}
          {mine ? <> · <Link to={`/posts/${post.slug}/edit`}>Edit post</Link></> : null}
        </p>
        {tags.length ? (
          <ul className="post__tags" aria-label="Tags">
            {tags.map((t) => (
              <li key={t.slug}>
                <Link to={`/tags/${t.slug}`} className="tag-link" rel="tag">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {sequence ? <SequenceNav place={sequence} /> : null}
      </header>
      {questions.post ? (
        <QuestionPanel question={questions.post} />
      ) : forecast ? (
        <ForecastPanel forecast={forecast} embedTitle={post.title} />
      ) : null}
      <MarkdownBody html={post.html} inlineKey={`post:${post.id}`} className="post__body" />
      <footer className="post__footer">
        <PostVote score={post.score} viewerValue={post.viewerVote} disabledReason={!viewer ? "Log in to vote" : !abilities.canVote ? "Your account cannot vote right now" : mine ? "You cannot vote on your own post" : null} />
      </footer>
      <ThreadTools post={post} staff={abilities.staff} author={abilities.author} signedIn={viewer !== null} barred={barred} />

      <ForksPanel slug={post.slug} forks={forks} community={community} spread={spread} question={questions.post} postForecastId={post.forecastId} />

      <section className="thread" id="comments" aria-labelledby="comments-heading">
        <div className="thread__header">
          <h2 id="comments-heading">
            {post.commentCount} {post.commentCount === 1 ? "comment" : "comments"}
          </h2>
          <div className="thread__tools">
            <LiveStatus connected={live.connected} status={live.status} />
            <SortTabs current={sort} options={["top", "new", "old"]} params={params} />
          </div>
        </div>
        <ThreadBanners post={post} refusal={viewer ? abilities.replyRefusal : null} />
        {viewer ? (
          abilities.canReply || composerShown ? (
            <PostComposer
              slug={post.slug}
              forkOf={post.forecastId && abilities.canFork ? post.forecastId : null}
              answer={questions.post !== null}
              canAsk={abilities.canFork}
              askModel={askModel}
              forkParent={forkParent}
            />
          ) : null
        ) : (
          <p className="thread__login">
            <Link to={`/login?redirectTo=${encodeURIComponent(`/posts/${post.slug}`)}`}>Log in</Link> or <Link to="/signup">sign up</Link> to comment and vote.
          </p>
        )}
        <CommentTree nodes={tree} slug={post.slug} viewerId={viewer?.id ?? null} forks={forks} nearest={nearest} questions={questions.replies} quick={quick} roles={roles} fresh={fresh} canVote={abilities.canVote} canReply={abilities.canReply} canFork={abilities.canFork} />
        {hidden > 0 ? (
          <p className="thread__more">
            <Link to={`?${moreParams(params)}#comments`} preventScrollReset>
              Show all {post.commentCount} comments ({hidden} not shown yet)
            </Link>
          </p>
        ) : null}
      </section>
    </article>
  );
}

function moreParams(params: URLSearchParams) {
  const next = new URLSearchParams(params);
  next.set("comments", "all");
  return next.toString();
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
