// "Preview" beside a post's or a comment's text box: the server's own Markdown renderer (math,
// cross-post links, the sanitizer) through POST /api/markdown/preview, checked first with the
// schema the server uses. Nothing is stored. Needs JavaScript, so it is not drawn without it.
import { useState } from "react";
import { markdownPreviewSchema, type MarkdownPreviewRequest } from "~/discussion/schemas";
import { useHydrated } from "./forecast-editor/use-forecast-editor";
import { MarkdownBody } from "./markdown-body";

type State = { status: "idle" } | { status: "loading" } | { status: "ok"; html: string } | { status: "error"; message: string };

export const MARKDOWN_PREVIEW_URL = "/api/markdown/preview";

async function requestPreview(body: MarkdownPreviewRequest): Promise<State> {
  try {
    const res = await fetch(MARKDOWN_PREVIEW_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const reply = (await res.json().catch(() => null)) as { ok?: boolean; html?: string; error?: string } | null;
    if (res.ok && reply?.ok && typeof reply.html === "string") return { status: "ok", html: reply.html };
    return { status: "error", message: reply?.error ?? `The preview failed (the server answered ${res.status}).` };
  } catch {
    return { status: "error", message: "The preview could not reach the server; your text is still here." };
  }
}

export function MarkdownPreview({ kind, sourceId }: { kind: MarkdownPreviewRequest["kind"]; sourceId: string }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<State>({ status: "idle" });
  if (!hydrated) return null;
  const run = async () => {
    const source = document.getElementById(sourceId) as HTMLTextAreaElement | null;
    const parsed = markdownPreviewSchema.safeParse({ kind, markdown: source?.value ?? "" });
    if (!parsed.success) return setState({ status: "error", message: parsed.error.issues[0]?.message ?? "Write something to preview." });
    setState({ status: "loading" });
    setState(await requestPreview(parsed.data));
  };
  return (
    <div className="md-preview">
      <div className="md-preview__tools">
        <button type="button" className="link-button" onClick={run} aria-controls={`${sourceId}-preview`}>
          {state.status === "ok" ? "Update preview" : "Preview"}
        </button>
        {state.status === "ok" || state.status === "error" ? (
          <button type="button" className="link-button" onClick={() => setState({ status: "idle" })}>
            Hide preview
          </button>
        ) : null}
      </div>
      <div id={`${sourceId}-preview`} aria-live="polite">
        {state.status === "loading" ? <p className="muted small">Rendering…</p> : null}
        {state.status === "error" ? <p className="field__error">{state.message}</p> : null}
        {state.status === "ok" ? (
          <section className="md-preview__body" aria-label="Preview">
            <MarkdownBody html={state.html} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
