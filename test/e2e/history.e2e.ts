// A comment's edit history: every version, newest first, each with what its edit changed.
import { describe, expect, it } from "vitest";
import { editOwnComment, logIn, openPage, textOf, useAppAndBrowser, waitForHydration } from "./harness";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const ORIGINAL = "Please keep replies to specific inputs";

const e2e = useAppAndBrowser({ seed: true });

describe("comment edit history", () => {
  it("lists each version with a word diff against the one before, and the versions as they read", async () => {
    const page = await openPage(e2e.browser);
    await logIn(page, e2e.app.url, "moss", "forkcast-moderator-demo");
    await editOwnComment(page, e2e.app.url, POST, ORIGINAL, "Please keep replies to specific inputs and their sources.");
    const permalink = await editOwnComment(page, e2e.app.url, POST, "and their sources", "Please keep replies to named inputs and their sources.");

    await page.goto(`${e2e.app.url}${permalink}/history`);
    await waitForHydration(page);
    await textOf(page.locator("h1")).toBe("Edit history");
    // The page is the history, not the permalink thread it once fell through to.
    expect(await page.locator("article.comment").count()).toBe(0);
    const items = page.locator(".history__item");
    expect(await items.count()).toBe(3);
    await textOf(items.nth(0).locator(".history__meta")).toContain("Version 3, current");
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
