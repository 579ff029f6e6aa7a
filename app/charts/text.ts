// Words for charts: the text alternative of a result and the
// parent → fork shift. Every function is total: results come from storage and old engine
// versions, so a missing headline or a null/NaN value must read as words, never throw.
import { formatCount, formatHeadline, formatNumber, formatPercent, formatYear } from "../forecast/format";
import type { ForecastResult, Headline } from "../forecast/types";
import { describeQuick, isQuick, quickShiftParts } from "./quick-text";

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
    const range = p10 && p90 ? ` (10th–90th percentile: ${formatYear(p10.value)} to ${formatYear(p90.value)})` : "";
    parts.push(`Median arrival ${formatYear(median.value)}${range}.`);
  }
  const probs = probHeadlines(result);
  if (probs.length) {
    const [first, ...rest] = probs;
    const tail = rest.map((h) => `by ${probYear(h) ?? h.label} ${formatPercent(h.value)}`);
    parts.push(`${first.label} ${formatPercent(first.value)}${tail.length ? `, ${tail.join(", ")}` : ""}.`);
  }
  return parts.join(" ");
}

function describeGpt(result: ForecastResult): string {
  const main = [50, 80, 90, 95].map((t) => findHeadline(result, `flop_${t}`)).filter((h): h is Headline => !!h);
  const alt = findHeadline(result, "alt_flop_80");
  if (!main.length) return describeGeneric(result);
  const reach = main.map((h) => `${/(\d+)%/.exec(h.label)?.[1] ?? "?"}% at ${formatHeadline(h)}`);
  const fit = fitName(main[0]);
  const altText = alt ? `; ${fitName(alt) ?? "other"} fit: 80% at ${formatHeadline(alt)}` : "";
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
    parts.push(`Predicted loss at the chosen (N, D): ${formatHeadline(loss)} nats/token${law ? ` (${law})` : ""}${compute ? `, for ${formatHeadline(compute)} of training compute` : ""}.`);
  }
  if (n && d) {
    const r = ratio ? ` (${formatNumber(ratio.value)} tokens per parameter)` : "";
    parts.push(`Compute-optimal allocation of the budget: ${formatCount(n.value)} parameters on ${formatCount(d.value)} tokens${r}${lossOpt ? `, loss ${formatHeadline(lossOpt)}` : ""}.`);
  }
  return parts.length ? parts.join(" ") : describeGeneric(result);
}

/** What a Squiggle forecast's output is (docs/decisions/018); results of other models read as years. */
export function outputKind(result: ForecastResult | null | undefined): "year" | "quantity" | "probability" {
  const kind = result?.output?.kind;
  return kind === "quantity" || kind === "probability" ? kind : "year";
}

export const squiggleLabel = (result: ForecastResult, fallback: string): string => result.output?.label?.trim() || fallback;

export function withUnit(x: number | null | undefined, result: ForecastResult): string {
  const unit = result.output?.unit;
  return `${formatNumber(x)}${unit ? ` ${unit}` : ""}`;
}

/** "Median 2031 · 10th–90th percentile 2028 to 2040 · P(by 2036) 64%": an arrival-year forecast (Bio Anchors, a Squiggle year). */
export function yearSubtitle(result: ForecastResult, compact: boolean): string {
  const median = findHeadline(result, "median");
  const p10 = findHeadline(result, "p10");
  const p90 = findHeadline(result, "p90");
  const p2036 = findHeadline(result, "p2036");
  const parts: string[] = [];
  if (median) parts.push(`Median ${formatYear(median.value)}`);
  if (p10 && p90 && !compact) parts.push(`10th–90th percentile ${formatYear(p10.value)} to ${formatYear(p90.value)}`);
  if (p2036) parts.push(`P(by 2036) ${formatPercent(p2036.value)}`);
  return parts.join(" · ");
}

/** "Median 3e27 FLOP · 90% interval 1e27 to 1e28 FLOP" */
export function quantitySubtitle(result: ForecastResult): string {
  const m = findHeadline(result, "q50");
  const lo = findHeadline(result, "q05");
  const hi = findHeadline(result, "q95");
  return [m ? `Median ${withUnit(m.value, result)}` : "", lo && hi ? `90% interval ${formatNumber(lo.value)} to ${withUnit(hi.value, result)}` : ""].filter(Boolean).join(" · ");
}

