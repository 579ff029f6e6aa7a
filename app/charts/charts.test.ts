import fc from "fast-check";
import { compile, type TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { formatHeadline, runModel } from "../forecast/index";
import type { ForecastResult, Headline } from "../forecast/types";
// The renderer is server code; the tests of the chart builders drive it on purpose.
import { chartCacheSize, ChartRenderError, clearChartCache, renderSvg, renderSvgCached, renderSvgUncached } from "../utils/chart-svg.server";
import {
  axisFormat,
  communitySpec,
  describeResult,
  describeShift,
  forecastSpec,
  overlaySpec,
  resultTable,
} from "./index";
import { COLORS, INTERACTIVE_LAYER, PHONE, phoneSpec, raiseFonts } from "./theme";

const MODELS = ["bio-anchors", "gpt-extrapolation", "scaling-laws"] as const;
const results = {} as Record<(typeof MODELS)[number], ForecastResult>;
const forks = {} as Record<(typeof MODELS)[number], ForecastResult>;
const FORK_INPUTS = { "bio-anchors": { hw_halving_years: 1.6 }, "gpt-extrapolation": { fit: "linear" }, "scaling-laws": { N: 1.75e11, D: 3e11 } };

function run(modelId: string, inputs: object): ForecastResult {
  const outcome = runModel(modelId, inputs, { sampleCount: 20_000 });
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join("; "));
  return outcome.result;
}

beforeAll(() => {
  for (const id of MODELS) {
    results[id] = run(id, {});
    forks[id] = run(id, FORK_INPUTS[id]);
  }
});

/** Compile with vega-lite and collect its warnings: a warning usually means a wrong encoding. */
function compileStrict(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...m: unknown[]) => (warnings.push(`error: ${m.join(" ")}`), logger),
    warn: (...m: unknown[]) => (warnings.push(m.join(" ")), logger),
    info: () => logger,
    debug: () => logger,
  };
  const out = compile(spec, { logger: logger as never });
  expect(out.spec).toBeTruthy();
  return warnings;
}

const tickTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

/** No label like "100000000000000000000" or "1,000,000,000,000": FLOP must read as 1e24. */
function expectReadableNumbers(svg: string) {
  for (const text of tickTexts(svg)) expect(text.replace(/,/g, "")).not.toMatch(/0{10,}/);
}

const AXIS_TITLES: Record<(typeof MODELS)[number], string[]> = {
  "bio-anchors": ["Year", "Probability TAI has arrived (%)"],
  "gpt-extrapolation": ["Training compute of a compute-optimal run (FLOP, log scale)", "Normalised benchmark performance (%)"],
  "scaling-laws": ["Training compute (FLOP, log scale)", "Loss (nats per token)"],
};

