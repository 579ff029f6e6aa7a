import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { findInput, memberPage, textOf, useAppAndBrowser, visible, waitForHydration, watchErrors } from "./harness";

const e2e = useAppAndBrowser({ seed: true });

const headline = (page: Page, scope: string, label: string) =>
  page.locator(`${scope} div:has(> dt:text-is("${label}")) > dd`).first();

describe("forecasts in Chromium", () => {
  it("post editor: change an input, the preview's median moves, publish, the post shows the same numbers", async () => {
    const { page, errors } = await memberPage(e2e, "forecaster", {}, "Fran Forecaster");

    await page.goto(`${e2e.app.url}/posts/new`);
    await waitForHydration(page);
    await page.getByLabel("Title").fill("Faster hardware, earlier TAI?");
    await page.getByLabel("Body").fill("What if FLOP per dollar halves every 1.5 years instead of 2.5?");
    await visible(page.locator(".fe-preview svg"));
    await textOf(page.locator(".fe-preview .fe-status")).toContain("Up to date");
    const before = await headline(page, ".fe-preview", "Median TAI year").innerText();
    expect(before).toMatch(/^20\d\d/);

    const halving = await findInput(page.locator(".post-editor"), "Hardware cost halving time");
    await halving.fill("1.5");
    await halving.blur();
    await expect.poll(() => headline(page, ".fe-preview", "Median TAI year").innerText(), { timeout: 15_000 }).not.toBe(before);
    await textOf(page.locator(".fe-preview .fe-status")).toContain("Up to date");
    const after = await headline(page, ".fe-preview", "Median TAI year").innerText();
    expect(Number(after.slice(0, 4))).toBeLessThan(Number(before.slice(0, 4)));
    const p2036 = await headline(page, ".fe-preview", "P(TAI by 2036)").innerText();

    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/\/posts\/faster-hardware-earlier-tai$/);
    await textOf(headline(page, ".forecast-panel", "Median TAI year")).toContain(after.slice(0, 4));
    await textOf(headline(page, ".forecast-panel", "P(TAI by 2036)")).toContain(p2036.split(/\s/)[0]!);
    await textOf(page.locator(".forecast-panel__inputs")).toContain("1 changed");
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [slug, label] of [
    ["bio-anchors-in-one-chart-where-the-2053-median-comes-from", "Bio Anchors"],
    ["extrapolating-gpt-3-benchmarks-against-loss", "GPT-N"],
    ["chinchilla-vs-kaplan-what-20-tokens-per-parameter-changes", "scaling laws"],
  ]) {
    it(`${label}: the server SVG paints first, then the interactive chart takes over`, async () => {
      const page = await e2e.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${e2e.app.url}/posts/${slug}`);
      await visible(page.locator(".forecast-panel .forecast-chart__static svg"));
      await visible(page.locator(".forecast-panel .forecast-chart__live svg, .forecast-panel .forecast-chart__live canvas"));
      await page.locator(".forecast-panel .forecast-chart__data > summary").click();
      await visible(page.locator(".forecast-panel .forecast-chart__data table"));
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
