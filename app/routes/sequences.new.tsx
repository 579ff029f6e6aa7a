import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formValues, parseForm, requireUser, runAction, actionRetryAfter } from "~/actions/http.server";
import { Field } from "~/components/field";
import { POSITION_FIELD, sequenceSchema } from "~/discussion/sequences";
import type { ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "New sequence · Forkcast" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return { signedIn: false, posts: [] };
  const posts = await context.services.posts.byAuthor(context.user.id, "new", 200);
  return { signedIn: true, posts: posts.reverse().map((p) => ({ id: p.id, title: p.title })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const input = parseForm(sequenceSchema, values);
    await context.services.limits.consume("post", user.id, { exempt: await context.services.guard.exempt(user) });
    const { id } = await context.services.sequences.create(user.id, input);
    return redirect(`/sequences/${id}`);
  }, values);
}

export default function NewSequence() {
  const { signedIn, posts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  if (!signedIn)
    return (
      <section className="sequence-page">
        <h1>New sequence</h1>
        <p>
          <Link to="/login?redirectTo=%2Fsequences%2Fnew">Log in</Link> to group your posts into a sequence.
        </p>
      </section>
    );
  return (
    <section className="sequence-page">
      <h1>New sequence</h1>
      <p className="tags-page__intro">A sequence puts your own posts in an order readers can follow; each post then shows its part and links to the next.</p>
      <Form method="post" noValidate className="sequence-form">
        {failure && !failure.fields.title ? (
          <p className="form-error" role="alert">
            {failure.error}
          </p>
        ) : null}
        <Field name="title" label="Title" defaultValue={failure?.values?.title} error={failure?.fields.title} maxLength={200} required />
        <Field name="markdown" label="Description" multiline rows={4} defaultValue={failure?.values?.markdown} hint="Markdown, optional." />
        <fieldset>
          <legend>Posts, numbered in reading order (leave a box empty to leave a post out)</legend>
          {posts.length < 2 ? <p className="empty">A sequence needs at least two of your posts; write some first.</p> : null}
          <ol className="sequence-form__posts">
            {posts.map((p) => (
              <li key={p.id}>
                <input type="number" min={1} name={`${POSITION_FIELD}${p.id}`} id={`pos-${p.id}`} defaultValue={failure?.values?.[`${POSITION_FIELD}${p.id}`]} aria-label={`Position of “${p.title}”`} />
                <label htmlFor={`pos-${p.id}`}>{p.title}</label>
              </li>
            ))}
          </ol>
        </fieldset>
        <button type="submit" className="button">
          Create the sequence
        </button>
      </Form>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
