import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bioAnchors } from "../models/bio-anchors";
import { resolveInputs } from "../schema";
import type { Inputs } from "../types";
import { evaluateRuns, playersOf } from "./evaluate";
import { EXACT_LIMIT, planShapley, roundParts, shapleyValues, type Player } from "./shapley";

const players = (n: number): Player[] => Array.from({ length: n }, (_, i) => ({ name: `x${i}`, label: `X${i}`, from: 0, to: 1 }));
/** A coalition's value from the inputs a run carries: which players took their "to" value. */
const coalition = (run: Inputs, n: number): number[] => Array.from({ length: n }, (_, i) => (run[`x${i}`] === 1 ? 1 : 0));

describe("Shapley attribution", () => {
  it("adds up exactly to the total for any game, exact or sampled (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.integer(), fc.nat(), (n, salt, seed) => {
        // An arbitrary game: each coalition's value is a hash of its members.
        const game = (bits: number[]) => {
          let h = salt | 0;
          bits.forEach((b, i) => {
            h = Math.imul(h ^ (b * (i + 1) * 0x9e3779b1), 0x85ebca6b);
          });
          return ((h >>> 0) % 10_000) / 100;
        };
        const plan = planShapley({}, players(n), seed);
        expect(plan.method).toBe(n <= EXACT_LIMIT ? "exact" : "sampled");
        const a = shapleyValues(plan, plan.runs.map((r) => game(coalition(r, n))));
        const sum = a.parts.reduce((s, p) => s + p.value, 0);
        expect(sum).toBeCloseTo(a.total, 9);
        expect(a.total).toBeCloseTo(game(new Array(n).fill(1)) - game(new Array(n).fill(0)), 9);
      }),
      { numRuns: 200 },
    );
  });

  it("gives each change its own effect when effects simply add, and splits an interaction evenly", () => {
    const n = 3;
    const plan = planShapley({}, players(n), 1);
    const additive = shapleyValues(plan, plan.runs.map((r) => coalition(r, n).reduce((s, b, i) => s + b * [2, -5, 0.5][i]!, 0)));
    expect(additive.parts.map((p) => p.value)).toEqual([2, -5, 0.5].map((x) => expect.closeTo(x, 12)));
    // Only x0 and x1 together do anything: they share it, x2 gets nothing.
    const both = shapleyValues(plan, plan.runs.map((r) => (coalition(r, n)[0] && coalition(r, n)[1] ? 6 : 0)));
    expect(both.parts.map((p) => p.value)).toEqual([3, 3, 0].map((x) => expect.closeTo(x, 12)));
    expect(both.methodText).toMatch(/Exact Shapley values over all 8 combinations/);
  });

  it("samples whole orders with their reverses beyond the exact limit, within a fixed budget of runs", () => {
    const n = 12;
    const plan = planShapley({}, players(n), 7);
    expect(plan.orders.length % 2).toBe(0);
    expect(plan.orders[1]).toEqual([...plan.orders[0]!].reverse());
    expect(plan.runs.length).toBeLessThanOrEqual(2 ** EXACT_LIMIT + 2);
    expect(planShapley({}, players(n), 7).masks).toEqual(plan.masks); // reproducible from the seed
    const a = shapleyValues(plan, plan.runs.map((r) => coalition(r, n).reduce((s, b, i) => s + b * i, 0)));
    a.parts.forEach((p, i) => expect(p.value).toBeCloseTo(i, 9)); // additive games are exact even when sampled
    expect(a.methodText).toMatch(/random orders/);
  });

  it("rounds parts so that they add up to the rounded total (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2 }), (values, decimals) => {
        const total = values.reduce((s, x) => s + x, 0);
        const rounded = roundParts(values, total, decimals);
        const sum = rounded.reduce((s, x) => s + x, 0);
        expect(sum).toBeCloseTo(Number(total.toFixed(decimals)), 6);
        rounded.forEach((r, i) => expect(Math.abs(r - values[i]!)).toBeLessThanOrEqual(10 ** -decimals + 1e-9));
      }),
    );
  });
});

describe("attribution on Bio Anchors, common random numbers", () => {
  const options = { seed: 12, sampleCount: 20_000 };
  const metric = { kind: "yearAt", p: 0.5 } as const;
  const parent = resolveInputs(bioAnchors, {});

  it("gives exactly zero shift for a zero change", () => {
    const same = resolveInputs(bioAnchors, { hw_halving_years: 2.5, spend_2025: 1e9 });
    const [a, b] = evaluateRuns(bioAnchors, { options, metric, runs: [parent, same] });
    expect(b).toBe(a);
    expect(playersOf(bioAnchors, parent, same)).toEqual([]);
  });

  it("splits a real fork's shift into parts that add up to it (property over random forks)", () => {
    const choices = {
      hw_halving_years: fc.constantFrom(1.5, 2, 3),
      flop_per_dollar_2020: fc.constantFrom(3e16, 1e18),
      spend_doubling_years: fc.constantFrom(2, 3),
      tai_vs_brain_ooms: fc.constantFrom(0, 2),
      max_gdp_fraction: fc.constantFrom(0.005, 0.02),
    };
    fc.assert(
      fc.property(fc.record(choices, { requiredKeys: [] }), (changes) => {
        const fork = resolveInputs(bioAnchors, changes as Inputs);
        const ps = playersOf(bioAnchors, parent, fork);
        const plan = planShapley(parent, ps, options.seed);
        const values = evaluateRuns(bioAnchors, { options, metric, runs: plan.runs });
        const a = shapleyValues(plan, values as number[]);
        const [from, to] = evaluateRuns(bioAnchors, { options, metric, runs: [parent, fork] });
        expect(a.from).toBe(from);
        expect(a.to).toBe(to);
        expect(a.parts.reduce((s, p) => s + p.value, 0)).toBeCloseTo((to as number) - (from as number), 9);
      }),
      { numRuns: 12 },
    );
  });
});
