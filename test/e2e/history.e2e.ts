// A comment's edit history: every version, newest first, each with what its edit changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { editOwnComment, launchBrowser, logIn, startApp, textOf, waitForHydration, type RunningApp } from "./harness";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const ORIGINAL = "Please keep replies to specific inputs";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seed: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("comment edit history", () => {
  it("lists each version with a word diff against the one before, and the versions as they read", async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, app.url, "moss", "forkcast-moderator-demo");
    await editOwnComment(page, app.url, POST, ORIGINAL, "Please keep replies to specific inputs and their sources.");
    const permalink = await editOwnComment(page, app.url, POST, "and their sources", "Please keep replies to named inputs and their sources.");

    await page.goto(`${app.url}${permalink}/history`);
    await waitForHydration(page);
    await textOf(page.locator("h1")).toBe("Edit history");
    // The page is the history, not the permalink thread it once fell through to.
    expect(await page.locator("article.comment").count()).toBe(0);
    const items = page.locator(".history__item");
    expect(await items.count()).toBe(3);
    await textOf(items.nth(0).locator(".history__meta")).toContain("Current version");
    await textOf(items.nth(2).locator(".history__meta")).toContain("Version 1");
    expect(await items.nth(0).locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d/);

    // Newest edit: "specific" became "named".
    expect(await items.nth(0).locator(".history__text del").allInnerTexts()).toContain("specific");
    expect(await items.nth(0).locator(".history__text ins").allInnerTexts()).toContain("named");
    // The edit before it added the sources.
    expect(await items.nth(1).locator(".history__text ins").allInnerTexts()).toEqual(expect.arrayContaining(["their", "sources"]));
    // The first version has nothing to compare with: it is shown as it read.
    expect(await items.nth(2).locator(".history__text").count()).toBe(0);
    await textOf(items.nth(2).locator(".prose")).toContain("Please keep replies to specific inputs");
  });
});
