// Text on phone-width charts: said whole, inside the drawing, not on top of other text.
import { beforeAll, describe, expect, it } from "vitest";
import { runModel } from "../forecast/index";
import type { ForecastResult } from "../forecast/types";
// The renderer is server code; the tests of the chart builders drive it on purpose.
import { renderSvg } from "../utils/chart-svg.server";
import { fitMedianLabel, type MedianMark } from "./cdf-layers";
import { referenceSides } from "./gpt-extrapolation";
import { communitySpec, forecastSpec } from "./index";
import { textWidth } from "./text-width";
import { frame, PHONE_OPTIONS, phoneSpec, plotSpan } from "./theme";

const PHONE = frame(PHONE_OPTIONS);
const DESKTOP = frame({});
const DOMAIN: [number, number] = [2025, 2100];

function run(modelId: string, inputs: object): ForecastResult {
  const outcome = runModel(modelId, inputs, { sampleCount: 20_000 });
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join("; "));
  return outcome.result;
}

/** Where a fitted label's text lies on the x axis of the plot, in px, by the same measure as the fit. */
function extent(m: MedianMark, f: typeof PHONE): [number, number] {
  const { plot } = plotSpan(f);
  const x = ((m.year - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * plot;
  const lines = typeof m.label === "string" ? [m.label] : m.label;
  const w = Math.max(...lines.map((l) => textWidth(l, Math.max(11.5, f.minFont), true)));
  return m.side === "right" ? [x + 6, x + 6 + w] : [x - 6 - w, x - 6];
}

describe("a lone median's label", () => {
  it("keeps its side and one line where it fits", () => {
    const m: MedianMark = { year: 2048, color: "#000", label: "Aggregate median 2048", side: "right" };
    expect(fitMedianLabel(m, DOMAIN, DESKTOP)).toEqual(m);
  });

  it("on a phone, says the whole year inside the drawing, wherever the median falls", () => {
    const { plot, pad } = plotSpan(PHONE);
    for (let year = 2026; year <= 2099; year++) {
      const m = fitMedianLabel({ year, color: "#000", label: `Aggregate median ${year}`, side: "right" }, DOMAIN, PHONE);
      expect([m.label].flat().join(" ")).toBe(`Aggregate median ${year}`);
      const [from, to] = extent(m, PHONE);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(plot + pad);
    }
  });

  it("moves a late median's label to its left rather than split it", () => {
    const m = fitMedianLabel({ year: 2092, color: "#000", label: "Median 2092", side: "right" }, DOMAIN, PHONE);
    expect(m).toMatchObject({ side: "left", label: "Median 2092" });
  });

  it("draws a split label as lines of one text in the phone SVG", async () => {
    const post = run("bio-anchors", {});
    const fork = run("bio-anchors", { hw_halving_years: 1.6 });
    const svg = await renderSvg(phoneSpec((o) => communitySpec(post, [fork], fork, o)), { label: "x" });
    expect(svg).toMatch(/<tspan[^>]*>Aggregate median<\/tspan><tspan[^>]*>20\d\d<\/tspan>/);
  });
});

describe("GPT-N reference labels", () => {
  let result: ForecastResult;
  beforeAll(() => {
    result = run("gpt-extrapolation", {});
  });

  interface Labelled {
    flop: number;
    side: "left" | "right";
  }

  /** The chart's labelled references, and the strip beside its line each label takes, in px of the plot. */
  function labels(spec: unknown, f: typeof PHONE) {
    const s = spec as { encoding: { x: { scale: { domain: [number, number] } } }; layer: { mark?: { angle?: number }; data?: { values: Labelled[] } }[] };
    const [lo, hi] = s.encoding.x.scale.domain.map(Math.log10) as [number, number];
    const rows = s.layer.filter((l) => l.mark?.angle === 270).flatMap((l) => l.data!.values);
    const { plot } = plotSpan(f);
    const strip = f.minFont + 2;
    return rows.map((r) => {
      const x = ((Math.log10(r.flop) - lo) / (hi - lo)) * plot;
      return { side: r.side, strip: r.side === "left" ? [x - 3 - strip, x - 3] : [x + 3, x + 3 + strip] };
    });
  }

  it("sit left of their lines on a desktop chart", () => {
    const shown = labels(forecastSpec(result), DESKTOP);
    expect(shown.length).toBe(4);
    expect(shown.every((l) => l.side === "left")).toBe(true);
  });

  it("never overlap on a phone: a label whose left is taken goes to the right of its line", () => {
    const shown = labels(phoneSpec((o) => forecastSpec(result, o)), PHONE);
    expect(shown.length).toBe(4);
    expect(shown.map((l) => l.side)).toContain("right");
    for (const [i, a] of shown.entries()) {
      for (const b of shown.slice(i + 1)) expect(a.strip[1] <= b.strip[0] || b.strip[1] <= a.strip[0]).toBe(true);
    }
  });

  it("leave a label out, not on top of another, when neither side of its line is free", () => {
    const refs = [1e24, 1.05e24, 1.1e24].map((flop, i) => ({ flop, label: `Budget ${i}`, detail: "" }));
    expect(referenceSides(refs, [20, 33], PHONE)).toEqual(["left", "right", null]);
  });
});

describe("axis titles on a phone", () => {
  it("wrap onto lines that say the whole title instead of ending in an ellipsis", () => {
    const spec = phoneSpec((o) => forecastSpec(run("gpt-extrapolation", {}), o)) as { encoding: { x: { axis: { title: unknown } }; y: { axis: { title: unknown } } } };
    const x = spec.encoding.x.axis.title;
    const y = spec.encoding.y.axis.title;
    expect(Array.isArray(x)).toBe(true);
    expect((x as string[]).join(" ")).toBe("Training compute of a compute-optimal run (FLOP, log scale)");
    expect((y as string[]).join(" ")).toBe("Normalised benchmark performance (%)");
    for (const line of x as string[]) expect(textWidth(line, PHONE.minFont)).toBeLessThanOrEqual(PHONE.width - 80);
  });
});
