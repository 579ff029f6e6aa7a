// Analyses in Chromium: the tornado on the post, a click on a bar taking the fork editor to
// that input, the fork preview drawn over its parent, and the compare page.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openForkForm, openPage, screenshotPath, signUp, textOf, useAppAndBrowser, visible, waitForHydration, watchErrors } from "./harness";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

const e2e = useAppAndBrowser({ seed: true });

const pageAt = (width: number, height = 900) => openPage(e2e.browser, { viewport: { width, height } }, 30_000);

/** The seeded post, hydrated, at a viewport width; signed up as `handle` first when given. */
async function postPageAt(width: number, handle?: string) {
  const page = await pageAt(width);
  const errors = watchErrors(page);
  if (handle) await signUp(page, e2e.app.url, handle);
  await page.goto(`${e2e.app.url}${POST}`);
  await waitForHydration(page);
  return { page, errors };
}

/** A new member with the fork form open under the seeded post's forecast, and one of its folded panels open. */
async function forkPanelAs(handle: string, panelSelector: string) {
  const { page, errors } = await postPageAt(1280, handle);
  const form = await openForkForm(page);
  const panel = form.locator(panelSelector);
  await panel.locator("summary").click();
  return { page, errors, form, panel };
}

/**
 * The interactive view of a chart inside `scope` has replaced its static SVG. It waits on an
 * analysis (dozens of model runs in the worker pool) and vega's lazy chunk, and vega starts
 * only once the chart is near the viewport. A reader scrolls to the chart, and so does this:
 * again on every try, because the fork preview above can finish later and push it down the page.
 */
