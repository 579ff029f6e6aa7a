import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Time } from "~/components/time";
import { resolveReportSchema } from "~/discussion/moderation-schemas";
import { formValues, parseForm, requireUser, runAction, runLoader } from "~/actions/http.server";
import type { ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "Reports · Forkcast" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.user;
  if (!user) throw data({ message: "Log in as a moderator to see the report queue." }, { status: 401 });
  return runLoader(async () => ({ reports: await context.services.reports.queue(user.id) }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const input = parseForm(resolveReportSchema, values);
    await context.services.reports.resolve(user.id, input.reportId, input.outcome, input.note);
    return { ok: true as const, resolved: input.reportId };
  }, values);
}

export default function ReportQueue() {
  const { reports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionFailure | { ok: true; resolved: number } | undefined;
  return (
    <section className="reports">
      <h1>Open reports</h1>
      <p className="muted">
        Oldest first. Act with the thread tools on the reported page (remove, lock, ban), then close the report here; the reporter is told the outcome.
      </p>
      {result && !result.ok ? <p className="form-error" role="alert">{result.error}</p> : null}
      {reports.length === 0 ? <p className="muted">The queue is empty.</p> : null}
      <ol className="reports__list">
        {reports.map((r) => (
          <li key={r.id} className="report card">
            <p className="report__meta">
              <strong>{r.reporterName}</strong> reported a {r.targetType} on <Link to={r.href}>{r.postTitle}</Link> · <Time at={r.createdAt} />
              {r.targetStatus !== "visible" ? <span className="badge badge--muted">{r.targetStatus}</span> : null}
            </p>
            <p className="report__reason">“{r.reason}”</p>
            {r.excerpt ? <blockquote className="report__excerpt">{r.excerpt}</blockquote> : null}
            <Form method="post" className="report__resolve">
              <input type="hidden" name="reportId" value={r.id} />
              <label>
                Note to the reporter <span className="muted">(optional)</span>
                <input name="note" maxLength={500} />
              </label>
              <button type="submit" name="outcome" value="actioned" className="button button--small">Acted on</button>
              <button type="submit" name="outcome" value="dismissed" className="button button--small button--quiet">Dismiss</button>
            </Form>
          </li>
        ))}
      </ol>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
