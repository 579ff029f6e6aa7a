import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RevisionHistory } from "~/components/revision-history";
import { actionRetryAfter, formValues, parseForm, requireUser, runAction, runLoader } from "~/actions/http.server";
import type { ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "Wiki history · Forkcast" }];

const restoreSchema = z.object({ version: z.coerce.number({ error: "Choose a version." }).int().min(1, "Choose a version.") });

export async function loader({ params, context }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const { tag, versions } = await context.services.tags.history(params.slug ?? "");
    return { tag: { slug: tag.slug, name: tag.name }, versions, canRestore: context.user !== null && (await context.services.tags.wikiRefusal(context.user.id)) === null };
  });
}

/** Restoring an old version is an ordinary wiki edit: checked, kept in history and logged. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const { version } = parseForm(restoreSchema, values);
    const { guard, limits, tags } = context.services;
    await guard.require(user, "edit:tag-wiki");
    await limits.consume("edit", user.id, { exempt: await guard.exempt(user) });
    await tags.restoreWiki(params.slug ?? "", user.id, version);
    return { ok: true as const };
  }, values);
}

export default function TagHistory() {
  const { tag, versions, canRestore } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionFailure | { ok: true } | undefined;
  return (
    <section className="history">
      <p className="breadcrumb">
        <Link to={`/tags/${tag.slug}`}>← Back to {tag.name}</Link>
      </p>
      <h1>Wiki history</h1>
      <p className="history__intro">{versions.length === 1 ? "This wiki page has not been edited." : "Every version of this wiki page, newest first, with what each edit changed and who wrote it. Each edit is also in the public moderation log."}</p>
      {result && !result.ok ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <RevisionHistory
        versions={versions.map((v) => ({ ...v, byline: v.editorHandle }))}
        tools={
          canRestore
            ? (version) => (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="version" value={version} />
                  <button type="submit" className="link-button">
                    Restore this version
                  </button>
                </Form>
              )
            : undefined
        }
      />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
