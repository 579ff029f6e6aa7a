// "What would I need to believe?": the value of one input that takes a metric to a target
// ("median 2035", "P(by 2036) = 35%"), everything else held, every run on the same seed.
// A grid over the input's whole range finds where the target is crossed (or shows that it
// never is: an honest "unreachable"); bisection on common random numbers narrows it down.

import type { InputValue, Inputs } from "../types";
import type { SolveParameter } from "./factors";
import { formatMetricValue, metricLabel, type Metric } from "./metric";

/** Runs a batch of input sets on the analysis's seed and sample count; returns the metric of each. */
export type BatchEvaluate = (runs: Inputs[]) => Promise<(number | null)[]>;

export interface SolveTarget {
  metric: Metric;
  value: number;
}

export interface SolveOutcome {
  status: "solved" | "unreachable";
  parameter: { id: string; label: string; meaning: string; unit: string };
  target: SolveTarget;
  /** Solved: the value (in the parameter's terms) and the input value to put in a draft. */
  value?: number;
  valueText?: string;
  input?: { name: string; value: InputValue };
  /** The metric at `value` (or at the closest point, when unreachable). */
  achieved: number | null;
  /** The metric across the input's whole range, at its two ends and at its extremes. */
  reachable: { min: number | null; max: number | null };
  /** Unreachable: the value that comes closest. */
  closest?: { value: number; valueText: string; achieved: number | null };
  evaluations: number;
  message: string;
}

export const GRID_POINTS = 11;
const MAX_ROUNDS = 12;

/** How close counts as reached: a twentieth of a year, a twentieth of a percentage point, 0.01% of a headline. */
export function metricTolerance(metric: Metric, target: number): number {
  if (metric.kind === "probBy") return 0.0005;
  if (metric.kind === "yearAt") return 0.05;
  return Math.max(1e-12, Math.abs(target) * 1e-4);
}

const toScale = (p: SolveParameter, x: number) => (p.scale === "log" ? Math.log10(x) : x);
const fromScale = (p: SolveParameter, u: number) => (p.scale === "log" ? 10 ** u : u);

function roundFor(p: SolveParameter, x: number, digits: number): number {
  if (p.integer) return Math.round(x);
  const r = Number(x.toPrecision(digits));
  return Math.min(p.domain[1], Math.max(p.domain[0], r));
}

function gridOf(p: SolveParameter): number[] {
  const [a, b] = [toScale(p, p.domain[0]), toScale(p, p.domain[1])];
  const xs = new Set<number>();
  for (let i = 0; i < GRID_POINTS; i++) xs.add(roundFor(p, fromScale(p, a + ((b - a) * i) / (GRID_POINTS - 1)), 6));
  xs.add(p.current);
  return [...xs].sort((x, y) => x - y);
}

