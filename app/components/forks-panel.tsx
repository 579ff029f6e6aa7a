import { useState } from "react";
import { PHONE_MEDIA } from "~/charts/theme";
import { formatHeadline } from "~/forecast/format";
import { diffSummary } from "~/forecast/squiggle/code-diff";
import type { CommunityView, QuestionView, SpreadView } from "~/services/types";
import type { AnyFork } from "./fork-card";
import { InputSpreadView } from "./input-spread";
import type { Once } from "./kept";
import { QuestionBox } from "./question-box";
import { RenderedOnce } from "./rendered-once";

/** Pick any two of the thread's forecasts (or its aggregate) and open them side by side. */
function CompareForm({ options }: { options: { value: string; label: string }[] }) {
  if (options.length < 2) return null;
  return (
    <form className="compare-form" method="get" action="/compare">
      <span className="compare-form__label">Compare any two:</span>
      {(["A", "B"] as const).map((side, i) => (
        <label key={side}>
          <span className="visually-hidden">{side}</span>
          <select name={side.toLowerCase()} defaultValue={options[i]!.value}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {side}: {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className="button button--small button--quiet">
        Compare
      </button>
    </form>
  );
}

type Sort = "thread" | "earliest" | "latest";

interface PanelProps {
  slug: string;
  forks: Record<number, AnyFork>;
  /** The aggregate's curve may come packed (forecast/summarize packCdf). */
  community: (Omit<CommunityView, "cdf"> & { cdf: CommunityView["cdf"] | string }) | null;
  spread?: SpreadView | Once<SpreadView> | null;
  /** The post's quick question: its forks are answers, and their aggregate closes the table. */
  question?: QuestionView | null;
  /** The post's forecast: the first choice of "compare any two". */
  postForecastId?: number | null;
}

/**
 * Every fork in the thread as a row: who, what they changed, what it gives; with exports. The
 * same for every reader, so the server keeps its markup by its props (rendered-once.tsx).
 */
export function ForksPanel(props: PanelProps) {
  if (Object.keys(props.forks).length === 0) return null;
  return (
    <RenderedOnce as="section" className="forks-panel" aria-labelledby="forks-heading" part="forks-panel" sameFor={props}>
      <PanelContents {...props} />
    </RenderedOnce>
  );
}

function PanelContents({ slug, forks, community, spread = null, question = null, postForecastId = null }: PanelProps) {
  const [sort, setSort] = useState<Sort>("thread");
  const rows = Object.entries(forks).map(([commentId, f]) => ({ commentId: Number(commentId), ...f }));
  const sorted = [...rows].sort((a, b) => {
    if (sort === "thread") return a.forecastId - b.forecastId;
    const av = a.headline.fork ?? Infinity;
    const bv = b.headline.fork ?? Infinity;
    return sort === "earliest" ? av - bv : bv - av;
  });
  const label = rows[0]!.headline.label;
  const answers = question !== null && rows.every((r) => r.quick);
  const compareOptions = answers
    ? []
    : [
        ...(postForecastId !== null ? [{ value: String(postForecastId), label: "the post's forecast" }] : []),
        ...(community ? [{ value: `aggregate-${community.postId}`, label: "the aggregate" }] : []),
        ...[...rows].sort((x, y) => x.forecastId - y.forecastId).map((f) => ({ value: String(f.forecastId), label: `fork by ${f.authorName} (#${f.forecastId})` })),
      ];
  return (
    <>
      <div className="forks-panel__head">
        <h2 id="forks-heading">
          {answers ? "Answers" : "Forks"} ({rows.length})
        </h2>
        <label className="small">
          Sort{" "}
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="thread">In thread order</option>
            <option value="earliest">Lowest {label.toLowerCase()} first</option>
            <option value="latest">Highest {label.toLowerCase()} first</option>
          </select>
        </label>
      </div>
      {community ? (
        <figure className="forks-panel__community">
          {community.svg ? (
            <>
              {/* Server-rendered by our chart renderer from our own data (app/utils/chart-svg.server.ts); one drawing per width. */}
              <div className="forks-panel__chart forks-panel__chart--wide" dangerouslySetInnerHTML={{ __html: community.svg }} />
              {community.svgNarrow ? <div className="forks-panel__chart forks-panel__chart--narrow" dangerouslySetInnerHTML={{ __html: community.svgNarrow }} /> : null}
            </>
          ) : community.svgUrl ? (
            <div className="forks-panel__chart">
              {/* The phone drawing where the column is a phone's (docs/decisions/025). */}
              <picture>
                {community.svgNarrowUrl ? <source media={PHONE_MEDIA} srcSet={community.svgNarrowUrl} /> : null}
                <img src={community.svgUrl} alt="Every fork as a thin line and the community aggregate as a bold one" loading="lazy" />
              </picture>
            </div>
          ) : null}
          <figcaption>
            The thread's view: each fork as a thin line; the bold line pools each author's latest fork with equal weight. {community.description}
          </figcaption>
          {community.cdf ? <QuestionBox cdf={community.cdf} label="Your own question, of the aggregate" /> : null}
        </figure>
      ) : null}
      {spread ? <InputSpreadView spread={spread} /> : null}
      <div className="forks-panel__scroll">
        <table className="forks-table">
          <thead>
            <tr>
              <th scope="col">Author</th>
              <th scope="col">{answers ? "Reason" : "Changed"}</th>
              <th scope="col">{label}</th>
              {answers ? null : (
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sorted.map((f) => (
              <tr key={f.forecastId}>
                <td>
                  <a href={`#c-${f.commentId}`}>{f.authorName}</a>
                  {f.stale ? <span className="tag tag--warn">earlier version</span> : null}
                </td>
                <td>{answers ? f.diff.map((d) => d.rationale).filter(Boolean).join("; ") || "—" : changesOf(f) || "—"}</td>
                <td className="num">{formatHeadline({ format: f.headline.format, value: f.headline.fork })}</td>
                {answers ? null : (
                  <td className="forks-table__compare">
                    {f.parentForecastId !== null ? <a href={`/compare?a=${f.parentForecastId}&b=${f.forecastId}`}>vs parent</a> : null}
                    {community ? (
                      <>
                        {" · "}
                        <a href={`/compare?a=aggregate-${community.postId}&b=${f.forecastId}`}>vs aggregate</a>
                      </>
                    ) : null}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          {answers && question ? (
            <tfoot>
              <tr>
                <th scope="row">Aggregate</th>
                <td colSpan={2}>{question.summary}, counting each author's latest answer and the asker's</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <CompareForm options={compareOptions} />
      <p className="forks-panel__exports small">
        Export all {answers ? "answers and the aggregate" : "forks"}: <a href={`/posts/${slug}/forks.csv`}>CSV</a> · <a href={`/posts/${slug}/forks.json`}>JSON</a>
      </p>
    </>
  );
}

/** A fork's changes in one line: its code (in lines), then each input as it set it. */
function changesOf(f: AnyFork): string {
  const lines = "codeLines" in f ? f.codeLines : f.code ? f.code.diff : null;
  const code = lines ? [`Code: ${diffSummary(lines).toLowerCase()}`] : [];
  return [...code, ...f.diff.map((d) => `${d.label}: ${d.to}`)].join("; ");
}
