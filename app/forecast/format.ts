// The one number formatter: every headline, diff, chart label and text alternative writes a
// value through here, so a fork card never shows "38%" in one place and "37.5%" in another.
// Every function is total: values come from storage and old engine versions, so null,
// undefined and NaN read as words, never throw.

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** The last year the date models cover; a year not reached by then reads "after 2100". */
export const LAST_MODELLED_YEAR = 2100;

/** Scientific notation with up to `digits` significant digits: 1e24, 3.2e23, -5e-4. */
export function formatSci(x: number | null | undefined, digits = 3): string {
  if (!finite(x)) return "n/a";
  if (x === 0) return "0";
  const [mantissa, exponent] = x.toExponential(Math.max(0, digits - 1)).split("e");
  const m = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return `${m}e${Number(exponent)}`;
}

/**
 * A plain readable number: integers as they are, other values with up to `digits`
 * significant digits, and very large or very small magnitudes in scientific notation.
 */
export function formatNumber(x: number | null | undefined, digits = 3): string {
  if (!finite(x)) return "n/a";
  const ax = Math.abs(x);
  if (ax !== 0 && (ax >= 1e6 || ax < 1e-3)) return formatSci(x, digits);
  if (Number.isInteger(x)) return String(x);
  if (ax >= 10 ** digits) return String(Math.round(x));
  return String(Number(x.toPrecision(digits)));
}

/** Counts of parameters or tokens: 6.93e10 → "69.3B", 1.39e12 → "1.39T". */
export function formatCount(x: number | null | undefined): string {
  if (!finite(x)) return "n/a";
  const ax = Math.abs(x);
  if (ax >= 1e15) return formatSci(x, 2);
  const units: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  for (const [size, suffix] of units) {
    if (ax >= size) return `${Number((x / size).toPrecision(3))}${suffix}`;
  }
  return String(Number(x.toPrecision(3)));
}

/** Dollars as people write them: 1e9 → "$1B", 3e8 → "$300M", 45000 → "$45K", 0.01 → "$0.01". */
export function formatMoney(x: number | null | undefined): string {
  if (!finite(x)) return "n/a";
  const sign = x < 0 ? "-" : "";
  const ax = Math.abs(x);
  if (ax >= 1e15 || (ax > 0 && ax < 1e-3)) return `${sign}$${formatSci(ax, 3)}`;
  const units: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  for (const [size, suffix] of units) {
    if (ax >= size) return `${sign}$${Number((ax / size).toPrecision(3))}${suffix}`;
  }
  return `${sign}$${formatNumber(ax)}`;
}

/** 0.0772 → "7.7%", 0.38 → "38%". Tiny non-zero shares read "<0.1%" rather than a misleading "0%". */
export function formatPercent(p: number | null | undefined, decimals = 1): string {
  if (!finite(p)) return "n/a";
  const pct = p * 100;
  const unit = 10 ** -decimals;
  if (pct > 0 && pct < unit) return `<${unit}%`;
  if (pct < 100 && pct > 100 - unit) return `>${100 - unit}%`;
  const text = pct.toFixed(decimals);
  return `${decimals > 0 ? text.replace(/\.?0+$/, "") : text}%`;
}

/** A year as an integer; null (not reached in the modelled range) as "after 2100". */
export function formatYear(year: number | null | undefined, rangeEnd = LAST_MODELLED_YEAR): string {
  if (year === null) return `after ${rangeEnd}`;
  return finite(year) ? String(Math.round(year)) : "n/a";
}

/**
 * A year read on the straight line between whole years, to a tenth (2052.1); null (not
 * reached in range) as "after 2100". Its whole year is this rounded up (ADR 016).
 */
export function formatFractionalYear(year: number | null | undefined, rangeEnd = LAST_MODELLED_YEAR): string {
  if (year === null) return `after ${rangeEnd}`;
  return finite(year) ? year.toFixed(1) : "n/a";
}

/**
 * A signed difference in its unit, with a true minus: "+1.4 years", "−3.2 pp" (from a
 * difference of shares, 0.032), "+0.5 OOM"; a difference that rounds to nothing reads "±0.0".
 */
export function formatDelta(delta: number | null | undefined, unit: "years" | "pp" | "OOM" | "", decimals = 1): string {
  if (!finite(delta)) return "n/a";
  const rounded = Number((unit === "pp" ? delta * 100 : delta).toFixed(decimals));
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  const suffix = unit === "years" ? (Math.abs(rounded) === 1 ? " year" : " years") : unit ? ` ${unit}` : "";
  return `${sign}${Math.abs(rounded).toFixed(decimals)}${suffix}`;
}

/** A headline value as a reader expects it: years as integers, shares as %, FLOP in 1e notation. */
export function formatHeadline(h: { format: string; value: number | null | undefined }): string {
  if (h.value === null && h.format !== "year") return "not reached";
  switch (h.format) {
    case "year":
      return formatYear(h.value);
    case "probability":
      return formatPercent(h.value);
    case "flop":
      return finite(h.value) ? `${formatSci(h.value, 2)} FLOP` : "n/a";
    case "loss":
      return finite(h.value) ? h.value.toFixed(3) : "n/a";
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

/** Percentile names from shares: 0.05 → "5th", 0.5 → "50th", 0.01 → "1st", 0.025 → "2.5th". */
export function percentileName(p: number): string {
  const n = Number((p * 100).toPrecision(4));
  const whole = Number.isInteger(n) ? n % 100 : -1;
  const suffix = whole >= 11 && whole <= 13 ? "th" : whole % 10 === 1 ? "st" : whole % 10 === 2 ? "nd" : whole % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2028-12-31" → "31 December 2028"; anything else comes back unchanged. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
