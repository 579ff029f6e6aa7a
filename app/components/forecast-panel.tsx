import { useRouteLoaderData } from "@remix-run/react";
import type { TopLevelSpec } from "vega-lite";
import { formatFractionalYear, formatHeadline, formatStandardError } from "~/forecast/format";
import type { ForecastPresentation, SensitivityView } from "~/services/types";
import { ForecastChart } from "./forecast-chart";
import { MarkdownBody } from "./markdown-body";
import { QuestionBox } from "./question-box";
import { SensitivityPanel } from "./sensitivity-panel";
import { EmbedButton } from "./embed-button";
import { isOnce, Kept, type Once } from "./kept";
import { RenderedOnce } from "./rendered-once";
import { useServerMarkup } from "./inline-svg";

type Inputs = ForecastPresentation["inputs"];
type Sources = ForecastPresentation["sources"];

interface PanelProps {
  /** The post page's inputs and sources may be markup its HTML carries once (components/kept.tsx). */
  forecast: Omit<ForecastPresentation, "inputs" | "sources" | "cdf" | "table"> & {
    inputs: Inputs | Once<Inputs>;
    sources: Sources | Once<Sources>;
    cdf: ForecastPresentation["cdf"] | string;
    table: ForecastPresentation["table"] | Once<NonNullable<ForecastPresentation["table"]>>;
  };
  /** Offers the embed snippet (components/embed-button.tsx), the frame titled so. */
  embedTitle?: string | null;
  embedOpen?: boolean;
  headlineCount?: number;
  /** Computed on the server for a reader without JavaScript who asked for it. */
  sensitivity?: SensitivityView | null;
  question?: { year?: number; pByYear?: number | null; p?: number; yearAtP?: number | null } | null;
}

/**
 * The forecast a post carries: headline numbers, chart, inputs, and what the model is. The same
 * for every reader, so the server keeps its markup by its props (rendered-once.tsx).
 */
export function ForecastPanel(props: PanelProps) {
  // The root loader says under which address readers reach the site: the embed snippet names it.
  const origin = (useRouteLoaderData("root") as { origin?: string } | undefined)?.origin ?? "";
  // The model's description may come as markup the document carries once (inline-svg.tsx), keyed by the forecast alone: the key names it.
  const description = useServerMarkup(props.forecast.modelDescriptionHtml === "" ? `model:${props.forecast.id}` : undefined) ?? "";
  return (
    <RenderedOnce as="section" className="forecast-panel" aria-labelledby={`forecast-${props.forecast.id}-title`} part="forecast-panel" sameFor={{ origin, description, props }}>
      <PanelContents {...props} origin={origin} />
    </RenderedOnce>
  );
}

function PanelContents({ forecast, headlineCount = 8, sensitivity = null, question = null, embedTitle = null, embedOpen = false, origin }: PanelProps & { origin: string }) {
  return (
    <>
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
              {h.format === "year" && h.fractional !== undefined && h.value !== null ? (
                <span className="headline__fraction" title="The fractional year; the whole year is this rounded up: the first year by which the probability is reached">
                  {formatFractionalYear(h.fractional)}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      {forecast.headlines.some((h) => h.fractional !== undefined) ? (
        <p className="forecast-panel__years">Small figures are fractional years (the curve read between whole years); a whole year is the first year by which the probability is reached.</p>
      ) : null}
      <ForecastChart
        svg={forecast.svg}
        spec={forecast.spec as TopLevelSpec | null}
        svgUrl={forecast.urls.svg}
        specUrl={forecast.urls.spec}
        narrow={forecast.narrow && { svg: forecast.narrow.svg, spec: forecast.narrow.spec as TopLevelSpec | null, svgUrl: forecast.urls.phoneSvg, specUrl: forecast.urls.phoneSpec }}
        description={forecast.description}
        table={forecast.table ?? undefined}
      />
      {forecast.cdf ? (
        <div id="question">
          <QuestionBox forecastId={forecast.id} cdf={forecast.cdf} initial={question} />
        </div>
      ) : null}
      {forecast.method === "stated" ? null : (
        // A stated answer has no inputs to vary: its inputs are the answer.
        <div id="sensitivity">
          <SensitivityPanel forecastId={forecast.id} initial={sensitivity} />
        </div>
      )}
      <Kept as="details" className="forecast-panel__inputs" value={forecast.inputs}>
        {(inputs) => <InputsTables inputs={inputs} />}
      </Kept>
      {forecast.program ? (
        <details className="forecast-panel__program">
          <summary>The Squiggle program ({forecast.program.code.split("\n").length} lines, as it runs with these inputs)</summary>
          <pre className="sq-listing">
            <code>
              {forecast.program.code.split("\n").map((line, i) => (
                <span key={i} className="sq-listing__line">
                  {line || " "}
                </span>
              ))}
            </code>
          </pre>
        </details>
      ) : null}
      <details className="forecast-panel__about">
        <summary>About this model and its sources</summary>
        <MarkdownBody html={forecast.modelDescriptionHtml} inlineKey={`model:${forecast.id}`} />
        {isOnce(forecast.sources) || forecast.sources.length ? (
          <Kept as="ul" className="sources" value={forecast.sources}>
            {(sources) => <SourceItems sources={sources} />}
          </Kept>
        ) : null}
      </details>
      {forecast.versionNote ? <p className="forecast-panel__version-note">{forecast.versionNote}</p> : null}
      <p className="forecast-panel__provenance">
        {provenance(forecast)} · <a href={`/api/forecasts/${forecast.id}`}>JSON</a> · <a href={forecast.urls.csv ?? `/api/forecasts/${forecast.id}.csv`}>CSV</a> ·{" "}
        <a href={forecast.urls.svg ?? `/api/forecasts/${forecast.id}.svg`}>SVG</a>
      </p>
      {embedTitle !== null ? <EmbedButton forecastId={forecast.id} title={embedTitle} origin={origin} open={embedOpen} /> : null}
    </>
  );
}

/** What ran, and how: the seed and sample count only where sampling made the numbers. */
function provenance(f: PanelProps["forecast"]): string {
  if (f.method === "stated") return "A stated answer, not a model run";
  const what = f.program ? `Run by ${f.program.interpreter} · adapter version ${f.modelVersion}` : `Model version ${f.modelVersion}`;
  const older = f.current ? "" : " (an older version of this model)";
  const how = f.method === "exact" ? "worked out exactly, no sampling" : `seed ${f.seed} · ${f.sampleCount.toLocaleString("en-US")} samples`;
  return `${what}${older} · ${how}`;
}

function InputsTables({ inputs }: { inputs: Inputs }) {
  const groups = new Map<string, Inputs>();
  for (const row of inputs) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  const changed = inputs.filter((r) => r.changed).length;
  return (
    <>
      <summary>
        Inputs ({inputs.length}
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
    </>
  );
}

function SourceItems({ sources }: { sources: Sources }) {
  return sources.map((s) => (
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
  ));
}
