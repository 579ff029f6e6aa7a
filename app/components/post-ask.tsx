import { QUICK_PROBABILITY } from "~/forecast/quick/index";
import { AskForm } from "./ask-form";
import { OpenedForm } from "./opened-form";

/**
 * "Ask a quick question" beside the post's comment box: a whole quick-forecast editor, built
 * when asked for. Without JavaScript the control and the kind links go to `?ask=…`, which the
 * server answers with the form open.
 */
export function PostAskToggle({ slug, open, modelId }: { slug: string; open: boolean; modelId: string | null }) {
  const modelHref = (id: string) => `/posts/${slug}?ask=${encodeURIComponent(id)}#ask`;
  return (
    <OpenedForm className="post-ask" id="ask" label="Ask a quick question" href={modelHref(QUICK_PROBABILITY)} controlClassName="button button--small button--quiet" startOpen={open}>
      {() => <AskForm parentId={null} storageKey={`ask:${slug}:post`} modelId={modelId} modelHref={modelHref} />}
    </OpenedForm>
  );
}
