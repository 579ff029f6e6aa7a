import type { LoaderFunctionArgs } from "@remix-run/node";
import { forecastIdParam, forecastSchema, noQuerySchema } from "~/discussion/open-api";
import { answer, apiForecast, apiRead, originOf, parseApiQuery, parseParam } from "~/actions/open-api.server";

// GET /api/v1/forecasts/:id — headline numbers and inputs; a fork whose comment is gone is not
// found, as its chart is not (docs/decisions/027).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRead(context, async () => {
    const id = parseParam("id", params.id, forecastIdParam);
    parseApiQuery(request, noQuerySchema);
    return answer(forecastSchema, apiForecast(originOf(request), await context.services.catalog.forecastCard(id)));
  });
}
