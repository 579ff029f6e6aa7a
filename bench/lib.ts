// Shared helpers for benchmarks: timing summaries, a seeded PRNG, and the table printer.
export interface Row {
  group: string;
  case: string;
  median?: number;
  p95?: number;
  p99?: number;
  value?: string;
  target?: string;
  ok?: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), min: s[0]!, max: s[s.length - 1]! };
}

export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/** Timed GETs of one page after a few unmeasured ones: the latency summary and the page's size in characters. */
export async function timePageGets(reader: { get(path: string): Promise<{ status: number; text: string }> }, path: string, warmup: number, runs: number) {
  for (let i = 0; i < warmup; i++) await reader.get(path);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const [ms, res] = await time(() => reader.get(path));
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    bytes = res.text.length;
    samples.push(ms);
  }
  return { ...summarize(samples), bytes };
}

/** mulberry32: deterministic fixtures, so runs compare. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "" : n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function printTable(rows: Row[]) {
  const header = ["group", "case", "median ms", "p95 ms", "p99 ms", "value", "target", "ok"];
  const body = rows.map((r) => [r.group, r.case, fmt(r.median), fmt(r.p95), fmt(r.p99), r.value ?? "", r.target ?? "", r.ok === undefined ? "" : r.ok ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const b of body) console.log(line(b));
}
