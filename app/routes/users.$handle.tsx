import { SHARED_PAGE } from "~/utils/shared-page";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { UserModeration } from "~/components/user-moderation";
import { BAN_LENGTHS, userModerationSchema } from "~/discussion/moderation-schemas";
import { banText } from "~/discussion/permissions";
import { formValues, parseForm, requireUser, runAction } from "~/actions/http.server";
import { SortTabs } from "~/components/sort-tabs";
import { Time } from "~/components/time";
import { feedQuerySchema } from "~/discussion/schemas";
import { runLoader } from "~/actions/http.server";
import { feedMeta } from "~/discussion/atom";
import { formatHeadline } from "~/forecast/format";

export const handle = SHARED_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.user.displayName} (@${data.user.handle}) · Forkcast` }, feedMeta(`/users/${data.user.handle}/feed.atom`, `Posts by ${data.user.displayName}`)] : [{ title: "Not found · Forkcast" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const user = await context.services.users.requireByHandle(params.handle ?? "");
    const { sort } = feedQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const posts = await context.services.posts.byAuthor(user.id, sort);
    const comments = await context.services.comments.byAuthor(user.id, sort);
    const ban = await context.services.accounts.banState(user.id);
    const sequences = await context.services.sequences.byAuthor(user.id);
    const forecasts = await context.services.catalog.forecastsByAuthor(user.id);
    const viewerRole = context.user?.role ?? null;
    return {
      ban: ban.bannedUntil !== null && ban.bannedUntil > context.services.now() ? { text: banText(ban.bannedUntil).replace("Your account is banned", "Banned"), reason: ban.banReason ?? "" } : null,
      own: context.user?.handle === user.handle,
      viewer: viewerRole && viewerRole !== "member" && context.user!.handle !== user.handle ? { role: viewerRole } : null,
      user: { handle: user.handle, displayName: user.displayName, role: user.role, karma: user.karma, createdAt: user.createdAt, bio: user.bio },
      posts: posts.map((p) => ({ id: p.id, title: p.title, href: `/posts/${p.slug}`, score: p.score, createdAt: p.createdAt, commentCount: p.commentCount })),
      comments,
      sequences,
      forecasts,
      sort,
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const actor = requireUser(context);
    const handle = (params.handle ?? "").toLowerCase();
    const input = parseForm(userModerationSchema, values);
    const { accounts } = context.services;
    if (input.intent === "ban") await accounts.ban(actor.id, handle, BAN_LENGTHS[input.length], input.reason);
    else if (input.intent === "unban") await accounts.unban(actor.id, handle, input.reason);
    else await accounts.setRole(actor.id, handle, input.role, input.reason);
    return { ok: true as const };
  }, values);
}

export default function Profile() {
  const { user, posts, comments, sequences, forecasts, sort, ban, viewer, own } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="profile">
      <header className="profile__header">
        <h1>{user.displayName}</h1>
        <p className="profile__meta">
          @{user.handle} · {user.role !== "member" ? <span className="badge">{user.role}</span> : null} <strong>{user.karma}</strong> karma · joined <Time at={user.createdAt} />
        </p>
        {user.bio ? <p>{user.bio}</p> : null}
        {own ? (
          <p className="profile__own">
            <Link to="/notifications">Notifications</Link> · <Link to="/settings">Settings</Link>
          </p>
        ) : null}
        {ban ? (
          <p className="banner banner--warn" role="status">
            {ban.text}{ban.reason ? `: ${ban.reason}` : ""}.
          </p>
        ) : null}
        {viewer ? <UserModeration handle={user.handle} role={user.role} banned={ban !== null} viewerRole={viewer.role} /> : null}
      </header>
      {sequences.length || own ? (
        <section className="profile__sequences" aria-labelledby="sequences-heading">
          <h2 id="sequences-heading">Sequences ({sequences.length})</h2>
          <ul className="profile__list">
            {sequences.map((s) => (
              <li key={s.id}>
                <Link to={`/sequences/${s.id}`} className="profile__title">{s.title}</Link>
                <p className="profile__item-meta">{plural(s.postCount, "post")}</p>
              </li>
            ))}
          </ul>
          {own ? <p className="profile__item-meta"><Link to="/sequences/new">Make a sequence of your posts</Link></p> : null}
        </section>
      ) : null}
      {forecasts.length ? (
        <section className="profile__forecasts" aria-labelledby="forecasts-heading">
          <h2 id="forecasts-heading">Forecasts ({forecasts.length})</h2>
          <ul className="profile__list">
            {forecasts.map((f) => (
              <li key={f.id}>
                <p className="profile__forecast">
                  {f.headline ? (
                    <>
                      {f.headline.label} <strong>{formatHeadline(f.headline)}</strong>
                    </>
                  ) : (
                    "No headline yet"
                  )}
                </p>
                <p className="profile__item-meta">
                  {KIND_LABEL[f.kind]} <Link to={f.href}>{f.postTitle}</Link> · <Time at={f.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="thread__header">
        <h2 className="visually-hidden">Writing</h2>
        <SortTabs current={sort} options={["new", "top"]} params={params} />
      </div>
      <div className="profile__columns">
        <section aria-labelledby="posts-heading">
          <h2 id="posts-heading">Posts ({posts.length})</h2>
          {posts.length === 0 ? <p className="muted">No posts yet.</p> : null}
          <ul className="profile__list">
            {posts.map((p) => (
              <li key={p.id}>
                <Link to={p.href} className="profile__title">{p.title}</Link>
                <p className="profile__item-meta">
                  {plural(p.score, "point")} · {plural(p.commentCount, "comment")} · <Time at={p.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">Comments ({comments.length})</h2>
          {comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
          <ul className="profile__list">
            {comments.map((c) => (
              <li key={c.id}>
                <p className="profile__excerpt">{c.excerpt}</p>
                <p className="profile__item-meta">
                  {plural(c.score, "point")} · on <Link to={c.href}>{c.title}</Link> · <Time at={c.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

const KIND_LABEL = { post: "The forecast of", fork: "A fork in", answer: "An answer in", question: "A question asked in" } as const;

const plural = (n: number, word: string) => `${n} ${Math.abs(n) === 1 ? word : `${word}s`}`;

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
