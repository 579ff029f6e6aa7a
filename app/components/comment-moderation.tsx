// Per-comment tools: moderators remove, restore and annotate; the post's author folds
// off-topic replies away; everyone else signed in can report.
import type { CommentView } from "~/services/types";
import { ForkCard, type AnyFork } from "./fork-card";
import { MarkdownBody } from "./markdown-body";
import { ActionForm, Menu, ReasonField, ReportMenu } from "./moderation-forms";

export interface ThreadRoles {
  staff: boolean;
  author: boolean;
  signedIn: boolean;
}

/** What the menu reads of a comment: few plain fields, so a row of actions can be kept by them (rendered-once.tsx). */
export type ModeratedComment = Pick<CommentView, "id" | "status" | "modNote" | "collapsed"> & { mine: boolean };

export function CommentModeration({ comment: c, roles, isFork }: { comment: ModeratedComment; roles: ThreadRoles; isFork: boolean }) {
  const mine = c.mine;
  if (!roles.staff && !roles.author) return roles.signedIn && !mine && c.status === "visible" ? <ReportMenu targetType={isFork ? "fork" : "comment"} targetId={c.id} /> : null;
  return (
    <Menu summary="Moderate">
      {(live) => (
        <div className="mod-tools__grid">
          {roles.staff && c.status === "visible" ? (
            <ActionForm live={live} intent="remove-comment" fields={{ commentId: c.id }} submit="Remove" danger>
              <ReasonField required />
            </ActionForm>
          ) : null}
          {roles.staff && c.status === "removed" ? (
            <ActionForm live={live} intent="restore-comment" fields={{ commentId: c.id }} submit="Restore">
              <ReasonField />
            </ActionForm>
          ) : null}
          {roles.staff && c.status === "visible" ? (
            <ActionForm live={live} intent="note-comment" fields={{ commentId: c.id }} submit={c.modNote ? "Update note" : "Add note"}>
              <label className="mod-form__field">
                <span>
                  Moderator note <span className="muted">(public, shown under the comment; empty clears it)</span>
                </span>
                <input name="note" maxLength={1000} defaultValue={c.modNote ?? ""} />
              </label>
            </ActionForm>
          ) : null}
          {c.status === "visible" ? (
            <ActionForm live={live} intent="collapse-comment" fields={{ commentId: c.id, collapsed: c.collapsed ? "0" : "1" }} submit={c.collapsed ? "Expand for everyone" : "Collapse as off-topic"} />
          ) : null}
        </div>
      )}
    </Menu>
  );
}

/** Only moderators get a gone comment's words (commentVisibility): kept apart so nobody mistakes them for live text. */
export function StaffCopy({ comment, fork, viewerId }: { comment: CommentView; fork: AnyFork | undefined; viewerId: number | null }) {
  return (
    <details className="comment__staff-copy">
      <summary>{`Only moderators see this ${comment.status === "removed" ? "removed" : "deleted"} text, by ${comment.author.displayName}`}</summary>
      <MarkdownBody html={comment.html} className="comment__body" />
      {fork ? <ForkCard fork={fork} commentId={comment.id} viewerId={viewerId} /> : null}
    </details>
  );
}
