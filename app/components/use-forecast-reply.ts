// What the ask form and the fork form share: a reply posted through a fetcher that carries a
// forecast editor under one field name. On success the drafts, the form and the submission key
// are reset and (if the form says what to announce) the new reply is focused and announced; on
// failure (the fetcher's, or without JavaScript the page's own) the editor gets the errors under
// its field, keyed by input.
import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { clearForecastDraft } from "./forecast-editor";
import { revealReply } from "./after-reply";
import { useSubmissionKey } from "./submission-key";
import { useTextDraft } from "./text-draft";
import type { ActionFailure } from "~/utils/errors";

type Result = { ok: true; commentId?: number } | { ok: false; error: string; fields: Record<string, string> };

export function useForecastReply(options: {
  keyScope: string;
  field: string;
  storageKey: string;
  onDone?: () => void;
  /** Where the reply's text is kept while it is written (bind `textRef`/`saveText` to the textarea). */
  textDraftKey?: string | null;
  /** Said through the live region once the reply is posted, with focus moved to it. */
  posted?: string;
  /**
   * The hidden values that make a whole-page post this form's (without JavaScript the form posts
   * the page, and a refusal comes back as the page's action data, for whichever form sent it).
   */
  pageValues?: Record<string, string>;
}) {
  const { keyScope, field, storageKey, onDone, posted } = options;
  const fetcher = useFetcher<Result>();
  const formRef = useRef<HTMLFormElement>(null);
  const [submissionKey, nextKey] = useSubmissionKey(keyScope);
  const { ref: textRef, onInput: saveText, clear: clearText } = useTextDraft(options.textDraftKey ?? null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      clearForecastDraft(storageKey);
      clearText();
      formRef.current?.reset();
      nextKey();
      onDone?.();
      if (posted) revealReply(fetcher.data.commentId, posted);
    }
  }, [fetcher.state, fetcher.data, storageKey, onDone, nextKey, clearText, posted]);
  const pageResult = useActionData<ActionFailure | { ok: true }>();
  const pageValues = options.pageValues;
  const pageFailure =
    pageValues && pageResult && !pageResult.ok && Object.entries(pageValues).every(([k, v]) => (pageResult.values?.[k] ?? "") === v) ? pageResult : null;
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : pageFailure;
  // "field" itself is the editor's whole-forecast error; "field.x" is input x's.
  const editorErrors: Record<string, string> = {};
  for (const [k, v] of Object.entries(failure?.fields ?? {})) {
    if (k === field) editorErrors[""] = v;
    else if (k.startsWith(`${field}.`)) editorErrors[k.slice(field.length + 1)] = v;
  }
  return { fetcher, formRef, submissionKey, failure, pageFailure, editorErrors, textRef, saveText };
}