export async function solveFor(param: SolveParameter, base: Inputs, target: SolveTarget, evaluate: BatchEvaluate, rangeEnd = 2100): Promise<SolveOutcome> {
  const tol = metricTolerance(target.metric, target.value);
  // Not reached in range reads as "later than every year in range".
  const gap = (v: number | null) => (v === null ? (target.metric.kind === "yearAt" ? Infinity : NaN) : v - target.value);
  const seen = new Map<number, number | null>();
  let evaluations = 0;
  const run = async (xs: number[]) => {
    const fresh = xs.filter((x) => !seen.has(x));
    if (fresh.length) {
      const values = await evaluate(fresh.map((x) => param.apply(base, x)));
      evaluations += fresh.length;
      fresh.forEach((x, i) => seen.set(x, values[i] ?? null));
    }
    return xs.map((x) => seen.get(x) ?? null);
  };

  const grid = gridOf(param);
  const values = await run(grid);
  const gaps = values.map(gap);
  const finite = values.filter((v): v is number => v !== null);
  const reachable = {
    min: finite.length ? Math.min(...finite) : null,
    max: values.some((v) => v === null) && target.metric.kind === "yearAt" ? null : finite.length ? Math.max(...finite) : null,
  };
  const describe = {
    id: param.id,
    label: param.label,
    meaning: param.meaning,
    unit: param.unit,
  };
  const what = metricLabel(target.metric);
  const fmt = (v: number | null) => formatMetricValue(target.metric, v, undefined, rangeEnd);

  // Brackets: neighbouring grid points on either side of the target (or on it).
  const brackets: [number, number][] = [];
  for (let i = 0; i + 1 < grid.length; i++) {
    const g0 = gaps[i]!;
    const g1 = gaps[i + 1]!;
    if (Number.isNaN(g0) || Number.isNaN(g1)) continue;
    if (g0 === 0 || (g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0)) brackets.push([i, i + 1]);
  }
  if (gaps[grid.length - 1] === 0) brackets.push([grid.length - 1, grid.length - 1]);

  if (brackets.length === 0) {
    let best = 0;
    gaps.forEach((g, i) => {
      if (Math.abs(g) < Math.abs(gaps[best]!)) best = i;
    });
    const x = grid[best]!;
    return {
      status: "unreachable",
      parameter: describe,
      target,
      achieved: values[best] ?? null,
      reachable,
      closest: { value: x, valueText: param.describe(x), achieved: values[best] ?? null },
      evaluations,
      message: `No value of ${param.meaning.toLowerCase()} from ${param.describe(param.domain[0])} to ${param.describe(param.domain[1])} gets the ${what} to ${fmt(target.value)}: across that range it goes from ${fmt(reachable.min)} to ${fmt(reachable.max)}. The closest is ${param.describe(x)} (${fmt(values[best] ?? null)}).`,
    };
  }

  // The crossing nearest the input's current value.
  const here = toScale(param, param.current);
  brackets.sort((a, b) => Math.abs(toScale(param, grid[a[0]]!) - here) - Math.abs(toScale(param, grid[b[0]]!) - here));
  let lo = grid[brackets[0]![0]]!;
  let hi = grid[brackets[0]![1]]!;
  const sign = (x: number) => Math.sign(gap(seen.get(x) ?? null));
  const loSign = sign(lo);
  const width0 = Math.max(1e-12, toScale(param, param.domain[1]) - toScale(param, param.domain[0]));
  // Each round runs two points (one per worker) around the straight-line estimate of the
  // crossing (regula falsi); when the crossing is not between them, the next round halves.
  let bisect = false;
  for (let round = 0; round < MAX_ROUNDS && lo !== hi; round++) {
    const gLo = gap(seen.get(lo) ?? null);
    const gHi = gap(seen.get(hi) ?? null);
    if (Math.abs(gLo) <= tol / 2 || Math.abs(gHi) <= tol / 2) break;
    if ((toScale(param, hi) - toScale(param, lo)) / width0 < 1e-6) break;
    if (param.integer && hi - lo <= 1) break;
    const a = toScale(param, lo);
    const b = toScale(param, hi);
    const w = b - a;
    const interpolated = Number.isFinite(gLo) && Number.isFinite(gHi) && gLo !== gHi ? a + (w * gLo) / (gLo - gHi) : a + w / 2;
    const guess = bisect ? a + w / 2 : Math.min(b - 0.02 * w, Math.max(a + 0.02 * w, interpolated));
    const delta = bisect ? w / 6 : 0.04 * w;
    const inner = [...new Set([guess - delta, guess + delta].map((u) => roundFor(param, fromScale(param, Math.min(b, Math.max(a, u))), 12)))].filter((x) => x > lo && x < hi);
    if (!inner.length) break;
    await run(inner);
    const points = [lo, ...inner.sort((x, y) => x - y), hi];
    const before = [lo, hi];
    // Every point before the crossing has lo's sign; the crossing is where that stops.
    for (let i = 0; i + 1 < points.length; i++) {
      if (sign(points[i]!) === 0) {
        lo = hi = points[i]!;
        break;
      }
      if (sign(points[i + 1]!) !== loSign) {
        lo = points[i]!;
        hi = points[i + 1]!;
        break;
      }
    }
    // The estimate was off if the crossing is not between the two new points: halve next.
    bisect = lo === before[0] || hi === before[1];
  }

  // Report a value a person would type, checked by a run of its own: the estimate and both
  // ends, at 2, then 3, then 4 significant digits, each batch run at once.
  const gLo = gap(seen.get(lo) ?? null);
  const gHi = gap(seen.get(hi) ?? null);
  const uLo = toScale(param, lo);
  const uHi = toScale(param, hi);
  const estimate = Number.isFinite(gLo) && Number.isFinite(gHi) && gLo !== gHi ? fromScale(param, uLo + ((uHi - uLo) * gLo) / (gLo - gHi)) : lo;
  const candidates = [estimate, lo, hi];
  let bestX = lo;
  let bestGap = Infinity;
  for (const x of candidates) {
    const g = seen.has(x) ? Math.abs(gap(seen.get(x) ?? null)) : Infinity;
    if (g < bestGap) {
      bestGap = g;
      bestX = x;
    }
  }
  for (const digits of [2, 3, 4]) {
    const xs = [...new Set(candidates.map((x) => roundFor(param, x, digits)))];
    await run(xs);
    let found = false;
    for (const x of xs) {
      const g = Math.abs(gap(seen.get(x) ?? null));
      if (g <= tol && !found) {
        // The shortest value that reaches the target wins over a longer, closer one.
        bestGap = g;
        bestX = x;
        found = true;
      } else if (!found && g < bestGap) {
        bestGap = g;
        bestX = x;
      }
    }
    if (found) break;
  }
  const achieved = seen.get(bestX) ?? null;
  const applied = param.apply(base, bestX);
  return {
    status: "solved",
    parameter: describe,
    target,
    value: bestX,
    valueText: param.describe(bestX),
    input: { name: param.input, value: applied[param.input]! },
    achieved,
    reachable,
    evaluations,
    message: `${param.meaning} at ${param.describe(bestX)} gives a ${what} of ${fmt(achieved)} (target ${fmt(target.value)}), everything else as it is.`,
  };
}
