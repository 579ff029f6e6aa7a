// Numbers as forecasters type them: "1e15", "3.2e17", "3.2 × 10^17", "1,000", "175B",
// "1%" for shares. Parsing never guesses: text that is not clearly one number is refused,
// and the editor then keeps the raw text so that the engine's schema reports it.
//
// Decimal shifts (%, k/M/B/T suffixes) are applied to the exponent of the decimal text
// rather than by multiplying, so "7%" reads as exactly the double nearest 0.07 and a value
// formatted by formatNumberText always parses back to itself.

import { formatQuantity, formatSci } from "../../forecast/index";

/** How a unit's numbers are written in a text field. */
export interface NumberStyle {
  /** Scientific notation ("1e15") rather than plain digits. */
  sci: boolean;
  /** Shares stored as 0–1 are written as percentages ("1%"). */
  percent: boolean;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const SUFFIX_EXPONENT: Record<string, number> = { k: 3, K: 3, M: 6, B: 9, bn: 9, T: 12 };
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?(e[+-]?\d+)?$/i;
const TIMES_TEN = /^(.*?)\s*[x×*·]\s*10\s*\^\s*([+-]?\d+)$/i;

export const NUMBER_EXAMPLES = "1e15, 3.2e17 or 1,000";

/** Units whose values are shares stored as 0–1 and shown as percentages. */
export function isShareUnit(unit: string): boolean {
  return unit === "probability" || unit.startsWith("fraction");
}

/** The unit as shown next to a text field ("fraction/year" is typed as "%/year"). */
export function displayUnit(unit: string): string {
  if (unit === "probability") return "%";
  if (unit.startsWith("fraction")) return `%${unit.slice("fraction".length)}`;
  return unit;
}

export function styleFor(unit: string, scale?: "linear" | "log"): NumberStyle {
  return { sci: scale === "log", percent: isShareUnit(unit) };
}

/** Shift the decimal point of a plain number's text by `shift` places, exactly. */
function shiftDecimal(text: string, shift: number): string {
  if (shift === 0) return text;
  const m = /^(.*?)(?:e([+-]?\d+))?$/i.exec(text)!;
  return `${m[1]}e${Number(m[2] ?? 0) + shift}`;
}

/**
 * Read one number. `percent` says what a trailing "%" means: "share" divides by 100 (for
 * 0–1 units), "literal" ignores it (for units that are already percentages).
 */
export function parseNumberText(text: string, percent: "share" | "literal" | "none" = "none"): ParsedNumber {
  let s = text
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/[\s\u00a0\u2009\u202f_]+/g, "");
  if (!s) return { ok: false, message: "Enter a number" };
  let shift = 0;
  if (s.endsWith("%")) {
    if (percent === "none") return { ok: false, message: "A percentage is not expected here" };
    s = s.slice(0, -1);
    if (percent === "share") shift -= 2;
  }
  const suffix = /(bn|[kKMBT])$/.exec(s);
  if (suffix && /\d\.?(bn|[kKMBT])$/.test(s)) {
    s = s.slice(0, -suffix[1].length);
    shift += SUFFIX_EXPONENT[suffix[1]];
  }
  const times = TIMES_TEN.exec(s);
  if (times) s = `${times[1] || "1"}e${times[2]}`;
  else if (/^10\^[+-]?\d+$/.test(s)) s = `1e${s.slice(3)}`;
  if (s.includes(",")) {
    if (!GROUPED.test(s)) return { ok: false, message: "Use commas only between thousands and a dot for decimals" };
    s = s.replace(/,/g, "");
  }
  if (!PLAIN.test(s)) return { ok: false, message: `Write a number such as ${NUMBER_EXAMPLES}` };
  const value = Number(shiftDecimal(s, shift));
  if (!Number.isFinite(value)) return { ok: false, message: "That number is too large" };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Shortest text that parses back to exactly x: "2.13e13", "0.35", "1%" (shares). */
export function formatNumberText(x: number, style: NumberStyle = { sci: false, percent: false }): string {
  if (!Number.isFinite(x)) return String(x);
  if (style.percent) {
    const pct = Number((x * 100).toPrecision(15));
    const text = `${plainOrSci(pct, false)}%`;
    const back = parseNumberText(text, "share");
    if (back.ok && back.value === x) return text;
  }
  return plainOrSci(x, style.sci);
}

function plainOrSci(x: number, sci: boolean): string {
  const ax = Math.abs(x);
  if (x !== 0 && (ax >= 1e6 || ax < 1e-4 || (sci && (ax >= 1e4 || ax < 1e-2)))) {
    return x.toExponential().replace("e+", "e");
  }
  return String(x);
}

/** A parsed value split for display as "3.2 × 10^17" (null when plain digits read better). */
export function sciParts(x: number): { mantissa: string; exponent: number } | null {
  const ax = Math.abs(x);
  if (!Number.isFinite(x) || x === 0 || (ax >= 1e-3 && ax < 1e4)) return null;
  const [m, e] = formatSci(x, 4).split("e");
  return { mantissa: m, exponent: Number(e) };
}

/**
 * Whether to show under a field how its text was read: not when the text is already the
 * canonical form ("2.5", "1e15", "3%"), but for "1,000", "175B", "3.2 × 10^17", "1E+15"…
 */
export function readingNeeded(text: string, value: number, style: NumberStyle): boolean {
  const t = text.trim();
  return t !== formatNumberText(value, style) && t !== String(value);
}

/** "between 1e13 and 1e19 FLOP/s" in the field's unit. */
export function boundsHint(min: number, max: number, unit: string, scale?: "linear" | "log"): string {
  if (isShareUnit(unit)) {
    // Written as the field is typed ("0.001%", not the engine's rounded "<0.01%").
    const pct = (x: number): string => formatNumberText(x, { sci: false, percent: true });
    return `between ${pct(min)} and ${pct(max)}${displayUnit(unit).slice(1)}`;
  }
  // Percentages and years read best with the unit on both ends; others name it once.
  const both = unit === "%" || unit === "year";
  return `between ${formatQuantity(min, both ? unit : "", scale)} and ${formatQuantity(max, unit, scale)}`;
}
