// An embed on another site (docs/decisions/027): a page served by this test from another
// origin frames /embed/forecasts/:id, and Chromium draws the chart inside the frame, in the
// light theme and the dark one. A post page framed the same way is refused by its policy.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, screenshotPath, useAppAndBrowser } from "./harness";

const SLUG = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const run = useAppAndBrowser({ seed: true });

// The other site: one page holding whatever iframe the query names.
let host: Server;
let hostUrl = "";
beforeAll(async () => {
  host = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
    const escaped = src.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Elsewhere</title><h1>A blog post elsewhere</h1><iframe id="frame" src="${escaped}" width="680" height="560" style="border:0"></iframe>`);
  });
  await new Promise<void>((ok) => host.listen(0, "127.0.0.1", ok));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => host.close(() => ok())));

/** The forecast id a post's page carries, read from its oEmbed discovery answer. */
async function postForecastId(): Promise<number> {
  const res = await fetch(`${run.app.url}/oembed?url=${encodeURIComponent(`${run.app.url}/posts/${SLUG}`)}`);
  const html = ((await res.json()) as { html: string }).html;
  return Number(/\/embed\/forecasts\/(\d+)/.exec(html)![1]);
}

describe("an embed on another origin", () => {
  it("renders the chart inside the frame, light and dark", async () => {
    const id = await postForecastId();
    // Not the app's origin: another host name and another port.
    expect(new URL(hostUrl).origin).not.toBe(new URL(run.app.url).origin);
    for (const theme of ["light", "dark"] as const) {
      const page = await openPage(run.browser, { viewport: { width: 900, height: 760 } });
      const violations: string[] = [];
      page.on("console", (msg) => {
        if (/Refused|Content Security Policy|frame-ancestors/i.test(msg.text())) violations.push(msg.text());
      });
      const src = `${run.app.url}/embed/forecasts/${id}?theme=${theme}`;
      await page.goto(`${hostUrl}/?src=${encodeURIComponent(src)}`);
      const frame = page.frameLocator("#frame");
      const chart = frame.locator(".embed__svg--wide svg.forecast-chart__svg");
      await chart.waitFor({ state: "visible" });
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(500);
      expect(box!.height).toBeGreaterThan(250);
      await expect.poll(() => frame.locator(".embed__headline dd").first().textContent()).toBe("2053");
      expect(await frame.locator(".embed__foot a").getAttribute("href")).toBe(`/posts/${SLUG}`);
      // The theme reached the drawing itself: the chart's background follows it.
      const background = await chart.evaluate((svg) => getComputedStyle(svg.querySelector('rect[fill="#ffffff"]')!).fill);
      expect(background).toBe(theme === "dark" ? "rgb(21, 25, 28)" : "rgb(255, 255, 255)");
      expect(violations).toEqual([]);
      await page.locator("#frame").screenshot({ path: screenshotPath(`embed-${theme}-680.png`) });
      await page.context().close();
    }
  });

  it("follows the reader's colour scheme when no theme is asked for, and switches to the phone drawing in a narrow frame", async () => {
    const id = await postForecastId();
    const page = await openPage(run.browser, { viewport: { width: 500, height: 900 }, colorScheme: "dark" });
    await page.goto(`${hostUrl}/?src=${encodeURIComponent(`${run.app.url}/embed/forecasts/${id}`)}`);
    await page.locator("#frame").evaluate((f) => ((f as HTMLIFrameElement).width = "380"));
    const frame = page.frameLocator("#frame");
    const phone = frame.locator(".embed__svg--phone svg");
    await phone.waitFor({ state: "visible" });
    expect(await frame.locator(".embed__svg--wide").isVisible()).toBe(false);
    const background = await phone.evaluate((svg) => getComputedStyle(svg.querySelector('rect[fill="#ffffff"]')!).fill);
    expect(background).toBe("rgb(21, 25, 28)");
    await page.context().close();
  });

  it("is the only kind of page another site may frame", async () => {
    const page = await openPage(run.browser);
    await page.goto(`${hostUrl}/?src=${encodeURIComponent(`${run.app.url}/posts/${SLUG}`)}`);
    const child = () => page.frames().find((f) => f !== page.mainFrame());
    // Chromium puts its own error page in place of a document whose policy refuses the framing
    // (the frame may show the requested URL for a moment before it is replaced).
    await expect.poll(() => child()?.url()).toBe("chrome-error://chromewebdata/");
    expect(await child()!.locator(".post__title").count()).toBe(0);
    await page.context().close();
  });
});

describe("the API reference", () => {
  it("is readable at /api", async () => {
    const page = await openPage(run.browser, { viewport: { width: 1200, height: 1000 } });
    await page.goto(`${run.app.url}/api`);
    await expect.poll(() => page.locator(".api-endpoint").count()).toBe(5);
    await page.screenshot({ path: screenshotPath("api-reference-1200.png") });
    await page.context().close();
  });
});
