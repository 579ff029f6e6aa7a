import type { ActionFunctionArgs } from "@remix-run/node";
import { markdownPreviewSchema } from "~/discussion/schemas";
import { appError } from "~/utils/errors";
import { readJson, runApi } from "~/actions/http.server";

// POST /api/markdown/preview {kind: "post" | "comment", markdown}: the server's own rendering
// (math, cross-post links, the sanitizer), so the preview is exactly what will be shown. Saves nothing.
export async function action({ request, context }: ActionFunctionArgs) {
  return runApi(async () => {
    if (request.method !== "POST") throw appError(405, "Use POST with a JSON body.");
    const body = await readJson(request, markdownPreviewSchema);
    // Counted per address, signed in or not, like the forecast previews: a render costs a worker.
    await context.services.limits.consume("markdown-preview", context.ip);
    return Response.json({ ok: true, html: await context.services.posts.previewHtml(body.markdown) });
  });
}

export async function loader() {
  return Response.json({ ok: false, error: 'Use POST with a JSON body: {"kind": "post" | "comment", "markdown": "…"}.' }, { status: 405 });
}
