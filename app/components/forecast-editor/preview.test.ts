import { describe, expect, it } from "vitest";
import { formatHeadline, formatHeadlineSe, parsePreviewResponse } from "./preview";

describe("parsePreviewResponse", () => {
  it("reads a result", () => {
    const body = { ok: true, headlines: [{ key: "median", label: "Median year", format: "year", value: 2052.4 }, { nope: 1 }], svg: "<svg/>", description: "d", shift: "5 years earlier" };
    expect(parsePreviewResponse(200, body)).toEqual({
      kind: "ok",
      result: { headlines: [{ key: "median", label: "Median year", format: "year", value: 2052.4 }], svg: "<svg/>", description: "d", shift: "5 years earlier" },
    });
    expect(parsePreviewResponse(200, { ok: true, headlines: [], svg: null, description: "d" })).toEqual({ kind: "ok", result: { headlines: [], svg: null, description: "d" } });
  });

  it("reads field errors", () => {
    expect(parsePreviewResponse(400, { ok: false, errors: [{ path: "N", message: "too small" }, "junk"] })).toEqual({ kind: "invalid", errors: [{ path: "N", message: "too small" }] });
  });

  it("turns everything else into a calm 'unavailable' message", () => {
    expect(parsePreviewResponse(429, { ok: false, error: "Slow down" })).toEqual({ kind: "unavailable", message: "Slow down" });
    expect(parsePreviewResponse(503, undefined)).toEqual({ kind: "unavailable", message: "the server could not compute it (error 503)" });
    expect(parsePreviewResponse(404, "<html>")).toEqual({ kind: "unavailable", message: "the preview service is not available yet" });
    expect(parsePreviewResponse(0, undefined).kind).toBe("unavailable");
    expect(parsePreviewResponse(200, { ok: false }).kind).toBe("unavailable");
  });
});

describe("formatHeadline", () => {
  const h = (format: "year" | "probability" | "flop" | "number" | "loss", value: number | null, se?: number) => ({ key: "k", label: "l", format, value, se });
  it("formats each kind", () => {
    expect(formatHeadline(h("year", 2052.6))).toBe("2053");
    expect(formatHeadline(h("year", null))).toBe("> 2100");
    expect(formatHeadline(h("probability", 0.375))).toBe("37.5%");
    expect(formatHeadline(h("flop", 3.21e24))).toBe("3.2e24 FLOP");
    expect(formatHeadline(h("number", 1.75e11))).toBe("1.75e11");
    expect(formatHeadline(h("number", 20))).toBe("20");
    expect(formatHeadline(h("loss", 2.01734))).toBe("2.017");
    expect(formatHeadline(h("number", null))).toBe("not reached");
  });
  it("shows sampling error only when it matters", () => {
    expect(formatHeadlineSe(h("year", 2050, 0.2))).toBeNull();
    expect(formatHeadlineSe(h("year", 2050, 1.26))).toBe("± 1.3 years");
    expect(formatHeadlineSe(h("probability", 0.4, 0.004))).toBe("± 0.4%");
    expect(formatHeadlineSe(h("probability", 0.09, 0.0007))).toBeNull();
  });
});
