// The post page against the framework's floor (issue 14): requests/s of the seeded Bio Anchors
// post, signed out and signed in, as a share of /login's, measured on one process by autocannon
// (20 connections); and the page's bytes. The machine's speed drifts by tens of percent within
// a minute, so each share is taken ROUNDS times from back-to-back runs (/login, then the page,
// PAGE_SECONDS each) and the median share is reported. Rate limits off:
// this measures rendering, not the limits. Signed out, the page cache answers (docs/decisions/031);
// a second server with PAGE_CACHE=off shows what a signed-out render costs without it, and a
// third with PART_CACHE=off what a signed-in one costs without parts kept by props (036).
import autocannon from "autocannon";
import { startApp } from "../test/support/process";
import type { Row } from "./lib";

const SECONDS = Number(process.env.PAGE_SECONDS ?? 5);
const ROUNDS = 3;
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

/** Logs in as the post's author through the form: the session cookie. */
async function logIn(url: string): Promise<string> {
  const login = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    body: new URLSearchParams({ handle: "ada", password: "forkcast-member-demo", redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`log-in answered ${login.status}`);
  return cookie;
}

export async function benchPage(): Promise<Row[]> {
  const app = await startApp({ seed: true, env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1" } });
  try {
    const cookie = await logIn(app.url);
    const rows: Row[] = [];
    for (const [who, jar] of [["signed out", null], ["signed in (the post's author)", cookie]] as const) {
      const html = await (await fetch(app.url + POST, { headers: jar ? { cookie: jar } : {} })).text();
      rows.push({ group: "page", case: `Bio Anchors post, ${who}: HTML bytes`, value: `${Buffer.byteLength(html)}`, target: "≤ 120000", ok: Buffer.byteLength(html) <= 120_000 });
      rows.push({ group: "page", case: `Bio Anchors post, ${who}: inline loader data bytes`, value: `${loaderBytes(html)}`, target: "≤ 40000", ok: loaderBytes(html) <= 40_000 });
    }
    const floors: Awaited<ReturnType<typeof rate>>[] = [];
    const shares = { "signed out": [] as Share[], "signed in": [] as Share[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [who, jar] of [["signed out", null], ["signed in", cookie]] as const) {
        const floor = await rate(`${app.url}/login`, null);
        const page = await rate(app.url + POST, jar);
        floors.push(floor);
        shares[who].push({ share: page.perSecond / floor.perSecond, page, floor });
      }
    }
    const floor = [...floors].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(floors.length / 2)]!;
    rows.push({ group: "page", case: `GET /login, signed out (${CONNECTIONS} connections, ${SECONDS} s × ${floors.length})`, median: floor.p50, p99: floor.p99, value: `${floors.map((f) => f.perSecond.toFixed(0)).join(", ")}/s` });
    for (const [who, target] of [["signed out", 0.6], ["signed in", 0.4]] as const) {
      const { share, page } = middle(shares[who]);
      const each = shares[who].map((s) => `${s.page.perSecond.toFixed(0)}/${s.floor.perSecond.toFixed(0)}`).join(", ");
      rows.push({ group: "page", case: `GET Bio Anchors post, ${who}: share of /login's requests/s (median of ${ROUNDS} back-to-back pairs)`, median: page.p50, p99: page.p99, value: `${(share * 100).toFixed(0)}% (${each})`, target: `≥ ${target * 100}%`, ok: share >= target });
    }
    rows.push(await without("signed out, PAGE_CACHE=off (rendered every time)", { PAGE_CACHE: "off" }, false));
    rows.push(await without("signed in, PART_CACHE=off (every part rendered in place)", { PART_CACHE: "off" }, true));
    return rows;
  } finally {
    await app.stop();
  }
}

interface Share {
  share: number;
  page: Awaited<ReturnType<typeof rate>>;
  floor: Awaited<ReturnType<typeof rate>>;
}

/** The middle one by share (ROUNDS is odd). */
function middle(all: Share[]): Share {
  return [...all].sort((a, b) => a.share - b.share)[Math.floor(all.length / 2)]!;
}

/** The post against /login on a server with one of its caches off: what that cache saves. */
async function without(label: string, env: Record<string, string>, signedIn: boolean): Promise<Row> {
  const app = await startApp({ seed: true, env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1", ...env } });
  try {
    const cookie = signedIn ? await logIn(app.url) : null;
    const floor = await rate(`${app.url}/login`, null);
    const page = await rate(app.url + POST, cookie);
    const share = page.perSecond / floor.perSecond;
    return { group: "page", case: `GET Bio Anchors post, ${label}: share of /login's`, median: page.p50, p99: page.p99, value: `${page.perSecond.toFixed(0)}/s = ${(share * 100).toFixed(0)}% of ${floor.perSecond.toFixed(0)}/s` };
  } finally {
    await app.stop();
  }
}
