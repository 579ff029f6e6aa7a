import { describe, expect, it } from "vitest";
import { boundsHint, displayUnit, formatNumberText, parseNumberText, readingNeeded, sciParts, styleFor } from "./number-text";

const value = (text: string, percent?: "share" | "literal" | "none") => {
  const r = parseNumberText(text, percent);
  return r.ok ? r.value : null;
};

describe("parseNumberText", () => {
  it("reads plain, scientific and grouped numbers", () => {
    expect(value("1e15")).toBe(1e15);
    expect(value("3.2e17")).toBe(3.2e17);
    expect(value("3.2E+17")).toBe(3.2e17);
    expect(value("1,000")).toBe(1000);
    expect(value("1,234,567.5")).toBe(1234567.5);
    expect(value("  2.5 ")).toBe(2.5);
    expect(value(".5")).toBe(0.5);
    expect(value("-0.05")).toBe(-0.05);
    expect(value("\u22122")).toBe(-2);
    expect(value("1 000 000")).toBe(1e6);
    expect(value("1_000")).toBe(1000);
  });

  it("reads × 10^n and 10^n notation", () => {
    expect(value("3.2 × 10^17")).toBe(3.2e17);
    expect(value("3.2x10^17")).toBe(3.2e17);
    expect(value("5*10^-3")).toBe(5e-3);
    expect(value("10^15")).toBe(1e15);
  });

  it("reads k/M/B/T suffixes exactly", () => {
    expect(value("175B")).toBe(1.75e11);
    expect(value("1.4T")).toBe(1.4e12);
    expect(value("70bn")).toBe(7e10);
    expect(value("3k")).toBe(3000);
    expect(value("2M")).toBe(2e6);
  });

  it("reads percentages by the unit's convention, exactly", () => {
    expect(value("7%", "share")).toBe(0.07);
    expect(value("0.001%", "share")).toBe(1e-5);
    expect(value("20%", "literal")).toBe(20);
    expect(value("20%")).toBeNull();
  });

  it("refuses ambiguous or partial text", () => {
    for (const bad of ["", " ", "abc", "3.2e", "1,00", "3,5", "1..2", "e5", "1e15x", "--1", "1e999"]) {
      expect(parseNumberText(bad).ok, bad).toBe(false);
    }
    const r = parseNumberText("abc");
    expect(!r.ok && r.message).toContain("1e15");
  });

  it("never yields -0", () => {
    expect(Object.is(value("-0"), 0)).toBe(true);
  });
});

describe("formatNumberText", () => {
  it("writes big and small magnitudes in scientific notation", () => {
    expect(formatNumberText(2.13e13)).toBe("2.13e13");
    expect(formatNumberText(1e-5)).toBe("1e-5");
    expect(formatNumberText(2020)).toBe("2020");
    expect(formatNumberText(0.35)).toBe("0.35");
    expect(formatNumberText(12000, { sci: true, percent: false })).toBe("1.2e4");
    expect(formatNumberText(20, { sci: true, percent: false })).toBe("20");
  });

  it("writes shares as percentages", () => {
    expect(formatNumberText(0.01, styleFor("fraction"))).toBe("1%");
    expect(formatNumberText(0.03, styleFor("fraction/year"))).toBe("3%");
    expect(formatNumberText(1e-5, styleFor("fraction"))).toBe("0.001%");
  });

  it("round-trips exactly", () => {
    const samples = [0, 1, -2, 0.07, 0.1 + 0.2, 1 / 3, 2.13e13, 1.6e11, 5.76e23, 1e-7, 123456.789, 0.3478, 1e80, -0.05];
    for (const x of samples) {
      for (const style of [styleFor(""), styleFor("", "log"), styleFor("fraction")]) {
        const text = formatNumberText(x, style);
        const back = parseNumberText(text, style.percent ? "share" : "none");
        expect(back, `${x} → ${text}`).toEqual({ ok: true, value: x });
      }
    }
  });
});

describe("readings and hints", () => {
  it("splits scientific readings", () => {
    expect(sciParts(3.2e17)).toEqual({ mantissa: "3.2", exponent: 17 });
    expect(sciParts(2.5)).toBeNull();
    expect(sciParts(1e-5)).toEqual({ mantissa: "1", exponent: -5 });
  });

  it("shows a reading only when it tells the user something", () => {
    const plain = styleFor("");
    expect(readingNeeded("2.5", 2.5, plain)).toBe(false);
    expect(readingNeeded("1,000", 1000, plain)).toBe(true);
    expect(readingNeeded("1e15", 1e15, plain)).toBe(false);
    expect(readingNeeded("1E+15", 1e15, plain)).toBe(true);
    expect(readingNeeded("175B", 1.75e11, plain)).toBe(true);
  });

  it("states bounds in the unit", () => {
    expect(boundsHint(1e13, 1e19, "FLOP/s", "log")).toBe("between 1e13 and 1e19 FLOP/s");
    expect(boundsHint(0.5, 10, "years")).toBe("between 0.5 and 10 years");
    expect(boundsHint(1e-5, 0.5, "fraction")).toBe("between 0.001% and 50%");
    expect(boundsHint(2000, 2040, "year")).toBe("between 2000 and 2040");
    expect(displayUnit("fraction/year")).toBe("%/year");
  });
});
