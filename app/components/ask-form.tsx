// A reply that asks a quick question of its own: the reply's text, and a quick forecast (a
// probability, a date or a quantity) that replies below it answer. A plain form post
// without JavaScript; with it, a fetcher that clears and closes the form on success.
import { QUICK_DATE, QUICK_PROBABILITY, QUICK_QUANTITY } from "~/forecast/quick/index";
import { ForecastEditor } from "./forecast-editor";
import { SUBMISSION_KEY_FIELD } from "./submission-key";
import { useForecastReply } from "./use-forecast-reply";

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
  const { storageKey } = props;
  const { fetcher, formRef, submissionKey, failure, editorErrors: errors } = useForecastReply({ keyScope: `ask-${props.parentId ?? "post"}`, field: FIELD, storageKey, onDone: props.onDone });
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
