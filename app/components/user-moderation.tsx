import { useFetcher } from "@remix-run/react";
import type { ActionFailure } from "~/utils/errors";

/** Ban, unban and (for admins) the moderator role, on a profile. Shown to staff only. */
export function UserModeration({ handle, role, banned, viewerRole }: { handle: string; role: string; banned: boolean; viewerRole: string }) {
  const fetcher = useFetcher<ActionFailure | { ok: true }>();
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const busy = fetcher.state !== "idle";
  return (
    <details className="mod-tools">
      <summary>Moderate @{handle}</summary>
      {failure ? <p className="form-error" role="alert">{failure.error}</p> : null}
      {role === "member" ? (
        banned ? (
          <fetcher.Form method="post" className="mod-tools__form">
            <input type="hidden" name="intent" value="unban" />
            <label>
              Reason <span className="muted">(public)</span>
              <input name="reason" maxLength={500} />
            </label>
            <button type="submit" className="button button--small" disabled={busy}>Lift the ban</button>
          </fetcher.Form>
        ) : (
          <fetcher.Form method="post" className="mod-tools__form">
            <input type="hidden" name="intent" value="ban" />
            <label>
              Length
              <select name="length" defaultValue="7">
                <option value="1">1 day</option>
                <option value="7">7 days</option>
                <option value="30">30 days</option>
                <option value="forever">For good</option>
              </select>
            </label>
            <label>
              Reason <span className="muted">(public, shown to them)</span>
              <input name="reason" required minLength={3} maxLength={500} />
            </label>
            <button type="submit" className="button button--small button--danger" disabled={busy}>Ban and log out everywhere</button>
          </fetcher.Form>
        )
      ) : null}
      {viewerRole === "admin" && role !== "admin" ? (
        <fetcher.Form method="post" className="mod-tools__form">
          <input type="hidden" name="intent" value="set-role" />
          <input type="hidden" name="role" value={role === "moderator" ? "member" : "moderator"} />
          <button type="submit" className="button button--small button--quiet" disabled={busy}>
            {role === "moderator" ? "Revoke moderator" : "Make moderator"}
          </button>
        </fetcher.Form>
      ) : null}
    </details>
  );
}
