// Starts the production server (dist/server.js) on a free port with a fresh database, and
// Debian's Chromium through playwright-core. No browser is ever downloaded.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

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

export interface RunningApp {
  url: string;
  databasePath: string;
  stop(): Promise<void>;
}

export async function startApp(options: { seed?: boolean } = {}): Promise<RunningApp> {
  if (!existsSync("dist/server.js") || !existsSync("build/server/index.js")) {
    throw new Error("No production build: run `npm run build` first (npm run test:e2e does).");
  }
  const dir = mkdtempSync(join(tmpdir(), "forkcast-e2e-"));
  const databasePath = join(dir, "e2e.db");
  const child: ChildProcess = spawn(process.execPath, ["dist/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, SEED: options.seed ? "true" : "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    timer.unref();
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    databasePath,
    async stop() {
      const exited = new Promise((ok) => child.once("exit", ok));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
export const hidden = (l: Locator) => l.first().waitFor({ state: "hidden", ...WAIT });
export const textOf = (l: Locator) => expect.poll(() => l.first().innerText(), WAIT);
export const valueOf = (l: Locator) => expect.poll(() => l.first().inputValue(), WAIT);
export const countOf = (l: Locator) => expect.poll(() => l.count(), WAIT);
