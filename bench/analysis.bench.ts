// Analyses through the worker pool, as the server runs them (evaluateOnPool: the runs split
// over the two workers, each keeping a model session): the full Bio Anchors tornado (every
// input at its low and high end) at 10k and 100k samples, exact Shapley attribution of six
// changed inputs, and solves. Targets (issue 12): tornado ≤ 1 s at 100k; Shapley (6) ≤ 500 ms
// at 100k; a solve ≤ 500 ms.
import {
  assembleTornado,
  planShapley,
  planTornado,
  playersOf,
  resolveInputs,
  seedFromInputs,
  shapleyValues,
  solveFor,
  solveParameter,
  bioAnchors,
  type Inputs,
  type Metric,
} from "../app/forecast/index";
import { evaluateOnPool } from "../app/services/analysis.server";
import { createComputePool } from "../server/compute-pool";
import { summarize, time, type Row } from "./lib";

const GROUP = "analysis";
const BIO = "bio-anchors";
const MEDIAN: Metric = { kind: "yearAt", p: 0.5 };
const REPS = 7;

export async function benchAnalysis(): Promise<Row[]> {
  const rows: Row[] = [];
  const pool = createComputePool({ timeoutMs: 60_000 });
  try {
    await pool.warmUp();
    const base = resolveInputs(bioAnchors, {});
    const seed = seedFromInputs(base);
    const evaluate = (sampleCount: number, metric: Metric, runs: Inputs[]) => evaluateOnPool(pool, BIO, { seed, sampleCount }, metric, runs);

    // 1. The full tornado: every factor's low and high end, plus the base run.
    const plan = planTornado(bioAnchors, base);
    for (const n of [10_000, 100_000]) {
      for (let i = 0; i < 2; i++) await evaluate(n, MEDIAN, plan.runs);
      const ms: number[] = [];
      let swing = 0;
      for (let i = 0; i < REPS; i++) {
        const [t, values] = await time(() => evaluate(n, MEDIAN, plan.runs));
        ms.push(t);
        swing = assembleTornado(plan, values, MEDIAN).bars[0]!.swing;
      }
      const s = summarize(ms);
      rows.push({
        group: GROUP,
        case: `Tornado, Bio Anchors, all ${plan.factors.length} factors low+high (${plan.runs.length} runs), ${n / 1000}k samples, pool, ${REPS}x`,
        median: s.median,
        p95: s.p95,
        value: `largest swing ${swing.toFixed(1)} years`,
        ...(n === 100_000 ? { target: "≤ 1000 ms", ok: s.median <= 1000 } : {}),
      });
    }

    // 2. Exact Shapley over six changed inputs (2^6 = 64 runs), two of them requirement-side.
    const fork = resolveInputs(bioAnchors, {
      hw_halving_years: 2,
      flop_per_dollar_2020: 1e18,
      spend_doubling_years: 2,
      max_gdp_fraction: 0.02,
      tai_vs_brain_ooms: 0,
      anchors: [40, 20, 10, 5, 10, 5, 10].map((weight) => ({ weight })),
    });
    const shapley = planShapley(base, playersOf(bioAnchors, base, fork), seed);
    await evaluate(100_000, MEDIAN, shapley.runs);
    const sms: number[] = [];
    let total = 0;
    for (let i = 0; i < REPS; i++) {
      const [t, values] = await time(() => evaluate(100_000, MEDIAN, shapley.runs));
      sms.push(t);
      total = shapleyValues(shapley, values as number[]).total;
    }
    const ss = summarize(sms);
    rows.push({
      group: GROUP,
      case: `Shapley, ${shapley.players.length} changed inputs (${shapley.runs.length} runs, exact), 100k samples, pool, ${REPS}x`,
      median: ss.median,
      p95: ss.p95,
      value: `total shift ${total.toFixed(1)} years`,
      target: "≤ 500 ms",
      ok: ss.median <= 500,
    });

    // 3. Solves: an affordability input (median 2040 by FLOP/$ 2020), and a requirement-side
    // one (the brain's compute, moved by its median), which redraws samples every run.
    for (const [id, target] of [["flop_per_dollar_2020", 2040], ["log10_brain_flops", 2045]] as const) {
      const param = solveParameter(bioAnchors, base, id)!;
      const run = () => solveFor(param, base, { metric: MEDIAN, value: target }, (runs) => evaluate(100_000, MEDIAN, runs));
      await run();
      const ms: number[] = [];
      let text = "";
      for (let i = 0; i < REPS; i++) {
        const [t, out] = await time(run);
        ms.push(t);
        text = `${out.status}: ${out.valueText ?? ""} → ${out.achieved?.toFixed(2)} in ${out.evaluations} runs`;
      }
      const s = summarize(ms);
      rows.push({ group: GROUP, case: `Solve median ${target} by ${id}, 100k samples, pool, ${REPS}x`, median: s.median, p95: s.p95, value: text, target: "≤ 500 ms", ok: s.median <= 500 });
    }
  } finally {
    await pool.close();
  }
  return rows;
}
