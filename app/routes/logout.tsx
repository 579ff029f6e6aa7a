import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { clearSessionCookie } from "~/utils/cookies.server";

export const meta: MetaFunction = () => [{ title: "Log out · Forkcast" }];

// GET only asks: logging out is a write, and GETs never write.
export default function Logout() {
  return (
    <section className="narrow card">
      <h1>Log out?</h1>
      <Form method="post">
        <button type="submit" className="button">
          Log out
        </button>
      </Form>
    </section>
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  await context.services.sessions.destroy(context.sessionToken);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
