// The forecast engine: Bio Anchors at 10k/100k/1M samples in-process and through the worker
// pool (which adds the structured-clone round trip), the GPT-N fit, and a side-by-side with
// the same Bio Anchors structure written in Squiggle. Targets: Bio Anchors at
// 100k samples ≤ 40 ms in-process; ≥ 50× faster than Squiggle at equal sample counts.
import { run as runSquiggle } from "@quri/squiggle-lang";
import { prepareRun, runModel, Z90, type ComputeOptions } from "../app/forecast/index";
import { ANCHORS, readParams } from "../app/forecast/models/bio-anchors-params";
import { sampleRequirements } from "../app/forecast/models/bio-anchors-sample";
import { createComputePool } from "../server/compute-pool";
import { summarize, time, type Row } from "./lib";
import { bioAnchorsSquiggle, type SquiggleBioAnchorsParams } from "./squiggle/bio-anchors.squiggle";

const GROUP = "engine";
const BIO = "bio-anchors";
const GPT = "gpt-extrapolation";
const SIZES = [10_000, 100_000, 1_000_000];
const TARGET_100K_MS = 40;
const TARGET_RATIO = 50;
const SQUIGGLE_REPS = 10;
const OURS_REPS = 50;

/** Repetitions per size: enough for a stable median without making 1M runs dominate. */
const reps = (n: number) => (n >= 1_000_000 ? 7 : n >= 100_000 ? 30 : 50);

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
const rate = (n: number, ms: number) => {
  const perS = (n / ms) * 1000;
  return perS >= 1e6 ? `${(perS / 1e6).toFixed(1)}M samples/s` : `${Math.round(perS / 1000)}k samples/s`;
};

function runBio(sampleCount: number, seed: number): number {
  const outcome = runModel(BIO, {}, { seed, sampleCount });
  if (!outcome.ok) throw new Error(`${BIO}: ${outcome.errors.map((e) => e.message).join("; ")}`);
  const p = outcome.result.headlines.find((h) => h.key === "p2100")?.value;
  if (typeof p !== "number") throw new Error(`${BIO}: no P(TAI by 2100) headline`);
  return p;
}

/**
 * Calls fn for at least `ms` and `min` times. Run right before each measurement: after a
 * 1M run or the pool's teardown, the heap's garbage slows the next second or so of small runs.
 */
async function warm(fn: (i: number) => unknown, ms = 500, min = 5): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < min || performance.now() - t0 < ms; i++) await fn(900 + i);
}

/** ms per call of fn(i), i = 0 … count−1. */
async function sample(count: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const [ms] = await time(() => fn(i));
    out.push(ms);
  }
  return out;
}

/**
 * Our default anchors as the Squiggle program's plain normals in log10 FLOP: each anchor's
 * median and 90% CI, read off our own sampler at the default inputs (so the low-end update
 * is in the numbers, though not in the program), plus our weights and every other default.
 */
function squiggleParams(): SquiggleBioAnchorsParams {
  const prepared = prepareRun(BIO, {}, { seed: 20_200, sampleCount: 200_000 });
  if (!prepared.ok) throw new Error(`${BIO}: ${prepared.errors.map((e) => e.message).join("; ")}`);
  const p = readParams(prepared.inputs);
  const { flop, counts } = sampleRequirements(p, prepared.options);
  const anchors: SquiggleBioAnchorsParams["anchors"] = [];
  let start = 0;
  ANCHORS.forEach((anchor, a) => {
    const block = flop.slice(start, start + counts[a]).sort();
    start += counts[a];
    if (anchor.key === "nopath" || block.length === 0) return;
    const q = (x: number) => block[Math.round(x * (block.length - 1))];
    anchors.push({ label: anchor.label, mean: q(0.5), sd: (q(0.95) - q(0.05)) / (2 * Z90), weight: p.weights[a] });
  });
  const noPathWeight = p.weights[ANCHORS.findIndex((a) => a.key === "nopath")];
  return {
    anchors,
    noPath: { low: p.noPathLow, high: p.noPathHigh, weight: noPathWeight },
    algo: { baseYear: p.algoBaseYear, ...p.algo },
    hw: {
      logFlopPerDollar2020: Math.log10(p.flopPerDollar2020),
      halvingYears: p.hwHalvingYears,
      logMaxFlopPerDollar: Math.log10(p.maxFlopPerDollar),
    },
    spend: {
      log2025: Math.log10(p.spend2025),
      doublingYears: p.spendDoublingYears,
      logGdp2020: Math.log10(p.gdp2020),
      gdpGrowth: p.gdpGrowth,
      logMaxGdpFraction: Math.log10(p.maxGdpFraction),
    },
  };
}

/** Runs the Squiggle program; throws with Squiggle's message unless it yields a plausible P(by 2100). */
async function runSquiggleOnce(code: string, sampleCount: number, seed: string): Promise<number> {
  const output = await runSquiggle(code, { environment: { sampleCount, xyPointLength: 1000, seed } });
  const bindings = output.getBindings();
  if (!bindings.ok) throw new Error(`Squiggle Bio Anchors failed: ${bindings.value.toString()}`);
  const p = bindings.value.get("pBy2100");
  if (p?.tag !== "Number" || !(p.value > 0 && p.value < 1)) {
    throw new Error(`Squiggle Bio Anchors: P(by 2100) is ${p?.toString() ?? "missing"}, not a probability in (0, 1)`);
  }
  return p.value;
}

