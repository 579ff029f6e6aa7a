// Starts the production server (dist/server.js) on a free port with a fresh database, and
// Debian's Chromium through playwright-core. No browser is ever downloaded.
import { join } from "node:path";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startApp, type RunningApp } from "../support/process";
export { startApp, type RunningApp };

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

/** The server and the browser one e2e file shares: started before its tests, stopped after. */
export interface E2eRun {
  readonly app: RunningApp;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll; read `app` and `browser` inside tests, once started. */
export function useAppAndBrowser(options: Parameters<typeof startApp>[0] = {}): E2eRun {
  const run = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    run.app = await startApp(options);
    run.browser = await launchBrowser();
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.app?.stop();
  });
  return run;
}

/** A page in a context of its own (its own cookies, so its own person). */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}, timeout = 20_000): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return page;
}

/** A page of its own for a new member, signed up through the form, its errors watched from the start. */
export async function memberPage(run: E2eRun, handle: string, options: BrowserContextOptions = {}, name?: string): Promise<{ page: Page; errors: string[] }> {
  const page = await openPage(run.browser, options);
  const errors = watchErrors(page);
  await signUp(page, run.app.url, handle, name);
  return { page, errors };
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

/** The built-in models' editor folds its input groups: find an input by searching for it, as a reader would. */
export async function findInput(form: Locator, label: string): Promise<Locator> {
  const box = form.locator(".fe-find__box");
  const plain = form.getByLabel(label);
  // The Squiggle editor shows its few inputs unfolded, with no search box; the built-in models'
  // box (drawn once the editor has mounted) comes before every folded input.
  await box.or(plain).first().waitFor({ state: "visible" });
  if ((await box.count()) === 0) return plain;
  await box.fill(label);
  return form.getByLabel(label, { exact: true });
}

/** The password every e2e account signs up with. */
export const E2E_PASSWORD = "a long enough passphrase";

/** Signs up through the real form and waits until the header shows the new account. */
export async function signUp(page: Page, base: string, handle: string, name = handle.toUpperCase()) {
  await page.goto(`${base}/signup`);
  await waitForHydration(page);
  await submitSignUp(page, base, handle, name);
  await textOf(page.locator(".site-nav__me")).toContain(name);
}

/** The signup form's part alone, which also works with JavaScript off (the caller has opened /signup). */
export async function submitSignUp(page: Page, base: string, handle: string, name: string) {
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${base}/`);
}

/** Opens the fork form under the post's forecast. */
export async function openForkForm(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Reply with a fork of this forecast" }).click();
  return page.locator(".post-fork .fork-form");
}

/** Opens the fork form and sets one input to a new value. */
export async function forkOneInput(page: Page, label: string, value: string): Promise<Locator> {
  const form = await openForkForm(page);
  const input = await findInput(form, label);
  await input.fill(value);
  await input.blur();
  return form;
}

/** Writes the fork's reason and posts it, once the form's shift line shows the change. */
export async function postFork(form: Locator, markdown: string) {
  await textOf(form.locator(".fe-shift")).toContain("→");
  await form.locator("textarea[name=markdown]").fill(markdown);
  await form.getByRole("button", { name: "Post reply with fork" }).click();
}

/** Logs in through the real form and waits for the front page. */
export async function logIn(page: Page, base: string, handle: string, password: string) {
  await page.goto(`${base}/login`);
  await waitForHydration(page);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${base}/`);
}

/**
 * Edits the signed-in author's own comment (the one whose own text contains `contains`) through
 * its Edit form on the post page, and waits until the edit shows (plain text only: it is matched as shown). Returns the comment's permalink.
 */
export async function editOwnComment(page: Page, base: string, postPath: string, contains: string, markdown: string): Promise<string> {
  await page.goto(`${base}${postPath}`);
  await waitForHydration(page);
  // Articles nest: the innermost one holding the text is the last in document order.
  const comment = page.locator("article.comment", { hasText: contains }).last();
  const permalink = (await comment.locator(":scope > .comment__head a.comment__date").getAttribute("href"))!;
  await comment.locator(".comment__actions summary", { hasText: "Edit" }).first().click();
  await comment.locator(".comment__actions textarea").first().fill(markdown);
  await comment.getByRole("button", { name: "Save edit" }).click();
  await page.locator(".comment__body", { hasText: markdown }).first().waitFor({ state: "visible", ...WAIT });
  return permalink;
}

/** Where e2e screenshots go for a person to look at: ./test-results (git-ignored) unless E2E_SCREENSHOT_DIR says otherwise. */
export function screenshotPath(name: string): string {
  return join(process.env.E2E_SCREENSHOT_DIR ?? "test-results", name);
}
