// An edit history, newest first: each version as readers saw it, and what its edit changed
// (the line diff of its Markdown; for a post also its title and its forecast).
import { Link } from "@remix-run/react";
import type { CodeDiff } from "../forecast/squiggle/code-diff";
import { MarkdownBody } from "./markdown-body";
import { CodeDiffView } from "./squiggle-editor/code-diff-view";
import { Time } from "./time";

export interface RevisionView {
  html: string;
  createdAt: number;
  current: boolean;
  diff: CodeDiff | null;
  /** Posts only: the title then, and the forecast it carried. */
  title?: string;
  forecastId?: number | null;
}

export function RevisionList({ versions }: { versions: RevisionView[] }) {
  const newestFirst = versions.map((v, i) => ({ v, n: i + 1, before: i > 0 ? versions[i - 1]! : null })).reverse();
  return (
    <ol className="history__list" reversed>
      {newestFirst.map(({ v, n, before }) => (
        <li key={n} className="history__item">
          <h2 className="history__meta">
            {v.current ? `Version ${n}, current` : `Version ${n}`} · <Time at={v.createdAt} />
          </h2>
          {before === null ? (
            <p className="history__change muted small">The first version.</p>
          ) : (
            <div className="history__change">
              {v.title !== undefined && before.title !== v.title ? (
                <p className="small">
                  Title: <del>{before.title}</del> → <ins>{v.title}</ins>
                </p>
              ) : null}
              {v.forecastId !== undefined && before.forecastId !== v.forecastId ? (
                <p className="small">
                  Forecast:{" "}
                  {v.forecastId === null ? "removed" : <Link to={`/forecasts/${v.forecastId}`}>{before.forecastId === null ? "added" : "a new version"}</Link>}
                </p>
              ) : null}
              {v.diff ? <CodeDiffView diff={v.diff} caption={`What changed from version ${n - 1}:`} /> : null}
            </div>
          )}
          {v.title !== undefined ? <h3 className="history__title">{v.title}</h3> : null}
          <MarkdownBody html={v.html} />
        </li>
      ))}
    </ol>
  );
}
