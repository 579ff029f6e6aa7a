// Turns a stored forecast and its result into what a page shows: the server-rendered chart,
// its text alternative and data table, the headline numbers, the inputs table and the
// model's own description and sources.
import { describeResult, forecastSpec, phoneSpec, resultTable } from "../charts/index";
import { cdfOf, diffInputs, formatInputValue, SQUIGGLE_MODEL_ID, type ForecastModel, type ForecastResult, type Inputs } from "../forecast/index";
import type { TopLevelSpec } from "vega-lite";
import type { ChartOptions } from "../charts/theme";
import { renderSvgCached } from "../utils/chart-svg.server";
import { renderMarkdown } from "../utils/markdown.server";
import type { ChartVariant, InputRow, ForecastPresentation } from "./types";
import { seriesCsv } from "./model-definitions.server";
import { contentVersion, versionedUrl } from "../utils/asset-version.server";
import { memo } from "../utils/memo.server";

const descriptionCache = new Map<string, string>();
function modelDescriptionHtml(model: ForecastModel): string {
  // A Squiggle model's description is its author's @doc, one per program: not cached by model id.
  if (model.id === SQUIGGLE_MODEL_ID) return model.description ? renderMarkdown(model.description, { resolvePostTitle: () => null }).html : "";
  const key = `${model.id}@${model.version}`;
  let html = descriptionCache.get(key);
  if (html === undefined) {
    html = renderMarkdown(model.description, { resolvePostTitle: () => null }).html;
    descriptionCache.set(key, html);
  }
  return html;
}

export function inputRows(model: ForecastModel, inputs: Inputs): InputRow[] {
  const defaults: Inputs = Object.fromEntries(model.inputs.map((i) => [i.name, i.default]));
  const changed = new Set(diffInputs(model, defaults, inputs).map((d) => d.name));
  return model.inputs.map((def) => ({
    name: def.name,
    label: def.label,
    value: formatInputValue(def, inputs[def.name] ?? def.default),
    unit: def.unit,
    group: def.group ?? "",
    changed: changed.has(def.name),
  }));
}

type AssetUrls = ForecastPresentation["urls"];
const urlCache = new Map<string, AssetUrls>();
const URL_CACHE_CAP = 1000;

/**
 * Versioned URLs of a forecast's assets. Hashing the CSV and spec on every page view costs
 * more than the rest of the forecast panel, so they are kept by what determines the bytes (the
 * row's identity and the rendered SVG): a pure function of its key, safe in every process.
 */
function assetUrls(row: { id: number; inputsHash: string; seed: number; sampleCount: number; modelVersion: number }, svg: string | null, spec: unknown, result: ForecastResult | null, phone: ChartVariant | null): AssetUrls {
  const key = `${row.id}:${row.modelVersion}:${row.inputsHash}:${row.seed}:${row.sampleCount}:${svg === null ? "" : contentVersion(svg)}:${phone?.svg ? contentVersion(phone.svg) : ""}:${result ? 1 : 0}`;
  const known = urlCache.get(key);
  if (known) return known;
  const base = `/api/forecasts/${row.id}`;
  const urls: AssetUrls = {
    svg: svg === null ? null : versionedUrl(`${base}.svg`, svg),
    spec: spec === null ? null : versionedUrl(`${base}.spec.json`, JSON.stringify(spec)),
    csv: result ? versionedUrl(`${base}.csv`, seriesCsv(result)) : null,
    phoneSvg: phone?.svg ? versionedUrl(`${base}.phone.svg`, phone.svg) : null,
    phoneSpec: phone ? versionedUrl(`${base}.phone.spec.json`, JSON.stringify(phone.spec)) : null,
  };
  if (urlCache.size >= URL_CACHE_CAP) urlCache.delete(urlCache.keys().next().value as string);
  urlCache.set(key, urls);
  return urls;
}

/** A chart's SVG, or null: a chart that fails breaks only itself (the page keeps the description and table). */
export async function drawOrNull(key: string, spec: TopLevelSpec, label: string): Promise<string | null> {
  try {
    return await renderSvgCached(key, spec, { label });
  } catch {
    return null;
  }
}

/** The phone drawing of a chart, beside the one for wider columns. */
export async function phoneVariant(key: string, build: (options: ChartOptions) => TopLevelSpec, label: string): Promise<ChartVariant> {
  const spec = phoneSpec(build);
  return { svg: await drawOrNull(`${key}:phone`, spec, label), spec: spec as unknown as Record<string, unknown> };
}

// The whole presentation hangs on the row's identity and the model's version: the busiest page
// showed building its chart specs again on every view as the biggest cost after React itself.
const presented = memo<Readonly<ForecastPresentation>>(256);

/** What a page shows for a stored forecast; the same frozen object for every reader. */
export function presentForecast(
  row: { id: number; modelId: string; modelVersion: number; seed: number; sampleCount: number; inputsHash: string },
  model: ForecastModel | undefined,
  inputs: Inputs,
  result: ForecastResult | null,
): Promise<Readonly<ForecastPresentation>> {
  const key = `${row.id}:${row.modelId}:${row.modelVersion}:${row.inputsHash}:${row.seed}:${row.sampleCount}:${model ? `${model.id}@${model.version}` : "-"}:${result ? 1 : 0}`;
  return presented(key, async () => {
    const presentation = await buildPresentation(row, model, inputs, result);
    // Frozen too, since pages version them by identity (actions/lean-page.server.ts).
    Object.freeze(presentation.inputs);
    Object.freeze(presentation.sources);
    if (presentation.cdf) Object.freeze(presentation.cdf);
    if (presentation.table) Object.freeze(presentation.table);
    return Object.freeze(presentation);
  });
}

async function buildPresentation(
  row: { id: number; modelId: string; modelVersion: number; seed: number; sampleCount: number; inputsHash: string },
  model: ForecastModel | undefined,
  inputs: Inputs,
  result: ForecastResult | null,
): Promise<ForecastPresentation> {
  const description = result ? describeResult(result) : "The result of this forecast is not available.";
  const spec = result ? forecastSpec(result) : null;
  const key = `main:${row.modelId}:${row.modelVersion}:${row.inputsHash}:${row.seed}:${row.sampleCount}`;
  const svg = spec ? await drawOrNull(key, spec, description) : null;
  const narrow = result ? await phoneVariant(key, (options) => forecastSpec(result, options), description) : null;
  return {
    id: row.id,
    urls: assetUrls(row, svg, spec, result, narrow),
    modelId: row.modelId,
    modelTitle: model?.title ?? row.modelId,
    modelVersion: row.modelVersion,
    current: model?.version === row.modelVersion,
    seed: row.seed,
    sampleCount: row.sampleCount,
    method: model?.quick ? "stated" : model && !model.sampled ? "exact" : "sampled",
    headlines: result?.headlines ?? [],
    svg,
    // Plain JSON for the page; the browser hands it back to vega-embed unchanged.
    spec: spec as unknown as Record<string, unknown> | null,
    narrow,
    description,
    table: result ? resultTable(result) : null,
    inputs: model ? inputRows(model, inputs) : [],
    modelDescriptionHtml: model ? modelDescriptionHtml(model) : "",
    sources: model?.sources ?? [],
    cdf: result ? cdfOf(result) : null,
    versionNote: model && model.version !== row.modelVersion ? (model.versionNotes?.[row.modelVersion] ?? null) : null,
  };
}