describe.each(MODELS)("main chart of %s", (id) => {
  it("compiles without vega-lite warnings", () => {
    expect(compileStrict(forecastSpec(results[id]))).toEqual([]);
    expect(compileStrict(forecastSpec(results[id], { compact: true, width: 420, height: 260 }))).toEqual([]);
  });

  it("renders an SVG with its axis titles and readable ticks", async () => {
    const svg = await renderSvg(forecastSpec(results[id]), { label: describeResult(results[id]) });
    expect(svg).toContain("<svg");
    const texts = tickTexts(svg);
    for (const title of AXIS_TITLES[id]) expect(texts).toContain(title);
    if (id !== "bio-anchors") expect(texts).toContain("1e24");
    expectReadableNumbers(svg);
  });

  it("uses inline data only and no data URLs", () => {
    const json = JSON.stringify(forecastSpec(results[id]));
    expect(json).not.toMatch(/"url"\s*:/);
  });

  it("has a readable data table", () => {
    const table = resultTable(results[id]);
    expect(table.caption).not.toBe("");
    expect(table.rows.length).toBeGreaterThan(5);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    expect(JSON.stringify(table.rows)).not.toMatch(/0{10,}/);
  });

  it("overlays a fork on its parent", async () => {
    const spec = overlaySpec(results[id], forks[id], { parent: "Post", fork: "Fork" });
    expect(compileStrict(spec)).toEqual([]);
    const svg = await renderSvg(spec, { label: describeShift(results[id], forks[id]) });
    expect(tickTexts(svg)).toEqual(expect.arrayContaining(["Post", "Fork"]));
    expectReadableNumbers(svg);
  });

  it("renders through the template cache exactly as a fresh compile does", async () => {
    // Interactive-only layers are dropped by the cached path; drop them for the fresh one too.
    const staticOnly = (spec: TopLevelSpec) => {
      const s = spec as TopLevelSpec & { layer: { name?: string }[] };
      return { ...s, layer: s.layer.filter((l) => !l.name?.startsWith(INTERACTIVE_LAYER)) } as TopLevelSpec;
    };
    // Clip-path ids differ (vega numbers them per process; we prefix a content hash).
    const ids = (svg: string) => svg.replace(/fc[a-z0-9]+-clip\d+/g, "clip");
    const label = "same";
    const specs = [forecastSpec(results[id]), forecastSpec(forks[id]), forecastSpec(results[id], { compact: true })].map(staticOnly);
    const fresh = await Promise.all(specs.map(async (s) => ids(await renderSvgUncached(s, { label }))));
    // Twice round: the second pass reuses compiled and parsed templates with other data/titles.
    for (let round = 0; round < 2; round++) {
      for (const [i, s] of specs.entries()) expect(ids(await renderSvg(s, { label }))).toBe(fresh[i]);
    }
  });
});

