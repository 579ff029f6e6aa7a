// Canonical JSON and content hashes, so that equal forks get equal keys and seeds in the
// browser, on the server and in workers alike (no WebCrypto: it is async and absent in
// some worker contexts, and inputs are tiny, so a plain SHA-256 is fast enough).

import type { Inputs } from "./types";

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CanonicalJsonError";
  }
}

/**
 * JSON with object keys sorted by UTF-16 code units, undefined properties omitted, and
 * numbers in JavaScript's shortest round-trip form (-0 becomes 0). NaN, ±Infinity,
 * undefined array items, functions, symbols, bigints and cycles are rejected: silently
 * turning them into null, as JSON.stringify does, would make different forks collide.
 */
export function canonicalJson(value: unknown): string {
  const stack: object[] = [];
  const write = (v: unknown, path: string): string => {
    if (v === null) return "null";
    switch (typeof v) {
      case "boolean":
        return v ? "true" : "false";
      case "string":
        return JSON.stringify(v);
      case "number":
        if (!Number.isFinite(v)) throw new CanonicalJsonError(`Non-finite number at ${path || "root"}`);
        return Object.is(v, -0) ? "0" : String(v);
      case "object":
        break;
      default:
        throw new CanonicalJsonError(`Unsupported ${typeof v} at ${path || "root"}`);
    }
    const obj = v as object;
    if (stack.includes(obj)) throw new CanonicalJsonError(`Cycle at ${path || "root"}`);
    stack.push(obj);
    let out: string;
    if (Array.isArray(obj)) {
      out = `[${obj
        .map((item, i) => {
          if (item === undefined) throw new CanonicalJsonError(`Undefined array item at ${path}[${i}]`);
          return write(item, `${path}[${i}]`);
        })
        .join(",")}]`;
    } else {
      const proto = Object.getPrototypeOf(obj);
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError(`Unsupported object type at ${path || "root"}`);
      }
      const record = obj as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${write(item, path ? `${path}.${key}` : key)}`);
      }
      out = `{${parts.join(",")}}`;
    }
    stack.pop();
    return out;
  };
  return write(value, "");
}

/** UTF-8 bytes of a string; lone surrogates become U+FFFD as in TextEncoder. */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

// SHA-256 round constants: first 32 bits of the fractional parts of the cube roots of
// the first 64 primes (FIPS 180-4 §4.2.2).
const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 (FIPS 180-4) of a string (hashed as UTF-8) or bytes, as lowercase hex. */
export function sha256Hex(input: string | Uint8Array): string {
  const bytes = typeof input === "string" ? utf8Encode(input) : input;
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const bitLength = bytes.length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const h = Uint32Array.from([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + 4 * t);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

/** SHA-256 hex of the canonical JSON of a value. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * The Monte Carlo seed of a fork (docs/models.md §4): the first 32 bits of the
 * hash of its canonical inputs. Pass resolved (full) inputs so that a fork stating a
 * default explicitly gets the same seed as one that leaves it out.
 */
export function seedFromInputs(inputs: Inputs): number {
  return parseInt(contentHash(inputs).slice(0, 8), 16) >>> 0;
}

export interface ForecastKeyParts {
  modelId: string;
  modelVersion: number;
  inputs: Inputs;
  seed: number;
  sampleCount: number;
}

/** Cache key of a computed forecast: everything that can change its numbers. */
export function forecastKey(parts: ForecastKeyParts): { inputsHash: string; key: string } {
  const inputsHash = contentHash(parts.inputs);
  const key = contentHash({
    modelId: parts.modelId,
    modelVersion: parts.modelVersion,
    inputsHash,
    seed: parts.seed,
    sampleCount: parts.sampleCount,
  });
  return { inputsHash, key };
}
