// Words for charts: number formatting, the text alternative of a result, and the
// parent → fork shift. Every function is total: results come from storage and old engine
// versions, so a missing headline or a null/NaN value must read as words, never throw.
import type { ForecastResult, Headline } from "../forecast/types";

const LAST_YEAR = 2100;

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** 2052; null means "not reached in the modelled range". */
export function fmtYear(v: number | null | undefined, rangeEnd = LAST_YEAR): string {
  if (v === null) return `after ${rangeEnd}`;
  return finite(v) ? String(Math.round(v)) : "n/a";
}

/** 0.186 → "19%" (or "18.6%" with decimals = 1); tiny non-zero shares read "<1%", not "0%". */
export function fmtPct(p: number | null | undefined, decimals = 0): string {
  if (!finite(p)) return "n/a";
  const unit = 10 ** -decimals;
  const pct = p * 100;
  if (pct > 0 && pct < unit / 2) return `<${unit}%`;
  if (pct < 100 && pct > 100 - unit / 2) return `>${100 - unit}%`;
  return `${pct.toFixed(decimals)}%`;
}

/** 4.7278e24 → "4.7e24" (two significant digits; readers compare orders of magnitude). */
export function fmtSci(x: number | null | undefined, digits = 2): string {
  if (!finite(x)) return "n/a";
  if (x === 0) return "0";
  const [m, e] = x.toExponential(Math.max(0, digits - 1)).split("e");
  const mantissa = m.includes(".") ? m.replace(/\.?0+$/, "") : m;
  return `${mantissa}e${Number(e)}`;
}

/** Counts of parameters or tokens: 6.93e10 → "69B", 1.39e12 → "1.4T". */
export function fmtCount(x: number | null | undefined): string {
  if (!finite(x)) return "n/a";
  const ax = Math.abs(x);
  const units: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  if (ax >= 1e15) return fmtSci(x);
  for (const [size, suffix] of units) {
    if (ax >= size) return `${Number((x / size).toPrecision(3))}${suffix}`;
  }
  return String(Number(x.toPrecision(3)));
}

export function fmtNumber(x: number | null | undefined): string {
  if (!finite(x)) return "n/a";
  const ax = Math.abs(x);
  if (ax !== 0 && (ax >= 1e6 || ax < 1e-3)) return fmtSci(x, 3);
  return String(Number(x.toPrecision(3)));
}

export function fmtHeadline(h: Pick<Headline, "format" | "value">): string {
  switch (h.format) {
    case "year":
      return fmtYear(h.value);
    case "probability":
      return fmtPct(h.value);
    case "flop":
      return h.value === null ? "not reached" : fmtSci(h.value);
    case "loss":
      return finite(h.value) ? h.value.toFixed(3) : "n/a";
    default:
      return fmtNumber(h.value);
  }
}

function headlines(result: ForecastResult | null | undefined): Headline[] {
  return Array.isArray(result?.headlines) ? result.headlines : [];
}

export function findHeadline(result: ForecastResult | null | undefined, key: string): Headline | undefined {
  return headlines(result).find((h) => h && h.key === key);
}

/** The year of a "P(TAI by 2036)"-style headline, from its key (p2036) or label. */
function probYear(h: Headline): string | null {
  const m = /(\d{4})/.exec(h.key) ?? /(\d{4})/.exec(h.label ?? "");
  return m ? m[1] : null;
}

function probHeadlines(result: ForecastResult): Headline[] {
  return headlines(result).filter((h) => h && h.format === "probability");
}

/** Which fit the GPT-N headlines use: named in the label, "(logistic fit)". */
function fitName(h: Headline | undefined): string | null {
  const m = /\((\w+) fit\)/.exec(h?.label ?? "");
  return m ? m[1] : null;
}

/** The law named in a scaling-law headline label ("Predicted loss at (N, D): <law>"). */
export function lawName(h: Headline | undefined): string | null {
  const i = h?.label?.lastIndexOf(": ") ?? -1;
  return h && i >= 0 ? h.label.slice(i + 2) : null;
}

function describeCdf(result: ForecastResult): string {
  const median = findHeadline(result, "median");
  const p10 = findHeadline(result, "p10");
  const p90 = findHeadline(result, "p90");
  const parts: string[] = [];
  if (median) {
    const range = p10 && p90 ? ` (10th–90th percentile: ${fmtYear(p10.value)} to ${fmtYear(p90.value)})` : "";
    parts.push(`Median arrival ${fmtYear(median.value)}${range}.`);
  }
  const probs = probHeadlines(result);
  if (probs.length) {
    const [first, ...rest] = probs;
    const tail = rest.map((h) => `by ${probYear(h) ?? h.label} ${fmtPct(h.value)}`);
    parts.push(`${first.label} ${fmtPct(first.value)}${tail.length ? `, ${tail.join(", ")}` : ""}.`);
  }
  return parts.join(" ");
}

