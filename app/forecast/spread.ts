// The thread's view of each assumption: for every input some fork changed, where each
// author's latest fork puts it relative to the post. Pure, so the post page, exports and
// tests all read the same numbers.

import { canonicalJson } from "./canonical";
import { distributionMedian, toLog10Normal, toNormal } from "./distributions";
import { formatInputValue, formatQuantity } from "./diff";
import { bisect } from "./fit";
import type { Distribution, InputDef, InputValue, Inputs, TableRow } from "./types";

export interface SpreadFork {
  /** Anything that identifies the author across forks (a user id). */
  authorKey: string | number;
  authorName: string;
  commentId: number;
  /** Milliseconds since the epoch; decides which of an author's forks is their latest. */
  createdAt: number;
  inputs: Inputs;
}

export interface SpreadHolder {
  authorName: string;
  commentId: number;
  /** Position on the input's scale; null for choices. */
  value: number | null;
  /** The value as the engine formats it (for distributions, their central value). */
  text: string;
  /** The full stated value when it is more than one number ("90% CI 1e13 to 1e17 FLOP/s"). */
  detail: string | null;
}

export interface InputSpread {
  /** Input name, or "input.row.column" for one cell of a table input. */
  key: string;
  label: string;
  unit: string;
  kind: "number" | "choice";
  scale: "linear" | "log";
  /** True when values are distributions placed at their medians. */
  central: boolean;
  post: { value: number | null; text: string };
  /** Authors whose latest fork differs from the post here, lowest value first. */
  holders: SpreadHolder[];
  /** Authors whose latest fork keeps the post's value. */
  kept: number;
  /** Forks (any, not only latest) whose value differs from the post's. */
  forks: number;
  min: number | null;
  median: number | null;
  max: number | null;
  /** Which authors hold which value, most held first. */
  groups: { text: string; authors: string[] }[];
  /** "3 authors: 1e13 – 1e16 FLOP/s (post: 1e15 FLOP/s)" */
  summary: string;
}

/** One comparable quantity read out of an input value: a number, a table cell or a choice; its spread is described by the same fields. */
interface Facet extends Pick<InputSpread, "key" | "label" | "unit" | "kind" | "scale" | "central"> {
  name: string;
  read(value: InputValue | undefined): { same: string; value: number | null; text: string; detail: string | null } | null;
}

function facetsOf(def: InputDef): Facet[] {
  const valueOf = (v: InputValue | undefined) => (v === undefined ? def.default : v);
  switch (def.kind) {
    case "number":
      return [{
        name: def.name, key: def.name, label: def.label, unit: def.unit, kind: "number", scale: def.scale === "log" ? "log" : "linear", central: false,
        read: (raw) => {
          const v = valueOf(raw);
          return typeof v === "number" ? { same: String(v), value: v, text: formatQuantity(v, def.unit, def.scale), detail: null } : null;
        },
      }];
    case "choice":
      return [{
        name: def.name, key: def.name, label: def.label, unit: "", kind: "choice", scale: "linear", central: false,
        read: (raw) => {
          const v = valueOf(raw);
          return typeof v === "string" ? { same: v, value: null, text: formatInputValue(def, v), detail: null } : null;
        },
      }];
    case "distribution": {
      // Positive-only quantities (no normal shape allowed) are the FLOP-like ones read in OOMs.
      const scale = !def.allowed.includes("normal") && def.min > 0 ? "log" : "linear";
      return [{
        name: def.name, key: def.name, label: def.label, unit: def.unit, kind: "number", scale, central: true,
        read: (raw) => {
          const v = valueOf(raw);
          if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
          const d = v as Distribution;
          const c = centralValue(d);
          if (!Number.isFinite(c)) return null;
          const text = formatQuantity(c, def.unit, scale === "log" ? "log" : undefined);
          return { same: canonicalJson(d), value: c, text, detail: d.kind === "point" ? null : formatInputValue(def, d) };
        },
      }];
    }
    case "text":
    case "quantiles":
      // A quick forecast's question is fixed, and its answers have their own view (the thread's answers).
      return [];
    case "table":
      // Each cell is its own assumption: "Short-horizon NN weight" is argued about alone.
      return def.rows.flatMap((row, i) =>
        def.columns.map((col): Facet => ({
          name: def.name,
          key: `${def.name}.${row.key}.${col.key}`,
          label: def.columns.length === 1 ? `${def.label}: ${row.label}` : `${def.label}: ${row.label}, ${col.label.toLowerCase()}`,
          unit: col.unit, kind: "number", scale: "linear", central: false,
          read: (raw) => {
            const rows = valueOf(raw);
            const cell = Array.isArray(rows) ? (rows[i] as TableRow | undefined)?.[col.key] : undefined;
            return typeof cell === "number" ? { same: String(cell), value: cell, text: formatQuantity(cell, col.unit), detail: null } : null;
          },
        })),
      );
  }
}

/** The median of a stated distribution; mixtures have no closed form, so solve their CDF. */
export function centralValue(d: Distribution): number {
  if (d.kind !== "mixture") return distributionMedian(d);
  const medians = d.components.map((c) => centralValue(c.dist)).filter(Number.isFinite);
  if (medians.length === 0) return NaN;
  // The mixture's median lies between its components' medians.
  const lo = Math.min(...medians);
  const hi = Math.max(...medians);
  if (lo === hi) return lo;
  return bisect((x) => cdf(d, x) - 0.5, lo, hi, 1e-9) ?? NaN;
}

