// How chart and data assets are cached (docs/decisions/023). The ETag is the digest of the
// bytes; a URL whose `?v=` names those same bytes can never answer differently, so it is
// immutable, and shared caches may keep it only when the asset is public for good.
import { contentVersion } from "../utils/asset-version.server";

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Our charts are standalone documents: no scripts, their own inline styles only. */
export const SVG_HEADERS = { "Content-Type": "image/svg+xml; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" };

export function assetResponse(request: Request, body: string, headers: Record<string, string>, opts: { shareable: boolean }): Response {
  const version = contentVersion(body);
  const asked = new URL(request.url).searchParams.get("v");
  // Without the current version the URL may answer new bytes tomorrow (a new chart renderer,
  // a changed name): revalidate every time, which the ETag makes cheap.
  const cache = opts.shareable ? (asked === version ? IMMUTABLE : "public, no-cache") : "private, no-cache";
  return new Response(body, { headers: { ...headers, "Cache-Control": cache, ETag: `"${version}"` } });
}
