import type { LoaderFunctionArgs } from "@remix-run/node";

// GET /api/models: every built-in model's definition and input schema.
export async function loader({ context }: LoaderFunctionArgs) {
  return Response.json({ models: context.services.forecasts.definitions() }, { headers: { "Cache-Control": "public, max-age=300" } });
}
