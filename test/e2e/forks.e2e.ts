import { describe, expect, it } from "vitest";
import { findInput, forkOneInput, loadedImage, memberPage, postFork, textOf, useAppAndBrowser, valueOf, visible, waitForHydration } from "./harness";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

const e2e = useAppAndBrowser({ seed: true });

describe("forks in replies", () => {
  it("A forks the post's forecast; B forks A's fork; the lineage page shows post → A → B", async () => {
    // B is already reading the post when A forks it, and must see the fork arrive live.
    const { page: b } = await memberPage(e2e, "bert");
    await b.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(b);
    await textOf(b.locator(".live-status")).toContain("Live");
    const communityBefore = await b.locator(".forks-panel__community figcaption").innerText();
    expect(communityBefore).toContain("3 forks by 2 authors");

    const { page: a, errors } = await memberPage(e2e, "anna");
    await a.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(a);
    await postFork(await forkOneInput(a, "Hardware cost halving time", "1.5"), "Hardware improves faster than the report assumed.");
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
    const spend = await findInput(bForm, "Largest training run spend in 2025");
    await spend.fill("3e9");
    await spend.blur();
    await postFork(bForm, "And labs will spend more, sooner.");
    const berts = b.locator("article.comment", { hasText: "labs will spend more" }).last();
    await visible(berts.locator(".fork-card"));
    await berts.locator(".fork-card__links a", { hasText: "Lineage" }).first().click();
    await b.waitForURL(/\/forecasts\/\d+$/);
    const steps = b.locator(".lineage ol > li");
    await expect.poll(() => steps.count()).toBe(3);
    await textOf(steps.nth(0)).toContain("The post's forecast");
    await textOf(steps.nth(1)).toContain("Fork by ANNA");
    await textOf(steps.nth(2)).toContain("Fork by BERT");
    await a.context().close();
    await b.context().close();
  });

  it("a fork in progress survives a reload", async () => {
    const { page } = await memberPage(e2e, "carla");
    await page.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(page);
    await forkOneInput(page, "Hardware cost halving time", "1.8");
    await page.waitForTimeout(300);
    await page.reload();
    await waitForHydration(page);
    await valueOf(page.locator(".post-fork").getByLabel("Hardware cost halving time")).toBe("1.8");
    await page.context().close();
  });
});
