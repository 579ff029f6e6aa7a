import { describe, expect, it } from "vitest";
import { formatHeadline, formatStandardError } from "./format";

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
