import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { getModel } from "~/forecast/index";
import type { Inputs } from "~/forecast/types";
import { clearForecastDraft, ForecastEditor } from "./forecast-editor";
import { loadDraft } from "./forecast-editor/draft";
import { SUBMISSION_KEY_FIELD, useSubmissionKey } from "./submission-key";
import { SquiggleEditor } from "./squiggle-editor";
import type { ProgramShape } from "./squiggle-editor/state";

/** What a fork editor needs of its parent; a Squiggle parent also brings its program, as it runs (inputs written in). */
export type ForkParent = { modelId: string; inputs: Inputs; program?: ProgramShape & { source: string } };
type ForecastDoc = { model: { id: string }; inputs: Inputs; program?: ProgramShape & { code: string } };

type Result = { ok: true; commentId?: number } | { ok: false; error: string; fields: Record<string, string> };

/** A reply that forks a forecast: the comment text plus the fork editor, prefilled from the parent. */
export function ForkForm(props: { parentId: number | null; forkOf: number; storageKey: string; onDone?: () => void; parent?: ForkParent }) {
  const fetcher = useFetcher<Result>();
  const formRef = useRef<HTMLFormElement>(null);
  const [parent, setParent] = useState(props.parent ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { onDone, storageKey } = props;
  const [submissionKey, nextKey] = useSubmissionKey(`fork-${props.parentId ?? "post"}`);

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

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      clearForecastDraft(storageKey);
      formRef.current?.reset();
      nextKey();
      onDone?.();
    }
  }, [fetcher.state, fetcher.data, storageKey, onDone, nextKey]);

  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  // Forking a quick question is answering it.
  const quick = Boolean(parent && getModel(parent.modelId)?.quick);
  const editorErrors: Record<string, string> = {};
  for (const [k, v] of Object.entries(failure?.fields ?? {})) {
    if (k === "fork") editorErrors[""] = v;
    else if (k.startsWith("fork.")) editorErrors[k.slice(5)] = v;
  }
  return (
    <fetcher.Form method="post" className="fork-form" ref={formRef} preventScrollReset>
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="parentId" value={props.parentId ?? ""} />
      <input type="hidden" name="forkOf" value={props.forkOf} />
      <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
      <label className="fork-form__label" htmlFor={`fork-text-${storageKey}`}>
        {quick ? "Your reply (why this number?)" : "Your reply (say why you changed what you changed)"}
      </label>
      <textarea id={`fork-text-${storageKey}`} name="markdown" rows={3} required aria-invalid={failure?.fields.markdown ? true : undefined} />
      {failure ? (
        <p className="field__error" role="alert">
          {failure.fields.markdown ?? failure.error}
        </p>
      ) : null}
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

/** "Reply with a fork" of the post's own forecast, beside the plain comment box. */
export function PostForkToggle({ forkOf, storageKey, answer = false }: { forkOf: number; storageKey: string; answer?: boolean }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (loadDraft(storageKey)) setOpen(true);
  }, [storageKey]);
  return (
    <div className="post-fork">
      <button type="button" className={open ? "button button--small button--quiet" : "button button--small"} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? (answer ? "Cancel answer" : "Cancel fork") : answer ? "Answer with your own number" : "Reply with a fork of this forecast"}
      </button>
      {open ? <ForkForm parentId={null} forkOf={forkOf} storageKey={storageKey} onDone={() => setOpen(false)} /> : null}
    </div>
  );
}
