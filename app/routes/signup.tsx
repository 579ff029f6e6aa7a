import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/field";
import { PASSWORD_MIN, signupSchema } from "~/discussion/schemas";
import { SESSION_ABSOLUTE_MS, sessionCookie } from "~/utils/cookies.server";
import { formValues, parseForm, runAction, actionRetryAfter } from "~/actions/http.server";
import type { ActionFailure } from "~/utils/errors";

export const meta: MetaFunction = () => [{ title: "Sign up · Forkcast" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const input = parseForm(signupSchema, values);
    await context.services.limits.consume("signup", context.ip);
    const user = await context.services.users.signup(input);
    const token = await context.services.sessions.create(user.id, request.headers.get("user-agent") ?? "");
    return redirect("/", { headers: { "Set-Cookie": sessionCookie(request, token, SESSION_ABSOLUTE_MS / 1000) } });
  }, { handle: values.handle ?? "", displayName: values.displayName ?? "" });
}

export default function Signup() {
  const failure = useActionData<typeof action>() as ActionFailure | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow card">
      <h1>Join Forkcast</h1>
      <p className="lede">Write forecasts, fork other people's assumptions, and see what changes.</p>
      <Form method="post" noValidate>
        {failure && !failure.fields.handle && !failure.fields.password && !failure.fields.displayName ? (
          <p className="form-error" role="alert">{failure.error}</p>
        ) : null}
        <Field name="handle" label="Handle" hint="Your address: /users/handle. Letters, digits, - and _." autoComplete="username" defaultValue={failure?.values?.handle} error={failure?.fields.handle} required autoFocus />
        <Field name="displayName" label="Display name" autoComplete="name" defaultValue={failure?.values?.displayName} error={failure?.fields.displayName} required />
        <Field name="password" label="Password" type="password" hint={`At least ${PASSWORD_MIN} characters. A passphrase works well.`} autoComplete="new-password" error={failure?.fields.password} required minLength={PASSWORD_MIN} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating your account…" : "Create account"}
        </button>
      </Form>
      <p className="muted">
        Already have an account? <Link to="/login">Log in</Link>.
      </p>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const headers = actionRetryAfter;
