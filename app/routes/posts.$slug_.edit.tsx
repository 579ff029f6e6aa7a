import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PostEditor } from "~/components/post-editor";
import { postSchema } from "~/discussion/schemas";
import { formValues, parseForm, requireUser, runAction, runLoader, type ActionFailure } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Edit post · Forkcast" }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const user = context.user;
  if (!user) throw data({ message: "Log in as the post's author to edit it." }, { status: 401 });
  const post = await runLoader(() => context.services.posts.bySlug(params.slug ?? "", user.id));
  if (post.author.id !== user.id) throw data({ message: "Only the author can edit this post." }, { status: 403 });
  return { post: { slug: post.slug, title: post.title, markdown: post.markdown } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(() => {
    const user = requireUser(context);
    const post = context.services.posts.bySlug(params.slug ?? "", user.id);
    const input = parseForm(postSchema, values);
    const { slug } = context.services.posts.update(post.id, user.id, input);
    return redirect(`/posts/${slug}`);
  }, values);
}

export default function EditPost() {
  const { post } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  return (
    <section className="editor-page">
      <p className="breadcrumb">
        <Link to={`/posts/${post.slug}`}>← Back to the post</Link>
      </p>
      <h1>Edit post</h1>
      <PostEditor failure={failure} initial={post} submitLabel="Save changes" />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
