// A comment's row of actions: votes, reply links, and the owner's and moderators' menus. A long
// thread renders one per comment for every reader, and the row is most of a comment's markup,
// so the server keeps it by its props (rendered-once.tsx) unless only this visit can show it.
import { useCallback, useState } from "react";
import { CommentForm } from "./comment-form";
import { CommentModeration, type ModeratedComment, type ThreadRoles } from "./comment-moderation";
import { CommentVotes, type PendingVote } from "./comment-votes";
import { ActionForm, Menu } from "./moderation-forms";
import type { ForkParent } from "./fork-form";
import { RenderedOnce } from "./rendered-once";
import { ReplyToggle, type ReplyMode } from "./reply-toggle";

/** Everything the row shows, as plain values: equal props, equal markup. */
export interface ActionsProps {
  slug: string;
  comment: ModeratedComment & { score: number; agreeScore: number; viewerVote: number; viewerAgree: number };
  /** The comment's text, for its author's edit form; null for everyone else's. */
  ownMarkdown: string | null;
  /** Why this reader may not vote here, or null. */
  voteBlock: string | null;
  signedIn: boolean;
  roles: ThreadRoles;
  isFork: boolean;
  closed: boolean;
  forkOf: number | null;
  answers: boolean;
  canAsk: boolean;
  /** The no-JavaScript landing's open form, on the one comment it opens under. */
  startMode: ReplyMode | null;
  askModel: string | null;
  forkParent: ForkParent | null;
  /** Browser-only state of a vote sent during this visit. */
  pending: PendingVote | undefined;
  touched: boolean;
}

export function CommentActions(props: ActionsProps) {
  // A landing's row carries its open form, and a vote in flight its pending state: one visit's, once.
  const kept = props.startMode === null && props.pending === undefined && !props.touched;
  return (
    <RenderedOnce as="div" className="comment__actions" part="actions" sameFor={kept ? props : null}>
      <ActionsRow {...props} />
    </RenderedOnce>
  );
}

function ActionsRow(p: ActionsProps) {
  const c = p.comment;
  const permalink = `/posts/${p.slug}/comments/${c.id}`;
  return (
    <>
      <CommentVotes commentId={c.id} score={c.score} agreeScore={c.agreeScore} viewerVote={c.viewerVote} viewerAgree={c.viewerAgree} disabledReason={p.voteBlock} pending={p.pending} touched={p.touched} />
      <ReplyToggle
        commentId={c.id}
        slug={p.slug}
        permalink={permalink}
        signedIn={p.signedIn}
        startMode={p.startMode}
        closed={p.closed}
        forkOf={p.forkOf}
        answers={p.answers}
        canAsk={p.canAsk}
        askModel={p.askModel}
        forkParent={p.forkParent}
        storageKey={`fork:${p.slug}:${c.id}`}
      />
      {p.ownMarkdown !== null ? <OwnerActions commentId={c.id} markdown={p.ownMarkdown} /> : null}
      <CommentModeration comment={c} roles={p.roles} isFork={p.isFork} />
    </>
  );
}

/**
 * Edit and Delete for the comment's author. Their forms become fetchers only once opened (as
 * moderation-forms.tsx's Menu does): a plain POST until then, so the row holds no router state
 * and is kept like everyone else's (the author reloads their own thread more than anyone).
 */
function OwnerActions({ commentId, markdown }: { commentId: number; markdown: string }) {
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState(false);
  const close = useCallback(() => setEditing(false), []);
  return (
    <>
      <details
        className="action-panel"
        open={editing}
        onToggle={(e) => {
          const open = (e.target as HTMLDetailsElement).open;
          setEditing(open);
          if (open) setOpened(true);
        }}
      >
        <summary className="link-button">Edit</summary>
        {opened ? <CommentForm intent="edit-comment" commentId={commentId} defaultValue={markdown} submitLabel="Save edit" onDone={close} /> : <PlainEditForm commentId={commentId} markdown={markdown} />}
      </details>
      <Menu summary="Delete">
        {(live) => (
          <ActionForm live={live} intent="delete-comment" fields={{ commentId }} submit="Yes, delete" danger className="confirm">
            <span>Delete this comment? Replies stay.</span>
          </ActionForm>
        )}
      </Menu>
    </>
  );
}

/** The edit form before it is opened (and without JavaScript): the same fields, posted without a fetcher. */
function PlainEditForm({ commentId, markdown }: { commentId: number; markdown: string }) {
  const id = `edit-comment-${commentId}`;
  return (
    <ActionForm live={false} intent="edit-comment" fields={{ commentId }} submit="Save edit" className="comment-form">
      <label className="visually-hidden" htmlFor={id}>
        Save edit
      </label>
      <textarea id={id} name="markdown" rows={6} defaultValue={markdown} placeholder="Write in Markdown; $math$ works." required />
    </ActionForm>
  );
}
