// The post page against the framework's floor (issue 14): requests/s of the seeded Bio Anchors
// post, signed out and signed in, as a share of /login's, measured in one run on one process
// by autocannon (20 connections, PAGE_SECONDS each); and the page's bytes. Rate limits off:
// this measures rendering, not the limits. Signed out, the page cache answers (docs/decisions/031);
// a second server with PAGE_CACHE=off shows what a signed-out render costs without it.
import autocannon from "autocannon";
import { startApp } from "../test/support/process";
import type { Row } from "./lib";

const SECONDS = Number(process.env.PAGE_SECONDS ?? 10);
const CONNECTIONS = 20;
const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

/** The inline scripts carrying Remix's loader data (single fetch streams it into the page). */
export function loaderBytes(html: string): number {
  const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((s) => s.includes("__remixContext.stream"));
  return Buffer.byteLength(scripts.join(""));
}

async function rate(url: string, cookie: string | null) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${url}: ${failed} failed requests under load`);
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function benchPage(): Promise<Row[]> {
  const app = await startApp({ seed: true, env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1" } });
  try {
    const login = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: new URLSearchParams({ handle: "ada", password: "forkcast-member-demo", redirectTo: "/" }),
      redirect: "manual",
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (login.status !== 302 || !cookie) throw new Error(`log-in answered ${login.status}`);
    const rows: Row[] = [];
    for (const [who, jar] of [["signed out", null], ["signed in (the post's author)", cookie]] as const) {
      const html = await (await fetch(app.url + POST, { headers: jar ? { cookie: jar } : {} })).text();
      rows.push({ group: "page", case: `Bio Anchors post, ${who}: HTML bytes`, value: `${Buffer.byteLength(html)}`, target: "≤ 120000", ok: Buffer.byteLength(html) <= 120_000 });
      rows.push({ group: "page", case: `Bio Anchors post, ${who}: inline loader data bytes`, value: `${loaderBytes(html)}`, target: "≤ 40000", ok: loaderBytes(html) <= 40_000 });
    }
    const floor = await rate(`${app.url}/login`, null);
    rows.push({ group: "page", case: `GET /login, signed out (${CONNECTIONS} connections, ${SECONDS} s)`, median: floor.p50, p99: floor.p99, value: `${floor.perSecond.toFixed(0)}/s` });
    for (const [who, jar, target] of [["signed out", null, 0.6], ["signed in", cookie, 0.4]] as const) {
      const page = await rate(app.url + POST, jar);
      const share = page.perSecond / floor.perSecond;
      rows.push({ group: "page", case: `GET Bio Anchors post, ${who}: share of /login's requests/s`, median: page.p50, p99: page.p99, value: `${page.perSecond.toFixed(0)}/s = ${(share * 100).toFixed(0)}%`, target: `≥ ${target * 100}%`, ok: share >= target });
    }
    rows.push(...(await uncached()));
    return rows;
  } finally {
    await app.stop();
  }
}

/** The signed-out post rendered on every view, against /login on the same server. */
async function uncached(): Promise<Row[]> {
  const app = await startApp({ seed: true, env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1", PAGE_CACHE: "off" } });
  try {
    const floor = await rate(`${app.url}/login`, null);
    const page = await rate(app.url + POST, null);
    const share = page.perSecond / floor.perSecond;
    return [{ group: "page", case: "GET Bio Anchors post, signed out, PAGE_CACHE=off (rendered every time): share of /login's", median: page.p50, p99: page.p99, value: `${page.perSecond.toFixed(0)}/s = ${(share * 100).toFixed(0)}% of ${floor.perSecond.toFixed(0)}/s` }];
  } finally {
    await app.stop();
  }
}
