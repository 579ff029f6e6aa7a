// Search in a real browser: the header's box suggests as the reader types, arrows and Enter
// (or a click) land on a comment's permalink; without JavaScript the same box is a plain GET
// form to /search. Screenshots of /search with results at desktop and phone widths are left
// for a person to look at (E2E_SCREENSHOT_DIR).
import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { postAction } from "../support/actions";
import { openPage, screenshotPath, textOf, useAppAndBrowser, visible, waitForHydration, watchErrors } from "./harness";

const e2e = useAppAndBrowser({ seed: true });
const POST = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";
let commentId = 0;

beforeAll(async () => {
  const writer = new Client(e2e.app.url);
  await writer.signup("finder", "correct horse battery", "Fenna Finder");
  const reply = await postAction(writer, `/posts/${POST}`, { intent: "reply", markdown: "The quokkaberry estimate assumes <b>no</b> algorithmic progress at all.", parentId: "" });
  expect(reply.status).toBe(200);
  commentId = reply.data!.commentId as number;
});

describe("search-as-you-type in the header", () => {
  it("finds a comment as the word is typed; arrow down and Enter open its permalink", async () => {
    const page = await openPage(e2e.browser);
    const errors = watchErrors(page);
    await page.goto(`${e2e.app.url}/`);
    await waitForHydration(page);
    const box = page.getByRole("combobox", { name: "Search" });
    await box.pressSequentially("quokkab", { delay: 30 });
    const option = page.getByRole("option").filter({ hasText: "algorithmic progress" });
    await visible(option);
    expect(await option.first().innerHTML()).toContain("<mark>quokkaberry</mark>");
    expect(await option.first().innerHTML()).toContain("&lt;b&gt;no&lt;/b&gt;");
    await box.press("ArrowDown");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(await option.first().getAttribute("id"));
    await box.press("Enter");
    await page.waitForURL(`${e2e.app.url}/posts/${POST}/comments/${commentId}`);
    await textOf(page.locator("main")).toContain("quokkaberry estimate");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a click on a suggestion lands on the same permalink; Escape closes the list", async () => {
    const page = await openPage(e2e.browser);
    await page.goto(`${e2e.app.url}/`);
    await waitForHydration(page);
    const box = page.getByRole("combobox", { name: "Search" });
    await box.fill("quokkaberry");
    await visible(page.getByRole("listbox", { name: "Search suggestions" }));
    await box.press("Escape");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("false");
    await box.fill("quokkaberry estimate");
    await page.getByRole("option").filter({ hasText: "algorithmic progress" }).first().click();
    await page.waitForURL(`${e2e.app.url}/posts/${POST}/comments/${commentId}`);
    await page.context().close();
  });

  it("without JavaScript the box is a GET form: Enter shows /search with the comment, escaped and marked", async () => {
    const page = await openPage(e2e.browser, { javaScriptEnabled: false });
    await page.goto(`${e2e.app.url}/`);
    const box = page.getByRole("combobox", { name: "Search" });
    await box.fill("quokkaberry");
    await box.press("Enter");
    await page.waitForURL(`${e2e.app.url}/search?q=quokkaberry`);
    const hit = page.locator(".search-hit--comment").first();
    await visible(hit);
    expect(await hit.locator(".search-hit__snippet").innerHTML()).toContain("<mark>quokkaberry</mark> estimate assumes &lt;b&gt;no&lt;/b&gt;");
    await hit.locator("a.search-hit__title").click();
    await page.waitForURL(`${e2e.app.url}/posts/${POST}/comments/${commentId}`);
    await page.context().close();
  });
});

describe("the /search page", () => {
  for (const size of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    it(`shows posts, comments and people with marked snippets at ${size.width}px`, async () => {
      const page = await openPage(e2e.browser, { viewport: { width: size.width, height: size.height } });
      const errors = watchErrors(page);
      await page.goto(`${e2e.app.url}/search?q=median`);
      await waitForHydration(page);
      await visible(page.locator(".search-hit mark"));
      expect(await page.locator(".search-hit--post").count()).toBeGreaterThan(0);
      expect(await page.locator(".search-hit--comment").count()).toBeGreaterThan(0);
      // Nothing sideways on a phone: the page is no wider than its viewport.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: screenshotPath(`search/search-${size.name}.png`), fullPage: true });
      const box = page.getByRole("combobox", { name: "Search" });
      await box.fill("quokkab");
      await visible(page.getByRole("option").filter({ hasText: "algorithmic progress" }));
      await page.screenshot({ path: screenshotPath(`search/typeahead-${size.name}.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
