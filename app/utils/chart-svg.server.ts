// Server-side chart rendering: vega-lite spec → static SVG, with no canvas and no browser.
// The only module that imports the vega runtime on the server (docs/stack.md pitfalls 12 and 19):
// the pure spec builders in app/charts stay type-only so they never reach the client bundle.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { textWidth } from "../charts/text-width";
import { INTERACTIVE_LAYER } from "../charts/theme";

export interface RenderOptions {
  /** The accessible name of the chart, usually describeResult()/describeShift(). */
  label: string;
}

export class ChartRenderError extends Error {
  override name = "ChartRenderError";
}

interface TextItem {
  fontSize?: number;
  fontWeight?: number | string;
}

// vega's Node fallback guesses 0.8 em per glyph, ~50% too wide for Inter, which squeezes
// plots under autosize "fit". vega supports a user-defined width function (vl-convert
// uses the same hook); vega re-exports textMetrics from vega-scenegraph at runtime, but its
// typings do not declare it.
const metrics = (vega as unknown as { textMetrics?: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
if (metrics) {
  metrics.width = (item, text) => {
    const str = text == null ? "" : String(text).trim();
    const weight = item.fontWeight;
    const bold = weight === "bold" || (typeof weight === "number" && weight >= 600) || (typeof weight === "string" && Number(weight) >= 600);
    return textWidth(str, item.fontSize ?? 11, bold);
  };
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** FNV-1a, 32 bit: a short stable id prefix derived from the SVG itself. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Make vega's fixed-size SVG fit its container and be announced as one image:
 * - keep the viewBox, replace width/height by width="100%" (height follows the viewBox);
 * - role="img" + aria-label, and aria-hidden on the inner marks so screen readers do not
 *   read every tick label;
 * - prefix ids (vega numbers its clip paths clip1, clip2… per process, and the browser's
 *   interactive view counts from clip1 again): two charts on one page must not share ids.
 */
export function finishSvg(svg: string, label: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new ChartRenderError("The renderer did not return an <svg> element");
  const prefix = `fc${hash(svg)}-`;
  const attrs = open[0]
    .replace(/\s(width|height)="[^"]*"/g, "")
    .replace(/\sclass="[^"]*"/, "")
    .replace(/>$/, ` width="100%" class="forecast-chart__svg" role="img" aria-label="${escapeAttr(label)}" focusable="false">`);
  // Rewrite attributes inside tags only: text nodes (which may hold user-chosen fork
  // labels, escaped by vega) must come through unchanged.
  const body = svg.slice(open[0].length).replace(/<[^<>]+>/g, (tag) =>
    tag
      .replace(/\sid="([^"]+)"/g, ` id="${prefix}$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
      // vega's own ARIA tree (role="graphics-object" on every mark) would repeat the chart
      // piecemeal after our single label; the text alternative is the figure caption.
      .replace(/\s(role|aria-roledescription|aria-label)="[^"]*"/g, "")
      // Bytes nobody sees (docs/decisions/023): the outer group already hides the marks from
      // screen readers, a static chart takes no pointer events, and a hundredth of a pixel is
      // below any screen's resolution.
      .replace(/\s(aria-hidden="true"|pointer-events="none"|opacity="1")/g, "")
      .replace(/(\d\.\d\d)\d+/g, "$1"),
  );
  // Empty placeholders vega writes for every axis group: nothing to draw.
  const drawn = body.replace(/<path class="foreground" d="" display="none"\/>/g, "").replace(/<path class="background" d="M0,0h0v0h0Z"\/>/g, "");
  // vega names the font on every text; one font for the whole chart is said once, on the group
  // that holds the marks, and inherited (a kilobyte off each inline chart).
  const fonts = new Set(Array.from(drawn.matchAll(/<[^<>]*\sfont-family="([^"]*)"[^<>]*>/g), (m) => m[1]));
  const [font] = fonts;
  // vega's classes (mark-group, role-axis…) serve its own view; nothing styles or queries them
  // in a static drawing, and an identity transform moves nothing.
  const oneFont = fonts.size === 1;
  const marks = drawn.replace(/<[^<>]+>/g, (tag) => {
    const bare = tag.replace(/\s(class="[^"]*"|transform="translate\(0,0\)")/g, "");
    return oneFont ? bare.replace(/\sfont-family="[^"]*"/g, "") : bare;
  });
  const group = oneFont ? `<g aria-hidden="true" font-family="${font}">` : `<g aria-hidden="true">`;
  return `${attrs}${group}${marks.replace(/<\/svg>\s*$/, "")}</g></svg>`;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

// Placeholders for the parts of a spec that change from result to result. Compilation is
// layout-free (vega measures text when the view runs), so a template compiled with
// placeholders and patched afterwards renders exactly like a fresh compile.
const TITLE_TEXT = "\u2060title";
const SUBTITLE_TEXT = "\u2060subtitle";

interface Template {
  /** The spec with inline data moved out, interactive-only layers dropped, title blanked. */
  spec: Obj;
  datasets: Map<string, Json[]>;
  title: { text?: Json; subtitle?: Json } | null;
}

function toTemplate(spec: TopLevelSpec): Template {
  const datasets = new Map<string, Json[]>();
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) {
      return node
        .filter((n) => !(isObj(n) && typeof n.name === "string" && n.name.startsWith(INTERACTIVE_LAYER) && Array.isArray(n.params)))
        .map(walk);
    }
    if (!isObj(node)) return node;
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "data" && isObj(v) && Array.isArray(v.values) && Object.keys(v).length === 1) {
        const name = `__fc_data_${datasets.size}`;
        datasets.set(name, v.values);
        out[k] = { name };
      } else {
        out[k] = walk(v);
      }
    }
    return out;
  };
  const out = walk(spec as unknown as Json) as Obj;
  const t = out.title;
  let title: Template["title"] = null;
  if (typeof t === "string" || Array.isArray(t)) {
    title = { text: t };
    out.title = TITLE_TEXT;
  } else if (isObj(t) && (typeof t.text === "string" || Array.isArray(t.text))) {
    title = { text: t.text, subtitle: t.subtitle };
    out.title = { ...t, text: TITLE_TEXT, ...(t.subtitle === undefined ? {} : { subtitle: SUBTITLE_TEXT }) };
  }
  return { spec: out, datasets, title };
}

const TEMPLATE_CAP = 100;
const TITLE_SIGNAL = "__fc_title";
const SUBTITLE_SIGNAL = "__fc_subtitle";

interface Compiled {
  /** Parsed vega runtime: plain data, instantiated afresh by every View (never mutated). */
  runtime: vega.Runtime;
  datasets: Set<string>;
  title: boolean;
  subtitle: boolean;
}

/** Compiled and parsed charts by their data-free vega-lite spec: a chart kind compiles once. */
const compiled = new Map<string, Compiled>();

function compileTemplate(t: Template): Compiled {
  const key = JSON.stringify(t.spec);
  let entry = compiled.get(key);
  if (entry) {
    compiled.delete(key);
  } else {
    const vg = compile(t.spec as unknown as TopLevelSpec).spec as unknown as Obj;
    const title = isObj(vg.title) ? vg.title : null;
    if (t.title && title?.text !== TITLE_TEXT) throw new ChartRenderError("Unexpected title in the compiled chart");
    // Title texts become signals, set per render, so the parsed runtime is reusable too.
    const subtitle = title?.subtitle === SUBTITLE_TEXT;
    const signals = Array.isArray(vg.signals) ? vg.signals : [];
    const spec: Obj = t.title
      ? {
          ...vg,
          title: { ...title, text: { signal: TITLE_SIGNAL }, ...(subtitle ? { subtitle: { signal: SUBTITLE_SIGNAL } } : {}) },
          signals: [...signals, { name: TITLE_SIGNAL, value: "" }, ...(subtitle ? [{ name: SUBTITLE_SIGNAL, value: "" }] : [])],
        }
      : vg;
    const datasets = new Set((Array.isArray(vg.data) ? vg.data : []).flatMap((d) => (isObj(d) && typeof d.name === "string" ? [d.name] : [])));
    entry = { runtime: vega.parse(spec as unknown as vega.Spec), datasets, title: !!t.title, subtitle };
    if (compiled.size >= TEMPLATE_CAP) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, entry);
  return entry;
}

/** Render a vega-lite spec to a responsive, labelled SVG string. Rejects with a clear message. */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions): Promise<string> {
  let view: vega.View | undefined;
  try {
    const template = toTemplate(spec);
    const entry = compileTemplate(template);
    // renderer "none": no canvas or DOM; toSVG() renders the scenegraph to a string.
    view = new vega.View(entry.runtime, { renderer: "none", logLevel: vega.Error });
    if (entry.title) view.signal(TITLE_SIGNAL, template.title?.text ?? "");
    if (entry.subtitle) view.signal(SUBTITLE_SIGNAL, template.title?.subtitle ?? "");
    for (const [name, values] of template.datasets) {
      // vega-lite drops datasets no mark uses; their values have nowhere to go.
      if (entry.datasets.has(name)) view.data(name, values as object[]);
    }
    const svg = await view.toSVG();
    return finishSvg(svg, options.label);
  } catch (err) {
    if (err instanceof ChartRenderError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new ChartRenderError(`Chart could not be rendered: ${reason}`);
  } finally {
    // Views hold timers and listeners; a long-running server must release every one.
    view?.finalize();
  }
}

/** Compile and render without the template cache or layer stripping (tests compare the two). */
export async function renderSvgUncached(spec: TopLevelSpec, options: RenderOptions): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none", logLevel: vega.Error });
  try {
    return finishSvg(await view.toSVG(), options.label);
  } finally {
    view.finalize();
  }
}

