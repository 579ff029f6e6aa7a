import { SHARED_PAGE } from "~/utils/shared-page";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { actionRetryAfter, formValues, parseForm, requireUser, runAction, runLoader } from "~/actions/http.server";
import { Field } from "~/components/field";
import { MarkdownBody } from "~/components/markdown-body";
import { Time } from "~/components/time";
import { tagWikiSchema } from "~/discussion/tags";
import { feedMeta } from "~/discussion/atom";
import type { ActionFailure } from "~/utils/errors";

export const handle = SHARED_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: `${data.tag.name} · Tags · Forkcast` }, feedMeta(`/tags/${data.tag.slug}/feed.atom`, `Posts tagged ${data.tag.name}`)] : [{ title: "Not found · Forkcast" }]);

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const tag = await context.services.tags.bySlug(params.slug ?? "");
    const posts = await context.services.posts.byTag(tag.id);
    return {
      tag,
      posts: posts.map((p) => ({ id: p.id, slug: p.slug, title: p.title, score: p.score, createdAt: p.createdAt, commentCount: p.commentCount, author: p.author })),
      refusal: await context.services.tags.wikiRefusal(context.user?.id ?? null),
      signedIn: context.user !== null,
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const input = parseForm(tagWikiSchema, values);
    const { guard, limits, tags } = context.services;
    await guard.require(user, "edit:tag-wiki");
    await limits.consume("edit", user.id, { exempt: await guard.exempt(user) });
    await tags.editWiki(params.slug ?? "", user.id, input.markdown);
    return { ok: true as const };
  }, values);
}

export default function TagPage() {
  const { tag, posts, refusal, signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionFailure | { ok: true } | undefined;
  const failure = result && !result.ok ? result : undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <article className="tag-page">
      <p className="breadcrumb">
        <Link to="/tags">← All tags</Link>
      </p>
      <header>
        <h1>{tag.name}</h1>
        <p className="tag-page__meta">
          Tag <code>{tag.slug}</code>
          {tag.editedAt && tag.editor ? (
            <>
              {" "}
              · wiki <Link to={`/tags/${tag.slug}/history`}>edited <Time at={tag.editedAt} /></Link> by <Link to={`/users/${tag.editor.handle}`}>{tag.editor.displayName}</Link>
            </>
          ) : null}
        </p>
      </header>
      <section className="tag-page__wiki" aria-label="Wiki">
        {tag.wikiHtml ? <MarkdownBody html={tag.wikiHtml} /> : <p className="empty">This tag has no wiki text yet.</p>}
      </section>
      {refusal === null ? (
        <details className="tag-page__edit" open={failure !== undefined}>
          <summary>Edit this wiki page</summary>
          <Form method="post" className="tag-wiki-form" noValidate>
            {failure && !failure.fields.markdown ? (
              <p className="form-error" role="alert">
                {failure.error}
              </p>
            ) : null}
            <Field name="markdown" label="Wiki text" multiline rows={10} defaultValue={failure?.values?.markdown ?? tag.wikiMarkdown} error={failure?.fields.markdown} hint="Markdown. Every edit is kept in the page's history and listed in the public moderation log." required />
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Saving…" : "Save the wiki page"}
            </button>
          </Form>
        </details>
      ) : signedIn ? (
        <p className="tag-page__refusal">{refusal}</p>
      ) : null}
      <section className="tag-page__posts" aria-labelledby="tag-posts">
        <h2 id="tag-posts">
          {posts.length} {posts.length === 1 ? "post" : "posts"}
        </h2>
        <ol className="post-list">
          {posts.map((p) => (
            <li key={p.id} className="post-list__item">
              <span className="post-list__score" title="Score">{p.score}</span>
              <div>
                <h3 className="post-list__title">
                  <Link to={`/posts/${p.slug}`}>{p.title}</Link>
                </h3>
                <p className="post-list__meta">
                  <Link to={`/users/${p.author.handle}`}>{p.author.displayName}</Link> · <Time at={p.createdAt} /> · {p.commentCount} {p.commentCount === 1 ? "comment" : "comments"}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
