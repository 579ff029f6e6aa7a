import { describe, expect, it } from "vitest";
import { inYears, yearDomain, type CdfRow } from "./data";

/** Yearly rows over 2025–2100 of a CDF rising linearly from `from` to `to`. */
function ramp(from: number, to: number, top = 1): CdfRow[] {
  return Array.from({ length: 76 }, (_, i) => {
    const year = 2025 + i;
    return { year, p: top * Math.min(1, Math.max(0, (year - from) / (to - from))) };
  });
}

describe("yearDomain", () => {
  it("keeps 2025–2100 for a forecast still short of 99% in 2100 (Bio Anchors' shape)", () => {
    expect(yearDomain(ramp(2020, 2160, 0.8))).toEqual([2025, 2100]);
  });

  it("zooms to where a forecast's mass is, padded and rounded out to fives", () => {
    expect(yearDomain(ramp(2030, 2038))).toEqual([2025, 2040]);
    expect(yearDomain(ramp(2051, 2068))).toEqual([2050, 2070]);
  });

  it("is never narrower than 15 years, nor wider than the rows", () => {
    expect(yearDomain(ramp(2070, 2074))).toEqual([2065, 2080]);
    expect(yearDomain(ramp(2095, 2097))).toEqual([2085, 2100]);
  });

  it("covers every curve of an overlay", () => {
    expect(yearDomain(ramp(2030, 2036), ramp(2060, 2066))).toEqual([2025, 2070]);
  });

  it("falls back to the engine's years with no rows", () => {
    expect(yearDomain([], [])).toEqual([2025, 2100]);
  });

  it("inYears keeps the rows a chart on that domain draws", () => {
    expect(inYears(ramp(2030, 2038), [2025, 2040]).map((r) => r.year)).toEqual(Array.from({ length: 16 }, (_, i) => 2025 + i));
  });
});
