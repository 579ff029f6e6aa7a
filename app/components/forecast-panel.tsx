import type { TopLevelSpec } from "vega-lite";
import { formatHeadline, formatStandardError } from "~/forecast/format";
import type { ForecastPresentation } from "~/services/types";
import { ForecastChart } from "./forecast-chart";
import { MarkdownBody } from "./markdown-body";

/** The forecast a post carries: headline numbers, chart, inputs, and what the model is. */
export function ForecastPanel({ forecast, headlineCount = 8 }: { forecast: ForecastPresentation; headlineCount?: number }) {
  const groups = new Map<string, ForecastPresentation["inputs"]>();
  for (const row of forecast.inputs) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  const changed = forecast.inputs.filter((r) => r.changed).length;
  return (
    <section className="forecast-panel" aria-labelledby={`forecast-${forecast.id}-title`}>
      <header className="forecast-panel__header">
        <p className="eyebrow">Forecast</p>
        <h2 id={`forecast-${forecast.id}-title`} className="forecast-panel__title">
          {forecast.modelTitle}
        </h2>
      </header>
      <dl className="headlines">
        {forecast.headlines.slice(0, headlineCount).map((h) => (
          <div key={h.key} className="headline">
            <dt>{h.label}</dt>
            <dd>
              {formatHeadline(h)}
              {formatStandardError(h) ? (
                <span className="headline__se" title="Monte Carlo standard error">
                  {formatStandardError(h)}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <ForecastChart svg={forecast.svg} spec={forecast.spec as TopLevelSpec | null} description={forecast.description} table={forecast.table ?? undefined} />
      <details className="forecast-panel__inputs">
        <summary>
          Inputs ({forecast.inputs.length}
          {changed ? `, ${changed} changed from the model's defaults` : ", all at the model's defaults"})
        </summary>
        {[...groups].map(([group, rows]) => (
          <table key={group || "inputs"} className="inputs-table">
            {group ? <caption>{group}</caption> : null}
            <tbody>
              {rows.map((r) => (
                <tr key={r.name} className={r.changed ? "is-changed" : undefined}>
                  <th scope="row">{r.label}</th>
                  <td>
                    {r.value}
                    {r.changed ? <span className="tag">changed</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </details>
      <details className="forecast-panel__about">
        <summary>About this model and its sources</summary>
        <MarkdownBody html={forecast.modelDescriptionHtml} />
        {forecast.sources.length ? (
          <ul className="sources">
            {forecast.sources.map((s) => (
              <li key={s.title}>
                {s.url ? (
                  <a href={s.url} rel="nofollow noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}
                {s.note ? <span className="muted"> — {s.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </details>
      <p className="forecast-panel__provenance">
        Model version {forecast.modelVersion}
        {forecast.current ? "" : " (an older version of this model)"} · seed {forecast.seed} · {forecast.sampleCount.toLocaleString("en-US")} samples ·{" "}
        <a href={`/api/forecasts/${forecast.id}`}>JSON</a> · <a href={`/api/forecasts/${forecast.id}.csv`}>CSV</a> ·{" "}
        <a href={`/api/forecasts/${forecast.id}.svg`}>SVG</a>
      </p>
    </section>
  );
}
