// What a page's loader data leaves out (docs/decisions/023): a chart travels once, inline in
// the HTML, and the data names its URL; the vega-lite spec is fetched when the interactive
// view starts; Markdown source goes only to the editors that need it.
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { cardBody, type ForkCardBody, type PageFork } from "../components/fork-card";
import type { Once } from "../components/kept";
import { packCdf, type CdfPoint } from "../forecast/summarize";
import type { CommunityView, ForecastPresentation, ForkPresentation, SpreadView } from "../services/types";

/** The post page's forecast: its inputs, sources and data table are static markup the HTML carries once; its curve is packed. */
export type LeanForecast = Omit<ForecastPresentation, "inputs" | "sources" | "cdf" | "table"> & {
  inputs: Once<ForecastPresentation["inputs"]>;
  sources: Once<ForecastPresentation["sources"]>;
  cdf: string | null;
  table: Once<NonNullable<ForecastPresentation["table"]>> | null;
};

export function forecastByUrl(context: AppLoadContext, forecast: ForecastPresentation): LeanForecast {
  const described = {
    ...markupOnce(context, `model:${forecast.id}`, forecast, "modelDescriptionHtml"),
    inputs: dataOnce(context, forecast.inputs),
    sources: dataOnce(context, forecast.sources),
    cdf: forecast.cdf && packedOnce(forecast.cdf),
    table: forecast.table && forecast.table.rows.length > 0 ? dataOnce(context, forecast.table) : null,
  };
  if (!forecast.urls.svg || !forecast.svg) return described;
  context.inlineMarkup.set(forecast.urls.svg, forecast.svg);
  // The phone drawing is an image by URL and its spec fetched, like the wide one's (docs/decisions/025).
  const narrow = forecast.narrow && forecast.urls.phoneSvg && forecast.urls.phoneSpec ? { svg: null, spec: null } : forecast.narrow;
  return { ...described, svg: null, spec: forecast.urls.spec ? null : forecast.spec, narrow };
}

/**
 * Data only static markup shows (components/kept.tsx): a document's loader data gets its version
 * and the server render the data; a `.data` request gets both.
 */
export function dataOnce<T>(context: AppLoadContext, data: T): Once<T> {
  const { json, once } = versionOf(data);
  if (!context.documentRequest) return { once, data };
  context.inlineMarkup.set(`kept:${once}`, json);
  return { once };
}

/**
 * Presentations are kept and frozen by the rows they come from (utils/memo.server.ts), so the
 * same object comes back on every view: what a page derives from one is worked out once per
 * object. An object that is not frozen may still change, so it is worked out every time.
 */
function perFrozen<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (!Object.isFrozen(key)) return derive(key);
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = derive(key)));
    return value;
  };
}

function version(data: unknown): { json: string; once: string } {
  const json = JSON.stringify(data);
  return { json, once: createHash("sha256").update(json).digest("hex").slice(0, 16) };
}

const versionOfObject = perFrozen<object, { json: string; once: string }>(version);
const versionOf = (data: unknown) => (typeof data === "object" && data !== null ? versionOfObject(data) : version(data));

/** The forks panel's assumptions view, plain HTML and CSS with nothing to interact with but its fold. */
export function spreadOnce(context: AppLoadContext, spread: SpreadView | null): SpreadView | Once<SpreadView> | null {
  return spread && spread.inputs.length > 0 ? dataOnce(context, spread) : null;
}

/** Each fork card's changes, attribution and chart are static markup the HTML carries once. */
export function forksOnce(context: AppLoadContext, forks: Record<number, ForkPresentation>): Record<number, PageFork> {
  return Object.fromEntries(
    Object.entries(forks).map(([id, fork]) => {
      const { code: _code, attribution: _attribution, legacyAttribution: _legacy, description: _description, ...rest } = fork;
      const codeLines = fork.code ? { added: fork.code.diff.added, removed: fork.code.diff.removed } : null;
      return [id, { ...rest, card: dataOnce(context, bodyOf(fork)), codeLines }];
    }),
  );
}

/** A kept fork's card body, and a kept curve packed: once per frozen presentation. */
const bodyOf = perFrozen((fork: ForkPresentation): ForkCardBody => Object.freeze(cardBody(fork)));
const packedOnce = perFrozen((cdf: readonly CdfPoint[]) => packCdf(cdf));

/** The community chart is an image by URL: below the fold, and the same for every reader. Its curve is packed. */
export function communityByUrl(community: CommunityView): Omit<CommunityView, "cdf"> & { cdf: string | null } {
  const cdf = community.cdf && packedOnce(community.cdf);
  return community.svgUrl ? { ...community, svg: null, svgNarrow: null, cdf } : { ...community, cdf };
}

/**
 * Rendered Markdown a document carries once: in its HTML, under `key`, with "" in the loader
 * data. A `.data` request (a navigation or revalidation in the running app) gets it whole,
 * since there is no server markup for the browser to keep.
 */
export function markupOnce<T extends Record<F, string>, F extends string = "html">(context: AppLoadContext, key: string, item: T, field: F = "html" as F): T {
  if (!context.documentRequest || item[field] === "") return item;
  context.inlineMarkup.set(key, item[field]);
  return { ...item, [field]: "" };
}

interface TreeNode<C> {
  comment: C;
  children: TreeNode<C>[];
}

/** Every visible comment's body once (a removed one's text goes to staff in its own view, untouched). */
export function treeOnce<C extends { id: number; html: string; status: string }, N extends TreeNode<C>>(context: AppLoadContext, nodes: N[]): N[] {
  return nodes.map((node) => ({
    ...node,
    comment: node.comment.status === "visible" ? markupOnce(context, `comment:${node.comment.id}`, node.comment) : node.comment,
    children: treeOnce(context, node.children),
  }));
}

export function withoutSource<T extends { markdown: string }>(item: T): Omit<T, "markdown"> {
  const copy: Partial<T> = { ...item };
  delete copy.markdown;
  return copy as Omit<T, "markdown">;
}
