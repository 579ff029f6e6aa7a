// The live preview: headline numbers, the server-rendered chart, the fork's shift
// sentence. Never an empty box: a pending preview keeps the last result visible (dimmed)
// and a failed one explains itself calmly.

import { useEffect, useState, type RefObject } from "react";
import { formatHeadline, formatStandardError } from "../../forecast/format";
import type { PreviewState } from "./use-forecast-preview";

function StatusLine({ state, hydrated, blocked }: { state: PreviewState; hydrated: boolean; blocked?: string }) {
  switch (state.status) {
    case "pending":
      return (
        <span className="fe-status fe-status--pending">
          <span className="fe-spinner" aria-hidden="true" /> Computing…
        </span>
      );
    case "blocked":
      return <span className="fe-status">{blocked ?? "Paused until the marked inputs are fixed"}</span>;
    case "invalid":
      return <span className="fe-status fe-status--warn">The server found problems (marked below)</span>;
    case "unavailable":
      return <span className="fe-status fe-status--warn">Not updated</span>;
    case "program":
      return <span className="fe-status fe-status--warn">{state.problem?.line ? `Fix the program (line ${state.problem.line})` : "Fix the program"}</span>;
    case "ok":
      return <span className="fe-status">Up to date</span>;
    case "idle":
      return <span className="fe-status">{hydrated ? "Starting…" : "Updates as you edit"}</span>;
  }
}

export function PreviewPanel({
  state,
  hydrated,
  forking,
  headingId,
  quick = false,
  blocked,
}: {
  state: PreviewState;
  hydrated: boolean;
  forking: boolean;
  headingId: string;
  quick?: boolean;
  /** Why the preview waits, when it is not a marked input (a quick forecast's question not yet written). */
  blocked?: string;
}) {
  const { result } = state;
  const stale = state.status !== "ok";
  return (
    <section className="fe-preview" aria-labelledby={headingId} aria-live="polite" aria-busy={state.status === "pending"}>
      <div className="fe-preview__head">
        <h3 className="fe-preview__title" id={headingId}>
          {forking ? (quick ? "Your answer, previewed" : "Your fork over its parent") : "Preview"}
        </h3>
        <StatusLine state={state} hydrated={hydrated} blocked={blocked} />
      </div>
      {state.status === "unavailable" ? (
        <p className="fe-preview__notice">
          <strong>Preview unavailable:</strong> {state.message}. Your inputs are kept, and the forecast is computed when you submit.
        </p>
      ) : null}
      {result ? (
        <div className={`fe-preview__body${stale ? " is-stale" : ""}`}>
          {forking && result.shift ? <p className="fe-shift">{result.shift}</p> : null}
          {result.headlines.length ? (
            <dl className="fe-headlines">
              {result.headlines.map((h) => {
                const se = formatStandardError(h);
                return (
                  <div className="fe-headline" key={h.key}>
                    <dt>{h.label}</dt>
                    <dd>
                      {formatHeadline(h)}
                      {se ? <span className="fe-headline__se"> {se}</span> : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          ) : null}
          {result.svg ? (
            // The SVG string is server-rendered by our own chart renderer (vega View.toSVG
            // over engine data, see app/utils/chart-svg.server.ts); it is not user markup.
            <>
              <div className={`fe-chart fe-chart--wide${result.narrowSvg ? " has-narrow" : ""}`} role="img" aria-label={result.description} dangerouslySetInnerHTML={{ __html: result.svg }} />
              {result.narrowSvg ? <div className="fe-chart fe-chart--narrow" role="img" aria-label={result.description} dangerouslySetInnerHTML={{ __html: result.narrowSvg }} /> : null}
            </>
          ) : (
            <p className="fe-chart-missing">{result.description || "The chart could not be drawn for these inputs."}</p>
          )}
        </div>
      ) : (
        <div className="fe-preview__placeholder">
          {state.status === "pending" || (hydrated && state.status === "idle") ? (
            <p>
              <span className="fe-spinner" aria-hidden="true" /> Computing the first preview…
            </p>
          ) : state.status === "unavailable" ? (
            <p>The chart and headline numbers will appear here once the preview is back.</p>
          ) : state.status === "blocked" && blocked ? (
            <p>{blocked}.</p>
          ) : state.status === "blocked" || state.status === "invalid" ? (
            <p>Fix the marked inputs and the chart appears here.</p>
          ) : state.status === "program" ? (
            <p>Fix the program (the error is marked in the code) and the chart appears here.</p>
          ) : (
            <p>The chart and headline numbers appear here as you edit (this needs JavaScript).</p>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The preview's gist in one line, pinned under the site header once the preview itself has
 * scrolled away, for editors too narrow to keep the whole preview beside the inputs (CSS
 * hides it in wide ones). Hidden from assistive technology: the preview announces each result.
 */
export function PreviewBar({ state, forking, rootRef }: { state: PreviewState; forking: boolean; rootRef: RefObject<HTMLElement> }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const head = rootRef.current?.querySelector(".fe-preview__head");
    if (!head || typeof IntersectionObserver === "undefined") return;
    const header = document.querySelector(".site-header")?.getBoundingClientRect().height ?? 0;
    // Shown while the preview's heading is above the window (under the header counts as above).
    const observer = new IntersectionObserver(([entry]) => setShown(Boolean(entry && !entry.isIntersecting && entry.boundingClientRect.top < header + 1)), {
      rootMargin: `-${Math.round(header)}px 0px 0px 0px`,
    });
    observer.observe(head);
    return () => observer.disconnect();
  }, [rootRef]);
  const { result } = state;
  const first = result?.headlines[0];
  const gist = forking && result?.shift ? result.shift : first ? `${first.label}: ${formatHeadline(first)}` : null;
  return (
    <div className={`fe-bar${shown ? " is-shown" : ""}`} aria-hidden="true">
      <div className={`fe-bar__inner${state.status === "ok" ? "" : " is-stale"}`}>
        <span className="fe-bar__gist">{gist ?? "The preview appears as you edit."}</span>
        <StatusLine state={state} hydrated blocked={undefined} />
      </div>
    </div>
  );
}
