// How chart and data assets are cached (docs/decisions/023). The ETag is the digest of the
// bytes; a URL whose `?v=` names those same bytes can never answer differently, so it is
// immutable, and shared caches may keep it only when the asset is public for good.
import { contentVersion } from "../utils/asset-version.server";

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Our charts are standalone documents: no scripts, their own inline styles only. */
export const SVG_HEADERS = { "Content-Type": "image/svg+xml; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" };

/**
 * `forever`: public for good (a post's forecast), so a versioned URL is immutable. `public`:
 * the same for everyone but able to lose a part (the community chart loses a removed fork's
 * line), so shared caches must revalidate. `private`: able to disappear for everyone (a fork).
 */
export type AssetScope = "forever" | "public" | "private";

/** `version`: what names the bytes when they are not the text itself (a PNG names the SVG it is drawn from). */
export function assetResponse(request: Request, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>, scope: AssetScope, version = contentVersion(typeof body === "string" ? body : Buffer.from(body).toString("latin1"))): Response {
  const asked = new URL(request.url).searchParams.get("v");
  // Without the current version the URL may answer new bytes tomorrow (a new chart renderer,
  // a changed name): revalidate every time, which the ETag makes cheap.
  const cache = scope === "forever" && asked === version ? IMMUTABLE : scope === "private" ? "private, no-cache" : "public, no-cache";
  return new Response(body, { headers: { ...headers, "Cache-Control": cache, ETag: `"${version}"` } });
}
