// Where to send someone after logging in. The value comes from the query string, so it is
// an attacker's choice: an open redirect would lend our log-in page to phishers.

// Any origin of ours works as the base: only paths that stay on it are accepted.
const BASE = new URL("http://forkcast.invalid");

/**
 * Decides as the browser will: the WHATWG parser (which drops tabs and newlines anywhere and
 * turns `\` into `/`) resolves the value against our origin, and only a result on that origin
 * is kept, as its serialized path, query and fragment. The serializer percent-encodes controls,
 * spaces and non-ASCII, so the answer is always a valid Location header: never a 500.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to === "") return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse into `//host` (e.g. "/.//host"), which is protocol-relative again.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
