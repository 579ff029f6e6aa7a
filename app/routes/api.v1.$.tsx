import type { LoaderFunctionArgs } from "@remix-run/node";
import { runApi } from "~/actions/http.server";
import { appError } from "~/utils/errors";

// Anything else under /api/v1: a JSON 404 that says where the list of endpoints is.
export async function loader({ params }: LoaderFunctionArgs) {
  return runApi(() => {
    const first = (params["*"] ?? "").split("/")[0];
    // Tags do not exist yet (issue 15 builds them on another branch); say so rather than "no such endpoint".
    if (first === "tags") throw appError(404, "Tags are not in the API yet. /api/openapi.json lists what is.");
    throw appError(404, "There is no such endpoint. /api/openapi.json lists the endpoints, /api describes them.");
  });
}
