// Stored XSS through Markdown, judged in Chromium. Every case of xss-corpus.ts is posted as
// a comment over HTTP to the real server, and all of them together as a post body through
// the editor UI; then the pages are loaded and checked:
// - window.__xss (defined before any page script) was never called and no dialog opened;
// - every element inside rendered Markdown is in the sanitizer's own allowlist
//   (app/utils/markdown/schema.server.ts), KaTeX output only inside KaTeX roots;
// - every href/src is http(s)/mailto (src: http(s)) or same-origin relative.
// The first pass runs with CSP bypassed so the sanitizer is tested alone, not hidden behind
// the policy; the second pass enforces the CSP and expects it to have nothing to block.
import { beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, KATEX_OUTPUT_ALLOWLIST, URL_ATTRIBUTE_SCHEMES } from "../../app/utils/markdown/schema.server";
import { Client } from "../support/client";
import { signUp, useAppAndBrowser, visible, waitForHydration } from "./harness";
import { XSS_CASES } from "./xss-corpus";

// Rate limits would stop a corpus this size; they are not what this test is about.
const e2e = useAppAndBrowser({ env: { RATE_LIMITS: "off" } });
let postSlug: string;
let uiPostUrl: string;

const callFor = (n: number) => `__xss(${n})`;
const CASE_LABEL = (n: number) => `Case ${n}: ${XSS_CASES[n]!.name}`;

beforeAll(async () => {
  const author = new Client(e2e.app.url);
  await author.signup("xsswriter");
  // Named so the crosspost case resolves to a real link around hostile text.
  postSlug = await author.createPost("XSS corpus", "Each comment below is one hostile case.");
  for (let n = 0; n < XSS_CASES.length; n++) {
    // The label is its own paragraph so a payload still starts at the beginning of a line.
    const res = await author.reply(postSlug, `${CASE_LABEL(n)}\n\n${XSS_CASES[n]!.markdown(callFor(n))}`);
    expect(res.status, `${CASE_LABEL(n)} was refused: ${res.text.slice(0, 200)}`).toBe(200);
  }
}, 180_000);

interface Probe {
  context: BrowserContext;
  dialogs: string[];
}