const CACHE_CAP = 200;
/** Insertion-ordered Map as an LRU: a hit is re-inserted at the end, eviction takes the first. */
const cache = new Map<string, Promise<string>>();

export type ChartRenderer = (spec: TopLevelSpec, options: RenderOptions) => Promise<string>;
/**
 * Who draws a chart the cache does not have: this thread by default (scripts, tests); the
 * server hands it to its worker pool, because a render holds a thread for 20–70 ms and the
 * request loop must keep answering meanwhile (/healthz, other readers) — docs/decisions/018.
 */
let renderer: ChartRenderer = renderSvg;
/** Returns the undo: back to this thread, unless another renderer took over since. */
export function useChartRenderer(next: ChartRenderer): () => void {
  renderer = next;
  return () => {
    if (renderer === next) renderer = renderSvg;
  };
}

/**
 * renderSvg with an in-memory LRU keyed by the caller (e.g. the result hash plus chart kind).
 * Concurrent requests for one key share a render; failures are not cached, so a transient
 * error does not stick.
 */
export function renderSvgCached(key: string, spec: TopLevelSpec, options: RenderOptions): Promise<string> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = renderer(spec, options);
  cache.set(key, pending);
  if (cache.size > CACHE_CAP) cache.delete(cache.keys().next().value as string);
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}

