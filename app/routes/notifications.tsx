import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OlderLink } from "~/components/older-link";
import { Time } from "~/components/time";
import { notificationActionSchema } from "~/discussion/moderation-schemas";
import { idSchema } from "~/discussion/schemas";
import { formValues, parseForm, requireUser, runAction } from "~/actions/http.server";

export const meta: MetaFunction = () => [{ title: "Notifications · Forkcast" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = context.user;
  if (!user) throw data({ message: "Log in to see your notifications." }, { status: 401 });
  const before = idSchema.safeParse(new URL(request.url).searchParams.get("before"));
  return context.services.notifications.list(user.id, before.success ? before.data : null);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  return runAction(async () => {
    const user = requireUser(context);
    const { read } = parseForm(notificationActionSchema, values);
    return { ok: true as const, unread: await context.services.notifications.markRead(user.id, read) };
  }, values);
}

const KIND_LABEL = { reply: "Reply", fork: "Fork", report: "Report", moderation: "Moderation" } as const;

export default function Notifications() {
  const { items, hasMore } = useLoaderData<typeof loader>();
  const anyUnread = items.some((n) => !n.read);
  return (
    <section className="notifications narrow">
      <header className="notifications__header">
        <h1>Notifications</h1>
        {anyUnread ? (
          <Form method="post">
            <input type="hidden" name="read" value="all" />
            <button type="submit" className="link-button">Mark all read</button>
          </Form>
        ) : null}
      </header>
      {items.length === 0 ? <p className="muted">Nothing yet. Replies to you and forks of your forecasts will show up here.</p> : null}
      <ol className="notifications__list">
        {items.map((n) => (
          <li key={n.id} className={n.read ? "notice" : "notice notice--unread"}>
            <span className={`notice__kind notice__kind--${n.kind}`}>{KIND_LABEL[n.kind]}</span>
            <p className="notice__text">
              {n.actorName ? <strong>{n.actorName} </strong> : null}
              {n.href ? <Link to={n.href}>{n.text}</Link> : n.text}
            </p>
            {/* A div, not a p: a <form> inside a <p> is invalid HTML, and the parser's fix-up broke hydration. */}
            <div className="notice__meta">
              <Time at={n.createdAt} />
              {!n.read ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="read" value={n.id} />
                  <button type="submit" className="link-button">Mark read</button>
                </Form>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <OlderLink items={items} hasMore={hasMore}>
        Older notifications
      </OlderLink>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
