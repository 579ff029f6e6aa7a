// A quick question as the thread shows it: the question, who asked it and what they said,
// the aggregate of everyone's latest answer, and the answers drawn (a phone gets its own
// drawing). With JavaScript off it is the same; the live page refetches it as answers arrive.
import type { ReactNode } from "react";
import { formatHeadline } from "~/forecast/format";
import type { QuestionView } from "~/services/types";

const KIND_LABEL = { probability: "Probability", date: "Date", quantity: "Quantity" } as const;

/** The charts are drawn on the server by our renderer from engine data (app/utils/chart-svg.server.ts), not user markup. */
function Svg({ svg, className }: { svg: string; className: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** The aggregate as label/value pairs: the two probability aggregates, or the pool's median and 90% interval. */
function aggregateItems(q: QuestionView): [string, string][] {
  const h = (key: string) => q.headlines.find((x) => x.key === key);
  if (q.kind === "probability") return q.headlines.map((x) => [x.label, formatHeadline(x)]);
  const median = h("median");
  const p5 = h("p5");
  const p95 = h("p95");
  const out: [string, string][] = [];
  if (median) out.push([`Pooled ${median.label.charAt(0).toLowerCase()}${median.label.slice(1)}`, formatHeadline(median)]);
  if (p5 && p95) out.push(["Pooled 90% interval", `${formatHeadline(p5)} – ${formatHeadline(p95)}`]);
  return out;
}

export function QuestionPanel({ question: q, compact = false, children }: { question: QuestionView; compact?: boolean; children?: ReactNode }) {
  const headingId = `question-${q.rootForecastId}`;
  const Heading = compact ? "h3" : "h2";
  return (
    <section className={`question${compact ? " question--compact" : ""}`} aria-labelledby={headingId}>
      <p className="eyebrow">Quick forecast · {KIND_LABEL[q.kind]}</p>
      <Heading id={headingId} className="question__text">
        {q.text}
      </Heading>
      <p className="question__meta">
        {q.detail} · asked by {q.askerName}: <strong>{q.askerAnswer}</strong>
      </p>
      <dl className="headlines question__aggregate" aria-label="The thread's aggregate">
        <div className="headline">
          {/* People, not replies: each one's latest answer counts, the asker's included. */}
          <dt>Forecasters</dt>
          <dd>{q.answers.length}</dd>
        </div>
        {aggregateItems(q).map(([label, value]) => (
          <div key={label} className="headline">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <figure className="question__figure">
        {q.svg ? <Svg svg={q.svg} className="question__chart question__chart--wide" /> : null}
        {q.svgNarrow ? <Svg svg={q.svgNarrow} className="question__chart question__chart--narrow" /> : null}
        <figcaption className="question__caption">
          {q.kind === "probability"
            ? "Each author's latest answer counts once. The median is the middle answer; the geometric mean of odds averages the answers' log-odds. Neither is pushed towards 0 or 1."
            : "Each author's latest answer counts once; the pooled line is their equal-weight mixture."}
        </figcaption>
        <details className="question__data">
          <summary>Show the answers as a table</summary>
          <table className="question__table">
            <caption className="visually-hidden">{q.description}</caption>
            <thead>
              <tr>
                <th scope="col">Author</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {q.answers.map((a) => (
                <tr key={a.forecastId}>
                  <th scope="row">
                    {a.commentId ? <a href={`#c-${a.commentId}`}>{a.authorName}</a> : a.authorName}
                    {a.asker ? " (asked)" : ""}
                  </th>
                  <td>{a.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
      {children}
    </section>
  );
}
