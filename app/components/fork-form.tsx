import { useEffect, useState } from "react";
import { getModel } from "~/forecast/index";
import type { Inputs } from "~/forecast/types";
import { ForecastEditor } from "./forecast-editor";
import { NoScriptReturn } from "./after-reply";
import { MarkdownPreview } from "./markdown-preview";
import { SUBMISSION_KEY_FIELD } from "./submission-key";
import { forkTextKey } from "./text-draft";
import { SquiggleEditor } from "./squiggle-editor";
import type { ProgramShape } from "./squiggle-editor/state";
import { useForecastReply } from "./use-forecast-reply";

/** What a fork editor needs of its parent; a Squiggle parent also brings its program, as it runs (inputs written in). */
export type ForkParent = { modelId: string; inputs: Inputs; program?: ProgramShape & { source: string } };
type ForecastDoc = { model: { id: string }; inputs: Inputs; program?: ProgramShape & { code: string } };

/** A reply that forks a forecast: the comment text plus the fork editor, prefilled from the parent. */
export function ForkForm(props: { parentId: number | null; forkOf: number; storageKey: string; onDone?: () => void; parent?: ForkParent }) {
  const [parent, setParent] = useState(props.parent ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { storageKey } = props;
  const { fetcher, formRef, submissionKey, failure, pageFailure, editorErrors, textRef, saveText } = useForecastReply({
    keyScope: `fork-${props.parentId ?? "post"}`,
    field: "fork",
    storageKey,
    onDone: props.onDone,
    textDraftKey: forkTextKey(storageKey),
    posted: "Your fork is posted: it is the focused reply.",
    pageValues: { forkOf: String(props.forkOf), parentId: String(props.parentId ?? "") },
  });

  useEffect(() => {
    if (parent) return;
    let cancelled = false;
    fetch(`/api/forecasts/${props.forkOf}`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`the server answered ${r.status}`))))
      .then(
        (doc: ForecastDoc) =>
          !cancelled && setParent({ modelId: doc.model.id, inputs: doc.inputs, program: doc.program ? { source: doc.program.code, inputs: doc.program.inputs, output: doc.program.output } : undefined }),
      )
      .catch((e: Error) => !cancelled && setLoadError(e.message));
    return () => {
      cancelled = true;
    };
  }, [parent, props.forkOf]);

  // Forking a quick question is answering it.
  const quick = Boolean(parent && getModel(parent.modelId)?.quick);
  return (
    <fetcher.Form method="post" className="fork-form" ref={formRef} preventScrollReset>
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="parentId" value={props.parentId ?? ""} />
      <input type="hidden" name="forkOf" value={props.forkOf} />
      <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
      <NoScriptReturn />
      <label className="fork-form__label" htmlFor={`fork-text-${storageKey}`}>
        {quick ? "Your reply (why this number?)" : "Your reply (say why you changed what you changed)"}
      </label>
      <textarea id={`fork-text-${storageKey}`} name="markdown" rows={3} required aria-invalid={failure?.fields.markdown ? true : undefined} ref={textRef} onInput={saveText} defaultValue={pageFailure?.values?.markdown} />
      {failure ? (
        <p className="field__error" role="alert">
          {failure.fields.markdown ?? failure.error}
        </p>
      ) : null}
      <MarkdownPreview kind="comment" sourceId={`fork-text-${storageKey}`} />
      {parent?.program ? (
        <SquiggleEditor name="fork" parent={{ forecastId: props.forkOf, source: parent.program.source, inputs: parent.inputs, program: parent.program }} errors={editorErrors} />
      ) : parent ? (
        <ForecastEditor name="fork" parent={parent} parentForecastId={props.forkOf} storageKey={storageKey} errors={editorErrors} />
      ) : loadError ? (
        <p className="form-error">The forecast to fork could not be loaded ({loadError}).</p>
      ) : (
        <p className="muted small">Loading the forecast to fork…</p>
      )}
      <div className="comment-form__actions">
        <button type="submit" className="button button--small" disabled={fetcher.state !== "idle" || !parent}>
          {fetcher.state !== "idle" ? (quick ? "Posting your answer…" : "Computing your fork…") : quick ? "Post your answer" : "Post reply with fork"}
        </button>
      </div>
    </fetcher.Form>
  );
}
