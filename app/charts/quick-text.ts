// Words and tables for quick forecasts: the text alternative of one answer, what an answer
// changes against the one it forks, and the data behind each chart.
import { formatDay, questionRow, type QuestionRow } from "../forecast/quick/common";
import type { ForecastResult, Headline } from "../forecast/types";
import { cdfRows, isNum, series } from "./data";
import { formatPercent, formatSci } from "../forecast/format";

/** The same shape as table.ts's ResultTable (declared here so the two modules do not import each other). */
interface QuickTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

const findHeadline = (result: ForecastResult, key: string): Headline | undefined =>
  Array.isArray(result?.headlines) ? result.headlines.find((h) => h && h.key === key) : undefined;

export const QUICK_IDS = new Set(["quick-probability", "quick-date", "quick-quantity"]);

export const isQuick = (result: ForecastResult | null | undefined): boolean => QUICK_IDS.has(result?.modelId ?? "");

/** A probability as people state it: "35%", "22.5%", "0.1%". */
export function pct(p: number | null | undefined): string {
  return formatPercent(p, 1);
}

/** A quantity in its unit: plain up to 1e5, then 1e notation ("3e26 FLOP"). */
export function quantity(x: number | null | undefined, unit = ""): string {
  if (!isNum(x)) return "n/a";
  const ax = Math.abs(x);
  const text = ax !== 0 && (ax >= 1e5 || ax < 1e-3) ? formatSci(x, 2) : String(Number(x.toPrecision(3)));
  return unit ? `${text} ${unit}` : text;
}

const year = (x: number | null | undefined) => (isNum(x) ? String(Math.round(x)) : "n/a");

/** A headline value of a quick result in words, in the question's unit. */
export function quickValue(result: ForecastResult, h: Pick<Headline, "format" | "value"> | undefined): string {
  if (!h) return "n/a";
  if (result.modelId === "quick-probability") return pct(h.value);
  if (result.modelId === "quick-date") return year(h.value);
  return quantity(h.value, questionRow(result)?.unit ?? "");
}

function quoted(q: QuestionRow | null): string {
  return q ? `“${q.text}”` : "This question";
}

/** The text alternative of one quick answer. */
export function describeQuick(result: ForecastResult): string {
  const q = questionRow(result);
  if (result.modelId === "quick-probability") {
    const p = findHeadline(result, "probability");
    return `${quoted(q)}${q?.deadline ? `, by ${formatDay(q.deadline)}` : ""}: ${pct(p?.value)}.`;
  }
  const [median, p5, p95] = ["median", "p5", "p95"].map((k) => quickValue(result, findHeadline(result, k)));
  return `${quoted(q)}: median ${median}; 90% interval ${p5} to ${p95}.`;
}

/** "35% → 22%" or "median 2031 → 2035": what an answer changes against the one it forks. */
export function quickShiftParts(parent: ForecastResult, fork: ForecastResult): string[] {
  const arrow = (label: string, a: string, b: string) => (a === b ? `${label}unchanged at ${a}` : `${label}${a} → ${b}`);
  if (parent.modelId === "quick-probability") {
    return [arrow("", quickValue(parent, findHeadline(parent, "probability")), quickValue(fork, findHeadline(fork, "probability")))];
  }
  const v = (r: ForecastResult, k: string) => quickValue(r, findHeadline(r, k));
  const range = (r: ForecastResult) => `${v(r, "p5")} to ${v(r, "p95")}`;
  return [arrow("median ", v(parent, "median"), v(fork, "median")), arrow("90% interval ", range(parent), range(fork))];
}

/** The data of a quick answer's chart, for "Show data". */
export function quickTable(result: ForecastResult): QuickTable {
  const q = questionRow(result);
  if (result.modelId === "quick-probability") {
    return { caption: q ? `Answer to “${q.text}”` : "Answer", columns: ["Question", "Probability"], rows: [[q?.text ?? "", pct(findHeadline(result, "probability")?.value)]] };
  }
  if (result.modelId === "quick-date") {
    const rows = cdfRows(result);
    const step = rows.length > 40 ? 5 : 1;
    const years = rows.filter((r) => Number.isInteger(r.year) && r.year % step === 0);
    return {
      caption: "Probability it has happened by each year",
      columns: ["Year", "Probability"],
      rows: years.map((r) => [r.year, formatPercent(r.p, 1)]),
    };
  }
  const unit = q?.unit ?? "";
  const stated = series(result, "stated").filter((r) => isNum(r.p) && isNum(r.x));
  return {
    caption: "Stated percentiles",
    columns: ["Percentile", unit ? `Value (${unit})` : "Value"],
    rows: stated.map((r) => [`${Number(((r.p as number) * 100).toPrecision(4))}th`, quantity(r.x as number)]),
  };
}
