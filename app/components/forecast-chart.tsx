// A forecast chart: the server-rendered SVG first (works without JavaScript, in link
// previews and for screen readers), upgraded in place to an interactive vega view once the
// page has hydrated and the chart is near the viewport. A chart that fails breaks only itself.
import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { TopLevelSpec } from "vega-lite";
import { InlineSvg } from "./inline-svg";
import { isOnce, Kept, type Once } from "./kept";
import { PHONE_MEDIA } from "~/charts/theme";

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface ForecastChartProps {
  /** SVG from utils/chart-svg.server.ts; null when the server could not render it. */
  svg: string | null;
  /** The same chart as a vega-lite spec, for the interactive view; null keeps it static. */
  spec: TopLevelSpec | null;
  /** Where the SVG is served, for pages that send it once (inline in the HTML) instead of in their data. */
  svgUrl?: string | null;
  /** Where the spec is served: fetched only when the interactive view starts. */
  specUrl?: string | null;
  /** Text alternative (describeResult / describeShift), shown as the caption. */
  description: string;
  /** The chart's data as a table; a page may carry it once, as static markup (components/kept.tsx). */
  table?: ChartTable | Once<ChartTable>;
  title?: string;
  className?: string;
  /** Interactive view only: called with the datum of a clicked mark (e.g. a tornado bar's input). */
  onSelect?: (datum: Record<string, unknown>) => void;
  /** A layout for phones (the static SVG by CSS media query, the interactive view by the frame's width). */
  narrow?: { svg: string | null; spec: TopLevelSpec | null; svgUrl?: string | null; specUrl?: string | null } | null;
}

/** Below this frame width the narrow layout is used, when there is one. */
const NARROW_PX = 560;

/**
 * The server SVG, inline. This is the second reviewed use of dangerouslySetInnerHTML (the
 * first is MarkdownBody): the markup is produced by our own renderer (vega View.toSVG over
 * engine data, post-processed in app/utils/chart-svg.server.ts), never by users. Text that
 * users can influence (fork labels) is escaped by vega's SVG serializer.
 */
/** A transparent 1×1 GIF: what a wider screen "loads" for the phone drawing. */
const EMPTY_IMAGE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

function StaticSvg({ svg, hidden, narrow }: { svg: SvgSource; hidden?: boolean; narrow?: SvgSource | null }) {
  const wide = narrow ? "forecast-chart__static forecast-chart__static--wide" : "forecast-chart__static";
  return (
    <>
      {typeof svg === "string" ? <div className={wide} hidden={hidden} dangerouslySetInnerHTML={{ __html: svg }} /> : <InlineSvg src={svg.url} className={wide} hidden={hidden} />}
      {!narrow ? null : typeof narrow === "string" ? (
        <div className="forecast-chart__static forecast-chart__static--narrow" hidden={hidden} dangerouslySetInnerHTML={{ __html: narrow }} />
      ) : (
        // By URL, an image: the page carries the wide drawing inline once. A lazy image that CSS
        // hides is still fetched by Chromium, so wider screens pick an empty source instead
        // (docs/decisions/025). The caption describes it.
        <picture className="forecast-chart__static forecast-chart__static--narrow" hidden={hidden}>
          <source media={`not all and ${PHONE_MEDIA}`} srcSet={EMPTY_IMAGE} />
          <img src={narrow.url} alt="" loading="lazy" decoding="async" />
        </picture>
      )}
    </>
  );
}

function narrowSource(narrow: ForecastChartProps["narrow"]): SvgSource | null {
  return narrow?.svg ?? (narrow?.svgUrl ? { url: narrow.svgUrl } : null);
}

function Unavailable({ title }: { title?: string }) {
  return <p className="forecast-chart__unavailable">{title ? `${title}: chart unavailable` : "Chart unavailable"}</p>;
}

/** Catches render errors of the interactive part and shows the fallback instead. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.warn("Interactive chart failed; showing the static chart", error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

// CSP-friendly embedding (docs/decisions/011-csp.md): `ast` + vega-interpreter instead of
// `new Function` (the policy has no 'unsafe-eval'), and no injected <style> elements
// (style-src-elem is 'self' only): the view's and tooltip's styles live in app/styles/charts.css.
// `expr` is passed explicitly (vega-embed would fall back to the same interpreter) so the
// choice is visible here and survives a vega-embed default change.
const EMBED_OPTIONS = {
  renderer: "svg",
  actions: false,
  ast: true,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true, theme: "forkcast" },
} as const;

/** Start `fn` once `el` is within 200px of the viewport (at once without IntersectionObserver). */
function whenNearViewport(el: Element, fn: () => void): () => void {
  if (typeof IntersectionObserver === "undefined") {
    fn();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        fn();
      }
    },
    { rootMargin: "200px" },
  );
  observer.observe(el);
  return () => observer.disconnect();
}

type SvgSource = string | { url: string };
type SpecSource = TopLevelSpec | { fetchFrom: string };

