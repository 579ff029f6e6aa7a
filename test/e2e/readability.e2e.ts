// Charts and controls as a reader sees them on a phone: chart text at 12 CSS px or more after
// the SVG is scaled to its column, fork lines visible beside the aggregate, 44 px touch targets.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadedImage, logIn, openPage as newPage, useAppAndBrowser, visible, waitForHydration } from "./harness";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MIN_TEXT_PX = 12;
const FORK_COLOR = "#c0562f";
const AGGREGATE_COLOR = "#1d2327";

const e2e = useAppAndBrowser({ seed: true });

async function openPage(viewport: { width: number; height: number }, path: string, javaScriptEnabled = true): Promise<Page> {
  const page = await newPage(e2e.browser, { viewport, javaScriptEnabled });
  await page.goto(`${e2e.app.url}${path}`);
  if (javaScriptEnabled) await waitForHydration(page);
  return page;
}

interface TextSize {
  chart: string;
  text: string;
  px: number;
}

/** The on-screen size of every visible SVG text inside `selector`: its font size times the SVG's scale to the page. */
function renderedTextSizes(page: Page, selector: string): Promise<TextSize[]> {
  return page.evaluate((sel) => {
    const out: { chart: string; text: string; px: number }[] = [];
    for (const root of Array.from(document.querySelectorAll(sel))) {
      for (const t of Array.from(root.querySelectorAll("svg text"))) {
        const el = t as SVGTextElement;
        const box = el.getBoundingClientRect();
        if (!el.textContent?.trim() || box.width === 0 || box.height === 0) continue;
        const m = el.getScreenCTM();
        if (!m) continue;
        const scale = Math.hypot(m.a, m.b);
        out.push({ chart: (root as HTMLElement).className, text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) * scale });
      }
    }
    return out;
  }, selector);
}

/** An <img> of an SVG chart: the smallest font in the file it actually loaded, scaled to the image's rendered width. */
async function imageTextSizes(page: Page, img: ReturnType<Page["locator"]>): Promise<{ src: string; px: number }> {
  await loadedImage(img);
  const { src, width } = await img.first().evaluate((el: HTMLImageElement) => ({ src: el.currentSrc, width: el.getBoundingClientRect().width }));
  const svg = await (await page.request.get(src)).text();
  const viewBoxWidth = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+)/.exec(svg)?.[1]);
  const fonts = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
  expect(fonts.length, `${src} has text`).toBeGreaterThan(0);
  return { src, px: (Math.min(...fonts) * width) / viewBoxWidth };
}

function tooSmall(sizes: TextSize[]): string {
  return sizes
    .filter((s) => s.px < MIN_TEXT_PX)
    .map((s) => `${s.chart}: "${s.text}" at ${s.px.toFixed(1)} px`)
    .join("\n");
}

