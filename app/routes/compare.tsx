import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TopLevelSpec } from "vega-lite";
import { AttributionParts } from "~/components/attribution-view";
import { DiffTable } from "~/components/diff-table";
import { ForecastChart, type ForecastChartProps } from "~/components/forecast-chart";
import { compareQuerySchema } from "~/forecast/api-schemas";
import analysisCss from "~/styles/analysis.css?url";
import chartCss from "~/styles/charts.css?url";
import { appError } from "~/utils/errors";
import { runLoader } from "~/actions/http.server";

export const links = () => [{ rel: "stylesheet", href: chartCss }, { rel: "stylesheet", href: analysisCss }];
export const meta: MetaFunction = () => [{ title: "Compare forecasts · Forkcast" }];

// /compare?a=ID&b=ID — any two forecasts (or a thread's "aggregate-<postId>"): overlay, the
// headlines side by side, the input diff and each change's share of the difference.
export async function loader({ context, request }: LoaderFunctionArgs) {
  return runLoader(async () => {
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = compareQuerySchema.safeParse(raw);
    if (!parsed.success) throw appError(400, `Compare needs two forecasts: /compare?a=12&b=15 (a forecast id, or "aggregate-3" for a thread's aggregate). ${parsed.error.issues[0]?.message ?? ""}`);
    await context.services.limits.consume("analysis", context.ip);
    return context.services.compare.compare(parsed.data.a, parsed.data.b, { year: parsed.data.year, p: parsed.data.p }, context.user);
  });
}

export default function Compare() {
  const view = useLoaderData<typeof loader>();
  const { a, b } = view;
  return (
    <div className="post compare">
      <h1>Compare forecasts</h1>
      <div className="compare__sides">
        <p>
          <span className="compare__tag compare__tag--a">A</span> <Link to={a.href}>{a.label}</Link> <span className="muted">· {a.modelTitle}</span>
        </p>
        <p>
          <span className="compare__tag compare__tag--b">B</span> <Link to={b.href}>{b.label}</Link> <span className="muted">· {b.modelTitle}</span>
        </p>
        <p className="compare__swap">
          <Link to={`/compare?a=${b.ref}&b=${a.ref}`}>Swap A and B</Link>
        </p>
      </div>

      {view.overlay.svg || view.overlay.spec ? (
        <ForecastChart svg={view.overlay.svg} spec={view.overlay.spec as unknown as TopLevelSpec | null} narrow={view.overlay.narrow as ForecastChartProps["narrow"]} description={`From A to B: ${view.overlay.description}`} className="compare__chart" />
      ) : (
        <p className="muted">{view.overlay.description}</p>
      )}

      <section aria-labelledby="compare-numbers">
        <h2 id="compare-numbers">Side by side</h2>
        <table className="compare__table">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
            </tr>
          </thead>
          <tbody>
            {view.headlines.map((h) => (
              <tr key={h.label}>
                <th scope="row">{h.label}</th>
                <td>{h.a}</td>
                <td>{h.b}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.fractionalYears ? <p className="compare__years small">Years are fractional (the curve read between whole years); the first whole year is the fraction rounded up.</p> : null}
      </section>

      {view.diff ? (
        <section aria-labelledby="compare-diff">
          <h2 id="compare-diff">What differs</h2>
          {view.diff.length ? (
            <DiffTable rows={view.diff} columns={["Input", "A → B"]} className="fork-diff compare__diff" />
          ) : (
            <p>No input differs.</p>
          )}
        </section>
      ) : null}

      {view.attribution ? (
        <section aria-labelledby="compare-attribution">
          <h2 id="compare-attribution">Where the difference comes from</h2>
          <AttributionParts attribution={view.attribution} />
        </section>
      ) : null}

      <ul className="compare__notes">
        {view.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p className="small">
        As JSON: <a href={`/api/compare?a=${a.ref}&b=${b.ref}`}>/api/compare?a={a.ref}&amp;b={b.ref}</a>
      </p>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
