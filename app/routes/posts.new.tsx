import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import editorCss from "~/styles/forecast-editor.css?url";
import chartCss from "~/styles/charts.css?url";
import squiggleCss from "~/styles/squiggle.css?url";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostEditor } from "~/components/post-editor";
import { postSchema } from "~/discussion/schemas";
import { getModel, SQUIGGLE_MODEL_ID } from "~/forecast/index";
import { submittedForecast } from "~/actions/forecast-form.server";
import { formValues, parseForm, requireUser, runAction, actionRetryAfter } from "~/actions/http.server";
import type { ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "New post · Forkcast" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorCss }, { rel: "stylesheet", href: chartCss }, { rel: "stylesheet", href: squiggleCss }];

// No redirect here: after a refused POST (session expired mid-edit) the page must still
// render the 401 and the text that was typed.
export async function loader({ context, request }: LoaderFunctionArgs) {
  // ?model=quick-probability (or =squiggle): the model picker's no-JavaScript links land here with it chosen.
  const chosen = modelParam(new URL(request.url).searchParams.get("model"));
  return { signedIn: Boolean(context.user), model: chosen };
}

function modelParam(id: string | null): string | null {
  return id && (getModel(id) || id === SQUIGGLE_MODEL_ID) ? id : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const input = parseForm(postSchema, values);
    const { guard, limits } = context.services;
    await guard.require(user, "create:post");
    await limits.consume("post", user.id, { exempt: await guard.exempt(user) });
    const forecast = await submittedForecast(context, values);
    const { slug } = await context.services.posts.create({ authorId: user.id, ...input, forecast });
    return redirect(`/posts/${slug}`);
  }, values);
}

export default function NewPost() {
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  const { signedIn, model } = useLoaderData<typeof loader>();
  return (
    <section className="editor-page">
      <h1>Write a post</h1>
      {signedIn ? null : (
        <p className="thread__login">
          <Link to="/login?redirectTo=%2Fposts%2Fnew">Log in</Link> or <Link to="/signup">sign up</Link> to publish.
        </p>
      )}
      <PostEditor
        failure={failure}
        attach
        forecast={model && model !== SQUIGGLE_MODEL_ID ? { modelId: model, inputs: {} } : null}
        kind={model === SQUIGGLE_MODEL_ID ? "squiggle" : "built-in"}
        submitLabel="Publish"
        modelHref={(id) => `/posts/new?model=${encodeURIComponent(id)}`}
      />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
