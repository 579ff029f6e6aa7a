import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formValues, parseForm, requireUser, runAction, actionRetryAfter } from "~/actions/http.server";
import { SequenceForm, SequenceSignIn } from "~/components/sequence-form";
import { sequenceSchema } from "~/discussion/sequences";
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
  if (!signedIn) return <SequenceSignIn heading="New sequence" from="/sequences/new" doing="to group your posts into a sequence." />;
  return (
    <section className="sequence-page">
      <h1>New sequence</h1>
      <p className="tags-page__intro">A sequence puts your own posts in an order readers can follow; each post then shows its part and links to the next.</p>
      <SequenceForm posts={posts} failure={failure} submit="Create the sequence" />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
