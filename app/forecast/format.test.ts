import { describe, expect, it } from "vitest";
import { formatQuantity } from "./diff";
import { formatHeadline, formatMoney, formatStandardError } from "./format";

const h = (format: "year" | "probability" | "flop" | "number" | "loss", value: number | null, se?: number) => ({ format, value, se });

describe("headline formatting", () => {
  it("formats each kind the way a reader expects", () => {
    expect(formatHeadline(h("year", 2052.6))).toBe("2053");
    expect(formatHeadline(h("year", null))).toBe("after 2100");
    expect(formatHeadline(h("probability", 0.375))).toBe("37.5%");
    expect(formatHeadline(h("flop", 3.21e24))).toBe("3.2e24 FLOP");
    expect(formatHeadline(h("number", 1.75e11))).toBe("1.75e11");
    expect(formatHeadline(h("number", 20))).toBe("20");
    expect(formatHeadline(h("loss", 2.01734))).toBe("2.017");
    expect(formatHeadline(h("number", null))).toBe("not reached");
  });

  it("states the Monte Carlo error in the headline's own terms", () => {
    expect(formatStandardError(h("year", 2050, 0.12))).toBe("±0.1 yr");
    expect(formatStandardError(h("year", 2050, 0.01))).toBe("±<0.1 yr");
    expect(formatStandardError(h("probability", 0.4, 0.004))).toBe("±0.4 pp");
    expect(formatStandardError(h("probability", 0.4))).toBeNull();
    expect(formatStandardError(h("number", 5, 0))).toBeNull();
  });
});

describe("money", () => {
  it("reads the way posts write it", () => {
    expect(formatMoney(1e9)).toBe("$1B");
    expect(formatMoney(5e9)).toBe("$5B");
    expect(formatMoney(3e8)).toBe("$300M");
    expect(formatMoney(2.5e13)).toBe("$25T");
    expect(formatMoney(45_000)).toBe("$45K");
    expect(formatMoney(12.5)).toBe("$12.5");
    expect(formatMoney(0.01)).toBe("$0.01");
    expect(formatMoney(2e-6)).toBe("$2e-6");
    expect(formatMoney(-4e6)).toBe("-$4M");
    expect(formatMoney(Number.NaN)).toBe("n/a");
  });

  it("is what an input in USD shows, per unit too", () => {
    expect(formatQuantity(1e9, "USD", "log")).toBe("$1B");
    expect(formatQuantity(0.01, "USD/word", "log")).toBe("$0.01/word");
    expect(formatQuantity(1e18, "FLOP/$", "log")).toBe("1e18 FLOP/$");
  });
});
