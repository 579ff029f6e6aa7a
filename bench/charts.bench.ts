// Charts: server-side SVG rendering (vega-lite compile → vega parse → View.toSVG), the cost
// every post page and fork preview pays unless the SVG cache hits. Spec building is timed
// with the render, as a request pays both. Target (docs/stack.md §3): ≤ 15 ms warm for the Bio
// Anchors main chart.
import { describeResult, forecastSpec, overlaySpec } from "../app/charts/index";
import { runModel } from "../app/forecast/index";
import type { ForecastResult } from "../app/forecast/types";
import { summarize, time, type Row } from "./lib";

const WARM_RUNS = 50;
const WARM_UP_RUNS = 10;
const TARGET_MS = 15;

function result(modelId: string, inputs: object = {}): ForecastResult {
  const outcome = runModel(modelId, inputs);
  if (!outcome.ok) throw new Error(`${modelId}: ${outcome.errors.map((e) => e.message).join("; ")}`);
  return outcome.result;
}

export async function benchCharts(): Promise<Row[]> {
  // Imported here, not at the top, so the cold row below includes loading vega.
  const t0 = performance.now();
  const { renderSvg, renderSvgUncached } = await import("../app/utils/chart-svg.server");
  const importMs = performance.now() - t0;

  // Two results per model, alternated: a page shows many forecasts of one model, which share
  // a compiled template (see chart-svg.server.ts) but never the data or titles.
  const bio = [result("bio-anchors"), result("bio-anchors", { hw_halving_years: 1.6 })];
  const gpt = [result("gpt-extrapolation"), result("gpt-extrapolation", { fit: "linear" })];
  const scaling = [result("scaling-laws"), result("scaling-laws", { N: 1.75e11, D: 3e11 })];
  const main = (rs: ForecastResult[]) => (i: number) => renderSvg(forecastSpec(rs[i % 2]!), { label: describeResult(rs[i % 2]!) });
  const cases: { name: string; render: (i: number) => Promise<string> }[] = [
    { name: "Bio Anchors main chart", render: main(bio) },
    { name: "GPT-N chart", render: main(gpt) },
    { name: "Scaling-laws chart", render: main(scaling) },
    {
      name: "Bio Anchors overlay (parent vs fork)",
      render: (i) => renderSvg(overlaySpec(bio[i % 2]!, bio[(i + 1) % 2]!, { parent: "Parent", fork: "Fork" }), { label: "overlay" }),
    },
    // For comparison: what every render would cost without the compiled-template cache.
    { name: "Bio Anchors main chart without template cache", render: (i) => renderSvgUncached(forecastSpec(bio[i % 2]!), { label: "x" }) },
  ];

  const rows: Row[] = [];
  const [coldMs] = await time(() => cases[0]!.render(0));
  rows.push({ group: "charts", case: "import vega + vega-lite", median: importMs });
  rows.push({ group: "charts", case: "first render in this process (cold, Bio Anchors)", median: coldMs, value: "warm up at boot" });

  // Warm every chart kind before measuring any: "warm" means the JIT has seen them all.
  for (const c of cases) for (let i = 0; i < WARM_UP_RUNS; i++) await c.render(i);
  for (const c of cases) {
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const [ms, svg] = await time(() => c.render(i));
      samples.push(ms);
      bytes = svg.length;
    }
    const s = summarize(samples);
    const isTarget = c === cases[0];
    rows.push({
      group: "charts",
      case: `${c.name}, warm (n=${WARM_RUNS})`,
      median: s.median,
      p95: s.p95,
      p99: s.p99,
      value: `${Math.round(bytes / 1024)} kB svg, min ${s.min.toFixed(1)} ms`,
      ...(isTarget ? { target: `≤ ${TARGET_MS} ms`, ok: s.median <= TARGET_MS } : {}),
    });
  }
  return rows;
}
