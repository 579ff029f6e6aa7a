import { describe, expect, it } from "vitest";
import { parsePreviewResponse } from "./preview";

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

