// "Embed": the iframe snippet for a forecast, in a <details> so it opens without JavaScript;
// with it, a Copy button too (docs/decisions/027).
import { useEffect, useState } from "react";
import { embedPath, iframeSnippet } from "~/discussion/embed";

/**
 * `open`: shown unfolded (a fork card's "Embed" link lands on its forecast page so). `origin`:
 * the address readers reach the site under (the root loader's), which the snippet must name.
 * Props only, no router data and no useId, so the forecast panel can be kept by its props.
 */
export function EmbedButton({ forecastId, title, origin, open = false }: { forecastId: number; title: string; origin: string; open?: boolean }) {
  const snippet = iframeSnippet(origin, forecastId, title);
  const id = `embed-snippet-${forecastId}`;
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setScripted(true), []);
  const copy = () => {
    navigator.clipboard?.writeText(snippet).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <details className="embed-button" id="embed" open={open}>
      <summary>Embed</summary>
      <div className="embed-button__panel">
        <label htmlFor={id}>Paste this into a page to show this forecast there:</label>
        <textarea id={id} className="embed-button__snippet" readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} />
        <p className="embed-button__links">
          {scripted ? (
            <>
              <button type="button" className="link-button" onClick={copy}>
                {copied ? "Copied" : "Copy"}
              </button>
              {" · "}
            </>
          ) : null}
          <a href={embedPath(forecastId)} target="_blank" rel="noopener">
            Preview
          </a>
        </p>
      </div>
    </details>
  );
}
