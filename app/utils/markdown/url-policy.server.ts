// URL policy for user-written links and images. Everything here is an
// allowlist: a URL that is not recognisably one of the allowed shapes is
// refused, so obfuscations (entities, tabs, mixed case, percent tricks) need no
// special cases — they simply never match.

// The WHATWG URL parser drops leading/trailing C0 controls and spaces and
// removes ASCII tab/newline anywhere, so we judge the string it would see.
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export const EXTERNAL_LINK_REL = ["nofollow", "ugc", "noopener", "noreferrer"] as const;

function clean(raw: string): string {
  return raw.replace(EDGE_CONTROLS, "").replace(TAB_OR_NEWLINE, "");
}

function schemeOf(url: string): string | null {
  const match = SCHEME.exec(url);
  return match ? match[1].toLowerCase() : null;
}

function parseHttp(url: string): URL | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.hostname ? parsed : null;
  } catch {
    return null;
  }
}

/** Returns the href to emit, or null when the link must become plain text. */
export function safeLinkHref(raw: string): string | null {
  const url = clean(raw);
  if (url === "") return null;
  if (url.startsWith("#")) return url;
  // `//host` and `/\host` are both protocol-relative to a browser; their
  // percent-encoded forms are not, but nothing legitimate needs them either.
  if (url.startsWith("/")) return /^\/(?:[/\\]|%2f|%5c)/i.test(url) ? null : url;
  const scheme = schemeOf(url);
  if (scheme === "mailto") return url.length > "mailto:".length ? url : null;
  if (scheme === "http" || scheme === "https") return parseHttp(url) ? url : null;
  return null;
}

export function isExternalHref(href: string): boolean {
  const scheme = schemeOf(href);
  return scheme === "http" || scheme === "https" || scheme === "mailto";
}

/**
 * Hosts whose images readers' browsers load (docs/decisions/020): every image load tells its
 * host the reader's address, so only public-interest hosts that forecasting posts draw charts
 * from. Exact hostnames, https only. The CSP's img-src is built from this same list.
 */
export const IMAGE_HOSTS = ["upload.wikimedia.org", "ourworldindata.org"] as const;

/** Whether an image URL (already passed by safeImageSrc) may be loaded by readers' browsers. */
export function isAllowedImage(src: string): boolean {
  const url = parseHttp(src);
  return url !== null && url.protocol === "https:" && (IMAGE_HOSTS as readonly string[]).includes(url.hostname);
}

/** The hostname of a URL that parsed before (for a link's text), or "". */
export function hostOf(src: string): string {
  return parseHttp(src)?.hostname ?? "";
}

/** Returns the src to emit, or null when the image must not be loaded. */
export function safeImageSrc(raw: string): string | null {
  const url = clean(raw);
  const scheme = schemeOf(url);
  if (scheme !== "http" && scheme !== "https") return null;
  const parsed = parseHttp(url);
  if (!parsed) return null;
  // Credentials in a subresource URL can trigger auth prompts on a reader's
  // screen; no legitimate chart needs them.
  if (parsed.username || parsed.password) return null;
  return isInternalHost(parsed.hostname) ? null : url;
}

const INTERNAL_SUFFIXES = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain"];

/**
 * True for hosts a reader's browser should never be made to fetch from on our
 * behalf (intranet probing, router CSRF). Expects `URL#hostname`, which the
 * WHATWG parser has already normalised (`0x7f.1`, `2130706433` → `127.0.0.1`,
 * IPv6 compressed and bracketed). Names that merely *resolve* to private
 * addresses cannot be caught without a proxy.
 */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "" || host === "localhost") return true;
  if (INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  if (host.startsWith("[")) return isInternalIpv6(host.slice(1, -1));
  const v4 = parseIpv4(host);
  return v4 ? isInternalIpv4(v4) : false;
}

function parseIpv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function isInternalIpv4([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

function expandIpv6(address: string): number[] | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const toHextets = (part: string) => (part === "" ? [] : part.split(":").map((h) => parseInt(h, 16)));
  const head = toHextets(halves[0]);
  const tail = halves.length === 2 ? toHextets(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return all.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffff) ? all : null;
}

function isInternalIpv6(address: string): boolean {
  const h = expandIpv6(address);
  // Unparseable means we cannot vouch for it.
  if (!h) return true;
  const firstSix = h.slice(0, 6);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible) embed IPv4.
  if (firstSix.slice(0, 5).every((x) => x === 0) && (h[5] === 0xffff || h[5] === 0)) {
    if (h[5] === 0 && h[6] === 0) return true; // ::, ::1 and friends
    return isInternalIpv4([h[6] >> 8, h[6] & 0xff, h[7] >> 8, h[7] & 0xff]);
  }
  // Only global unicast (2000::/3) is acceptable; that also excludes NAT64,
  // unique-local and link-local.
  if (h[0] < 0x2000 || h[0] > 0x3fff) return true;
  // Teredo hides its IPv4 target; documentation addresses are never real.
  if (h[0] === 0x2001 && (h[1] === 0 || h[1] === 0x0db8)) return true;
  // 6to4 embeds an IPv4 address in the second and third hextets.
  if (h[0] === 0x2002) return isInternalIpv4([h[1] >> 8, h[1] & 0xff, h[2] >> 8, h[2] & 0xff]);
  return false;
}