async function probeContext(options: { bypassCSP: boolean }): Promise<Probe> {
  const context = await e2e.browser.newContext({ bypassCSP: options.bypassCSP });
  await context.addInitScript(() => {
    const w = window as unknown as { __xss: (n: number) => void; __xssCalls: number[]; __csp: string[] };
    w.__xssCalls = [];
    w.__csp = [];
    w.__xss = (n) => void w.__xssCalls.push(n);
    document.addEventListener("securitypolicyviolation", (e) => void w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const dialogs: string[] = [];
  context.on("page", (page) =>
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  return { context, dialogs };
}

interface Inspection {
  calls: number[];
  csp: string[];
  containers: number;
  problems: string[];
}

const ALLOWLIST = {
  tags: [...ALLOWED_TAGS] as string[],
  attributes: ALLOWED_ATTRIBUTES as Record<string, string[]>,
  katex: { roots: [...KATEX_OUTPUT_ALLOWLIST.roots] as string[], tags: [...KATEX_OUTPUT_ALLOWLIST.tags] as string[], attributes: [...KATEX_OUTPUT_ALLOWLIST.attributes] as string[] },
  schemes: { href: [...URL_ATTRIBUTE_SCHEMES.href] as string[], src: [...URL_ATTRIBUTE_SCHEMES.src] as string[] },
};

/** Loads a page, pokes the rendered Markdown, and reports everything outside the allowlist. */
async function inspect(page: Page, url: string): Promise<Inspection> {
  await page.goto(url);
  await waitForHydration(page);
  await visible(page.locator(".post__body"));
  // Give handlers that fire on load/error/focus/animation a chance, and nudge the hover ones.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll(".prose *")) {
      for (const type of ["mouseover", "mouseenter", "focus", "toggle", "animationstart"]) el.dispatchEvent(new Event(type));
    }
  });
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(300);
  return page.evaluate((allow) => {
    const w = window as unknown as { __xssCalls: number[]; __csp: string[] };
    const problems: string[] = [];
    const containers = [...document.querySelectorAll<HTMLElement>(".prose")];
    const katexSelector = allow.katex.roots.map((r) => `.${r}`).join(",");
    const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url.replace(/[\u0000-\u0020]/g, ""));
    for (const container of containers) {
      const label = container.querySelector("p")?.textContent?.slice(0, 60) ?? "(post body)";
      for (const el of container.querySelectorAll("*")) {
        const tag = el.localName;
        const katexRoot = el.closest(katexSelector);
        const inKatex = katexRoot !== null && container.contains(katexRoot);
        const tagOk = allow.tags.includes(tag) || (inKatex && allow.katex.tags.includes(tag));
        if (!tagOk) problems.push(`${label}: <${tag}> not allowed`);
        for (const attr of el.getAttributeNames()) {
          const name = attr.toLowerCase();
          const ok = (allow.attributes[tag] ?? []).includes(name) || (inKatex && allow.katex.attributes.includes(name));
          if (!ok) problems.push(`${label}: <${tag} ${name}="${el.getAttribute(attr)?.slice(0, 60)}"> not allowed`);
          if (/^on/.test(name)) problems.push(`${label}: event handler ${name} on <${tag}>`);
        }
        for (const attr of ["href", "src"] as const) {
          const raw = el.getAttribute(attr);
          if (raw === null) continue;
          let resolved: URL;
          try {
            resolved = new URL(raw, location.href);
          } catch {
            problems.push(`${label}: unparseable ${attr} ${raw}`);
            continue;
          }
          const scheme = resolved.protocol.slice(0, -1);
          if (!allow.schemes[attr].includes(scheme)) problems.push(`${label}: ${attr} scheme ${scheme} (${raw.slice(0, 60)})`);
          if (!hasScheme(raw) && resolved.origin !== location.origin) problems.push(`${label}: relative ${attr} leaves the site (${raw})`);
        }
      }
    }
    // Elements that act on the whole document must not exist anywhere, not just in .prose.
    for (const el of document.querySelectorAll("iframe, object, embed, base, meta[http-equiv], form[action^='javascript' i]")) {
      problems.push(`document contains <${el.localName}>`);
    }
    return { calls: w.__xssCalls, csp: w.__csp, containers: containers.length, problems };
  }, ALLOWLIST);
}

describe("stored XSS through Markdown, in Chromium", () => {
  it(`the corpus has at least 40 distinct cases (${XSS_CASES.length})`, () => {
    expect(XSS_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_CASES.map((c) => c.name)).size).toBe(XSS_CASES.length);
  });

  it("the whole corpus as one post body, submitted through the editor UI", async () => {
    const { context, dialogs } = await probeContext({ bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signUp(page, e2e.app.url, "xssui", "XSS UI");
    await page.goto(`${e2e.app.url}/posts/new`);
    await waitForHydration(page);
    await page.getByLabel("Title").fill("Everything at once");
    const body = XSS_CASES.map((c, n) => `${CASE_LABEL(n)}\n\n${c.markdown(callFor(n))}`).join("\n\n");
    await page.getByLabel("Body").fill(body);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/\/posts\/everything-at-once$/);
    uiPostUrl = page.url();
    const result = await inspect(page, uiPostUrl);
    expect(result.problems).toEqual([]);
    expect(result.calls).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("each case as its own comment: sanitizer alone (CSP bypassed) holds", async () => {
    const { context, dialogs } = await probeContext({ bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const result = await inspect(page, `${e2e.app.url}/posts/${postSlug}?comments=all`);
    // Post body plus one container per case: no comment was silently dropped.
    expect(result.containers).toBe(XSS_CASES.length + 1);
    expect(result.problems).toEqual([]);
    expect(result.calls).toEqual([]);
    expect(dialogs).toEqual([]);
    // Payloads survive as readable text rather than vanishing (the reader sees the attempt).
    await expect.poll(() => page.locator(".prose", { hasText: "<script>__xss(0)</script>" }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it("with the CSP enforced, the same pages trigger no violation at all", async () => {
    const { context, dialogs } = await probeContext({ bypassCSP: false });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    for (const url of [`${e2e.app.url}/posts/${postSlug}?comments=all`, uiPostUrl]) {
      const result = await inspect(page, url);
      expect(result.problems, url).toEqual([]);
      expect(result.calls, url).toEqual([]);
      expect(result.csp, url).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
