// Edit histories (revisions) in Chromium: a post's and a comment's history pages list every version with
// what each edit changed; the Markdown preview renders a post's body with the server's renderer.
import { describe, expect, it } from "vitest";
import { countOf, memberPage, screenshotPath, textOf, useAppAndBrowser, visible, waitForHydration } from "./harness";

const e2e = useAppAndBrowser({ seed: true });

describe("edit histories", () => {
  it("previews a post's Markdown, then lists the post's and a comment's revisions with diffs", async () => {
    const { page, errors } = await memberPage(e2e, "histor", { viewport: { width: 1280, height: 800 } });
    await page.goto(`${e2e.app.url}/posts/new`);
    await waitForHydration(page);
    await page.getByLabel("Title", { exact: true }).fill("Versions of a thought");
    await page.getByLabel("Body", { exact: true }).fill("The anchor is $10^{24}$ FLOP.\n\nSecond paragraph.");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const preview = page.locator(".md-preview__body");
    await visible(preview.locator(".katex"));
    await textOf(preview).toContain("Second paragraph.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/\/posts\/versions-of-a-thought$/);

    await page.getByRole("link", { name: "Edit post" }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel("Title", { exact: true }).fill("Versions of a thought, revised");
    await page.getByLabel("Body", { exact: true }).fill("The anchor is $10^{24}$ FLOP.\n\nSecond paragraph, rewritten.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/posts\/versions-of-a-thought$/);
    await page.locator(".post__meta").getByRole("link", { name: /^edited/ }).click();
    await page.waitForURL(/\/posts\/versions-of-a-thought\/history$/);
    await textOf(page.locator("h1")).toContain("Edit history");
    const versions = page.locator(".history__item");
    await countOf(versions).toBe(2);
    await textOf(versions.first().locator(".history__meta")).toContain("Version 2, current");
    await textOf(versions.first().locator(".history__change")).toContain("Title: Versions of a thought → Versions of a thought, revised");
    await textOf(versions.first().locator(".history__text ins")).toBe(", rewritten");
    expect(await versions.first().locator(".history__text del").count()).toBe(0);
    await textOf(versions.last().locator(".history__meta")).toContain("first version");
    await page.screenshot({ path: screenshotPath("post-history-1280.png"), fullPage: true });

    // A comment, edited: its own history page (not the thread) shows the change.
    await page.goto(`${e2e.app.url}/posts/versions-of-a-thought`);
    await waitForHydration(page);
    await page.locator(".thread__new textarea").fill("A comment, first draft.");
    await page.locator(".thread__new").getByRole("button", { name: "Comment" }).click();
    const comment = page.locator("article.comment", { hasText: "A comment, first draft." });
    await visible(comment);
    await comment.locator(".action-panel > summary", { hasText: "Edit" }).click();
    await comment.locator(".action-panel textarea").fill("A comment, second draft.");
    await comment.getByRole("button", { name: "Save edit" }).click();
    const edited = page.locator("article.comment", { hasText: "A comment, second draft." });
    await visible(edited.locator(".comment__edited"));
    await edited.locator(".comment__edited").click();
    await page.waitForURL(/\/comments\/\d+\/history$/);
    await textOf(page.locator("h1")).toBe("Edit history");
    await textOf(page.locator(".history__intro")).toContain("Every version of this comment");
    expect(await page.locator("article.comment").count()).toBe(0);
    await countOf(page.locator(".history__item")).toBe(2);
    await textOf(page.locator(".history__item").first().locator(".history__text del")).toBe("first");
    await textOf(page.locator(".history__item").first().locator(".history__text ins")).toBe("second");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