/** Number of cached charts (for tests and diagnostics). */
export function chartCacheSize(): number {
  return cache.size;
}

export function clearChartCache(): void {
  cache.clear();
  compiled.clear();
}

/**
 * Render charts once so the first real request does not pay vega's JIT warm-up (50–115 ms,
 * once 550 ms; docs/stack.md §3). Pass the site's real chart kinds (e.g. forecastSpec of each
 * model's default result) to also prime the compiled-template cache; with none, a small
 * stand-in chart warms the code paths. Call at boot without awaiting it on a request path.
 */
export async function warmUpCharts(specs: TopLevelSpec[] = []): Promise<number> {
  const t0 = performance.now();
  const values = Array.from({ length: 40 }, (_, i) => ({ year: 2025 + i, p: i / 40 }));
  const standIn: TopLevelSpec = {
    width: 300,
    height: 160,
    autosize: { type: "fit", contains: "padding" },
    title: "warm-up",
    data: { values },
    layer: [
      { mark: "line", encoding: { x: { field: "year", type: "quantitative", axis: { format: "d" } }, y: { field: "p", type: "quantitative", axis: { format: ".0%" } } } },
      { mark: "rule", encoding: { y: { datum: 0.5 } } },
    ],
  };
  for (const spec of [standIn, ...specs]) await renderSvg(spec, { label: "warm-up" });
  return performance.now() - t0;
}
