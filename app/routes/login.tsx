import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/field";
import { GENERIC_LOGIN_ERROR, loginSchema } from "~/discussion/schemas";
import { SESSION_ABSOLUTE_MS, sessionCookie } from "~/utils/cookies.server";
import { appError, type ActionFailure } from "~/utils/errors";
import { formValues, parseForm, runAction, actionRetryAfter } from "~/actions/http.server";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = () => [{ title: "Log in · Forkcast" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const input = parseForm(loginSchema, values);
    const { limits } = context.services;
    // Only failures count, per account and per address (docs/decisions/019); both are checked
    // before the password is, so a throttled guess costs no hashing. Unknown handles count too,
    // so a refusal says nothing about who has an account.
    await limits.check("login-address", context.ip);
    await limits.check("login", input.handle);
    const user = await context.services.users.verifyLogin(input.handle, input.password);
    if (!user) {
      await limits.consume("login", input.handle);
      await limits.consume("login-address", context.ip);
      throw appError(401, GENERIC_LOGIN_ERROR);
    }
    // A fresh id on every login: a session id planted before login is worthless after it.
    await context.services.sessions.destroy(context.sessionToken, "You logged in again, so this page's old session ended.");
    const token = await context.services.sessions.create(user.id, request.headers.get("user-agent") ?? "");
    return redirect(safeRedirect(input.redirectTo), { headers: { "Set-Cookie": sessionCookie(request, token, SESSION_ABSOLUTE_MS / 1000) } });
  }, { handle: values.handle ?? "" });
}

export default function Login() {
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow card">
      <h1>Log in</h1>
      <Form method="post" noValidate>
        {failure ? <p className="form-error" role="alert">{failure.error}</p> : null}
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field name="handle" label="Handle" autoComplete="username" defaultValue={failure?.values?.handle} required autoFocus />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </Form>
      <p className="muted">
        New here? <Link to="/signup">Create an account</Link>.
      </p>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
