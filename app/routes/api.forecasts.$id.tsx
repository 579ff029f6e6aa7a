import type { LoaderFunctionArgs } from "@remix-run/node";
import { idSchema } from "~/discussion/schemas";
import { notFound } from "~/utils/errors";
import { parseQuery, runApi } from "~/actions/http.server";
import { assetResponse, SVG_HEADERS } from "~/actions/assets.server";
import { questionQuerySchema } from "~/forecast/api-schemas";
import { cardPng, cardVersion } from "~/utils/chart-png.server";

// GET /api/forecasts/:id (JSON: inputs, result, provenance; ?year=2035&p=0.25 adds the
// answers to "P(by 2035)" and "the year at 25%"), :id.csv (chart series), :id.svg (chart),
// :id.spec.json (the chart as vega-lite, for the interactive view), :id.overlay.svg (a fork
// over its parent); `.phone` before the extension is the same chart drawn for a phone
// (docs/decisions/025). `?v=` on an asset is its version (actions/assets.server.ts). :id.png is
// the chart on a 1200×630 social card (docs/decisions/027), versioned by the SVG it is drawn from.
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const m = /^(\d+)(?:\.(json|csv|(?:phone\.)?svg|png|(?:phone\.)?spec\.json|overlay(?:\.phone)?\.svg))?$/.exec(params.id ?? "");
    const id = idSchema.safeParse(m?.[1]);
    if (!m || !id.success) throw notFound("That forecast");
    const format = m[2] ?? "json";
    const { forecasts } = context.services;
    const scopeOf = async (forecastId: number) => (await forecasts.shareable(forecastId) ? "forever" : "private");
    if (format === "csv") {
      const csv = await forecasts.csv(id.data, context.user);
      const headers = { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="forecast-${id.data}.csv"` };
      return assetResponse(request, csv, headers, await scopeOf(id.data));
    }
    const layout = format.includes("phone") ? "phone" : "wide";
    if (format.endsWith("spec.json")) {
      const spec = await forecasts.specJson(id.data, context.user, layout);
      return assetResponse(request, spec, { "Content-Type": "application/json; charset=utf-8" }, await scopeOf(id.data));
    }
    if (format === "svg" || format === "phone.svg") {
      return assetResponse(request, await forecasts.svg(id.data, context.user, layout), SVG_HEADERS, await scopeOf(id.data));
    }
    if (format === "png") {
      const svg = await forecasts.svg(id.data, context.user, "wide");
      return assetResponse(request, new Uint8Array(await cardPng(svg)), { "Content-Type": "image/png" }, await scopeOf(id.data), cardVersion(svg));
    }
    if (format.startsWith("overlay")) {
      // A fork over its parent: it goes away with its comment and names its author (who may be
      // renamed), so it is never shared nor immutable.
      return assetResponse(request, await context.services.forks.overlaySvg(id.data, context.user, layout), SVG_HEADERS, "private");
    }
    const query = parseQuery(request, questionQuerySchema);
    return Response.json(await forecasts.document(id.data, context.user, query));
  });
}
