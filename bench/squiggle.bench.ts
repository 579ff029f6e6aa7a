// A 30-line Squiggle model previewed through the API of the production server (so the time
// includes HTTP, the sandbox's IPC and the chart), at 1k and 10k samples. "Cold": new input
// values each time, so the sandbox runs the program (already read once); "cached": the same
// values again, answered from the result cache. The Bio Anchors Squiggle-vs-engine ratio
// stays in engine.bench.ts.
import { startApp } from "../test/support/process";
import { summarize, type Row } from "./lib";

const REPS = Number(process.env.SQUIGGLE_REPS ?? 40);

export const MODEL_30_LINES = `// Thirty lines: when does one training run reach 1e28 FLOP, from chip supply alone?
@name("Accelerators shipped in 2025")
chips2025 :: chips = 3M to 6M
@name("Yearly growth in shipments")
shipmentGrowth = 1.3 to 2
@name("Peak FLOP/s per accelerator")
flopPerChip :: flop/s = 1e15
@name("Share of the installed stock on one run")
runShare = 0.005 to 0.02
@name("Utilization")
utilization = 0.3 to 0.5
@name("Months of training")
runMonths :: months = 3 to 6
@name("Yearly growth in campus power")
powerGrowth = 1.2 to 1.6
@name("Target run size")
target :: flop = 1e28
@hide
secondsPerMonth = 2.63e6

stock(t) = chips2025 * shipmentGrowth ^ t * 2.5
largestRun(t) = stock(t) * flopPerChip * utilization * runShare * runMonths * secondsPerMonth
growth = SampleSet.min(shipmentGrowth, powerGrowth)
yearsNeeded = log10(target / largestRun(0)) / log10(growth)
// Before the first 1e28 run, the largest run in 2027, for comparison.
run2027 = largestRun(2)
ratio2027 = run2027 / target

@name("Year of the first 1e28 FLOP training run")
export arrival :: year = 2025 + yearsNeeded`;

export async function benchSquiggle(): Promise<Row[]> {
  const lines = MODEL_30_LINES.split("\n").length;
  if (lines !== 30) throw new Error(`the model has ${lines} lines, not 30`);
  const app = await startApp({ env: { RATE_LIMITS: "off" } });
  const preview = async (body: unknown) => {
    const started = performance.now();
    const res = await fetch(`${app.url}/api/forecasts/preview`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`preview failed: ${res.status} ${text.slice(0, 200)}`);
    return performance.now() - started;
  };
  const rows: Row[] = [];
  try {
    // The program is read (parsed and stored) once, and each sandbox warms up.
    for (let i = 0; i < 6; i++) await preview({ modelId: "squiggle", source: MODEL_30_LINES, inputs: { target: 1e28 + i * 1e25 }, sampleCount: 1000 });
    let k = 0;
    for (const sampleCount of [1000, 10_000]) {
      const cold: number[] = [];
      const cached: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const inputs = { target: 2e28 + ++k * 1e25 };
        cold.push(await preview({ modelId: "squiggle", source: MODEL_30_LINES, inputs, sampleCount }));
        cached.push(await preview({ modelId: "squiggle", source: MODEL_30_LINES, inputs, sampleCount }));
      }
      const label = `${sampleCount / 1000}k samples`;
      for (const [kind, samples] of [
        ["cold (sandbox run)", cold],
        ["cached", cached],
      ] as const) {
        const s = summarize(samples);
        rows.push({ group: "squiggle", case: `30-line model preview via API, ${label}, ${kind}, ${REPS}x`, median: s.median, p95: s.p95, p99: s.p99 });
      }
    }
  } finally {
    await app.stop();
  }
  return rows;
}
