import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OlderLink } from "~/components/older-link";
import { DateTime } from "~/components/time";
import { idSchema } from "~/discussion/schemas";

export const meta: MetaFunction = () => [{ title: "Moderation log · Forkcast" }];

// Public on purpose: readers can see who moderated what and why. The table is append-only.
export async function loader({ context, request }: LoaderFunctionArgs) {
  const before = idSchema.safeParse(new URL(request.url).searchParams.get("before"));
  return context.services.moderation.log(before.success ? before.data : null);
}

const ACTIONS: Record<string, string> = {
  lock: "locked the thread",
  unlock: "unlocked the thread",
  "disable-forking": "turned forking off",
  "enable-forking": "turned forking on",
  "slow-mode": "set slow mode",
  remove: "removed a comment",
  restore: "restored a comment",
  note: "added a moderator note",
  "clear-note": "cleared a moderator note",
  collapse: "collapsed a reply",
  expand: "expanded a reply",
  "ban-from-post": "barred a user from the thread",
  "unban-from-post": "lifted a thread bar",
  ban: "banned",
  unban: "unbanned",
  "edit-tag-wiki": "edited the wiki of",
  "grant-moderator": "made a moderator:",
  "revoke-moderator": "revoked moderator from",
  "report-actioned": "acted on a report",
  "report-dismissed": "dismissed a report",
};

export default function ModerationLog() {
  const { entries, hasMore } = useLoaderData<typeof loader>();
  return (
    <section className="modlog">
      <h1>Moderation log</h1>
      <p className="muted">Every moderation action on Forkcast, newest first. Entries are never edited or deleted.</p>
      {entries.length === 0 ? (
        <p className="modlog__empty">
          No moderation yet. When a moderator locks a thread, removes a comment or bans someone, it shows up here with their reason.
        </p>
      ) : (
        <table className="modlog__table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td><DateTime at={e.createdAt} /></td>
                <td>{e.actorName}</td>
                <td>
                  {ACTIONS[e.action] ?? e.action}
                  {e.subjectName && e.targetType === "user" ? <> <Link to={`/users/${e.subjectName}`}>@{e.subjectName}</Link></> : null}
                  {e.tagSlug && e.targetType === "tag" ? <> <Link to={`/tags/${e.tagSlug}/history`}>{e.tagName}</Link></> : null}
                  {e.detail ? <span className="muted"> ({e.detail})</span> : null}
                  {e.postSlug ? (
                    <>
                      {" "}on{" "}
                      <Link to={e.targetType === "comment" ? `/posts/${e.postSlug}/comments/${e.targetId}` : `/posts/${e.postSlug}`}>{e.postTitle}</Link>
                    </>
                  ) : null}
                </td>
                <td>{e.reason || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OlderLink items={entries} hasMore={hasMore}>
        Older entries
      </OlderLink>
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
