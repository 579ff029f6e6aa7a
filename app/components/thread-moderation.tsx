// The thread's state for everyone (lock banner, forking off, slow mode) and its tools for
// moderators and the post's author.
import { SLOW_MODE_MINUTES } from "~/discussion/moderation-schemas";
import { ActionForm, Menu, ReasonField, ReportMenu } from "./moderation-forms";

interface ThreadState {
  id: number;
  lockedAt: number | null;
  lockReason: string | null;
  forkingDisabled: boolean;
  slowModeSeconds: number;
}

export function ThreadBanners({ post, refusal }: { post: ThreadState; refusal: string | null }) {
  const minutes = Math.round(post.slowModeSeconds / 60);
  return (
    <>
      {post.lockedAt !== null ? (
        <p className="banner banner--lock" role="status" data-testid="lock-banner">
          <strong>This thread is locked.</strong> {post.lockReason ? `Reason: ${post.lockReason}. ` : ""}No new replies or forks; reading and voting still work.
        </p>
      ) : null}
      {post.forkingDisabled ? <p className="banner">Forking is turned off on this post. Replies are welcome.</p> : null}
      {post.slowModeSeconds > 0 ? <p className="banner">Slow mode: one reply every {minutes === 1 ? "minute" : `${minutes} minutes`} per person.</p> : null}
      {refusal && post.lockedAt === null ? (
        <p className="banner banner--warn" role="status">
          {refusal}
        </p>
      ) : null}
    </>
  );
}

export function ThreadTools(props: { post: ThreadState; staff: boolean; author: boolean; signedIn: boolean; barred: { handle: string; displayName: string; reason: string }[] }) {
  const { post, staff, author } = props;
  if (!staff && !author) return props.signedIn ? <ReportMenu targetType="post" targetId={post.id} /> : null;
  return (
    // Plain forms until opened, as in a comment's menu: most views of a thread never open it.
    <Menu className="mod-tools" summaryClassName="" summary={staff ? "Moderate this thread" : "Author tools"}>
      {(live) => (
        <div className="mod-tools__grid">
          {staff ? (
            post.lockedAt === null ? (
              <ActionForm live={live} intent="lock-post" submit="Lock thread" danger>
                <ReasonField required />
              </ActionForm>
            ) : (
              <ActionForm live={live} intent="unlock-post" submit="Unlock thread">
                <ReasonField />
              </ActionForm>
            )
          ) : null}
          <ActionForm live={live} intent="set-forking" fields={{ disabled: post.forkingDisabled ? "0" : "1" }} submit={post.forkingDisabled ? "Turn forking on" : "Turn forking off"}>
            <ReasonField />
          </ActionForm>
          {staff ? (
            <ActionForm live={live} intent="set-slow-mode" submit="Set slow mode">
              <label className="mod-form__field">
                <span>One reply per person every</span>
                <select name="minutes" defaultValue={String(Math.round(post.slowModeSeconds / 60))}>
                  {SLOW_MODE_MINUTES.map((m) => (
                    <option key={m} value={m}>
                      {m === 0 ? "— (off)" : `${m} min`}
                    </option>
                  ))}
                </select>
              </label>
              <ReasonField />
            </ActionForm>
          ) : null}
          <ActionForm live={live} intent="ban-from-post" submit="Bar from this thread">
            <label className="mod-form__field">
              <span>Handle</span>
              <input name="handle" required pattern="[A-Za-z0-9_\-]{3,24}" autoComplete="off" />
            </label>
            <ReasonField />
          </ActionForm>
          {props.barred.length ? (
            <div className="mod-tools__barred">
              <p className="muted">Barred from commenting here:</p>
              <ul>
                {props.barred.map((b) => (
                  <li key={b.handle}>
                    <a href={`/users/${b.handle}`}>@{b.handle}</a>
                    {b.reason ? <span className="muted"> ({b.reason})</span> : null}
                    <ActionForm live={live} intent="unban-from-post" fields={{ handle: b.handle }} submit="Lift" className="mod-form mod-form--inline" />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </Menu>
  );
}
