// What the ask form and the fork form share: a reply posted through a fetcher that carries a
// forecast editor under one field name. On success the draft, the form and the submission key
// are reset; on failure the editor gets the errors under its field, keyed by input.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { clearForecastDraft } from "./forecast-editor";
import { useSubmissionKey } from "./submission-key";

type Result = { ok: true; commentId?: number } | { ok: false; error: string; fields: Record<string, string> };

export function useForecastReply(options: { keyScope: string; field: string; storageKey: string; onDone?: () => void }) {
  const { keyScope, field, storageKey, onDone } = options;
  const fetcher = useFetcher<Result>();
  const formRef = useRef<HTMLFormElement>(null);
  const [submissionKey, nextKey] = useSubmissionKey(keyScope);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      clearForecastDraft(storageKey);
      formRef.current?.reset();
      nextKey();
      onDone?.();
    }
  }, [fetcher.state, fetcher.data, storageKey, onDone, nextKey]);
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  // "field" itself is the editor's whole-forecast error; "field.x" is input x's.
  const editorErrors: Record<string, string> = {};
  for (const [k, v] of Object.entries(failure?.fields ?? {})) {
    if (k === field) editorErrors[""] = v;
    else if (k.startsWith(`${field}.`)) editorErrors[k.slice(field.length + 1)] = v;
  }
  return { fetcher, formRef, submissionKey, failure, editorErrors };
}
