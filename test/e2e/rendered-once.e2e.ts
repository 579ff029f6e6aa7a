// Rows of actions and fork cards the server keeps by their props (docs/decisions/036): the
// browser must hydrate that markup as if it had been rendered in place, with no mismatch, and
// every control in it must then work as before.
import { describe, expect, it } from "vitest";
import { countOf, logIn, openPage, textOf, useAppAndBrowser, visible, waitForHydration, watchErrors } from "./harness";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

const e2e = useAppAndBrowser({ seed: true });

describe("rows kept by their props", () => {
  it("the post's author's page hydrates without a mismatch, and its votes, replies, moderation menus and fork cards work", async () => {
    // A first reader fills the server's cache; the author's page is then drawn from it.
    const first = await openPage(e2e.browser);
    await logIn(first, e2e.app.url, "priya", "forkcast-priya-demo");
    await first.goto(`${e2e.app.url}${POST}`);
    await first.close();

    const page = await openPage(e2e.browser);
    const errors = watchErrors(page);
    await logIn(page, e2e.app.url, "ada", "forkcast-member-demo");
    await page.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(page);
    // The post's author moderates every comment, and may edit their own.
    await countOf(page.locator(".comment__actions summary", { hasText: "Moderate" })).toBe(8);
    await countOf(page.locator(".comment__actions summary", { hasText: "Edit" })).toBe(1);

    // Votes go through the thread's fetcher: the score moves without a page load.
    const moss = page.locator("article.comment#c-10");
    const upvote = moss.locator(":scope > details > .comment__actions").getByRole("button", { name: "Upvote" });
    const before = Number(await moss.locator(":scope > details > .comment__actions .vote__score").first().innerText());
    await upvote.click();
    await textOf(moss.locator(":scope > details > .comment__actions .vote__score")).toBe(String(before + 1));
    await expect.poll(() => moss.getByRole("button", { name: "Retract upvote" }).getAttribute("aria-pressed")).toBe("true");

    // "Reply" opens its form in place (a hydrated handler), not the permalink.
    await moss.locator(":scope > details > .comment__actions").getByRole("link", { name: "Reply", exact: true }).click();
    await visible(moss.locator(".comment__reply textarea"));
    expect(new URL(page.url()).pathname).toBe(POST);

    // A moderation menu becomes a fetcher once opened: collapsing answers in place.
    const priya = page.locator("article.comment#c-7");
    await priya.locator(":scope > details > .comment__actions summary", { hasText: "Moderate" }).click();
    await priya.getByRole("button", { name: "Collapse as off-topic" }).click();
    await visible(priya.locator(".comment__collapsed"));
    expect(new URL(page.url()).pathname).toBe(POST);

    // A kept fork card's question box is built when opened.
    const card = page.locator("article.comment#c-4 .fork-card").first();
    await card.locator("summary", { hasText: "Ask this fork your own question" }).click();
    await visible(card.locator(".fork-card__question form"));

    // The author's own row is kept too: its Edit and Delete become fetchers once opened.
    const own = page.locator("article.comment#c-5");
    const ownActions = own.locator(":scope > details > .comment__actions");
    await ownActions.locator("summary", { hasText: "Edit" }).click();
    await ownActions.locator("textarea").fill("Edited through a kept row.");
    await ownActions.getByRole("button", { name: "Save edit" }).click();
    await textOf(own.locator(":scope > details > .comment__body")).toBe("Edited through a kept row.");
    await ownActions.locator("summary", { hasText: "Delete" }).click();
    await ownActions.getByRole("button", { name: "Yes, delete" }).click();
    await visible(own.locator(":scope > details > .comment__body--gone"));
    expect(new URL(page.url()).pathname).toBe(POST);

    expect(errors).toEqual([]);
  });
});
