import type { LoaderFunctionArgs } from "@remix-run/node";
import { idSchema } from "~/discussion/schemas";
import { notFound } from "~/utils/errors";
import { parseQuery, runApi } from "~/actions/http.server";
import { questionQuerySchema } from "~/forecast/api-schemas";

// GET /api/forecasts/:id (JSON: inputs, result, provenance; ?year=2035&p=0.25 adds the
// answers to "P(by 2035)" and "the year at 25%"), :id.csv (chart series), :id.svg (chart),
// :id.overlay.svg (a fork over its parent).
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const m = /^(\d+)(?:\.(json|csv|svg|overlay\.svg))?$/.exec(params.id ?? "");
    const id = idSchema.safeParse(m?.[1]);
    if (!m || !id.success) throw notFound("That forecast");
    const format = m[2] ?? "json";
    const { forecasts } = context.services;
    if (format === "csv") {
      return new Response(await forecasts.csv(id.data, context.user), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="forecast-${id.data}.csv"` },
      });
    }
    if (format === "svg" || format === "overlay.svg") {
      const svg = format === "svg" ? await forecasts.svg(id.data, context.user) : await context.services.forks.overlaySvg(id.data, context.user);
      // A fork's chart goes away with its comment: shared caches must not keep serving it.
      const cache = forecasts.row(id.data).commentId === null ? "public, max-age=3600" : "private, max-age=3600";
      return new Response(svg, {
        headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "Cache-Control": cache },
      });
    }
    const query = parseQuery(request, questionQuerySchema);
    return Response.json(await forecasts.document(id.data, context.user, query));
  });
}
