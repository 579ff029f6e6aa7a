import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CanonicalJsonError,
  canonicalJson,
  contentHash,
  forecastKey,
  seedFromInputs,
  sha256Hex,
  utf8Encode,
} from "./canonical";

/** Rebuild an object with its keys in reverse insertion order (recursively). */
function reorder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reorder);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).reverse()) {
      Object.defineProperty(out, k, { value: reorder((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

describe("SHA-256", () => {
  it("matches the FIPS 180-2 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes strings as UTF-8", () => {
    expect(Array.from(utf8Encode("é€😀"))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(Array.from(utf8Encode("\ud800"))).toEqual([0xef, 0xbf, 0xbd]);
    expect(sha256Hex("é")).toBe(sha256Hex(Uint8Array.from([0xc3, 0xa9])));
  });
});

describe("canonical JSON", () => {
  it("sorts keys, drops undefined properties and writes shortest numbers", () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: undefined, c: -0 }], x: 0.1 + 0.2, y: 1e21 })).toBe(
      '{"a":[true,null,{"c":0}],"b":1,"x":0.30000000000000004,"y":1e+21}',
    );
  });

  it("rejects values that JSON.stringify would silently change", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [NaN, Infinity, [undefined], () => 1, 10n, new Date(0), cyclic, { a: { b: -Infinity } }]) {
      expect(() => canonicalJson(bad)).toThrow(CanonicalJsonError);
    }
    expect(() => canonicalJson({ a: { b: NaN } })).toThrow(/a\.b/);
  });

  it("round-trips through JSON.parse (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it("gives the same hash whatever the key order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        expect(contentHash(reorder(obj))).toBe(contentHash(obj));
      }),
    );
  });
});

describe("forecast keys and seeds", () => {
  const inputs = { spend_doubling_years: 2, brain_flops: { kind: "lognormal", median: 1e15, sdOom: 1 } } as const;

  it("derives a stable 32-bit seed from the canonical inputs", () => {
    const seed = seedFromInputs(inputs);
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    expect(seedFromInputs(reorder(inputs) as typeof inputs)).toBe(seed);
    expect(seedFromInputs({ ...inputs, spend_doubling_years: 2.5 })).not.toBe(seed);
  });

  it("keys a forecast by everything that changes its numbers", () => {
    const base = { modelId: "bio-anchors", modelVersion: 1, inputs, seed: 1, sampleCount: 1000 };
    const k = forecastKey(base);
    expect(k.inputsHash).toBe(contentHash(inputs));
    expect(k.key).toMatch(/^[0-9a-f]{64}$/);
    expect(forecastKey({ ...base, inputs: reorder(inputs) as typeof inputs })).toEqual(k);
    for (const change of [{ modelVersion: 2 }, { seed: 2 }, { sampleCount: 1001 }, { modelId: "x" }]) {
      expect(forecastKey({ ...base, ...change }).key).not.toBe(k.key);
    }
  });
});
