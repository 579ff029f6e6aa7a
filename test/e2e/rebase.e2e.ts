import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { countOf, findInput, forkOneInput, hidden, memberPage, postFork, textOf, useAppAndBrowser, visible, waitForHydration } from "./harness";

const TITLE = "Compute timelines, revisited";
const SLUG = "compute-timelines-revisited";
const STALE = "Forked from an earlier version of the post's forecast.";
const REBASE = "Rebase onto the current forecast";

// No seed: the post, its author and the fork are all made here, so every id and value is ours.
const e2e = useAppAndBrowser();

/** The id of the forecast a page's panel shows, read from its JSON link as a reader would find it. */
async function panelForecastId(page: Page): Promise<number> {
  const href = await page.locator(".forecast-panel__provenance").getByRole("link", { name: "JSON", exact: true }).getAttribute("href");
  const m = /^\/api\/forecasts\/(\d+)$/.exec(href ?? "");
  expect(m, `JSON link ${href}`).not.toBeNull();
  return Number(m![1]);
}

/** The value shown for one input in a forecast panel's inputs table. */
async function panelInput(page: Page, label: string): Promise<string> {
  const inputs = page.locator(".forecast-panel__inputs");
  if (!(await inputs.evaluate((d: HTMLDetailsElement) => d.open))) await inputs.locator("summary").click();
  return inputs.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) }).getByRole("cell").innerText();
}

describe("rebasing a stale fork", () => {
  it("the author edits the forecast; A's fork is flagged stale; A rebases it onto the new version", async () => {
    const { page: host, errors: hostErrors } = await memberPage(e2e, "hester");
    await host.goto(`${e2e.app.url}/posts/new`);
    await waitForHydration(host);
    await host.getByLabel("Title").fill(TITLE);
    await host.getByLabel("Body").fill("Cotra's defaults, as a starting point for forks.");
    await textOf(host.locator(".fe-preview .fe-status")).toContain("Up to date");
    await host.getByRole("button", { name: "Publish" }).click();
    await host.waitForURL(`${e2e.app.url}/posts/${SLUG}`);
    const firstVersion = await panelForecastId(host);

    // A forks the post's forecast with a faster hardware trend.
    const { page: a, errors } = await memberPage(e2e, "anna");
    await a.goto(`${e2e.app.url}/posts/${SLUG}`);
    await waitForHydration(a);
    await postFork(await forkOneInput(a, "Hardware cost halving time", "1.5"), "Hardware gets cheaper faster than this.");
    const original = a.locator("article.comment", { hasText: "Hardware gets cheaper faster" }).first();
    const originalCard = original.getByRole("region", { name: "Forked forecast" }).first();
    await visible(originalCard);
    await textOf(originalCard.locator(".fork-diff")).toMatch(/Hardware cost halving time\s*2\.5 years → 1\.5 years/);
    // A fork of the current version is not stale.
    expect(await originalCard.getByRole("note").count()).toBe(0);

    // The author changes a different input on the edit page and saves a new version.
    await host.reload();
    await waitForHydration(host);
    await host.getByRole("link", { name: "Edit post" }).click();
    await host.waitForURL(`${e2e.app.url}/posts/${SLUG}/edit`);
    await waitForHydration(host);
    const growth = await findInput(host.locator(".post-editor"), "GDP growth");
    await growth.fill("4%");
    await growth.blur();
    await textOf(host.locator(".fe-summary")).toContain("GDP growth");
    await textOf(host.locator(".fe-preview .fe-status")).toContain("Up to date");
    await host.getByRole("button", { name: "Save changes" }).click();
    await host.waitForURL(`${e2e.app.url}/posts/${SLUG}`);
    const currentVersion = await panelForecastId(host);
    expect(currentVersion).not.toBe(firstVersion);
    expect(await panelInput(host, "GDP growth")).toMatch(/^4%/);
    // The author sees the notice too, but rebasing is the fork author's call.
    const hostView = host.locator("article.comment", { hasText: "Hardware gets cheaper faster" }).first();
    await textOf(hostView.getByRole("note")).toContain(STALE);
    expect(await hostView.getByRole("button", { name: REBASE }).count()).toBe(0);

    // Editing a post sends no live event, so A looks again.
    await a.reload();
    await waitForHydration(a);
    const note = originalCard.getByRole("note");
    await textOf(note).toContain(STALE);
    await note.getByRole("button", { name: REBASE }).click();

    const rebased = a.locator("article.comment", { hasText: "Rebased onto the post's updated forecast" }).last();
    const rebasedCard = rebased.getByRole("region", { name: "Forked forecast" }).first();
    await visible(rebasedCard);
    // Same change as A's fork, now measured against the edited forecast: the author's GDP
    // growth is the parent's value, so it is not part of the diff.
    await countOf(rebasedCard.locator(".fork-diff tbody tr")).toBe(1);
    await textOf(rebasedCard.locator(".fork-diff")).toMatch(/Hardware cost halving time\s*2\.5 years → 1\.5 years/);
    expect(await rebasedCard.locator(".fork-diff").innerText()).not.toContain("GDP growth");
    expect(await rebasedCard.getByRole("note").count()).toBe(0);
    await hidden(a.getByRole("button", { name: "Rebasing…" }));

    // The old fork stays, still flagged, beside the new one.
    await countOf(a.getByRole("region", { name: "Forked forecast" })).toBe(2);
    await textOf(originalCard.getByRole("note")).toContain(STALE);
    // Once rebased, it says where the rebase is instead of offering another.
    await textOf(originalCard.getByRole("note")).toContain("Rebased onto the current version in a reply below.");
    await countOf(originalCard.getByRole("button", { name: REBASE })).toBe(0);
    await textOf(originalCard.locator(".fork-diff")).toMatch(/Hardware cost halving time\s*2\.5 years → 1\.5 years/);
    expect(errors).toEqual([]);

    // Lineage: the post's current version, then the rebased fork.
    await rebasedCard.locator(".fork-card__links").getByRole("link", { name: "Lineage" }).click();
    await a.waitForURL(/\/forecasts\/\d+$/);
    const steps = a.locator(".lineage ol > li");
    await countOf(steps).toBe(2);
    await textOf(steps.nth(0)).toContain("The post's forecast, by HESTER");
    // The step is named by its author, and that name links the post's current version.
    const postStep = steps.nth(0).getByRole("link", { name: "The post's forecast, by HESTER" });
    expect(await postStep.getAttribute("href")).toBe(`/forecasts/${currentVersion}`);
    await textOf(steps.nth(1)).toContain("Fork by ANNA");
    await textOf(steps.nth(1)).toMatch(/Changed: Hardware cost halving time: 2\.5 years → 1\.5 years$/m);
    // The rebased fork carries both: A's hardware trend and the author's new GDP growth.
    expect(await panelInput(a, "Hardware cost halving time")).toMatch(/^1\.5 years/);
    expect(await panelInput(a, "GDP growth")).toMatch(/^4%/);
    expect(errors).toEqual([]);
    expect(hostErrors).toEqual([]);
    await a.context().close();
    await host.context().close();
  });
});
