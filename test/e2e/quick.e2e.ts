// Quick forecasts in Chromium: asking, answering from two accounts, the aggregate moving live
// for the other readers, the asker's notification, a phone's view; and asking without JavaScript.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { memberPage, openPage, screenshotPath, submitSignUp, textOf, useAppAndBrowser, visible, waitForHydration } from "./harness";

const e2e = useAppAndBrowser();

const QUESTION = "Will a training run of at least 1e27 FLOP be publicly reported by the end of 2028?";
const aggregate = (page: Page, label: string) => page.locator(`.question__aggregate div:has(> dt:text-is("${label}")) > dd`).first();

async function person(handle: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  return memberPage(e2e, handle, { viewport: { width, height: 900 } });
}

async function answer(page: Page, probability: string, why: string) {
  await page.getByRole("button", { name: "Answer with your own number" }).click();
  const form = page.locator(".post-fork .fork-form");
  await textOf(form.locator(".fe-fixed__value").first()).toBe(QUESTION);
  await form.getByLabel("Probability").fill(probability);
  await form.getByLabel("Probability").blur();
  await textOf(form.locator(".fe-shift")).toContain("→");
  await form.locator("textarea[name=markdown]").fill(why);
  await form.getByRole("button", { name: "Post your answer" }).click();
}

/** The smallest chart text as shown: its font size scaled by how wide the SVG is drawn against its viewBox. */
const smallestChartText = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute("viewBox")!.split(" ")[2]);
    return Math.min(...[...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")!.replace("px", "")) * scale));
  });

