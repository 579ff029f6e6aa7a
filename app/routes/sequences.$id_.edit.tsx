import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { actionRetryAfter, formValues, parseForm, requireUser, runAction, runLoader } from "~/actions/http.server";
import { SequenceForm, SequenceSignIn } from "~/components/sequence-form";
import { idSchema } from "~/discussion/schemas";
import { sequenceSchema } from "~/discussion/sequences";
import { notFound, type ActionFailure } from "~/utils/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.sequence ? `Edit “${data.sequence.title}” · Forkcast` : "Edit sequence · Forkcast" }];

const sequenceId = (raw: string | undefined) => {
  const id = idSchema.safeParse(raw);
  if (!id.success) throw notFound("That sequence");
  return id.data;
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const id = sequenceId(params.id);
    if (!context.user) return { id, sequence: null, posts: [] };
    const sequence = await context.services.sequences.forEditing(id, context.user.id);
    const posts = await context.services.posts.byAuthor(context.user.id, "new", 200);
    return { id, sequence, posts: posts.reverse().map((p) => ({ id: p.id, title: p.title })) };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const id = sequenceId(params.id);
    const user = requireUser(context);
    const { sequences, limits, guard } = context.services;
    if (values.intent === "delete") {
      await sequences.remove(user.id, id);
      return redirect(`/users/${user.handle}`);
    }
    const input = parseForm(sequenceSchema, values);
    // Permission, then the limit, then the render: a refused edit costs nothing.
    await sequences.checkEdit(id, user.id);
    await limits.consume("edit", user.id, { exempt: await guard.exempt(user) });
    await sequences.update(user.id, id, input);
    return redirect(`/sequences/${id}`);
  }, values);
}

export default function EditSequence() {
  const { id, sequence, posts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  if (!sequence) return <SequenceSignIn heading="Edit sequence" from={`/sequences/${id}/edit`} doing="to change your sequence." />;
  return (
    <section className="sequence-page">
      <h1>Edit sequence</h1>
      <p className="tags-page__intro">
        Renumber, add or leave out posts; the posts themselves stay as they are. <Link to={`/sequences/${id}`}>Back to the sequence</Link>
      </p>
      <SequenceForm posts={posts} initial={sequence} failure={failure} submit="Save the sequence" />
      <details className="action-panel sequence-page__delete">
        <summary className="link-button">Delete this sequence</summary>
        <Form method="post" className="confirm">
          <input type="hidden" name="intent" value="delete" />
          <span>Delete the sequence? Its posts stay; they are no longer numbered.</span>
          <button type="submit" className="button button--small button--danger">
            Yes, delete
          </button>
        </Form>
      </details>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
