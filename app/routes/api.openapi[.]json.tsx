import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/discussion/openapi-document";
import { originOf } from "~/actions/open-api.server";

// GET /api/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas (docs/decisions/027).
export async function loader({ request }: LoaderFunctionArgs) {
  return Response.json(openApiDocument(originOf(request)), { headers: { "Cache-Control": "public, no-cache" } });
}
