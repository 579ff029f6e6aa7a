// The enforced Content-Security-Policy against the real pages in Chromium: no violation on
// any of them, and the JavaScript the policy must admit (hydration, the lazily loaded vega
// view, socket.io over WebSocket, the editors' previews) still works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { findInput, forkOneInput, textOf, useAppAndBrowser, visible, waitForHydration, watchErrors } from "./harness";

const e2e = useAppAndBrowser({ seed: true });
let context: BrowserContext;
const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

beforeAll(async () => {
  context = await e2e.browser.newContext();
  // Runs before any page script (and is itself exempt from CSP, being injected by the
  // DevTools protocol), so no violation can fire before the listener exists.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
});
afterAll(async () => {
  await context?.close();
});

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** Chromium also logs each violation to the console; catch ones outside the document too. */
function watchCspConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) lines.push(msg.text());
  });
  return lines;
}

async function open(path: string) {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = watchErrors(page);
  const cspConsole = watchCspConsole(page);
  const response = await page.goto(`${e2e.app.url}${path}`);
  expect(response?.headers()["content-security-policy"]).toContain("object-src 'none'");
  await waitForHydration(page);
  return { page, errors, cspConsole, response };
}

async function expectClean(page: Page, errors: string[], cspConsole: string[]) {
  // Late violations (lazy chunks, sockets) have had their chance once the page is idle.
  await page.waitForLoadState("networkidle").catch(() => {});
  expect(await violations(page)).toEqual([]);
  expect(cspConsole).toEqual([]);
  expect(errors).toEqual([]);
}

describe("Content-Security-Policy in Chromium", () => {
  // Simulates a sanitizer bypass: hostile markup spliced into the real HTML response, which
  // keeps its real CSP header. (A script injected with page.evaluate would prove nothing:
  // 'strict-dynamic' deliberately trusts scripts that running JavaScript inserts.)
  it("is really enforced: injected inline script, handler and same-origin chunk do not run", async () => {
    const page = await context.newPage();
    await page.route(`${e2e.app.url}/`, async (route) => {
      const res = await route.fetch();
      const html = await res.text();
      const chunk = /href="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const hostile = `<script>window.__ran = "inline"</script><img src="/nope" onerror="window.__ran = 'handler'"><script type="module" src="${chunk}"></script>`;
      await route.fulfill({ response: res, body: html.replace(/<body[^>]*>/, (tag) => tag + hostile) });
    });
    await page.goto(`${e2e.app.url}/`);
    await page.waitForLoadState("networkidle").catch(() => {});
    const ran = await page.evaluate(() => (window as unknown as { __ran?: string }).__ran ?? null);
    expect(ran).toBeNull();
    const blocked = (await violations(page)).map((v) => v.split(" ")[0]);
    // Inline script and the un-nonced same-origin module (script-src-elem), the handler (script-src-attr).
    expect(blocked.filter((d) => d === "script-src-elem")).toHaveLength(2);
    expect(blocked).toContain("script-src-attr");
    await page.close();
  });

  it("front page: hydrates with zero violations", async () => {
    const { page, errors, cspConsole } = await open("/");
    await visible(page.locator("a.brand"));
    await expectClean(page, errors, cspConsole);
    await page.close();
  });

  it("post with a forecast: KaTeX styles, the interactive vega view and the live socket all work", async () => {
    const { page, errors, cspConsole } = await open(POST);
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    // vega-embed only draws this after its lazy chunk ran under the policy (no eval, no <style>).
    await visible(page.locator(".forecast-panel .forecast-chart__live svg, .forecast-panel .forecast-chart__live canvas"));
    await textOf(page.locator(".live-status")).toContain("Live");
    // A hover reaches vega's interpreted expressions (tooltips, signals), not just its parser.
    await page.locator(".forecast-panel .forecast-chart__live svg").first().hover();
    await expectClean(page, errors, cspConsole);
    await page.close();
    // The socket upgraded to WebSocket: connect-src 'self' covered ws: on the same host.
    expect(sockets.some((u) => u.startsWith(e2e.app.url.replace(/^http/, "ws")))).toBe(true);
  });

  it("a post given out by the signed-out page cache runs under its own nonce: hydrated, live, zero violations", async () => {
    // The test above rendered this post for a signed-out reader; this reader gets the kept copy.
    const { page, errors, cspConsole, response } = await open(POST);
    expect(response?.headers()["x-page-cache"]).toBe("hit");
    await visible(page.locator(".forecast-panel .forecast-chart__live svg, .forecast-panel .forecast-chart__live canvas"));
    await textOf(page.locator(".live-status")).toContain("Live");
    await expectClean(page, errors, cspConsole);
    await page.close();
  });

  it("new-post editor (live preview) and fork editor: zero violations while working", async () => {
    const { page, errors, cspConsole } = await open("/signup");
    await page.getByLabel("Handle").fill("cspwriter");
    await page.getByLabel("Display name").fill("CSP Writer");
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${e2e.app.url}/`);
    await expectClean(page, errors, cspConsole);
    await page.close();

    const editor = await open("/posts/new");
    await editor.page.getByLabel("Title").fill("Policy check");
    await editor.page.getByLabel("Body").fill("Math in the body: $x^2$.");
    await visible(editor.page.locator(".fe-preview svg"));
    const halving = await findInput(editor.page.locator(".post-editor"), "Hardware cost halving time");
    await halving.fill("1.5");
    await halving.blur();
    await textOf(editor.page.locator(".fe-preview .fe-status")).toContain("Up to date");
    await expectClean(editor.page, editor.errors, editor.cspConsole);
    await editor.page.close();

    const fork = await open(POST);
    const form = await forkOneInput(fork.page, "Hardware cost halving time", "1.5");
    await textOf(form.locator(".fe-shift")).toContain("→");
    await expectClean(fork.page, fork.errors, fork.cspConsole);
    await fork.page.close();
  });
});