async function interactive(scope: ReturnType<Page["locator"]>) {
  const frame = scope.locator(".forecast-chart__frame").first();
  const live = scope.locator(".forecast-chart__live svg").first();
  await expect
    .poll(
      async () => {
        await frame.evaluate((el) => el.scrollIntoView({ block: "center" })).catch(() => undefined);
        return live.isVisible();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

describe("analysis in the browser", () => {
  it("shows the tornado on the post, lazily, with its text alternative", async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await postPageAt(width);
      const panel = page.locator(".forecast-panel .sensitivity");
      // Collapsed, and nothing fetched until the reader opens it.
      expect(await panel.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      await panel.locator("summary").click();
      await textOf(panel.locator(".forecast-chart__caption")).toMatch(/^Median year of this forecast: 2052\.1\. Largest swings: Brain FLOP\/s \(log10\)/);
      await textOf(panel.locator(".sensitivity__method")).toContain("this forecast's seed");
      await interactive(panel);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: screenshotPath(`tornado-post-${width}.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it("takes the fork editor to an input when its bar is clicked, and previews the fork over its parent", async () => {
    const { page, errors, form, panel: sensitivity } = await forkPanelAs("tess", ".sensitivity");
    await interactive(sensitivity);
    // The largest bar is the brain's compute; clicking it focuses that input's first control.
    // The hover layer lies over the bars and carries the same data: it is what the pointer hits.
    const bar = sensitivity.locator(".forecast-chart__live svg .mark-rect.interactive_focus_marks path").first();
    await bar.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await bar.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[id*='-in-']")?.id ?? "")).toMatch(/-in-log10_brain_flops$/);
    // The same from the list under the chart (keyboard and screen-reader path).
    await sensitivity.locator(".sensitivity__jump button", { hasText: "Hardware cost halving time" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[id*='-in-']")?.id ?? "")).toMatch(/-in-hw_halving_years$/);
    await sensitivity.screenshot({ path: screenshotPath("tornado-fork-editor-1280.png") });

    // The preview draws the fork over its parent (not over Cotra's curve), and follows edits.
    await form.getByLabel("Hardware cost halving time", { exact: true }).fill("1.5");
    await form.getByLabel("Hardware cost halving time", { exact: true }).blur();
    await textOf(form.locator(".fe-shift")).toMatch(/^median arrival 2053 → 204\d/);
    const chart = form.locator(".fe-chart:visible");
    await textOf(chart).toContain("Parent forecast");
    await textOf(chart).toContain("Your fork");
    expect(await chart.innerText()).not.toContain("Cotra 2020 spreadsheet");
    await form.getByLabel("Hardware cost halving time", { exact: true }).fill("3");
    await form.getByLabel("Hardware cost halving time", { exact: true }).blur();
    await textOf(form.locator(".fe-shift")).toMatch(/^median arrival 2053 → 205[5-9]/);
    await form.locator(".fe-preview").screenshot({ path: screenshotPath("fork-preview-parent-overlay-1280.png") });

    // Post it: the card says what the one change does, in fractional years.
    await form.locator("textarea[name=markdown]").fill("Slower hardware progress.");
    await form.getByRole("button", { name: "Post reply with fork" }).click();
    const card = page.locator("article.comment", { hasText: "Slower hardware progress" }).first().locator(".fork-card");
    await visible(card.locator(".attribution"));
    await textOf(card.locator(".attribution")).toMatch(/^CRUX Hardware cost halving time, the only change: median year 2052\.1 → 205\d\.\d \(\+\d+\.\d years\)$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("solves for one input in the fork editor and fills the value in as a draft", async () => {
    const { page, errors, form, panel: solver } = await forkPanelAs("sol", ".solver");
    await solver.getByLabel("by changing").selectOption("flop_per_dollar_2020");
    await solver.getByLabel("Target median year").fill("2045");
    await solver.getByRole("button", { name: "Solve" }).click();
    await textOf(solver.locator(".solver__outcome")).toMatch(/^FLOP per dollar in 2020 at \S+ FLOP\/\$ gives a median year of 2045\.0 \(target 2045\.0\)/);
    await textOf(solver.locator(".solver__filled")).toContain("Filled into your fork as a draft");
    const field = form.getByLabel("FLOP per dollar in 2020", { exact: true });
    await expect.poll(() => field.inputValue()).not.toBe("1e17");
    await textOf(form.locator(".fe-shift")).toMatch(/^median arrival 2053 → 2045/);
    await solver.screenshot({ path: screenshotPath("solver-1280.png") });
    // An impossible target gets an honest answer, and nothing is filled in.
    await solver.getByLabel("by changing").selectOption("gdp_growth");
    await solver.getByLabel("Target median year").fill("2026");
    await solver.getByRole("button", { name: "Solve" }).click();
    await textOf(solver.locator(".solver__outcome--unreachable")).toMatch(/^No value of gdp growth/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens the compare page from the forks panel: overlay, diff, parts that add up", async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await postPageAt(width);
      // Tomás's second fork changes two inputs against his first: two parts, one the crux.
      // The innermost comment with the text (its ancestors contain it too), its own card.
      const tomas = page.locator("article.comment", { hasText: "my real claim is about the level" }).last();
      const card = tomas.locator(".fork-card").first();
      await card.scrollIntoViewIfNeeded();
      await textOf(card.locator(".attribution .is-crux")).toContain("FLOP per dollar in 2020");
      await card.screenshot({ path: screenshotPath(`fork-card-attribution-${width}.png`) });
      // The reader's own question, asked of this fork (answered by the API).
      await card.locator(".fork-card__question summary").click();
      await card.getByLabel("P(by year)").fill("2040");
      await card.getByLabel("Year at").fill("25");
      await card.getByRole("button", { name: "Ask" }).click();
      await textOf(card.locator(".question__answer")).toMatch(/^P\(by 2040\) = \d+(\.\d)?% · 25% is reached in 20\d\d\.\d \(first whole year: 20\d\d\)$/);
      await page.locator(".forks-table tr", { hasText: "FLOP per dollar in 2020" }).first().locator("a", { hasText: "vs parent" }).click();
      await page.waitForURL(/\/compare\?a=\d+&b=\d+/);
      await textOf(page.locator("#compare-diff + table")).toContain("FLOP per dollar in 2020");
      await textOf(page.locator("#compare-diff + table")).toContain("Hardware cost halving time");
      const parts = page.locator(".attribution__parts li");
      await expect.poll(() => parts.count()).toBeGreaterThan(0);
      const values = await page.locator(".attribution__value").allInnerTexts();
      const total = await page.locator(".attribution__total strong").innerText();
      const num = (t: string) => Number(t.replace("−", "-").replace(/[^\d.+-]/g, ""));
      expect(Number(values.reduce((s, v) => s + num(v), 0).toFixed(1))).toBe(num(total));
      await textOf(page.locator(".compare__notes")).toContain("share one seed");
      await interactive(page.locator(".compare__chart"));
      await page.screenshot({ path: screenshotPath(`compare-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it("answers a reader's own question from the curve the page carries, for the post and for the aggregate", async () => {
    const { page, errors } = await postPageAt(1280);
    const asked: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/forecasts/")) asked.push(r.url());
    });
    for (const [scope, expected] of [
      [page.locator("#question"), /^P\(by 2036\) = 17\.9% · 50% is reached in 2052\.\d \(first whole year: 2053\)$/],
      [page.locator(".forks-panel__community"), /^P\(by 2036\) = \d+(\.\d)?% · 50% is reached in 20\d\d\.\d \(first whole year: 20\d\d\)$/],
    ] as const) {
      await scope.getByLabel("P(by year)").fill("2036");
      await scope.getByLabel("Year at").fill("50");
      await scope.getByRole("button", { name: "Ask" }).click();
      await textOf(scope.locator(".question__answer")).toMatch(expected);
    }
    // Both answered in the browser, from the packed curves in the loader data.
    expect(asked.filter((u) => /\/api\/forecasts\/\d+\?/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("builds the post's ask form when a member opens it, and posts the question in place", async () => {
    const { page, errors } = await postPageAt(1280, "asker");
    // Folded away, the form is not in the page at all: it is built on opening.
    expect(await page.locator("#ask .ask-form").count()).toBe(0);
    await page.locator("#ask > summary").click();
    const ask = page.locator("#ask .ask-form");
    await visible(ask);
    expect(page.url()).toBe(`${e2e.app.url}${POST}`);
    await ask.getByLabel("Your reply (what you are asking, and why it matters)").fill("Before arguing about anchors: a date we can check.");
    await ask.getByLabel("Question").fill("Will a 1e28 FLOP training run be reported by 2030?");
    await ask.getByRole("button", { name: "Post reply with question" }).click();
    await textOf(page.locator("article.comment", { hasText: "a date we can check" }).locator(".question__text")).toBe("Will a 1e28 FLOP training run be reported by 2030?");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
