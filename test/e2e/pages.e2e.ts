// Every page type at a desktop and a phone width: axe-core finds no serious or critical
// violation, and a full-page screenshot is left for a person to look at (E2E_SCREENSHOT_DIR).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { editOwnComment, logIn, screenshotPath, useAppAndBrowser, visible, waitForHydration } from "./harness";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const MODERATOR = { handle: "moss", password: "forkcast-moderator-demo" };
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

interface PageType {
  name: string;
  path: () => string;
  /** What a reader does after the page loads, before the check. */
  then?: (page: Page) => Promise<void>;
}

const e2e = useAppAndBrowser({ seed: true });
// Paths found on the seeded pages (ids are the seed's, not ours to guess).
const found = { permalink: "", edited: "", lineage: "", compare: "" };

const PAGES: PageType[] = [
  { name: "front", path: () => "/" },
  { name: "post", path: () => POST },
  { name: "permalink", path: () => found.permalink },
  { name: "history", path: () => `${found.edited}/history` },
  {
    name: "fork-editor",
    path: () => POST,
    then: async (page) => {
      await page.getByRole("button", { name: "Reply with a fork of this forecast" }).click();
      await visible(page.locator(".post-fork .fork-form"));
    },
  },
  { name: "post-editor", path: () => "/posts/new" },
  { name: "profile", path: () => "/users/ada" },
  { name: "lineage", path: () => found.lineage },
  { name: "compare", path: () => found.compare },
  { name: "moderation-log", path: () => "/moderation" },
  { name: "reports", path: () => "/moderation/reports" },
  { name: "settings", path: () => "/settings" },
  { name: "tags", path: () => "/tags" },
  {
    name: "tag-wiki-editor",
    path: () => "/tags/ai-timelines",
    then: async (page) => {
      await page.getByText("Edit this wiki page").click();
    },
  },
  { name: "tag-history", path: () => "/tags/ai-timelines/history" },
  { name: "sequence", path: () => "/sequences/1" },
  { name: "sequence-new", path: () => "/sequences/new" },
  { name: "search", path: () => "/search?q=median" },
  { name: "not-found", path: () => "/no-such-page" },
];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not stand in the way.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { rules: { "target-size": { enabled: true } }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      ${n.target.join(" ")}\n        ${(n.failureSummary ?? "").replace(/\n/g, "\n        ")}`).join("\n")}${v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : ""}`)
    .join("\n");
}

beforeAll(async () => {
  const { app, browser } = e2e;
  const page = await browser.newPage();
  await page.goto(`${app.url}${POST}`);
  found.permalink = new URL((await page.locator("a.comment__date").first().getAttribute("href"))!, app.url).pathname;
  found.lineage = (await page.locator(".fork-card a", { hasText: "Lineage" }).first().getAttribute("href"))!;
  found.compare = (await page.locator(".fork-card a", { hasText: "Compare with parent" }).first().getAttribute("href"))!;
  await page.close();
  // A history with an edit in it, so the page shows a diff.
  const author = await browser.newPage();
  await logIn(author, app.url, MODERATOR.handle, MODERATOR.password);
  found.edited = await editOwnComment(author, app.url, POST, "Please keep replies", "Please keep replies to named inputs, with a source or a one-line reason for each changed number.");
  await author.close();
});

describe.each(WIDTHS)("every page type at $width×$height", (size) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await e2e.browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await logIn(page, e2e.app.url, MODERATOR.handle, MODERATOR.password);
    await page.close();
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(PAGES)("$name: no serious or critical axe violations", async (type) => {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const response = await page.goto(`${e2e.app.url}${type.path()}`);
    expect(response?.status()).toBe(type.name === "not-found" ? 404 : 200);
    await waitForHydration(page);
    await type.then?.(page);
    // From the top: an element that happens to sit under the sticky header at the current
    // scroll position reads as "obscured" to axe, which is about the scroll, not the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    const violations = await axeViolations(page);
    await page.screenshot({ path: screenshotPath(`pages/${type.name}-${size.name}.png`), fullPage: true });
    const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const minor = violations.filter((v) => !severe.includes(v));
    if (minor.length) console.warn(`${type.name} at ${size.width}px, moderate/minor:\n${describeViolations(minor)}`);
    await page.close();
    expect(severe, `${type.name} (${type.path()}) at ${size.width}px has serious or critical axe violations:\n${describeViolations(severe)}`).toEqual([]);
  });
});