describe("Bio Anchors charts", () => {
  it("marks the median, the 50% guide and Cotra's spreadsheet curve", async () => {
    const svg = await renderSvg(forecastSpec(results["bio-anchors"]), { label: "x" });
    const texts = tickTexts(svg);
    expect(texts).toContain("Median 2052");
    expect(texts).toContain("Cotra 2020 spreadsheet");
    expect(texts).toEqual(expect.arrayContaining(["0%", "50%", "100%", "2030", "2100"]));
    expect(texts.some((t) => t.startsWith("Model: Cotra 2020 Bio Anchors"))).toBe(true);
  });

  it("says 'after 2100' when the median is not reached", async () => {
    const late = structuredClone(results["bio-anchors"]);
    late.headlines = late.headlines.map((h) => (h.key === "median" ? { ...h, value: null } : h));
    const svg = await renderSvg(forecastSpec(late), { label: "x" });
    expect(tickTexts(svg)).toContain("Median after 2100");
  });

  it("community chart: the post, each fork and the aggregate", async () => {
    const spec = communitySpec(results["bio-anchors"], [forks["bio-anchors"], results["bio-anchors"]], forks["bio-anchors"]);
    expect(compileStrict(spec)).toEqual([]);
    const texts = tickTexts(await renderSvg(spec, { label: "x" }));
    expect(texts).toEqual(expect.arrayContaining(["This post", "Forks (2)", "Aggregate"]));
    expect(compileStrict(communitySpec(results["bio-anchors"], [], null))).toEqual([]);
  });

  it("community chart: a lone fork's line is drawn over the aggregate it makes up, in its own colour", async () => {
    // With one fork the aggregate is that fork: drawn after it, the bold line would hide it.
    const svg = await renderSvg(communitySpec(results["bio-anchors"], [forks["bio-anchors"]], forks["bio-anchors"]), { label: "x" });
    // The plot's lines (the legend's symbols come after them and carry a transform).
    const strokes = [...svg.matchAll(/<path d="[^"]*" stroke="(#[0-9a-f]{6})"[^>]*?(?:opacity="([\d.]+)")?\/>/g)].map((m) => ({ color: m[1], opacity: Number(m[2] ?? 1) }));
    const fork = strokes.findIndex((p) => p.color === COLORS.fork);
    const aggregate = strokes.findIndex((p) => p.color === COLORS.ink);
    expect(fork).toBeGreaterThan(aggregate);
    expect(aggregate).toBeGreaterThanOrEqual(0);
    expect(strokes[fork]!.opacity).toBeGreaterThanOrEqual(0.85);
  });

  it("survives a result with no series at all", async () => {
    const empty: ForecastResult = { modelId: "bio-anchors", modelVersion: 1, headlines: [], series: {}, notes: [] };
    await expect(renderSvg(forecastSpec(empty), { label: "x" })).resolves.toContain("<svg");
    expect(resultTable(empty).rows).toEqual([]);
  });
});

const headline = (key: string, format: Headline["format"], value: number | null, label = key): Headline => ({ key, label, format, value });
const bio = (median: number | null, p2036: number): ForecastResult => ({
  modelId: "bio-anchors",
  modelVersion: 1,
  headlines: [
    headline("median", "year", median, "Median TAI year"),
    headline("p10", "year", 2031, "10th percentile year"),
    headline("p90", "year", null, "90th percentile year"),
    headline("p2036", "probability", p2036, "P(TAI by 2036)"),
    headline("p2100", "probability", 0.764, "P(TAI by 2100)"),
  ],
  series: {},
  notes: [],
});

describe("describeResult and describeShift", () => {
  it("put the headlines in words", () => {
    expect(describeResult(bio(2052, 0.19))).toBe("Median arrival 2052 (10th–90th percentile: 2031 to after 2100). P(TAI by 2036) 19%, by 2100 76.4%.");
    expect(describeResult(results["gpt-extrapolation"])).toMatch(/^Normalised benchmark performance reaches 50% at 1\.4e22 FLOP, 80% at 4\.7e24 FLOP/);
    expect(describeResult(results["scaling-laws"])).toContain("69.3B parameters on 1.39T tokens");
  });

  it("writes a value the same way as the headline boxes (one formatter)", () => {
    const parent = bio(2052, 0.375);
    const fork = bio(null, 0.4);
    const shift = describeShift(parent, fork);
    for (const h of [...parent.headlines, ...fork.headlines].filter((x) => x.key === "median" || x.key === "p2036")) {
      expect(shift).toContain(formatHeadline(h));
    }
    expect(shift).toBe("median arrival 2052 → after 2100; P(by 2036) 37.5% → 40%");
  });

  it("describes a fork's shift", () => {
    expect(describeShift(bio(2052, 0.17), bio(2041, 0.34))).toBe("median arrival 2052 → 2041; P(by 2036) 17% → 34%");
    expect(describeShift(bio(2052, 0.17), bio(null, 0.17))).toBe("median arrival 2052 → after 2100; P(by 2036) unchanged at 17%");
    expect(describeShift(results["gpt-extrapolation"], forks["gpt-extrapolation"])).toMatch(/^compute for 80% \(logistic → linear fit\) 4\.7e24 FLOP → 3e24 FLOP$/);
    expect(describeShift(results["scaling-laws"], forks["scaling-laws"])).toBe("loss at (N, D) 1.937 → 2.002; compute 5.9e23 FLOP → 3.2e23 FLOP");
  });

  it("never throws, whatever the headline values", () => {
    const value = fc.oneof(fc.constant(null), fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324));
    const arbHeadline = fc.record({
      key: fc.constantFrom("median", "p10", "p90", "p2036", "flop_80", "loss_nd", "compute_nd", "n_opt", "x"),
      label: fc.string(),
      format: fc.constantFrom("year", "probability", "flop", "number", "loss"),
      value,
    }) as fc.Arbitrary<Headline>;
    const arbResult = fc.record({
      modelId: fc.constantFrom("bio-anchors", "gpt-extrapolation", "scaling-laws", "other"),
      modelVersion: fc.nat(),
      headlines: fc.array(arbHeadline, { maxLength: 8 }),
      series: fc.constant({}),
      notes: fc.constant([]),
    }) as fc.Arbitrary<ForecastResult>;
    fc.assert(
      fc.property(arbResult, arbResult, (a, b) => {
        const text = describeShift(a, b);
        expect(typeof text).toBe("string");
        expect(text.length).toBeGreaterThan(0);
        expect(typeof describeResult(a)).toBe("string");
        overlaySpec(a, b, { parent: "P", fork: "F" });
      }),
    );
  });
});

describe("axis formats", () => {
  it("ticks at whole powers of ten", () => {
    expect(axisFormat.exponentTicks(20, 33, 2)).toEqual([20, 22, 24, 26, 28, 30, 32]);
    expect(axisFormat.exponentStep(20, 70, 8)).toBe(10);
    expect(axisFormat.exponentDomain([2.25e20, 4.5e32, null, -1, 0])).toEqual([20, 33]);
    expect(axisFormat.logScaleAxis("x", 18, 30).values).toEqual([1e18, 1e20, 1e22, 1e24, 1e26, 1e28, 1e30]);
  });
});

describe("renderer", () => {
  it("makes the SVG responsive and labelled", async () => {
    const svg = await renderSvg(forecastSpec(results["bio-anchors"]), { label: 'Median "2052" <b>' });
    const open = /^<svg[^>]*>/.exec(svg)![0];
    expect(open).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(open).toContain('width="100%"');
    expect(open).not.toMatch(/\sheight=/);
    expect(open).toContain('role="img"');
    expect(open).toContain('aria-label="Median &quot;2052&quot; &lt;b&gt;"');
  });

  it("caches by key, caps the cache and does not cache failures", async () => {
    clearChartCache();
    const spec = forecastSpec(results["scaling-laws"]);
    const a = await renderSvgCached("k1", spec, { label: "x" });
    expect(await renderSvgCached("k1", forecastSpec(results["bio-anchors"]), { label: "x" })).toBe(a);
    const bad = { data: { values: [{ a: 1 }] }, transform: [{ calculate: "datum.a +", as: "b" }], mark: "point" } as TopLevelSpec;
    await expect(renderSvgCached("bad", bad, { label: "x" })).rejects.toBeInstanceOf(ChartRenderError);
    expect(chartCacheSize()).toBe(1);
    const tiny = { data: { values: [{ a: 1 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } } as TopLevelSpec;
    await Promise.all(Array.from({ length: 210 }, (_, i) => renderSvgCached(`t${i}`, tiny, { label: "x" })));
    expect(chartCacheSize()).toBe(200);
  });
});

describe("phone layouts", () => {
  /** Every font size a spec sets, wherever it sets it. */
  function fontSizes(spec: unknown): number[] {
    if (Array.isArray(spec)) return spec.flatMap(fontSizes);
    if (spec === null || typeof spec !== "object") return [];
    return Object.entries(spec).flatMap(([k, v]) => (/^(fontSize|[a-z]+FontSize)$/.test(k) && typeof v === "number" ? [v] : fontSizes(v)));
  }

  it("raiseFonts lifts every font size under the floor and leaves larger ones", () => {
    const spec = { config: { axis: { labelFontSize: 11, titleFontSize: 14 } }, layer: [{ mark: { type: "text", fontSize: 10.5 } }] };
    expect(raiseFonts(spec, 13)).toEqual({ config: { axis: { labelFontSize: 13, titleFontSize: 14 } }, layer: [{ mark: { type: "text", fontSize: 13 } }] });
    expect(spec.layer[0]!.mark.fontSize).toBe(10.5);
  });

  it.each(MODELS)("%s: the main chart, the overlay and the community chart at a phone's width, no font under the floor", async (id) => {
    const specs = [
      phoneSpec((o) => forecastSpec(results[id], o)),
      phoneSpec((o) => overlaySpec(results[id], forks[id], { parent: "Parent forecast", fork: "Fork by a reader" }, o)),
      ...(id === "bio-anchors" ? [phoneSpec((o) => communitySpec(results[id], [forks[id]], forks[id], o))] : []),
    ];
    for (const spec of specs) {
      expect((spec as { width?: number }).width).toBe(PHONE.width);
      expect(Math.min(...fontSizes(spec))).toBeGreaterThanOrEqual(PHONE.minFont);
      expect(compileStrict(spec)).toEqual([]);
      const svg = await renderSvg(spec, { label: "x" });
      const drawn = [...svg.matchAll(/font-size="?([\d.]+)px/g)].map((m) => Number(m[1]));
      expect(drawn.length).toBeGreaterThan(0);
      expect(Math.min(...drawn)).toBeGreaterThanOrEqual(PHONE.minFont);
    }
  });
});
