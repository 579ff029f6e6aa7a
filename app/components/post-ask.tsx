import { useState } from "react";
import { QUICK_PROBABILITY } from "~/forecast/quick/index";
import { AskForm } from "./ask-form";
import { useHydrated } from "./forecast-editor/use-forecast-editor";

/**
 * "Ask a quick question" beside the post's comment box. The form (a whole quick-forecast
 * editor) is rendered only when asked for: without JavaScript the control is a link to
 * `?ask=…`, which the server answers with the form open (the kind links land there too); with
 * it, a disclosure that builds the form when opened. Every member's view of a post used to
 * render it folded away, unseen.
 */
export function PostAskToggle({ slug, open, modelId }: { slug: string; open: boolean; modelId: string | null }) {
  const hydrated = useHydrated();
  const [shown, setShown] = useState(open);
  const modelHref = (id: string) => `/posts/${slug}?ask=${encodeURIComponent(id)}#ask`;
  if (!shown && !hydrated) {
    return (
      <div className="post-ask" id="ask">
        <a className="button button--small button--quiet" href={modelHref(QUICK_PROBABILITY)}>
          Ask a quick question
        </a>
      </div>
    );
  }
  return (
    <details className="post-ask" id="ask" open={shown || undefined} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary className="button button--small button--quiet">Ask a quick question</summary>
      {shown ? <AskForm parentId={null} storageKey={`ask:${slug}:post`} modelId={modelId} modelHref={modelHref} /> : null}
    </details>
  );
}
