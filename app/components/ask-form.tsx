// A reply that asks a quick question of its own: the reply's text, and a quick forecast (a
// probability, a date or a quantity) that replies below it answer. A plain form post
// without JavaScript; with it, a fetcher that clears and closes the form on success.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { QUICK_DATE, QUICK_PROBABILITY, QUICK_QUANTITY } from "~/forecast/quick/index";
import { clearForecastDraft, ForecastEditor } from "./forecast-editor";
import { SUBMISSION_KEY_FIELD, useSubmissionKey } from "./submission-key";

type Result = { ok: true; commentId?: number } | { ok: false; error: string; fields: Record<string, string> };

export const QUICK_MODEL_IDS = [QUICK_PROBABILITY, QUICK_DATE, QUICK_QUANTITY];
// Matches QUESTION_FIELD in app/utils/post-actions.server.ts (routes import that module; this one stays client-safe).
const FIELD = "question";

export function AskForm(props: {
  parentId: number | null;
  storageKey: string;
  /** The model to start with (a no-JavaScript model link lands with it chosen). */
  modelId?: string | null;
  /** Without JavaScript, the other quick kinds are links built by this. */
  modelHref?: (modelId: string) => string;
  onDone?: () => void;
}) {
  const fetcher = useFetcher<Result>();
  const formRef = useRef<HTMLFormElement>(null);
  const { onDone, storageKey } = props;
  const [submissionKey, nextKey] = useSubmissionKey(`ask-${props.parentId ?? "post"}`);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      clearForecastDraft(storageKey);
      formRef.current?.reset();
      nextKey();
      onDone?.();
    }
  }, [fetcher.state, fetcher.data, storageKey, onDone, nextKey]);
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(failure?.fields ?? {})) {
    if (k === FIELD) errors[""] = v;
    else if (k.startsWith(`${FIELD}.`)) errors[k.slice(FIELD.length + 1)] = v;
  }
  const start = props.modelId && QUICK_MODEL_IDS.includes(props.modelId) ? props.modelId : QUICK_PROBABILITY;
  const textId = `ask-text-${storageKey}`;
  return (
    <fetcher.Form method="post" className="fork-form ask-form" ref={formRef} preventScrollReset>
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="parentId" value={props.parentId ?? ""} />
      <input type="hidden" name="ask" value="on" />
      <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
      <label className="fork-form__label" htmlFor={textId}>
        Your reply (what you are asking, and why it matters)
      </label>
      <textarea id={textId} name="markdown" rows={3} required aria-invalid={failure?.fields.markdown ? true : undefined} />
      {failure ? (
        <p className="field__error" role="alert">
          {failure.fields.markdown ?? failure.error}
        </p>
      ) : null}
      <ForecastEditor name={FIELD} initial={{ modelId: start, inputs: {} }} allowModelChange models={QUICK_MODEL_IDS} modelHref={props.modelHref} storageKey={storageKey} errors={errors} />
      <div className="comment-form__actions">
        <button type="submit" className="button button--small" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Posting your question…" : "Post reply with question"}
        </button>
      </div>
    </fetcher.Form>
  );
}
