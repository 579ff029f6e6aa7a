// Number formatting shared by distributions.ts (describeDistribution) and diff.ts.
// Kept separate so those two modules do not import each other.

/** Scientific notation with up to `digits` significant digits: 1e24, 3.2e23, -5e-4. */
export function formatSci(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const [mantissa, exponent] = x.toExponential(Math.max(0, digits - 1)).split("e");
  const m = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return `${m}e${Number(exponent)}`;
}

/**
 * A plain readable number: integers as they are, other values with up to `digits`
 * significant digits, and very large or very small magnitudes in scientific notation.
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const ax = Math.abs(x);
  if (ax !== 0 && (ax >= 1e6 || ax < 1e-3)) return formatSci(x, digits);
  if (Number.isInteger(x)) return String(x);
  if (ax >= 10 ** digits) return String(Math.round(x));
  return String(Number(x.toPrecision(digits)));
}

/** 0.0772 → "7.7%". Tiny non-zero shares read "<0.1%" rather than a misleading "0%". */
export function formatPercent(p: number, decimals = 1): string {
  if (!Number.isFinite(p)) return String(p);
  const pct = p * 100;
  const unit = 10 ** -decimals;
  if (pct > 0 && pct < unit) return `<${unit}%`;
  if (pct < 100 && pct > 100 - unit) return `>${100 - unit}%`;
  const text = pct.toFixed(decimals);
  return `${decimals > 0 ? text.replace(/\.?0+$/, "") : text}%`;
}

/** A year as an integer; null (not reached in the modelled range) as "> 2100". */
export function formatYear(year: number | null, rangeEnd = 2100): string {
  if (year === null || !Number.isFinite(year)) return `> ${rangeEnd}`;
  return String(Math.round(year));
}

/** A headline value as a reader expects it: years as integers, shares as %, FLOP in 1e notation. */
export function formatHeadline(h: { format: string; value: number | null }): string {
  if (h.value === null) return h.format === "year" ? formatYear(null) : "not reached";
  switch (h.format) {
    case "year":
      return formatYear(h.value);
    case "probability":
      return formatPercent(h.value);
    case "flop":
      return `${formatSci(h.value, 2)} FLOP`;
    case "loss":
      return h.value.toFixed(3);
    default:
      return formatNumber(h.value);
  }
}

/** A Monte Carlo standard error in the headline's own terms: years to a tenth, shares in points. */
export function formatStandardError(h: { format: string; se?: number }): string | null {
  if (h.se === undefined || !Number.isFinite(h.se) || h.se <= 0) return null;
  if (h.format === "year") return `±${h.se < 0.05 ? "<0.1" : h.se.toFixed(1)} yr`;
  if (h.format === "probability") return `±${h.se * 100 < 0.05 ? "<0.1" : (h.se * 100).toFixed(1)} pp`;
  return `±${formatNumber(h.se, 2)}`;
}
