// The sandbox's two halves: what it reads from a program's syntax tree (the conventions of
// docs/decisions/018), and the pool of child processes that runs programs (budget, crash
// replacement, per-owner fairness), with the real bundled runner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSquiggleValue } from "../../app/forecast/squiggle/index";
import { analyzeProgram } from "../../server/squiggle/analyze";
import { createSquigglePool, type SquiggleSandbox } from "../../server/squiggle/pool";
import { squiggleRunner } from "../../server/squiggle/runner-path";

describe("reading a program's conventions", () => {
  const PROGRAM = `// A comment.
@name("Chips in 2025")
@doc("Shipped worldwide.")
chips :: chips = 3M to 6M
offset = -2.5
share = 5%
mean = normal(10, 2)
band = normal({p5: -1, p95: 3})
wide = lognormal({p5: 1, p95: 100})
ln = lognormal(1, 0.5)
flat = uniform(0, 1)
fixed = pointMass(7)
@hide
secondsPerMonth = 2.63e6
derived = chips * 2
twice = 1
twice2 = twice + 1
f(x) = x * 2
@name("When")
export when :: year = 2025 + derived / 1e9
`;

  it("finds literal parameters with their @name, @doc and unit, skipping @hide, computed values and functions", () => {
    const a = analyzeProgram(PROGRAM);
    if (!a.ok) throw new Error(a.problem.message);
    const byName = Object.fromEntries(a.analysis.parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(["chips", "offset", "share", "mean", "band", "wide", "ln", "flat", "fixed", "twice"]);
    expect(byName.chips).toMatchObject({ label: "Chips in 2025", description: "Shipped worldwide.", unit: "chips", value: { kind: "ci90", shape: "lognormal", p5: 3e6, p95: 6e6 } });
    expect(byName.offset!.value).toBe(-2.5);
    expect(byName.share!.value).toBeCloseTo(0.05);
    expect(byName.mean!.value).toEqual({ kind: "normal", mean: 10, sd: 2 });
    expect(byName.band!.value).toEqual({ kind: "ci90", shape: "normal", p5: -1, p95: 3 });
    expect(byName.wide!.value).toEqual({ kind: "ci90", shape: "lognormal", p5: 1, p95: 100 });
    expect(byName.ln!.value).toMatchObject({ kind: "lognormal", median: Math.E });
    expect(byName.flat!.value).toEqual({ kind: "uniform", min: 0, max: 1 });
    expect(byName.fixed!.value).toEqual({ kind: "point", value: 7 });
    expect(byName.offset!.label).toBe("Offset");
    expect(a.analysis.output).toEqual({ name: "when", label: "When", description: "", unit: "year", line: 20 });
    // Spans point at the value expression, so rewriting replaces exactly it.
    const span = byName.chips!.span;
    expect(PROGRAM.slice(span.start, span.end)).toBe("3M to 6M");
    expect(span).toMatchObject({ line: 4, column: 18 });
  });

  it("reads back every value it writes (so forks round-trip through the code)", () => {
    const values = [1e28, -3, { kind: "ci90", shape: "lognormal", p5: 1.5, p95: 4 }, { kind: "ci90", shape: "normal", p5: -2, p95: 2 }, { kind: "normal", mean: 3, sd: 0.5 }, { kind: "uniform", min: 1, max: 2 }] as const;
    for (const v of values) {
      const a = analyzeProgram(`x = ${renderSquiggleValue(v as never)}\nexport y = x`);
      expect(a.ok && a.analysis.parameters[0]!.value, JSON.stringify(v)).toEqual(v);
    }
  });

  const refusals: [string, string, RegExp, number | null][] = [
    ["no export", "x = 1 to 2\nx", /Mark the forecast's output with `export`/, null],
    ["two exports", "export a = 1\nexport b = 2", /Only one binding/, 2],
    ["an exported function", "export f(x) = x", /is a function/, 1],
    ["a syntax error", "x = (1 to 2\nexport y = x", /Expected/, 2],
  ];
  for (const [name, source, message, line] of refusals) {
    it(`refuses ${name}, saying where`, () => {
      const a = analyzeProgram(source);
      expect(a.ok).toBe(false);
      if (a.ok) return;
      expect(a.problem.message).toMatch(message);
      expect(a.problem.line).toBe(line);
    });
  }

  it("leaves names bound twice and reserved words out of the inputs", () => {
    const a = analyzeProgram("constructor = 3\nexport y = constructor to 5");
    expect(a.ok && a.analysis.parameters).toEqual([]);
  });
});

describe("the sandbox pool", () => {
  let pool: SquiggleSandbox;
  let dispose: () => void;
  let runnerPath: string;
  const output = { name: "y", label: "y", description: "", unit: "", line: 1 };
  beforeAll(async () => {
    const runner = await squiggleRunner();
    dispose = runner.dispose;
    runnerPath = runner.path;
    pool = createSquigglePool({ runner: runner.path, size: 2, budgetMs: 1500, perOwner: 2 });
  }, 60_000);
  afterAll(async () => {
    await pool.close();
    dispose();
  });

  it("runs a program and answers with a summary, never the samples", async () => {
    const r = await pool.run({ code: "export y = 0.25", output, seed: 1, sampleCount: 1000 }, "alice");
    expect(r.ok && r.value.headlines[0]).toMatchObject({ key: "probability", value: 0.25 });
  });

  it("kills a run past its budget, replaces that sandbox, and keeps serving", async () => {
    const before = pool.pids();
    const started = performance.now();
    // Nine million additions in small lists: slow, but never more than a few MB at a time.
    const r = await pool.run({ code: "rows = List.map(List.upTo(1, 3000), {|i| List.reduce(List.upTo(1, 3000), 0, {|a, b| a + b})})\nexport y = List.length(rows) / 1e9", output, seed: 1, sampleCount: 1000 }, "mallory");
    expect(r.ok).toBe(false);
    expect(!r.ok && "problem" in r && r.problem.kind).toBe("budget");
    expect(performance.now() - started).toBeLessThan(3000);
    // The killed sandbox's place is taken by a new process.
    await expect.poll(() => pool.pids().filter((p) => !before.includes(p)).length, { timeout: 5000 }).toBe(1);
    expect(pool.pids()).toHaveLength(2);
    const after = await pool.run({ code: "export y = 0.5", output, seed: 1, sampleCount: 1000 }, "mallory");
    expect(after.ok).toBe(true);
  });

  it("ends a program that runs out of memory as a refusal, not a crash of ours", async () => {
    const r = await pool.run({ code: "x = 1 to 10\nxs = sampleN(x, 30000000)\nexport y = SampleSet.fromList(xs)", output, seed: 1, sampleCount: 1000 }, "mallory");
    expect(r.ok).toBe(false);
    expect(!r.ok && "problem" in r && ["memory", "budget"]).toContain(!r.ok && "problem" in r ? r.problem.kind : "");
  });

  it("runs one program per owner at a time and refuses an owner's requests past the cap", async () => {
    // Its own pool with a roomy budget: this test is about order, not time, and a run demoted
    // below every other process can take seconds on a machine busy with the rest of the suite.
    const fair = createSquigglePool({ runner: runnerPath, size: 2, budgetMs: 20_000, perOwner: 2 });
    try {
      const slow = { code: "xs = List.upTo(1, 200000)\nexport y = List.reduce(xs, 0, {|a, b| a + b}) / 1e20", output, seed: 1, sampleCount: 1000 };
      // Both sandboxes warm first, so the time measured below is the runs', not start-up's.
      const quick = { code: "export y = 0.5", output, seed: 1, sampleCount: 1000 };
      await Promise.all([fair.run(quick, "warm-1"), fair.run(quick, "warm-2")]);
      const started = performance.now();
      const [a, b, c] = await Promise.all([fair.run(slow, "greedy"), fair.run(slow, "greedy"), fair.run(slow, "greedy")]);
      const elapsed = performance.now() - started;
      expect([a.ok, b.ok]).toEqual([true, true]);
      expect(!c.ok && "refused" in c && c.refused).toBe("owner");
      // Two of one owner's runs never overlap, though a second sandbox sat idle: the second
      // starts when the first ends, so together they took at least both run times.
      expect(elapsed).toBeGreaterThanOrEqual(a.ms + b.ms);
    } finally {
      await fair.close();
    }
  });
});