describe("charts on a 390 px phone", () => {
  it("the post's chart, the forks panel and each fork card draw no text under 12 CSS px", async () => {
    // Without JavaScript the server's drawings stay: the phone ones, picked by width and served by URL.
    const plain = await openPage(PHONE, POST, false);
    for (const selector of [".forecast-panel .forecast-chart__static--narrow img", ".forks-panel__chart img"]) {
      const { src, px } = await imageTextSizes(plain, plain.locator(selector));
      expect(src).toMatch(/\.phone\.svg\?v=[0-9a-f]{16}$/);
      expect(px, `${src}: smallest text`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }

    const page = await openPage(PHONE, POST);
    const main = page.locator(".forecast-panel .forecast-chart").first();
    await main.scrollIntoViewIfNeeded();
    await visible(main.locator(".forecast-chart__live svg"));
    const live = await renderedTextSizes(page, ".forecast-chart__live:not([hidden])");
    expect(live.length).toBeGreaterThan(10);
    expect(tooSmall(live), "interactive chart text below 12 px").toBe("");

    const cards = page.locator(".fork-card__chart img");
    expect(await cards.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await cards.count()); i++) {
      const { src, px } = await imageTextSizes(page, cards.nth(i));
      expect(src).toMatch(/\.overlay\.phone\.svg$/);
      expect(px, `${src}: smallest text`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
  });

  it("the compare page's overlay draws no text under 12 CSS px", async () => {
    const post = await openPage(PHONE, POST);
    const href = (await post.locator(".fork-card a", { hasText: "Compare with parent" }).first().getAttribute("href"))!;
    const page = await openPage(PHONE, href);
    const sizes = await renderedTextSizes(page, ".forecast-chart__static, .forecast-chart__live:not([hidden])");
    expect(sizes.length).toBeGreaterThan(10);
    expect(tooSmall(sizes)).toBe("");
  });
});

describe("charts on a desktop", () => {
  it("fetch no phone drawing: the page reads the wide ones only", async () => {
    const page = await newPage(e2e.browser, { viewport: DESKTOP });
    const phone: string[] = [];
    page.on("request", (r) => {
      if (/\.phone\.(svg|spec)/.test(r.url())) phone.push(r.url());
    });
    await page.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(page);
    // Every chart on the page comes into view, so lazy images and interactive views start.
    for (const chart of await page.locator(".forecast-chart, .forks-panel__chart, .fork-card__chart").all()) await chart.scrollIntoViewIfNeeded();
    await visible(page.locator(".forecast-panel .forecast-chart__live svg"));
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".fork-card__chart img").count()).toBeGreaterThan(0);
    expect(phone).toEqual([]);
  });
});

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("the forks panel on a %s", (_name, viewport) => {
  it("shows each fork's line beside the bold aggregate, in a colour of its own", async () => {
    const page = await openPage(viewport, POST);
    // The community chart is an image by URL: the drawing for this width, read into the page to measure it.
    const image = page.locator(".forks-panel__chart img");
    await loadedImage(image);
    const src = await image.evaluate((img: HTMLImageElement) => img.currentSrc);
    expect(src).toMatch(viewport === PHONE ? /\/community\.phone\.svg\?v=/ : /\/community\.svg\?v=/);
    const lines = await page.evaluate(async (url) => {
      const host = document.createElement("div");
      host.innerHTML = await (await fetch(url)).text();
      document.body.append(host);
      return Array.from(host.querySelectorAll("path[stroke]"))
        .filter((p) => !p.getAttribute("transform")) // legend symbols carry a transform
        .map((p) => {
          const box = p.getBoundingClientRect();
          const style = getComputedStyle(p);
          return { stroke: p.getAttribute("stroke"), width: Number(p.getAttribute("stroke-width")), opacity: Number(p.getAttribute("opacity") ?? 1), shown: style.visibility !== "hidden" && style.display !== "none" && box.width > 0 && box.height > 0 };
        });
    }, src);
    const forks = lines.map((l, i) => ({ ...l, i })).filter((l) => l.stroke === FORK_COLOR);
    const aggregate = lines.findIndex((l) => l.stroke === AGGREGATE_COLOR && l.width >= 3);
    expect(forks.length, "one line per fork").toBe(3);
    expect(aggregate, "the aggregate line").toBeGreaterThanOrEqual(0);
    for (const fork of forks) {
      expect(fork.shown).toBe(true);
      expect(fork.opacity).toBeGreaterThanOrEqual(0.5);
      // Painted after the aggregate, so the bold line cannot cover it.
      expect(fork.i).toBeGreaterThan(aggregate);
    }
    expect(await page.locator(".forks-panel__community figcaption").innerText()).toContain("3 forks");
  });
});

describe("touch targets on a 390 px phone", () => {
  it("vote buttons and Reply links are at least 44 px tall, the vote buttons 44 px wide", async () => {
    const page = await newPage(e2e.browser, { viewport: PHONE });
    await logIn(page, e2e.app.url, "moss", "forkcast-moderator-demo");
    await page.goto(`${e2e.app.url}${POST}`);
    await waitForHydration(page);
    const boxes = async (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((b) => ({ w: b.width, h: b.height })));
    const votes = await boxes(".comment__actions .vote__button");
    const replies = await boxes(".comment__actions > a.link-button");
    expect(votes.length).toBeGreaterThan(4);
    expect(replies.length).toBeGreaterThan(2);
    for (const b of votes) expect(Math.min(b.w, b.h)).toBeGreaterThanOrEqual(44);
    for (const b of replies) expect(b.h).toBeGreaterThanOrEqual(44);
  });
});
