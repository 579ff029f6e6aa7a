import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import editorCss from "~/styles/forecast-editor.css?url";
import chartCss from "~/styles/charts.css?url";
import squiggleCss from "~/styles/squiggle.css?url";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostEditor } from "~/components/post-editor";
import { postSchema } from "~/discussion/schemas";
import { tagListText } from "~/discussion/tags";
import type { Inputs } from "~/forecast/types";
import { submittedForecast } from "~/actions/forecast-form.server";
import { actionRetryAfter, formValues, parseForm, requireUser, runAction, runLoader } from "~/actions/http.server";
import type { ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "Edit post · Forkcast" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorCss }, { rel: "stylesheet", href: chartCss }, { rel: "stylesheet", href: squiggleCss }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const user = context.user;
  if (!user) throw data({ message: "Log in as the post's author to edit it." }, { status: 401 });
  const post = await runLoader(() => context.services.posts.bySlug(params.slug ?? "", user.id));
  if (post.author.id !== user.id) throw data({ message: "Only the author can edit this post." }, { status: 403 });
  const current = post.forecastId ? await context.services.forecasts.row(post.forecastId) : null;
  const program = current ? await context.services.forecasts.programOf(current) : null;
  // A Squiggle forecast starts from its program, with the inputs that differ from its code.
  const squiggle = program ? { source: program.source, program: { inputs: program.model.inputs, output: program.analysis.output } } : {};
  return {
    post: { slug: post.slug, title: post.title, markdown: post.markdown, tags: tagListText((await context.services.tags.ofPost(post.id)).map((t) => t.slug)) },
    forecast: current ? { modelId: current.modelId, inputs: JSON.parse(current.overrides) as Inputs, ...squiggle } : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const post = await context.services.posts.bySlug(params.slug ?? "", user.id);
    const input = parseForm(postSchema, values);
    const { guard, limits } = context.services;
    await guard.require(user, "edit:post", { ownerId: post.author.id });
    await limits.consume("edit", user.id, { exempt: await guard.exempt(user) });
    const submitted = await submittedForecast(context, values);
    const current = post.forecastId ? await context.services.forecasts.row(post.forecastId) : null;
    // An unchanged forecast keeps its row; a changed one becomes a new version (forks keep theirs).
    const forecast = !submitted
      ? current ? ("remove" as const) : undefined
      : current && current.modelId === submitted.model.id && current.inputsHash === submitted.inputsHash ? undefined : submitted;
    const { slug } = await context.services.posts.update(post.id, user.id, { ...input, forecast });
    return redirect(`/posts/${slug}`);
  }, values);
}

export default function EditPost() {
  const { post, forecast } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  return (
    <section className="editor-page">
      <p className="breadcrumb">
        <Link to={`/posts/${post.slug}`}>← Back to the post</Link>
      </p>
      <h1>Edit post</h1>
      <PostEditor failure={failure} initial={post} forecast={forecast} attach={forecast !== null} submitLabel="Save changes" />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
