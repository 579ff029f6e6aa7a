// Axis helpers. FLOP spans 10+ orders of magnitude, and vega's default labels for such
// numbers ("100,000,000,000,000,000,000,000" or "1e+24") are unreadable, so every log axis
// here gets explicit whole-power-of-ten ticks labelled "1e24".

/** Whole powers (as exponents) from ceil(lo) to floor(hi), every `step`, aligned to step. */
export function exponentTicks(lo: number, hi: number, step = 1): number[] {
  const out: number[] = [];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || step <= 0) return out;
  const start = Math.ceil(lo / step) * step;
  for (let e = start; e <= Math.floor(hi) + 1e-9; e += step) out.push(Math.round(e));
  return out;
}

/** A tick step that keeps a log axis to about `maxTicks` labels: 1, 2, 3, 5 or 10 OOM. */
export function exponentStep(lo: number, hi: number, maxTicks = 8): number {
  const span = Math.max(1, hi - lo);
  return [1, 2, 3, 5, 10].find((s) => span / s <= maxTicks) ?? 10;
}

/** Label expression for a true log scale: 1e24 → "1e24" (rounded: log() is inexact). */
export const LOG_SCALE_LABEL = `"1e" + format(round(log(datum.value) / LN10), "d")`;

/** Axis for raw values on a log scale, ticks at whole powers of ten. */
export function logScaleAxis(title: string, loExp: number, hiExp: number, maxTicks = 8) {
  return {
    title,
    // Number("1e26"), not 10 ** 26, which is 9.999999999999999e25.
    values: exponentTicks(loExp, hiExp, exponentStep(loExp, hiExp, maxTicks)).map((e) => Number(`1e${e}`)),
    labelExpr: LOG_SCALE_LABEL,
  };
}

/** Domain exponents of raw positive values, widened to whole powers of ten. */
export function exponentDomain(values: readonly (number | null | undefined)[], pad = 0): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) continue;
    const e = Math.log10(v);
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  if (!Number.isFinite(lo)) return [20, 30];
  return [Math.floor(lo + 1e-9) - pad, Math.ceil(hi - 1e-9) + pad];
}

export const PERCENT_AXIS_VALUES = [0, 0.25, 0.5, 0.75, 1];

/** Probability axis 0–100% with quarter ticks; the 50% line is drawn separately. */
export function percentAxis(title: string, values: number[] = PERCENT_AXIS_VALUES) {
  return { title, values, format: ".0%" };
}

/** Year axis without thousands separators ("2,040" is vega's default for numbers). */
export function yearAxis(title: string, from: number, to: number, step = 10) {
  const values: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) values.push(y);
  return { title, values, format: "d" };
}

/** The training-compute x channel both the GPT-N and scaling-law charts use: log FLOP, 1e ticks. */
export function logFlopX(domain: [number, number], title: string) {
  return {
    field: "flop",
    type: "quantitative" as const,
    scale: { type: "log" as const, domain: [Number(`1e${domain[0]}`), Number(`1e${domain[1]}`)], nice: false },
    axis: logScaleAxis(title, domain[0], domain[1], 7),
  };
}
