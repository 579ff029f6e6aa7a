// The fork editor that shows its own result: the preview's headline shift stays on screen
// while the last of Bio Anchors' 39 inputs is edited, at desktop and phone widths; the form
// is short by default; one text box at a time; focus goes to the posted fork; and forking
// from the post works with JavaScript off.
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { memberPage, openForkForm, openPage, screenshotPath, signUp, textOf, useAppAndBrowser, visible, waitForHydration, E2E_PASSWORD } from "./harness";

const e2e = useAppAndBrowser({ seed: true });
const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** The element's box lies inside the window, under the sticky header, and is what is drawn there. */
async function onScreen(page: Page, target: Locator) {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector(".site-header")!.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
    return {
      top: box.top,
      bottom: box.bottom,
      headerBottom: header.bottom,
      windowHeight: window.innerHeight,
      drawn: hit !== null && (el === hit || el.contains(hit)),
    };
  });
}

async function openForkEditor(page: Page): Promise<Locator> {
  const form = await openForkForm(page);
  await visible(form.locator(".fe-find__box"));
  return form;
}

describe("the fork editor shows its own result", () => {
  for (const size of SIZES) {
    it(`keeps the headline shift on screen while the last input is edited (${size.width}×${size.height})`, async () => {
      const { page, errors } = await memberPage(e2e, `edit${size.width}`, { viewport: size });
      page.setDefaultTimeout(30_000);
      await page.goto(`${e2e.app.url}${POST}`);
      await waitForHydration(page);
      const form = await openForkEditor(page);
      // One text box: the fork's own reply text replaces the post's comment box.
      expect(await page.locator(".thread__new > .comment-form").count()).toBe(0);
      await expect.poll(() => page.locator("textarea:visible").count()).toBe(1);

      const groups = form.locator(".fe-group");
      expect(await groups.count()).toBeGreaterThan(3);
      expect(await groups.evaluateAll((els) => els.filter((el) => (el as HTMLDetailsElement).open).length)).toBe(0);
      const height = await form.evaluate((el) => el.getBoundingClientRect().height);
      expect(height).toBeLessThan(2500);
      await form.screenshot({ path: screenshotPath(`fork-editor-default-${size.width}.png`) });

      // Find an input by searching, change it: the shift appears.
      await form.locator(".fe-find__box").fill("halving");
      await textOf(form.locator(".fe-find__count")).toMatch(/^\d+ of 39 inputs$/);
      await form.getByLabel("Hardware cost halving time", { exact: true }).fill("1.5");
      await form.getByLabel("Hardware cost halving time", { exact: true }).blur();
      await textOf(form.locator(".fe-shift")).toMatch(/^median arrival 2053 → 204\d/);
      await form.locator(".fe-find__box").fill("");

      // Every group open (the longest the form gets), then the last input of the last group.
      const count = await groups.count();
      for (let i = 0; i < count; i++) {
        const group = groups.nth(i);
        if (!(await group.evaluate((el) => (el as HTMLDetailsElement).open))) await group.locator("summary").click();
      }
      const last = form.locator(".fe-main").locator("input:not([type=hidden]):visible, select:visible").last();
      await last.focus();
      await last.evaluate((el) => el.scrollIntoView({ block: "end" }));
      expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);
      const lastBox = await onScreen(page, last);
      expect(lastBox.bottom).toBeLessThanOrEqual(lastBox.windowHeight + 1);

      // Wide: the preview panel beside the inputs; narrow: the summary bar pinned above them.
      const shift = size.width >= 1000 ? form.locator(".fe-side .fe-shift") : form.locator(".fe-bar__gist");
      await textOf(shift).toMatch(/2053 → 204\d/);
      const box = await onScreen(page, shift);
      expect(box.top).toBeGreaterThanOrEqual(box.headerBottom - 1);
      expect(box.bottom).toBeLessThanOrEqual(box.windowHeight + 1);
      expect(box.drawn).toBe(true);
      await page.screenshot({ path: screenshotPath(`fork-editor-last-input-${size.width}.png`) });

      // Posted: focus moves to the new reply, and the page says so.
      await form.locator("textarea[name=markdown]").fill(`Faster hardware, seen at ${size.width} px.`);
      await form.getByRole("button", { name: "Post reply with fork" }).click();
      const reply = page.locator("article.comment", { hasText: `Faster hardware, seen at ${size.width} px.` }).first();
      await visible(reply.locator(".fork-card"));
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest("article.comment")?.textContent ?? "")).toContain(`seen at ${size.width} px`);
      await textOf(page.locator("#announcer")).toContain("Your fork is posted");
      // And the comment box is back.
      await visible(page.locator(".thread__new > .comment-form textarea"));
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("lands anchors below the sticky header", async () => {
    const page = await openPage(e2e.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${e2e.app.url}${POST}#comments`);
    const box = await onScreen(page, page.locator("#comments-heading"));
    expect(box.top).toBeGreaterThanOrEqual(box.headerBottom);
    expect(box.drawn).toBe(true);
    await page.context().close();
  });

  it("forks from the post with JavaScript off, and shows the posted fork", async () => {
    const setup = await openPage(e2e.browser);
    await signUp(setup, e2e.app.url, "nojs");
    await setup.context().close();

    const page = await openPage(e2e.browser, { javaScriptEnabled: false });
    await page.goto(`${e2e.app.url}/login`);
    await page.getByLabel("Handle").fill("nojs");
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.goto(`${e2e.app.url}${POST}`);
    await page.getByRole("link", { name: "Reply with a fork of this forecast" }).click();
    await page.waitForURL(/\?fork=1#fork$/);
    const form = page.locator(".post-fork .fork-form");
    expect(await page.locator(".thread__new > .comment-form").count()).toBe(0);
    const field = form.getByLabel("Hardware cost halving time", { exact: true });
    await form.locator(".fe-group").filter({ has: page.getByLabel("Hardware cost halving time", { exact: true }) }).locator("summary").click();
    // A value the server refuses: the page says why, keeps the text, and opens the input's group.
    await field.fill("not a number");
    await form.locator("textarea[name=markdown]").fill("Forked without any JavaScript.");
    await form.getByRole("button", { name: "Post reply with fork" }).click();
    await visible(page.locator(".post-fork .fork-form [role=alert]"));
    expect(await page.locator(".post-fork .fork-form textarea[name=markdown]").inputValue()).toBe("Forked without any JavaScript.");
    await page.locator(".post-fork .fork-form").getByLabel("Hardware cost halving time", { exact: true }).fill("1.5");
    await page.locator(".post-fork .fork-form").getByRole("button", { name: "Post reply with fork" }).click();
    // Post, redirect, get: the new reply's own page, not the empty form again.
    await page.waitForURL(/\/comments\/\d+#c-\d+$/);
    const reply = page.locator("article.comment", { hasText: "Forked without any JavaScript." });
    await visible(reply.locator(".fork-card"));
    await textOf(reply.locator(".fork-diff")).toContain("Hardware cost halving time");
    expect(await page.locator(".fork-form").count()).toBe(0);
    await page.context().close();
  });
});

describe("reply text survives a reload", () => {
  it("keeps a comment's, a reply's and a fork's text in this browser until it is posted", async () => {
    const { page, errors } = await memberPage(e2e, "drafty", { viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(page);
    const box = page.locator(".thread__new > .comment-form textarea");
    await box.fill("A comment I was still writing");

    const target = page.locator("article.comment").first();
    await target.locator(".comment__actions").first().getByRole("link", { name: "Reply", exact: true }).click();
    await target.locator(".comment__reply textarea").first().fill("A reply I was still writing");
    await page.reload();
    await waitForHydration(page);
    await expect.poll(() => box.inputValue()).toBe("A comment I was still writing");
    await expect.poll(() => page.locator("article.comment").first().locator(".comment__reply textarea").first().inputValue()).toBe("A reply I was still writing");

    const form = await openForkEditor(page);
    await form.locator("textarea[name=markdown]").fill("Why my fork differs, half written");
    await page.reload();
    await waitForHydration(page);
    // The fork form opens again by itself, with its text.
    await expect.poll(() => page.locator(".post-fork .fork-form textarea[name=markdown]").inputValue()).toBe("Why my fork differs, half written");

    // An emptied box keeps nothing. Posted, the draft is gone: after another reload the box is empty.
    await page.locator(".post-fork .fork-form textarea[name=markdown]").fill("");
    await page.getByRole("button", { name: "Cancel fork" }).click();
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await visible(page.locator("article.comment", { hasText: "A comment I was still writing" }));
    await page.reload();
    await waitForHydration(page);
    await page.waitForTimeout(200);
    expect(await page.locator(".thread__new > .comment-form textarea").inputValue()).toBe("");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
