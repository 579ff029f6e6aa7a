// The post's own reply area: the comment box, "Reply with a fork of this forecast" and "Ask a
// quick question". Forking replaces the comment box (the fork has its own reply text), so
// there is one text box at a time. The fork control is a link to `?fork=1`, which opens the
// fork editor on the server, until scripts take over and make it a toggle.
import { useEffect, useState } from "react";
import { CommentForm } from "./comment-form";
import { loadDraft } from "./forecast-editor/draft";
import { useHydrated } from "./forecast-editor/use-forecast-editor";
import { ForkForm, type ForkParent } from "./fork-form";
import { PostAskToggle } from "./post-ask";
import { forkTextKey, hasTextDraft } from "./text-draft";

export function PostComposer(props: {
  slug: string;
  /** The post's forecast, when this reader may fork it. */
  forkOf: number | null;
  /** Forking the post's forecast is answering its quick question. */
  answer: boolean;
  canAsk: boolean;
  askModel: string | null;
  /** Loaded by the server when the page was asked for with the fork editor open (`?fork=1`). */
  forkParent: ForkParent | null;
}) {
  const { slug, forkOf, answer } = props;
  const storageKey = `fork:${slug}:post`;
  const [forking, setForking] = useState(props.forkParent !== null && forkOf !== null);
  const hydrated = useHydrated();
  useEffect(() => {
    // A fork begun in this browser and not yet posted opens again where it was left.
    if (forkOf !== null && (loadDraft(storageKey) || hasTextDraft(forkTextKey(storageKey)))) setForking(true);
  }, [forkOf, storageKey]);

  const label = forking ? (answer ? "Cancel answer" : "Cancel fork") : answer ? "Answer with your own number" : "Reply with a fork of this forecast";
  const className = forking ? "button button--small button--quiet" : "button button--small";
  return (
    <>
      <div className="thread__new">
        {forking ? null : <CommentForm intent="reply" parentId={null} submitLabel="Comment" placeholder="Add to the discussion. Markdown and $math$ work." />}
        {forkOf !== null ? (
          <div className="post-fork" id="fork">
            {hydrated ? (
              <button type="button" className={className} aria-expanded={forking} onClick={() => setForking((f) => !f)}>
                {label}
              </button>
            ) : (
              <a className={className} href={forking ? `/posts/${slug}#comments` : "?fork=1#fork"}>
                {label}
              </a>
            )}
            {forking ? <ForkForm parentId={null} forkOf={forkOf} storageKey={storageKey} onDone={() => setForking(false)} parent={props.forkParent ?? undefined} /> : null}
          </div>
        ) : null}
      </div>
      {/* Beside the comment box, not inside it: its own form, folded away until asked for. */}
      {props.canAsk ? <PostAskToggle slug={slug} open={props.askModel !== null} modelId={props.askModel} /> : null}
    </>
  );
}
