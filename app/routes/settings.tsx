import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/field";
import { banText } from "~/discussion/permissions";
import { passwordChangeSchema } from "~/discussion/moderation-schemas";
import { PASSWORD_MIN } from "~/discussion/schemas";
import { SESSION_ABSOLUTE_MS, sessionCookie } from "~/utils/cookies.server";
import { actionRetryAfter, formValues, parseForm, requireUser, runAction } from "~/actions/http.server";
import { isAppError, type ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "Settings · Forkcast" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = context.user;
  if (!user) throw data({ message: "Log in to change your settings." }, { status: 401 });
  const ban = await context.services.accounts.banState(user.id);
  const banned = ban.bannedUntil !== null && ban.bannedUntil > context.services.now();
  return {
    sessions: await context.services.sessions.countForUser(user.id),
    ban: banned ? { text: banText(ban.bannedUntil!), reason: ban.banReason ?? "" } : null,
    changed: new URL(request.url).searchParams.has("changed"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const input = parseForm(passwordChangeSchema, values);
    const { accounts, limits } = context.services;
    // Guessing the current password here is guessing a log-in: it counts against the account.
    await limits.check("login", user.handle);
    try {
      await accounts.changePassword(user.id, input.current, input.next);
    } catch (e) {
      if (isAppError(e) && e.fields?.current) await limits.consume("login", user.handle);
      throw e;
    }
    // Every old session is gone, this browser's too; it gets a brand-new id.
    const token = await context.services.sessions.create(user.id, request.headers.get("user-agent") ?? "");
    return redirect("/settings?changed", { headers: { "Set-Cookie": sessionCookie(request, token, SESSION_ABSOLUTE_MS / 1000) } });
  });
}

export default function Settings() {
  const { sessions, ban, changed } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow card">
      <h1>Settings</h1>
      {ban ? (
        <p className="banner banner--warn" role="status">
          {ban.text}{ban.reason ? `: ${ban.reason}` : ""}. You can still read everything.
        </p>
      ) : null}
      {changed ? <p className="banner" role="status">Password changed. Every other session was logged out.</p> : null}
      <h2>Change password</h2>
      <p className="muted">
        You are logged in on {sessions} {sessions === 1 ? "browser" : "browsers"}. Changing your password logs all of them out except this one.
      </p>
      <Form method="post" noValidate>
        {failure && !Object.keys(failure.fields).length ? <p className="form-error" role="alert">{failure.error}</p> : null}
        <Field name="current" label="Current password" type="password" autoComplete="current-password" error={failure?.fields.current} required />
        <Field name="next" label="New password" type="password" hint={`At least ${PASSWORD_MIN} characters.`} autoComplete="new-password" error={failure?.fields.next} required minLength={PASSWORD_MIN} />
        <Field name="confirm" label="New password, again" type="password" autoComplete="new-password" error={failure?.fields.confirm} required />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </Form>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
