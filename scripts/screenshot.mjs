// Dev tool: screenshots of a running Forkcast in Debian's Chromium, desktop and phone widths.
// Usage: node scripts/screenshot.mjs http://localhost:3000/path out-prefix
import { chromium } from "playwright-core";

const [url, prefix = "screenshots/shot"] = process.argv.slice(2);
if (!url) throw new Error("Usage: node scripts/screenshot.mjs URL [out-prefix]");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: true });
  await page.close();
}
await browser.close();