function describeGpt(result: ForecastResult): string {
  const main = [50, 80, 90, 95].map((t) => findHeadline(result, `flop_${t}`)).filter((h): h is Headline => !!h);
  const alt = findHeadline(result, "alt_flop_80");
  if (!main.length) return describeGeneric(result);
  const reach = main.map((h) => `${/(\d+)%/.exec(h.label)?.[1] ?? "?"}% at ${fmtHeadline(h)}${h.value === null ? "" : " FLOP"}`);
  const fit = fitName(main[0]);
  const altText = alt ? `; ${fitName(alt) ?? "other"} fit: 80% at ${fmtHeadline(alt)}${alt.value === null ? "" : " FLOP"}` : "";
  return `Normalised benchmark performance reaches ${reach.join(", ")} (${fit ?? "chosen"} fit${altText}).`;
}

function describeScaling(result: ForecastResult): string {
  const loss = findHeadline(result, "loss_nd");
  const compute = findHeadline(result, "compute_nd");
  const n = findHeadline(result, "n_opt");
  const d = findHeadline(result, "d_opt");
  const ratio = findHeadline(result, "tokens_per_param_opt");
  const lossOpt = findHeadline(result, "loss_opt");
  const parts: string[] = [];
  if (loss) {
    const law = lawName(loss);
    parts.push(`Predicted loss at the chosen (N, D): ${fmtHeadline(loss)} nats/token${law ? ` (${law})` : ""}${compute ? `, for ${fmtHeadline(compute)} FLOP of training compute` : ""}.`);
  }
  if (n && d) {
    const r = ratio ? ` (${fmtNumber(ratio.value)} tokens per parameter)` : "";
    parts.push(`Compute-optimal allocation of the budget: ${fmtCount(n.value)} parameters on ${fmtCount(d.value)} tokens${r}${lossOpt ? `, loss ${fmtHeadline(lossOpt)}` : ""}.`);
  }
  return parts.length ? parts.join(" ") : describeGeneric(result);
}

function describeGeneric(result: ForecastResult): string {
  const hs = headlines(result).filter((h) => h && typeof h.label === "string");
  if (!hs.length) return "No headline numbers.";
  return `${hs.map((h) => `${h.label}: ${fmtHeadline(h)}`).join("; ")}.`;
}

/** A text alternative for the chart, in words, from the headlines. */
export function describeResult(result: ForecastResult): string {
  switch (result?.modelId) {
    case "gpt-extrapolation":
      return describeGpt(result);
    case "scaling-laws":
      return describeScaling(result);
    default:
      return findHeadline(result, "median") || probHeadlines(result).length ? describeCdf(result) : describeGeneric(result);
  }
}

/** "median arrival 2052 → 2041"; equal values read "unchanged at 2052". */
function shift(label: string, from: string, to: string, unit = ""): string {
  const u = unit ? ` ${unit}` : "";
  return from === to ? `${label} unchanged at ${from}${u}` : `${label} ${from} → ${to}${u}`;
}

/** The headline differences between a parent and its fork, most important first. */
export function shiftParts(parent: ForecastResult, fork: ForecastResult): string[] {
  if (parent?.modelId !== fork?.modelId) return [`different models (${parent?.modelId ?? "?"} vs ${fork?.modelId ?? "?"})`];
  const pair = (key: string) => [findHeadline(parent, key), findHeadline(fork, key)] as const;
  const parts: string[] = [];
  if (parent.modelId === "gpt-extrapolation") {
    const [a, b] = pair("flop_80");
    if (a && b) {
      const fa = fitName(a);
      const fb = fitName(b);
      const fits = fa === fb ? "" : ` (${fa ?? "?"} → ${fb ?? "?"} fit)`;
      parts.push(shift(`FLOP for 80%${fits}`, fmtHeadline(a), fmtHeadline(b)));
    }
  } else if (parent.modelId === "scaling-laws") {
    const [la, lb] = pair("loss_nd");
    if (la && lb) parts.push(shift("loss at (N, D)", fmtHeadline(la), fmtHeadline(lb)));
    const [ca, cb] = pair("compute_nd");
    if (ca && cb) parts.push(shift("compute", fmtHeadline(ca), fmtHeadline(cb), "FLOP"));
  } else {
    const [ma, mb] = pair("median");
    if (ma && mb) parts.push(shift("median arrival", fmtYear(ma.value), fmtYear(mb.value)));
    const probA = findHeadline(parent, "p2036") ?? probHeadlines(parent)[0];
    const probB = probA ? findHeadline(fork, probA.key) : undefined;
    if (probA && probB) parts.push(shift(`P(by ${probYear(probA) ?? "?"})`, fmtPct(probA.value), fmtPct(probB.value)));
  }
  if (!parts.length) {
    // Unknown model: the first two headlines the two results share.
    for (const a of headlines(parent)) {
      const b = a && findHeadline(fork, a.key);
      if (a && b && parts.length < 2) parts.push(shift(String(a.label ?? a.key), fmtHeadline(a), fmtHeadline(b)));
    }
  }
  return parts.length ? parts : ["no comparable headline numbers"];
}

/** "median arrival 2052 → 2041; P(by 2036) 17% → 34%": the overlay's text alternative. */
export function describeShift(parent: ForecastResult, fork: ForecastResult): string {
  return shiftParts(parent, fork).join("; ");
}

/** The same shift as a chart subtitle: "Median 2052 → 2041 · P(by 2036) 19% → 34%". */
export function shiftSubtitle(parent: ForecastResult, fork: ForecastResult): string {
  const parts = shiftParts(parent, fork).map((p) => p.replace(/^median arrival/, "median"));
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(" · ");
}