function loadSpec(key: string): Promise<TopLevelSpec> {
  if (!key.startsWith("url:")) return Promise.resolve(JSON.parse(key) as TopLevelSpec);
  return fetch(key.slice(4), { credentials: "same-origin" }).then((res) => {
    if (!res.ok) throw new Error(`The chart's spec answered ${res.status}`);
    return res.json() as Promise<TopLevelSpec>;
  });
}

/**
 * Vega gives some marks roles of their own even with `aria: false`; the view is one image whose
 * words are the figure's caption, as the server SVG is (app/utils/chart-svg.server.ts).
 */
function labelAsImage(host: HTMLElement, label: string) {
  const svg = host.querySelector("svg");
  if (!svg) return;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  for (const child of Array.from(svg.children)) child.setAttribute("aria-hidden", "true");
}

function InteractiveChart({ svg, spec, title, description, onSelect, narrow }: { svg: SvgSource | null; spec: SpecSource; title?: string; description: string; onSelect?: (datum: Record<string, unknown>) => void; narrow?: ForecastChartProps["narrow"] }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState(false);
  // The latest callback, read at click time, so a new function each render does not re-embed.
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const labelRef = useRef(title ? `${title}. ${description}` : description);
  labelRef.current = title ? `${title}. ${description}` : description;
  // Loader revalidations hand us an equal spec in a new object; re-embed only on a change.
  const specKey = useMemo(() => ("fetchFrom" in spec ? `url:${spec.fetchFrom}` : JSON.stringify(spec)), [spec]);
  const narrowSvg = narrowSource(narrow);
  const narrowKey = useMemo(() => (narrow?.spec ? JSON.stringify(narrow.spec) : narrow?.specUrl ? `url:${narrow.specUrl}` : ""), [narrow]);

  useEffect(() => {
    const wrap = wrapRef.current;
    const host = hostRef.current;
    if (!wrap || !host) return;
    let cancelled = false;
    let finalize: (() => void) | undefined;
    setLive(false);
    const stopWatching = whenNearViewport(wrap, () => {
      // Lazy: vega is ~900 kB and must never delay first paint (docs/stack.md pitfall 12).
      Promise.all([import("vega-embed"), import("vega-interpreter"), loadSpec(narrowKey && wrap.clientWidth < NARROW_PX ? narrowKey : specKey)])
        .then(([{ default: embed }, { expressionInterpreter }, chosen]) => embed(host, chosen, { ...EMBED_OPTIONS, expr: expressionInterpreter }))
        .then((result) => {
          if (cancelled) return result.finalize();
          finalize = result.finalize;
          labelAsImage(host, labelRef.current);
          result.view.addEventListener("click", (_event, item) => {
            const datum = (item as { datum?: unknown } | null | undefined)?.datum;
            if (datum && typeof datum === "object") selectRef.current?.(datum as Record<string, unknown>);
          });
          setLive(true);
        })
        .catch((err: unknown) => {
          // Keep the static SVG (or the description): the interactive view is an extra.
          if (!cancelled) console.warn("Interactive chart unavailable", err);
        });
    });
    return () => {
      cancelled = true;
      stopWatching();
      finalize?.();
      host.replaceChildren();
    };
  }, [specKey, narrowKey]);

  return (
    <div ref={wrapRef} className="forecast-chart__frame">
      {svg ? <StaticSvg svg={svg} hidden={live} narrow={narrowSvg} /> : live ? null : <Unavailable title={title} />}
      {/* Filled by vega-embed, never by React: it must stay empty in JSX. */}
      <div ref={hostRef} className="forecast-chart__live" hidden={!live} />
    </div>
  );
}

function DataTable({ table }: { table: ChartTable | Once<ChartTable> }) {
  return (
    <Kept as="details" className="forecast-chart__data" value={table}>
      {(t) => <DataTableContents table={t} />}
    </Kept>
  );
}

function DataTableContents({ table }: { table: ChartTable }) {
  return (
    <>
      <summary>Show data</summary>
      <div className="forecast-chart__table-wrap">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ForecastChart({ svg: svgString, spec: specObject, svgUrl, specUrl, description, table, title, className, onSelect, narrow }: ForecastChartProps) {
  const svg: SvgSource | null = svgString ?? (svgUrl ? { url: svgUrl } : null);
  const spec: SpecSource | null = specObject ?? (specUrl ? { fetchFrom: specUrl } : null);
  const fallback = svg ? <StaticSvg svg={svg} narrow={narrowSource(narrow)} /> : <Unavailable title={title} />;
  return (
    <figure className={`forecast-chart${className ? ` ${className}` : ""}`}>
      {spec ? (
        <ChartBoundary fallback={<div className="forecast-chart__frame">{fallback}</div>}>
          <InteractiveChart svg={svg} spec={spec} title={title} description={description} onSelect={onSelect} narrow={narrow} />
        </ChartBoundary>
      ) : (
        <div className="forecast-chart__frame">{fallback}</div>
      )}
      <figcaption className="forecast-chart__caption">{description}</figcaption>
      {table && (isOnce(table) || table.rows.length > 0) ? <DataTable table={table} /> : null}
    </figure>
  );
}

export default ForecastChart;
