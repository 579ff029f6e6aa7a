import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, deriveSeed, Rng } from "./rng";

describe("rng", () => {
  it("is deterministic for a seed and stream", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(1000), (seed, stream) => {
        const a = createRng(seed, stream);
        const b = createRng(seed, stream);
        for (let i = 0; i < 20; i++) {
          expect(a.nextUint32()).toBe(b.nextUint32());
          expect(a.normal()).toBe(b.normal());
        }
      }),
    );
  });

  it("gives unrelated sequences for neighbouring seeds and streams", () => {
    const first = (r: Rng): number[] => Array.from({ length: 4 }, () => r.nextUint32());
    expect(first(createRng(1))).not.toEqual(first(createRng(2)));
    expect(first(createRng(1, 0))).not.toEqual(first(createRng(1, 1)));
    expect(first(new Rng(5).stream(3))).toEqual(first(new Rng(deriveSeed(5, 3))));
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(42, i)));
    expect(seeds.size).toBe(1000);
  });

  it("draws uniforms strictly inside (0, 1) with the right mean", () => {
    const r = createRng(7);
    let sum = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });

  it("draws standard normals with the right moments and tails", () => {
    const r = createRng(11);
    const n = 400_000;
    const draws = Float64Array.from({ length: n }, () => r.normal());
    const moment = (k: number) => draws.reduce((s, x) => s + x ** k, 0) / n;
    expect(Math.abs(moment(1))).toBeLessThan(0.01);
    expect(Math.abs(moment(2) - 1)).toBeLessThan(0.01);
    expect(Math.abs(moment(4) - 3)).toBeLessThan(0.06);
    // P(Z > 2) = 0.02275; sd of the estimate ≈ 0.00024
    expect(Math.abs(draws.filter((x) => x > 2).length / n - 0.02275)).toBeLessThan(0.0012);
  });
});
