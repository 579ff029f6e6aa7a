// "Embed": the iframe snippet for a forecast, in a <details> so it opens without JavaScript;
// with it, a Copy button too (docs/decisions/027).
import { useEffect, useId, useState } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { embedPath, iframeSnippet } from "~/discussion/embed";

/** `open`: shown unfolded (a fork card's "Embed" link lands on its forecast page so). */
export function EmbedButton({ forecastId, title, open = false }: { forecastId: number; title: string; open?: boolean }) {
  // The root loader says under which address readers reach the site; the snippet must name it.
  const origin = (useRouteLoaderData("root") as { origin?: string } | undefined)?.origin ?? "";
  const snippet = iframeSnippet(origin, forecastId, title);
  const id = useId();
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
