// The embed page's dark theme recolours our charts by their SVG colour attributes
// (app/styles/embed.css). A colour added to the chart code without a dark counterpart would
// stay light-on-dark: every colour literal in app/charts must be mapped, for fill and stroke.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const css = readFileSync(join(root, "app/styles/embed.css"), "utf8");
const chartColours = new Set(
  readdirSync(join(root, "app/charts"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((f) => [...readFileSync(join(root, "app/charts", f), "utf8").matchAll(/#[0-9a-fA-F]{6}\b|rgba\([^)]*\)/g)].map((m) => m[0].toLowerCase())),
);

describe("the embed's dark palette", () => {
  it("has a counterpart for every colour the chart code writes", () => {
    expect(chartColours.size).toBeGreaterThan(10);
    for (const colour of chartColours) {
      const mapped = css.includes(`[fill="${colour}"]`) || css.includes(`[stroke="${colour}"]`);
      expect(mapped, colour).toBe(true);
    }
  });

  it("writes each counterpart as a light-dark() pair whose light side is the original", () => {
    const pairs = [...css.matchAll(/\[(fill|stroke)="([^"]+)"\] \{ (fill|stroke): light-dark\((rgba\([^)]*\)|#[0-9a-f]{6}), /g)];
    expect(pairs.length).toBe([...css.matchAll(/\.embed svg \[/g)].length);
    for (const m of pairs) {
      expect(m[3]).toBe(m[1]);
      expect(m[4]!.replace(/\s/g, "").replace(/,\./g, ",0.")).toBe(m[2]!.replace(/\s/g, ""));
    }
  });
});
