import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, loadedImage, startApp, textOf, valueOf, visible, waitForHydration, watchErrors, type RunningApp, signUp } from "./harness";

let app: RunningApp;
let browser: Browser;
const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

beforeAll(async () => {
  app = await startApp({ seed: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});


describe("forks in replies", () => {
  it("A forks the post's forecast; B forks A's fork; the lineage page shows post → A → B", async () => {
    // B is already reading the post when A forks it, and must see the fork arrive live.
    const bContext = await browser.newContext();
    const b = await bContext.newPage();
    b.setDefaultTimeout(20_000);
    await signUp(b, app.url, "bert");
    await b.goto(`${app.url}${POST}`);
    await waitForHydration(b);
    await textOf(b.locator(".live-status")).toContain("Live");
    const communityBefore = await b.locator(".forks-panel__community figcaption").innerText();
    expect(communityBefore).toContain("3 forks by 2 authors");

    const context = await browser.newContext();
    const a = await context.newPage();
    a.setDefaultTimeout(20_000);
    const errors = watchErrors(a);
    await signUp(a, app.url, "anna");
    await a.goto(`${app.url}${POST}`);
    await waitForHydration(a);
    await a.getByRole("button", { name: "Reply with a fork of this forecast" }).click();
    const form = a.locator(".post-fork .fork-form");
    await form.getByLabel("Hardware cost halving time").fill("1.5");
    await form.getByLabel("Hardware cost halving time").blur();
    await textOf(form.locator(".fe-shift")).toContain("→");
    await form.locator("textarea[name=markdown]").fill("Hardware improves faster than the report assumed.");
    await form.getByRole("button", { name: "Post reply with fork" }).click();
    const annas = a.locator("article.comment", { hasText: "Hardware improves faster" }).first();
    await visible(annas.locator(".fork-card"));
    await textOf(annas.locator(".fork-diff")).toContain("Hardware cost halving time");
    await textOf(annas.locator(".fork-card__shift")).toMatch(/2\d{3} → 2\d{3}/);
    await loadedImage(annas.locator(".fork-card__chart img"));
    expect(errors).toEqual([]);

    // No reload on B's side: the reply, its diff and its overlay chart arrive over the socket.
    const target = b.locator("article.comment", { hasText: "Hardware improves faster" }).first();
    await visible(target.locator(".fork-card"));
    await textOf(target.locator(".fork-diff")).toContain("Hardware cost halving time");
    await loadedImage(target.locator(".fork-card__chart img"));
    await textOf(target.locator(".fork-card").first()).toMatch(/crux/i);
    // The community aggregate moved with A's fork, on B's page, without a reload.
    await textOf(b.locator(".forks-panel__community figcaption")).toContain("4 forks by 3 authors");
    await loadedImage(b.locator(".forks-panel__chart img"));
    await target.locator(".comment__actions").first().getByRole("link", { name: "Reply with a fork" }).click();
    const bForm = target.locator(".fork-form").first();
    await bForm.getByLabel("Largest training run spend in 2025").fill("3e9");
    await bForm.getByLabel("Largest training run spend in 2025").blur();
    await textOf(bForm.locator(".fe-shift")).toContain("→");
    await bForm.locator("textarea[name=markdown]").fill("And labs will spend more, sooner.");
    await bForm.getByRole("button", { name: "Post reply with fork" }).click();
    const berts = b.locator("article.comment", { hasText: "labs will spend more" }).last();
    await visible(berts.locator(".fork-card"));
    await berts.locator(".fork-card__links a", { hasText: "Lineage" }).first().click();
    await b.waitForURL(/\/forecasts\/\d+$/);
    const steps = b.locator(".lineage ol > li");
    await expect.poll(() => steps.count()).toBe(3);
    await textOf(steps.nth(0)).toContain("The post's forecast");
    await textOf(steps.nth(1)).toContain("Fork by ANNA");
    await textOf(steps.nth(2)).toContain("Fork by BERT");
    await context.close();
    await bContext.close();
  });

  it("a fork in progress survives a reload", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signUp(page, app.url, "carla");
    await page.goto(`${app.url}${POST}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Reply with a fork of this forecast" }).click();
    const field = page.locator(".post-fork").getByLabel("Hardware cost halving time");
    await field.fill("1.8");
    await field.blur();
    await page.waitForTimeout(300);
    await page.reload();
    await waitForHydration(page);
    await valueOf(page.locator(".post-fork").getByLabel("Hardware cost halving time")).toBe("1.8");
    await context.close();
  });
});
