// Sensitivity ("tornado"): the metric with each input at its low and at its high end, all
// other inputs as they are, every run on the same seed (common random numbers), sorted by
// how far each input moves it.

import type { ForecastModel, Inputs } from "../types";
import { sensitivityFactors, withInput, type Factor } from "./factors";
import type { Metric } from "./metric";

export interface TornadoPlan {
  factors: Factor[];
  /** runs[0] is the base; then every factor's variants in order. */
  runs: Inputs[];
}

export function planTornado(model: ForecastModel, inputs: Inputs): TornadoPlan {
  const factors = sensitivityFactors(model, inputs);
  const runs: Inputs[] = [inputs];
  for (const f of factors) for (const v of f.variants) runs.push(withInput(inputs, f.input, v.value));
  return { factors, runs };
}

export interface TornadoEnd {
  key: string;
  text: string;
  /** The metric at this end; null when not reached in the modelled range. */
  value: number | null;
}

export interface TornadoBar {
  id: string;
  input: string;
  label: string;
  group: string;
  rule: string;
  /** The end that gives the lowest and the highest metric (for a choice, the extreme options). */
  low: TornadoEnd;
  high: TornadoEnd;
  ends: TornadoEnd[];
  /** Span of the metric over the base and every end, in the metric's unit; null ends count as the range end. */
  swing: number;
  /** Some end is not reached in the modelled range ("after 2100"): its swing is at least this. */
  censored: boolean;
}

export interface Tornado {
  metric: Metric;
  base: number | null;
  bars: TornadoBar[];
  /** The year null year-values are drawn at (the modelled range's end). */
  rangeEnd: number;
  runs: number;
}

/** Assemble a plan's metric values (values[i] for plan.runs[i]) into bars, largest swing first. */
export function assembleTornado(plan: TornadoPlan, values: (number | null)[], metric: Metric, rangeEnd = 2100): Tornado {
  const base = values[0] ?? null;
  const censor = (v: number | null) => (v === null && metric.kind === "yearAt" ? rangeEnd : v);
  let k = 1;
  const bars: (TornadoBar & { order: number })[] = plan.factors.map((f, order) => {
    const ends: TornadoEnd[] = f.variants.map((v) => ({ key: v.key, text: v.text, value: values[k++] ?? null }));
    const known = ends.filter((e) => censor(e.value) !== null);
    const by = (e: TornadoEnd) => censor(e.value) as number;
    const low = known.length ? known.reduce((a, b) => (by(b) < by(a) ? b : a)) : ends[0]!;
    const high = known.length ? known.reduce((a, b) => (by(b) >= by(a) ? b : a)) : ends[ends.length - 1]!;
    const points = [censor(base), ...ends.map((e) => censor(e.value))].filter((v): v is number => v !== null);
    const swing = points.length ? Math.max(...points) - Math.min(...points) : 0;
    const censored = metric.kind === "yearAt" && [base, ...ends.map((e) => e.value)].some((v) => v === null);
    return { id: f.id, input: f.input, label: f.label, group: f.group, rule: f.rule, low, high, ends, swing, censored, order };
  });
  // Ties keep the model's input order, so equal bars never swap between runs.
  bars.sort((a, b) => b.swing - a.swing || a.order - b.order);
  return { metric, base, bars: bars.map(({ order: _order, ...bar }) => bar), rangeEnd, runs: plan.runs.length };
}