/** The result in words (the chart's text alternative). Years read like Bio Anchors' (describeCdf). */
function describeSquiggle(result: ForecastResult): string | null {
  switch (outputKind(result)) {
    case "quantity": {
      const text = quantitySubtitle(result);
      return text ? `${squiggleLabel(result, "The output")}: ${text.replace(" · ", "; ")}.` : null;
    }
    case "probability":
      return `${squiggleLabel(result, "Probability")}: ${formatPercent(findHeadline(result, "probability")?.value)}.`;
    default:
      return null;
  }
}

/** What a fork changed, most important headline first; null for years (the CDF wording applies). */
function squiggleShiftParts(parent: ForecastResult, fork: ForecastResult): string[] | null {
  const kind = outputKind(fork);
  if (outputKind(parent) !== kind) return [`the output changed from a ${outputKind(parent)} to a ${kind}`];
  const move = (name: string, a: string, b: string) => (a === b ? `${name} unchanged at ${a}` : `${name} ${a} → ${b}`);
  if (kind === "probability") {
    const p = (r: ForecastResult) => formatPercent(findHeadline(r, "probability")?.value);
    return [move("probability", p(parent), p(fork))];
  }
  if (kind === "quantity") {
    const q = (r: ForecastResult, k: string) => withUnit(findHeadline(r, k)?.value, r);
    return [move("median", q(parent, "q50"), q(fork, "q50")), move("95th percentile", q(parent, "q95"), q(fork, "q95"))];
  }
  return null;
}


function describeGeneric(result: ForecastResult): string {
  const hs = headlines(result).filter((h) => h && typeof h.label === "string");
  if (!hs.length) return "No headline numbers.";
  return `${hs.map((h) => `${h.label}: ${formatHeadline(h)}`).join("; ")}.`;
}

/** A text alternative for the chart, in words, from the headlines. */
export function describeResult(result: ForecastResult): string {
  if (isQuick(result)) return describeQuick(result);
  switch (result?.modelId) {
    case "gpt-extrapolation":
      return describeGpt(result);
    case "scaling-laws":
      return describeScaling(result);
    case "squiggle":
      return describeSquiggle(result) ?? describeCdf(result);
    default:
      return findHeadline(result, "median") || probHeadlines(result).length ? describeCdf(result) : describeGeneric(result);
  }
}

/** "median arrival 2052 → 2041"; equal values read "unchanged at 2052". */
function shift(label: string, from: string, to: string): string {
  return from === to ? `${label} unchanged at ${from}` : `${label} ${from} → ${to}`;
}

/** The headline differences between a parent and its fork, most important first. */
export function shiftParts(parent: ForecastResult, fork: ForecastResult): string[] {
  if (parent?.modelId !== fork?.modelId) return [`different models (${parent?.modelId ?? "?"} vs ${fork?.modelId ?? "?"})`];
  if (isQuick(parent)) return quickShiftParts(parent, fork);
  const squiggle = parent.modelId === "squiggle" ? squiggleShiftParts(parent, fork) : null;
  if (squiggle) return squiggle;
  const pair = (key: string) => [findHeadline(parent, key), findHeadline(fork, key)] as const;
  const parts: string[] = [];
  if (parent.modelId === "gpt-extrapolation") {
    const [a, b] = pair("flop_80");
    if (a && b) {
      const fa = fitName(a);
      const fb = fitName(b);
      const fits = fa === fb ? "" : ` (${fa ?? "?"} → ${fb ?? "?"} fit)`;
      parts.push(shift(`compute for 80%${fits}`, formatHeadline(a), formatHeadline(b)));
    }
  } else if (parent.modelId === "scaling-laws") {
    const [la, lb] = pair("loss_nd");
    if (la && lb) parts.push(shift("loss at (N, D)", formatHeadline(la), formatHeadline(lb)));
    const [ca, cb] = pair("compute_nd");
    if (ca && cb) parts.push(shift("compute", formatHeadline(ca), formatHeadline(cb)));
  } else {
    const [ma, mb] = pair("median");
    if (ma && mb) parts.push(shift("median arrival", formatYear(ma.value), formatYear(mb.value)));
    const probA = findHeadline(parent, "p2036") ?? probHeadlines(parent)[0];
    const probB = probA ? findHeadline(fork, probA.key) : undefined;
    if (probA && probB) parts.push(shift(`P(by ${probYear(probA) ?? "?"})`, formatPercent(probA.value), formatPercent(probB.value)));
  }
  if (!parts.length) {
    // Unknown model: the first two headlines the two results share.
    for (const a of headlines(parent)) {
      const b = a && findHeadline(fork, a.key);
      if (a && b && parts.length < 2) parts.push(shift(String(a.label ?? a.key), formatHeadline(a), formatHeadline(b)));
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
