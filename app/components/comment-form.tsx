import { useFetcher, useParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { NoScriptReturn, revealReply } from "./after-reply";
import { MarkdownPreview } from "./markdown-preview";
import { SUBMISSION_KEY_FIELD, useSubmissionKey } from "./submission-key";
import { replyTextKey, useTextDraft } from "./text-draft";

type Result = { ok: true; commentId?: number } | { ok: false; error: string; fields: Record<string, string> };

/**
 * Reply and edit forms. A plain POST without JavaScript; with it, a fetcher that clears and
 * closes the form on success and keeps the text (with the error beside it) on failure.
 */
export function CommentForm(props: {
  intent: "reply" | "edit-comment";
  parentId?: number | null;
  commentId?: number;
  defaultValue?: string;
  submitLabel: string;
  placeholder?: string;
  onDone?: () => void;
  autoFocus?: boolean;
}) {
  const fetcher = useFetcher<Result>();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = fetcher.state !== "idle";
  const data = fetcher.data;
  const onDone = props.onDone;
  const id = `${props.intent}-${props.commentId ?? props.parentId ?? "post"}`;
  const [submissionKey, nextKey] = useSubmissionKey(id);
  const slug = useParams().slug;
  const replying = props.intent === "reply";
  const draft = useTextDraft(replying && slug ? replyTextKey(slug, props.parentId ?? null) : null);
  const clearDraft = draft.clear;

  useEffect(() => {
    if (fetcher.state === "idle" && data?.ok) {
      if (replying) {
        formRef.current?.reset();
        clearDraft();
        nextKey();
        revealReply(data.commentId, "Your reply is posted.");
      }
      onDone?.();
    }
  }, [fetcher.state, data, onDone, replying, nextKey, clearDraft]);

  const error = data && !data.ok ? data.fields.markdown ?? data.error : undefined;
  return (
    <fetcher.Form method="post" className="comment-form" ref={formRef} preventScrollReset>
      <input type="hidden" name="intent" value={props.intent} />
      {props.intent === "reply" ? (
        <>
          <input type="hidden" name="parentId" value={props.parentId ?? ""} />
          <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
          <NoScriptReturn />
        </>
      ) : null}
      {props.commentId ? <input type="hidden" name="commentId" value={props.commentId} /> : null}
      <label className="visually-hidden" htmlFor={id}>
        {props.submitLabel}
      </label>
      <textarea
        id={id}
        name="markdown"
        rows={props.intent === "reply" ? 4 : 6}
        defaultValue={props.defaultValue}
        placeholder={props.placeholder ?? "Write in Markdown; $math$ works."}
        aria-invalid={error ? true : undefined}
        autoFocus={props.autoFocus}
        ref={draft.ref}
        onInput={draft.onInput}
        required
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <MarkdownPreview kind="comment" sourceId={id} />
      <div className="comment-form__actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? "Posting…" : props.submitLabel}
        </button>
        <span className="muted small">Markdown, tables and $…$ math supported.</span>
      </div>
    </fetcher.Form>
  );
}
