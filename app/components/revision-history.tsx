import { useMemo, type ReactNode } from "react";
import { Link } from "@remix-run/react";
import { revisionDiff, type RevisionDiff } from "~/discussion/revision-diff";
import { MarkdownBody } from "./markdown-body";
import { DateTime } from "./time";

export interface Revision {
  html: string;
  markdown: string;
  createdAt: number;
  current: boolean;
  /** Posts only: the title then, and the forecast it carried. */
  title?: string;
  forecastId?: number | null;
  /** Wiki pages: the handle of who wrote this version, if known. */
  byline?: string | null;
}

/** A post's title and forecast, where an edit changed them. */
function PostChanges({ v, before }: { v: Revision; before: Revision }) {
  return (
    <>
      {v.title !== undefined && before.title !== v.title ? (
        <p className="history__counts history__change">
          Title: <del>{before.title}</del> → <ins>{v.title}</ins>
        </p>
      ) : null}
      {v.forecastId !== undefined && before.forecastId !== v.forecastId ? (
        <p className="history__counts history__change">
          Forecast: {v.forecastId === null ? "removed" : <Link to={`/forecasts/${v.forecastId}`}>{before.forecastId === null ? "added" : "a new version"}</Link>}
        </p>
      ) : null}
    </>
  );
}

function Changes({ diff }: { diff: RevisionDiff }) {
  if (diff.added === 0 && diff.removed === 0) return <p className="history__unchanged">Only spacing or formatting changed.</p>;
  return (
    <div className="history__diff">
      <p className="history__counts">
        {diff.added} {diff.added === 1 ? "word" : "words"} added, {diff.removed} removed
      </p>
      <p className="history__text">
        {diff.parts.map((p, i) =>
          p.kind === "added" ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === "removed" ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}

/**
 * Every version of a text, newest first: what each edit changed (a word diff of the Markdown,
 * removals struck through, additions underlined) and, folded, the version as it read.
 */
export function RevisionHistory({ versions, tools }: { versions: Revision[]; tools?: (version: number) => ReactNode }) {
  const diffs = useMemo(() => versions.map((v, i) => (i === 0 ? null : revisionDiff(versions[i - 1]!.markdown, v.markdown))), [versions]);
  return (
    <ol className="history__list" reversed>
      {versions
        .map((v, i) => ({ v, i, diff: diffs[i] }))
        .reverse()
        .map(({ v, i, diff }) => (
          <li key={i} className="history__item">
            <h2 className="history__meta">
              {v.current ? `Version ${i + 1}, current` : `Version ${i + 1}`} · <DateTime at={v.createdAt} />
              {i === 0 ? " · first version" : null}
              {v.byline ? <> · by <Link to={`/users/${v.byline}`}>@{v.byline}</Link></> : null}
            </h2>
            {i > 0 ? <PostChanges v={v} before={versions[i - 1]!} /> : null}
            {diff ? <Changes diff={diff} /> : null}
            {v.title !== undefined ? <h3 className="history__title">{v.title}</h3> : null}
            {tools && !v.current ? tools(i + 1) : null}
            {diff ? (
              <details className="history__full">
                <summary>Show this version as it read</summary>
                <MarkdownBody html={v.html} />
              </details>
            ) : (
              <MarkdownBody html={v.html} />
            )}
          </li>
        ))}
    </ol>
  );
}
