// Conditional GETs (docs/decisions/023). An ETag must name what the reader would get, so it is
// a digest of the response body with this response's CSP nonce taken out: the only part of a
// page that differs between two renders of the same data. A 304 carries no CSP header, so the
// browser keeps the policy stored with its copy, whose nonce matches that copy's scripts.
// Signed-in pages are not conditional: their reply forms carry per-render submission keys.
import { pageEtag } from "./page-cache";

const PAGE_TYPES = ["text/html", "text/x-script"];
const READ_TYPES = ["application/json", "text/csv", "image/svg+xml", "image/png"];

function typeOf(response: Response): string {
  return (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
}

export function eligible(method: string, response: Response, signedIn: boolean): boolean {
  if ((method !== "GET" && method !== "HEAD") || response.status !== 200 || response.headers.has("set-cookie")) return false;
  const type = typeOf(response);
  return READ_TYPES.includes(type) || (!signedIn && PAGE_TYPES.includes(type));
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** The response as sent: with an ETag, or a 304 when the reader's copy is current. */
export async function conditional(response: Response, opts: { ifNoneMatch: string | undefined; nonce: string }): Promise<Response> {
  const headers = new Headers(response.headers);
  let body: ArrayBuffer | null = null;
  let etag = headers.get("etag");
  if (!etag) {
    body = await response.arrayBuffer();
    const text = Buffer.from(body).toString("utf8");
    // Weak: the bytes on the wire differ in the nonce; what they show does not.
    etag = pageEtag(opts.nonce ? text.split(opts.nonce).join("") : text);
    headers.set("ETag", etag);
  }
  if (!headers.has("cache-control")) headers.set("Cache-Control", "private, no-cache");
  headers.append("Vary", "Cookie");
  if (matches(opts.ifNoneMatch, etag)) {
    for (const name of ["content-security-policy", "content-length", "content-type", "content-disposition"]) headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  return new Response(body ?? response.body, { status: response.status, statusText: response.statusText, headers });
}
