import { describe, expect, it } from "vitest";
import { runModel } from "./index";
import { poolCdfs } from "./pool";

describe("poolCdfs", () => {
  const run = (inputs: Record<string, unknown>) => {
    const r = runModel("bio-anchors", inputs, { sampleCount: 5000, seed: 7 });
    if (!r.ok) throw new Error("run failed");
    return r.result;
  };

  it("is the equal-weight mixture: each year's probability is the mean of the inputs'", () => {
    const a = run({});
    const b = run({ hw_halving_years: 1.5 });
    const pooled = poolCdfs([a, b])!;
    for (const row of pooled.series.cdf!) {
      const pa = a.series.cdf!.find((r) => r.year === row.year)!.p as number;
      const pb = b.series.cdf!.find((r) => r.year === row.year)!.p as number;
      expect(row.p).toBeCloseTo((pa + pb) / 2, 12);
    }
    const median = pooled.headlines.find((h) => h.key === "median")!.value!;
    const medians = [a, b].map((r) => r.headlines.find((h) => h.key === "median")!.value!);
    expect(median).toBeGreaterThanOrEqual(Math.min(...medians));
    expect(median).toBeLessThanOrEqual(Math.max(...medians));
  });

  it("returns null when there is nothing to pool", () => {
    expect(poolCdfs([])).toBeNull();
  });
});
