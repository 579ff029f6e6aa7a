import { Link, useFetcher } from "@remix-run/react";
import { useCallback, useRef } from "react";
import type { TreeNode } from "~/discussion/tree";
import type { CommentView } from "~/services/types";
import { CommentForm } from "./comment-form";
import { MarkdownBody } from "./markdown-body";
import { Time } from "./time";
import { VoteButtons } from "./vote-buttons";

/** Past this many levels below the view's root, a thread continues on its own page. */
export const CONTINUE_DEPTH = 8;

interface Viewer {
  id: number;
}

interface TreeProps {
  nodes: TreeNode<CommentView>[];
  slug: string;
  viewer: Viewer | null;
  level?: number;
}

export function CommentTree({ nodes, slug, viewer, level = 0 }: TreeProps) {
  if (nodes.length === 0) return null;
  return (
    <ol className={`comment-list${level === 0 ? " comment-list--root" : ""}`}>
      {nodes.map((node) => (
        <li key={node.comment.id}>
          <CommentItem node={node} slug={slug} viewer={viewer} level={level} />
        </li>
      ))}
    </ol>
  );
}

/** `<details>` gives every subthread a collapse toggle that works without JavaScript. */
function Collapsible(props: { summary: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <details className={props.className} open>
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}

function closeDetails(ref: React.RefObject<HTMLDetailsElement>) {
  if (ref.current) ref.current.open = false;
}

function CommentItem({ node, slug, viewer, level }: { node: TreeNode<CommentView>; slug: string; viewer: Viewer | null; level: number }) {
  const c = node.comment;
  const replyRef = useRef<HTMLDetailsElement>(null);
  const editRef = useRef<HTMLDetailsElement>(null);
  const closeReply = useCallback(() => closeDetails(replyRef), []);
  const closeEdit = useCallback(() => closeDetails(editRef), []);
  const visible = c.status === "visible";
  const mine = viewer?.id === c.author.id;
  const permalink = `/posts/${slug}/comments/${c.id}`;
  const replies = node.descendants;

  const head = (
    <span className="comment__head">
      <span className="comment__toggle" aria-hidden="true" />
      {visible ? (
        <Link to={`/users/${c.author.handle}`} className="comment__author">
          {c.author.displayName}
        </Link>
      ) : (
        <span className="comment__author comment__author--gone">[deleted]</span>
      )}
      <Link to={permalink} className="comment__date" title="Permalink">
        <Time at={c.createdAt} />
      </Link>
      {c.editedAt && visible ? (
        <Link to={`${permalink}/history`} className="comment__edited" title="See edit history">
          edited
        </Link>
      ) : null}
      <span className="comment__folded-count">{replies > 0 ? `${replies} ${replies === 1 ? "reply" : "replies"} hidden` : "collapsed"}</span>
    </span>
  );

  return (
    <article className={`comment${mine ? " comment--mine" : ""}${level >= 5 ? " comment--deep" : ""}`} id={`c-${c.id}`} data-comment-id={c.id}>
      <Collapsible summary={head} className="comment__fold">
        {visible ? <MarkdownBody html={c.html} className="comment__body" /> : <p className="comment__body comment__body--gone">This comment was deleted by its author.</p>}
        <div className="comment__actions">
          {visible ? (
            <>
              <VoteButtons intent="vote-comment" commentId={c.id} kind="karma" score={c.score} viewerValue={c.viewerVote} disabled={!viewer || mine} disabledReason={!viewer ? "Log in to vote" : "You cannot vote on your own comment"} />
              <VoteButtons intent="agree-comment" commentId={c.id} kind="agree" score={c.agreeScore} viewerValue={c.viewerAgree} disabled={!viewer || mine} disabledReason={!viewer ? "Log in to vote" : "You cannot vote on your own comment"} />
            </>
          ) : null}
          {viewer && visible ? (
            <details className="action-panel" ref={replyRef}>
              <summary className="link-button">Reply</summary>
              <CommentForm intent="reply" parentId={c.id} submitLabel="Post reply" onDone={closeReply} autoFocus />
            </details>
          ) : null}
          {!viewer && visible ? (
            <Link to={`/login?redirectTo=${encodeURIComponent(permalink)}`} className="link-button">
              Log in to reply
            </Link>
          ) : null}
          {mine && visible ? (
            <>
              <details className="action-panel" ref={editRef}>
                <summary className="link-button">Edit</summary>
                <CommentForm intent="edit-comment" commentId={c.id} defaultValue={c.markdown} submitLabel="Save edit" onDone={closeEdit} />
              </details>
              <DeleteButton commentId={c.id} />
            </>
          ) : null}
        </div>
        {node.children.length > 0 ? (
          level + 1 >= CONTINUE_DEPTH ? (
            <Link to={permalink} className="continue-thread">
              Continue this thread ({replies} more {replies === 1 ? "reply" : "replies"}) →
            </Link>
          ) : (
            <CommentTree nodes={node.children} slug={slug} viewer={viewer} level={level + 1} />
          )
        ) : null}
      </Collapsible>
    </article>
  );
}

function DeleteButton({ commentId }: { commentId: number }) {
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  return (
    <details className="action-panel action-panel--inline">
      <summary className="link-button">Delete</summary>
      <fetcher.Form method="post" className="confirm" preventScrollReset>
        <input type="hidden" name="intent" value="delete-comment" />
        <input type="hidden" name="commentId" value={commentId} />
        <span>Delete this comment? Replies stay.</span>
        <button type="submit" className="button button--small button--danger" disabled={fetcher.state !== "idle"}>
          Yes, delete
        </button>
        {fetcher.data && !fetcher.data.ok ? <span role="alert">{fetcher.data.error}</span> : null}
      </fetcher.Form>
    </details>
  );
}
