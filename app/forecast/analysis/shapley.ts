// Attribution that adds up: each changed input's share of a shift as its Shapley value, the
// average of its marginal effect over every order in which the changes could be made. The
// parts sum exactly to the total shift (both ends computed on the same random draws).
//
// Exact for up to EXACT_LIMIT changed inputs (all 2^n combinations). Beyond that, sampled:
// random orders drawn from the analysis seed, each with its reverse (antithetic pairs), so
// every order still sums exactly to the total and so does their average.

import { createRng } from "../rng";
import type { InputValue, Inputs } from "../types";

export const EXACT_LIMIT = 8;
/** Sampled attribution: at most this many runs (the same as exact at EXACT_LIMIT). */
export const SAMPLED_RUN_BUDGET = 2 ** EXACT_LIMIT;

export interface Player {
  name: string;
  label: string;
  /** The value the input has on the "from" side and on the "to" side. */
  from: InputValue;
  to: InputValue;
}

/** A coalition as a number: bit i (as a power of two, up to 52 players) set when player i takes its "to" value. */
type Mask = number;

const bit = (i: number) => 2 ** i;
const has = (mask: Mask, i: number) => Math.floor(mask / bit(i)) % 2 === 1;

export interface ShapleyPlan {
  players: Player[];
  method: "exact" | "sampled";
  /** Coalitions to run, and the inputs of each: masks[i] ↔ runs[i]. masks[0] = none, masks[1] = all. */
  masks: Mask[];
  runs: Inputs[];
  /** Sampled only: the orders walked (player indices). */
  orders: number[][];
}

function inputsFor(base: Inputs, players: Player[], mask: Mask): Inputs {
  const out: Inputs = { ...base };
  players.forEach((p, i) => {
    out[p.name] = has(mask, i) ? p.to : p.from;
  });
  return out;
}

/** Fisher–Yates with the analysis's own stream, so a plan is reproducible. */
function shuffled(n: number, rng: ReturnType<typeof createRng>): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * The runs an attribution needs. `base` holds every input at its "from" value (the
 * parent); each player is one changed input.
 */
export function planShapley(base: Inputs, players: Player[], seed: number): ShapleyPlan {
  const n = players.length;
  if (n > 52) throw new Error("Attribution handles at most 52 changed inputs");
  const all = bit(n) - 1;
  if (n <= EXACT_LIMIT) {
    const masks: Mask[] = [0, all];
    for (let m = 1; m < all; m++) masks.push(m);
    return { players, method: "exact", masks: n === 0 ? [0] : masks, runs: (n === 0 ? [0] : masks).map((m) => inputsFor(base, players, m)), orders: [] };
  }
  const rng = createRng(seed, 0x5ab1e7);
  const orders: number[][] = [];
  const seen = new Set<Mask>([0, all]);
  const masks: Mask[] = [0, all];
  const pairs = Math.max(1, Math.floor(SAMPLED_RUN_BUDGET / (2 * (n - 1))));
  for (let k = 0; k < pairs; k++) {
    const order = shuffled(n, rng);
    for (const o of [order, [...order].reverse()]) {
      orders.push(o);
      let mask = 0;
      for (const i of o) {
        mask += bit(i);
        if (!seen.has(mask)) {
          seen.add(mask);
          masks.push(mask);
        }
      }
    }
  }
  return { players, method: "sampled", masks, runs: masks.map((m) => inputsFor(base, players, m)), orders };
}

export interface Part {
  name: string;
  label: string;
  /** This input's share of the shift, in the metric's unit. */
  value: number;
}

export interface Attribution {
  method: "exact" | "sampled";
  /** How the parts were computed, in words. */
  methodText: string;
  from: number;
  to: number;
  total: number;
  parts: Part[];
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/**
 * Shapley values from the plan's metric values (values[i] for plan.masks[i]). Values must
 * all be numbers; callers switch to a metric every coalition reaches when one is null.
 */
export function shapleyValues(plan: ShapleyPlan, values: number[]): Attribution {
  const n = plan.players.length;
  const v = new Map<Mask, number>();
  plan.masks.forEach((m, i) => v.set(m, values[i]!));
  const from = v.get(0)!;
  const to = n === 0 ? from : v.get(bit(n) - 1)!;
  const phi = new Array<number>(n).fill(0);
  let methodText: string;
  if (plan.method === "exact") {
    const weight = (s: number) => (factorial(s) * factorial(n - s - 1)) / factorial(n);
    for (const mask of plan.masks) {
      let size = 0;
      for (let i = 0; i < n; i++) if (has(mask, i)) size++;
      for (let i = 0; i < n; i++) {
        if (has(mask, i)) continue;
        phi[i] += weight(size) * (v.get(mask + bit(i))! - v.get(mask)!);
      }
    }
    methodText = n <= 1 ? "The only change: its share is the whole shift." : `Exact Shapley values over all ${2 ** n} combinations of the ${n} changes, on common random numbers.`;
  } else {
    for (const order of plan.orders) {
      let mask = 0;
      for (const i of order) {
        const next = mask + bit(i);
        phi[i] += v.get(next)! - v.get(mask)!;
        mask = next;
      }
    }
    for (let i = 0; i < n; i++) phi[i] /= plan.orders.length;
    methodText = `Shapley values estimated from ${plan.orders.length} random orders of the ${n} changes (each with its reverse), on common random numbers; they add up exactly to the total, each part carries sampling error.`;
  }
  return {
    method: plan.method,
    methodText,
    from,
    to,
    total: to - from,
    parts: plan.players.map((p, i) => ({ name: p.name, label: p.label, value: phi[i]! })),
  };
}

/**
 * Parts rounded to `decimals` (in display units: multiply first) so that the rounded parts
 * add up to the rounded total: largest remainders take the leftover units.
 */
export function roundParts(values: number[], total: number, decimals: number): number[] {
  const unit = 10 ** -decimals;
  const target = Math.round(total / unit);
  const floors = values.map((x) => Math.floor(x / unit));
  let left = target - floors.reduce((s, x) => s + x, 0);
  const order = values.map((x, i) => [x / unit - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const out = [...floors];
  for (let k = 0; left > 0 && k < order.length * 4; k++, left--) {
    const i = order[k % order.length]![1];
    out[i] = out[i]! + 1;
  }
  for (let k = 0; left < 0 && k < order.length * 4; k++, left++) {
    const i = order[order.length - 1 - (k % order.length)]![1];
    out[i] = out[i]! - 1;
  }
  return out.map((x) => Number((x * unit).toFixed(decimals)));
}