describe("quick forecasts", () => {
  it("ask a probability; two accounts answer; everyone's aggregate moves live; the asker is told", async () => {
    const asker = await person("anna");
    const a = asker.page;
    await a.goto(`${e2e.app.url}/posts/new`);
    await waitForHydration(a);
    await a.getByLabel("Title").fill("A 1e27 FLOP run by 2028?");
    await a.getByLabel("Body").fill("Answer with your own number and a line on why.");
    await a.getByRole("group", { name: "Model: quick forecasts" }).getByRole("button", { name: /Quick probability/ }).click();
    await a.getByLabel("Question").fill(QUESTION);
    await a.getByLabel("By", { exact: true }).fill("2028-12-31");
    await a.getByLabel("Probability").fill("35%");
    await a.getByLabel("Probability").blur();
    await textOf(a.locator(".fe-preview .fe-status")).toContain("Up to date");
    await a.getByRole("button", { name: "Publish" }).click();
    await a.waitForURL(/\/posts\/a-1e27-flop-run-by-2028$/);
    const url = a.url();
    await textOf(a.locator(".question__text")).toBe(QUESTION);
    await textOf(a.locator(".question__meta")).toBe("By 31 December 2028 · asked by ANNA: 35%");
    await waitForHydration(a);
    await textOf(a.locator(".live-status")).toContain("Live");

    // A reader who only watches: everything below arrives on this page without a reload.
    const watcher = await person("wes");
    const w = watcher.page;
    await w.goto(url);
    await waitForHydration(w);
    await textOf(w.locator(".live-status")).toContain("Live");
    await textOf(aggregate(w, "Forecasters")).toBe("1");

    const first = await person("cleo");
    await first.page.goto(url);
    await waitForHydration(first.page);
    await answer(first.page, "22%", "The reporting is the bottleneck, not the compute.");
    await visible(first.page.locator(".fork-card--answer", { hasText: "35% → 22%" }));

    // Median (35% + 22%) / 2 = 28.5%; geometric mean of odds √(7/13 × 11/39) = 0.3897 → 28.0%.
    for (const p of [w, a]) {
      await textOf(aggregate(p, "Forecasters")).toBe("2");
      await textOf(aggregate(p, "Median")).toBe("28.5%");
      await textOf(aggregate(p, "Geometric mean of odds")).toBe("28%");
    }

    const second = await person("bert");
    await second.page.goto(url);
    await waitForHydration(second.page);
    await answer(second.page, "60%", "Epoch's estimates count even when labs stay quiet.");
    // Median of 22%, 35%, 60% is 35%; geometric mean of odds ∛(7/13 × 11/39 × 3/2) = 0.6109 → 37.9%.
    for (const p of [w, a, first.page]) {
      await textOf(aggregate(p, "Forecasters")).toBe("3");
      await textOf(aggregate(p, "Median")).toBe("35%");
      await textOf(aggregate(p, "Geometric mean of odds")).toBe("37.9%");
      await expect.poll(() => p.locator(".question__chart--wide svg").first().textContent(), { timeout: 10_000 }).toContain("BERT");
    }
    await textOf(w.locator(".forks-panel h2")).toContain("Answers (2)");
    await textOf(w.locator(".forks-panel tfoot")).toContain("3 answers · median 35% · geometric mean of odds 37.9%");

    // The asker's badge moved live; the notice carries both numbers.
    await textOf(a.locator("[data-testid=unread-count]")).toBe("2");
    await a.goto(`${e2e.app.url}/notifications`);
    await textOf(a.locator("main")).toContain(`CLEO answered your question “${QUESTION}”: 35% → 22%`);

    await w.locator(".question").screenshot({ path: screenshotPath("quick-question-desktop.png") });
    expect(await smallestChartText(w, ".question__chart--wide svg")).toBeGreaterThanOrEqual(11.9);
    for (const { errors } of [asker, watcher, first, second]) expect(errors).toEqual([]);

    // A 390 px phone: its own drawing, text still at 12 px or more.
    const phone = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url);
    await visible(phone.locator(".question__chart--narrow svg"));
    expect(await phone.locator(".question__chart--wide").isVisible()).toBe(false);
    expect(await smallestChartText(phone, ".question__chart--narrow svg")).toBeGreaterThanOrEqual(12);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.locator(".question").screenshot({ path: screenshotPath("quick-question-phone.png") });
    await phone.close();
  });

  it("asks a date question with JavaScript off: the picker's links and a plain form post", async () => {
    const page = await openPage(e2e.browser, { javaScriptEnabled: false });
    await page.goto(`${e2e.app.url}/signup`);
    await submitSignUp(page, e2e.app.url, "nojs", "No Script");
    await page.goto(`${e2e.app.url}/posts/new`);
    await page.getByRole("link", { name: /Quick date/ }).click();
    await page.waitForURL(/model=quick-date/);
    await page.getByLabel("Title").fill("MMLU-Pro at 90%: when?");
    await page.getByLabel("Body").fill("Give a 90% interval of years.");
    await page.getByLabel("Question").fill("When will a model score 90% on MMLU-Pro?");
    await page.getByLabel("Year: 5th percentile").fill("2026");
    await page.getByLabel("Year: 95th percentile").fill("2032");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/\/posts\/mmlu-pro-at-90-when$/);
    await textOf(page.locator(".question__text")).toBe("When will a model score 90% on MMLU-Pro?");
    await textOf(page.locator(".question__meta")).toContain("asked by No Script: 90% interval 2026 to 2032");
    await textOf(aggregate(page, "Pooled median year")).toBe("2029");
    await visible(page.locator(".question__chart--wide svg"));
    // Asking a question in reply: the control is a link that brings the form back open.
    await page.getByRole("link", { name: "Ask a quick question" }).click();
    await page.waitForURL(/\?ask=quick-probability#ask$/);
    const ask = page.locator("#ask .ask-form");
    await ask.getByLabel("Your reply (what you are asking, and why it matters)").fill("A narrower question, for the sceptics.");
    await ask.getByLabel("Question").fill("Will any model score 90% on MMLU-Pro by 2030?");
    await ask.getByRole("button", { name: "Post reply with question" }).click();
    await textOf(page.locator("article.comment", { hasText: "A narrower question, for the sceptics." }).locator(".question__text")).toBe("Will any model score 90% on MMLU-Pro by 2030?");
    await page.context().close();
  });
});
