import { useCallback, useEffect, useState, type MouseEvent } from "react";
import { AskForm } from "./ask-form";
import { CommentForm } from "./comment-form";
import { loadDraft } from "./forecast-editor/draft";
import { ForkForm, type ForkParent } from "./fork-form";
import { forkTextKey, hasTextDraft, replyTextKey } from "./text-draft";

export type ReplyMode = "reply" | "fork" | "ask";

/**
 * "Reply", "Reply with a fork" (for a quick question: "Answer") and "Ask a question": links
 * to the permalink with the form open without JavaScript; inline forms with it. A draft saved
 * in this browser (a fork's inputs, or a reply's text) reopens its form.
 */
export function ReplyToggle(props: {
  commentId: number;
  /** The post's slug (drafts are kept per post); a prop, not the route's params, so the row needs no router (rendered-once.tsx). */
  slug: string;
  permalink: string;
  signedIn: boolean;
  startMode: ReplyMode | null;
  /** The thread no longer takes replies from this reader; a form already open stays, so no draft is lost. */
  closed: boolean;
  forkOf: number | null;
  /** The forecast a fork would fork is a quick question or answer: forking it is answering. */
  answers: boolean;
  /** Forking is open here, so a question asked here can be answered. */
  canAsk: boolean;
  askModel: string | null;
  forkParent: ForkParent | null;
  storageKey: string;
}) {
  const { commentId, slug, permalink, signedIn, forkOf, storageKey, answers } = props;
  const [mode, setMode] = useState<ReplyMode | null>(props.startMode);
  const close = useCallback(() => setMode(null), []);
  useEffect(() => {
    if (forkOf !== null && (loadDraft(storageKey) || hasTextDraft(forkTextKey(storageKey)))) setMode("fork");
    else if (hasTextDraft(replyTextKey(slug, commentId))) setMode("reply");
  }, [forkOf, storageKey, slug, commentId]);
  if (!signedIn) {
    return (
      <a href={`/login?redirectTo=${encodeURIComponent(permalink)}`} className="link-button" data-nav="">
        Log in to reply
      </a>
    );
  }
  if (props.closed && mode === null) return null;
  const toggle = (next: ReplyMode) => (e: MouseEvent) => {
    e.preventDefault();
    setMode((m) => (m === next ? null : next));
  };
  const link = (target: ReplyMode, query: string, label: string, cancel: string) => (
    <a href={`${permalink}?reply=1${query}#c-${commentId}`} className={mode === target ? "link-button is-open" : "link-button"} aria-expanded={mode === target} onClick={toggle(target)}>
      {mode === target ? cancel : label}
    </a>
  );
  const askHref = (modelId: string) => `${permalink}?reply=1&ask=1&model=${encodeURIComponent(modelId)}#c-${commentId}`;
  return (
    <>
      {link("reply", "", "Reply", "Cancel reply")}
      {forkOf !== null ? (answers ? link("fork", "&fork=1", "Answer", "Cancel answer") : link("fork", "&fork=1", "Reply with a fork", "Cancel fork")) : null}
      {props.canAsk ? link("ask", "&ask=1", "Ask a question", "Cancel question") : null}
      {mode === "reply" ? (
        <div className="comment__reply">
          <CommentForm intent="reply" parentId={commentId} submitLabel="Post reply" onDone={close} autoFocus />
        </div>
      ) : null}
      {mode === "fork" && forkOf !== null ? (
        <div className="comment__reply">
          <ForkForm parentId={commentId} forkOf={forkOf} storageKey={storageKey} onDone={close} parent={props.forkParent ?? undefined} />
        </div>
      ) : null}
      {mode === "ask" ? (
        <div className="comment__reply">
          <AskForm parentId={commentId} storageKey={`ask:${storageKey}`} modelId={props.askModel} modelHref={askHref} onDone={close} />
        </div>
      ) : null}
    </>
  );
}
