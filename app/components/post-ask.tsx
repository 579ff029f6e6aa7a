import { AskForm } from "./ask-form";

/**
 * "Ask a quick question" beside the post's comment box: a disclosure, so it opens without
 * JavaScript too; the kind links (?ask=quick-date) land with the form open on that kind.
 */
export function PostAskToggle({ slug, open, modelId }: { slug: string; open: boolean; modelId: string | null }) {
  return (
    <details className="post-ask" id="ask" open={open || undefined}>
      <summary className="button button--small button--quiet">Ask a quick question</summary>
      <AskForm parentId={null} storageKey={`ask:${slug}:post`} modelId={modelId} modelHref={(id) => `/posts/${slug}?ask=${encodeURIComponent(id)}#ask`} />
    </details>
  );
}
