// Starts the production server (dist/server.js) on a free port with a fresh database, and
// Debian's Chromium through playwright-core. No browser is ever downloaded.
import { join } from "node:path";
import { existsSync } from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
export { startApp, type RunningApp } from "../support/process";

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the e2e tests. Install Debian's build with `apt-get install -y chromium` " +
        "or point CHROMIUM_PATH at a Chromium binary. (Browsers are never downloaded by the test tools.)",
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Fails the test on any page error or console error, the way a careful reader would notice. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** Remix hydrates after first paint; interactions before that would be plain form posts. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
}

// playwright-core has no test runner and no web-first assertions; these wait the way they do.
const WAIT = { timeout: 10_000 };
export const visible = (l: Locator) => l.first().waitFor({ state: "visible", ...WAIT });

/** An <img> that is on screen and whose image actually arrived and decoded (not a broken icon). */
export async function loadedImage(l: Locator): Promise<void> {
  const img = l.first();
  await img.scrollIntoViewIfNeeded(WAIT);
  await img.waitFor({ state: "visible", ...WAIT });
  await img.evaluate((el: HTMLImageElement) => (el.complete ? undefined : new Promise((ok) => el.addEventListener("load", ok, { once: true }))));
  const width = await img.evaluate((el: HTMLImageElement) => el.naturalWidth);
  if (!(width > 0)) throw new Error("image did not load");
}
export const hidden = (l: Locator) => l.first().waitFor({ state: "hidden", ...WAIT });
export const textOf = (l: Locator) => expect.poll(() => l.first().innerText(), WAIT);
export const valueOf = (l: Locator) => expect.poll(() => l.first().inputValue(), WAIT);
export const countOf = (l: Locator) => expect.poll(() => l.count(), WAIT);

/** The password every e2e account signs up with. */
export const E2E_PASSWORD = "a long enough passphrase";

/** Signs up through the real form and waits until the header shows the new account. */
export async function signUp(page: Page, base: string, handle: string, name = handle.toUpperCase()) {
  await page.goto(`${base}/signup`);
  await waitForHydration(page);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${base}/`);
  await textOf(page.locator(".site-nav__me")).toContain(name);
}

/** Where e2e screenshots go for a person to look at: ./test-results (git-ignored) unless E2E_SCREENSHOT_DIR says otherwise. */
export function screenshotPath(name: string): string {
  return join(process.env.E2E_SCREENSHOT_DIR ?? "test-results", name);
}