function cdf(d: Distribution, x: number): number {
  switch (d.kind) {
    case "point":
      return x >= d.value ? 1 : 0;
    case "uniform":
      return d.max === d.min ? (x >= d.min ? 1 : 0) : Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)));
    case "mixture": {
      const total = d.components.reduce((s, c) => s + c.weight, 0);
      return total > 0 ? d.components.reduce((s, c) => s + (c.weight / total) * cdf(c.dist, x), 0) : 0;
    }
    default: {
      const log = toLog10Normal(d);
      if (log) return x <= 0 ? 0 : normalCdf((Math.log10(x) - log.mean) / log.sd);
      const n = toNormal(d);
      return n ? normalCdf((x - n.mean) / n.sd) : NaN;
    }
  }
}

/** Φ(z) via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): ample for placing a dot. */
function normalCdf(z: number): number {
  if (Number.isNaN(z)) return z;
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Median on the input's own scale: for log inputs the middle pair meets at their geometric mean. */
function medianOf(sorted: number[], scale: "linear" | "log"): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (n % 2 === 1) return sorted[(n - 1) / 2]!;
  const a = sorted[n / 2 - 1]!;
  const b = sorted[n / 2]!;
  return scale === "log" && a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Every input at least one fork moved away from the post's value, with each author counted
 * once at their latest fork (as the community aggregate counts them), most-disputed first.
 */
export function computeSpread(postInputs: Inputs, defs: readonly InputDef[], forks: readonly SpreadFork[]): InputSpread[] {
  const latest = new Map<string, SpreadFork>();
  for (const f of forks) {
    const key = String(f.authorKey);
    const prev = latest.get(key);
    if (!prev || f.createdAt > prev.createdAt || (f.createdAt === prev.createdAt && f.commentId > prev.commentId)) latest.set(key, f);
  }
  const current = [...latest.values()];

  const out: { spread: InputSpread; order: number }[] = [];
  for (const facet of defs.flatMap(facetsOf)) {
    const post = facet.read(postInputs[facet.name]);
    if (!post) continue;
    const read = (f: SpreadFork) => facet.read(f.inputs[facet.name]);
    const changedForks = forks.filter((f) => {
      const r = read(f);
      return r !== null && r.same !== post.same;
    }).length;
    if (changedForks === 0) continue;

    const holders: SpreadHolder[] = [];
    let kept = 0;
    for (const f of current) {
      const r = read(f);
      if (!r) continue;
      if (r.same === post.same) kept++;
      else holders.push({ authorName: f.authorName, commentId: f.commentId, value: r.value, text: r.text, detail: r.detail });
    }
    holders.sort((a, b) => (a.value ?? 0) - (b.value ?? 0) || a.text.localeCompare(b.text) || a.authorName.localeCompare(b.authorName));

    const values = holders.map((h) => h.value).filter((v): v is number => v !== null);
    const groupMap = new Map<string, string[]>();
    for (const h of holders) groupMap.set(h.text, [...(groupMap.get(h.text) ?? []), h.authorName]);
    const groups = [...groupMap].map(([text, authors]) => ({ text, authors })).sort((a, b) => b.authors.length - a.authors.length);

    const spread: InputSpread = {
      key: facet.key, label: facet.label, unit: facet.unit, kind: facet.kind, scale: facet.scale, central: facet.central,
      post: { value: post.value, text: post.text },
      holders, kept, forks: changedForks,
      min: values.length ? values[0]! : null,
      median: medianOf(values, facet.scale),
      max: values.length ? values[values.length - 1]! : null,
      groups,
      summary: "",
    };
    spread.summary = summarize(spread);
    out.push({ spread, order: out.length });
  }
  out.sort((a, b) => b.spread.holders.length - a.spread.holders.length || b.spread.forks - a.spread.forks || a.order - b.order);
  return out.map((o) => o.spread);
}

function summarize(s: InputSpread): string {
  const postText = `(post: ${s.post.text})`;
  if (s.holders.length === 0) return `No author's latest fork changes it; ${plural(s.forks, "earlier fork")} did ${postText}`;
  const who = plural(s.holders.length, "author");
  if (s.kind === "choice") return `${who}: ${s.groups.map((g) => g.text).join(", ")} ${postText}`;
  const first = s.holders[0]!.text;
  const last = s.holders[s.holders.length - 1]!.text;
  if (first === last) return `${who}: ${first} ${postText}`;
  // "1e16 – 1e20 FLOP/$" reads better than repeating the unit on both ends.
  const suffix = s.unit ? ` ${s.unit}` : "";
  const low = suffix && first.endsWith(suffix) && last.endsWith(suffix) ? first.slice(0, -suffix.length) : first;
  return `${who}: ${low} – ${last} ${postText}`;
}

/**
 * The strip plot's axis: the span of the authors' and the post's values, padded so end
 * dots are not clipped; log inputs are spaced in OOMs. Returns a 0–1 position function.
 */
export function stripScale(s: Pick<InputSpread, "scale" | "holders" | "post">): ((v: number) => number) | null {
  const values = [...s.holders.map((h) => h.value), s.post.value].filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return null;
  const log = s.scale === "log" && values.every((v) => v > 0);
  const t = (v: number) => (log ? Math.log10(v) : v);
  let lo = Math.min(...values.map(t));
  let hi = Math.max(...values.map(t));
  if (hi - lo === 0) {
    const pad = log ? 1 : Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  return (v: number) => Math.min(1, Math.max(0, (t(log && v <= 0 ? 10 ** lo : v) - lo) / (hi - lo)));
}