export async function benchEngine(): Promise<Row[]> {
  const rows: Row[] = [];

  // 1. In-process, after a warm-up at every size (JIT, typed-array allocation paths).
  for (const n of SIZES) await warm((seed) => runBio(n, seed), 300, 3);
  for (const n of SIZES) {
    await warm((seed) => runBio(n, seed));
    const s = summarize(await sample(reps(n), (i) => runBio(n, 1 + i)));
    rows.push({
      group: GROUP,
      case: `Bio Anchors, ${label(n)} samples, in-process (runModel), ${reps(n)}x`,
      median: s.median,
      p95: s.p95,
      value: rate(n, s.median),
      ...(n === 100_000 ? { target: `≤ ${TARGET_100K_MS} ms`, ok: s.median <= TARGET_100K_MS } : {}),
    });
  }

  // 2. Through the worker pool: submit, compute in a worker, clone the result back.
  const pool = createComputePool({ timeoutMs: 60_000 });
  try {
    await pool.warmUp();
    const prepared = prepareRun(BIO, {});
    if (!prepared.ok) throw new Error(`${BIO}: ${prepared.errors.map((e) => e.message).join("; ")}`);
    const task = (sampleCount: number, seed: number) => {
      const options: ComputeOptions = { seed, sampleCount };
      return pool.run({ modelId: BIO, inputs: prepared.inputs, options });
    };
    // The same warm-up as in-process, on each of the two threads (tasks go to either).
    for (const n of SIZES) await warm((seed) => task(n, seed), 600, 6);
    for (const n of SIZES) {
      await warm((seed) => task(n, seed), 1000, 10);
      const inWorker: number[] = [];
      const s = summarize(
        await sample(reps(n), async (i) => {
          const reply = await task(n, 1 + i);
          if (!reply.outcome.ok) throw new Error(`${BIO} in the pool: ${reply.outcome.errors.map((e) => e.message).join("; ")}`);
          inWorker.push(reply.ms);
        }),
      );
      const w = summarize(inWorker);
      rows.push({
        group: GROUP,
        case: `Bio Anchors, ${label(n)} samples, worker pool (incl. clone), ${reps(n)}x`,
        median: s.median,
        p95: s.p95,
        value: `${rate(n, s.median)}; compute ${w.median.toFixed(1)} ms`,
      });
    }
  } finally {
    await pool.close();
  }

  // 3. GPT-N: a deterministic fit, no sampling.
  const fitGpt = () => {
    const outcome = runModel(GPT, {});
    if (!outcome.ok) throw new Error(`${GPT}: ${outcome.errors.map((e) => e.message).join("; ")}`);
  };
  await warm(fitGpt);
  const gpt = summarize(await sample(100, fitGpt));
  rows.push({ group: GROUP, case: "GPT-N fit (default inputs), in-process, 100x", median: gpt.median, p95: gpt.p95, value: `${Math.round(1000 / gpt.median)} fits/s` });

  // 4. Squiggle side-by-side at equal sample counts (Squiggle's run includes parsing the
  // program: a few ms of its 150+ ms).
  const code = bioAnchorsSquiggle(squiggleParams());
  const SIDE_BY_SIDE = [1000, 10_000];
  // Ours first, so that Squiggle's garbage does not land in our timings.
  const ours = new Map<number, { ms: ReturnType<typeof summarize>; p: number }>();
  for (const n of SIDE_BY_SIDE) {
    await warm((seed) => runBio(n, seed));
    const ps: number[] = [];
    ours.set(n, { ms: summarize(await sample(OURS_REPS, (i) => ps.push(runBio(n, 1 + i)))), p: summarize(ps).median });
  }
  for (const n of SIDE_BY_SIDE) await warm((i) => runSquiggleOnce(code, n, `warm-up-${i}`), 1000, 3);
  for (const n of SIDE_BY_SIDE) {
    await warm((i) => runSquiggleOnce(code, n, `warm-up-${i}`), 1000, 3);
    const ps: number[] = [];
    const sq = summarize(await sample(SQUIGGLE_REPS, async (i) => ps.push(await runSquiggleOnce(code, n, `bench-${i}`))));
    const { ms, p } = ours.get(n)!;
    const ratio = sq.median / ms.median;
    rows.push(
      {
        group: GROUP,
        case: `Squiggle, Bio Anchors structure, ${label(n)} samples, ${SQUIGGLE_REPS}x`,
        median: sq.median,
        p95: sq.p95,
        value: `${rate(n, sq.median)}; P(2100) ${summarize(ps).median.toFixed(3)}`,
      },
      {
        group: GROUP,
        case: `Forkcast engine, ${label(n)} samples, ${OURS_REPS}x`,
        median: ms.median,
        p95: ms.p95,
        value: `${rate(n, ms.median)}; P(2100) ${p.toFixed(3)}`,
      },
      {
        group: GROUP,
        case: `Forkcast vs Squiggle, ${label(n)} samples (ratio of medians)`,
        value: `${ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(1)}× faster`,
        target: `≥ ${TARGET_RATIO}×`,
        ok: ratio >= TARGET_RATIO,
      },
    );
  }
  return rows;
}
