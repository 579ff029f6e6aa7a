// Request bodies are cut off at their limit while they stream in, whatever the client declares:
// a chunked upload (no Content-Length) of 50 MB to every route that takes a body gets a 413 and
// a closed connection, and the server's memory does not grow with what was sent. The server runs
// as its own process (as `npm start` runs it), so its RSS is its own.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { startApp, type RunningApp } from "../support/process";
import { streamUpload, type UploadOutcome } from "../support/upload";

const TOTAL = 50 * 1024 * 1024;
// Well under one 50 MB body, so a route that buffered one whole would fail; above the 20.5 MB a
// PostgreSQL run reached on a slow day with nothing buffered (the heap grows as the routes run).
const MAX_GROWTH_MB = 30;

let app: RunningApp;
let member: Client;
let slug = "";
let commentId = 0;

beforeAll(async () => {
  // Polling on whatever the store: on PostgreSQL a lone node otherwise joins the cross-node
  // adapter and goes WebSocket-only (ADR 030), and the polling transport's cap is tested here.
  app = await startApp({ env: { RATE_LIMITS: "off", LIVE_POLLING: "on" } });
  member = new Client(app.url);
  await member.signup("uploader");
  slug = await member.createPost("A post to aim at");
  const reply = await postAction(member, `/posts/${slug}`, { intent: "reply", markdown: "A reply to aim at", parentId: "" });
  commentId = reply.data?.commentId as number;
}, 60_000);

afterAll(() => app?.stop());

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return kb / 1024;
}

/** Streams TOTAL bytes in chunks, without Content-Length, until the server answers or hangs up. */
const stream = (path: string, contentType: string, cookie: string): Promise<UploadOutcome> => streamUpload(new URL(path, app.url), contentType, cookie, TOTAL);

const form = "application/x-www-form-urlencoded";
const json = "application/json";

/** Every route file that takes a body, with a path that reaches it. */
function targets(): [file: string, path: string, type: string][] {
  return [
    ["login.tsx", "/login", form],
    ["signup.tsx", "/signup", form],
    ["settings.tsx", "/settings", form],
    ["notifications.tsx", "/notifications", form],
    ["moderation.reports.tsx", "/moderation/reports", form],
    ["users.$handle.tsx", "/users/uploader", form],
    ["posts.new.tsx", "/posts/new", form],
    ["posts.$slug.tsx", `/posts/${slug}`, form],
    ["posts.$slug.tsx", `/posts/${slug}.data`, form],
    ["posts.$slug_.comments.$id.tsx", `/posts/${slug}/comments/${commentId}`, form],
    ["posts.$slug_.edit.tsx", `/posts/${slug}/edit`, form],
    ["sequences.new.tsx", "/sequences/new", form],
    // Refused before the route looks the sequence up, like the tags below.
    ["sequences.$id_.edit.tsx", "/sequences/1/edit", form],
    // The body is refused before the route looks the tag up, so any tag's path reaches it.
    ["tags.$slug.tsx", "/tags/any-tag", form],
    ["tags.$slug_.history.tsx", "/tags/any-tag/history", form],
    ["api.forecasts.preview.tsx", "/api/forecasts/preview", json],
    ["api.forecasts.solve.tsx", "/api/forecasts/solve", json],
    ["api.markdown.preview.tsx", "/api/markdown/preview", json],
    // A route without an action: the body is still never read whole.
    ["", "/", form],
    // Last: if the old code read this body, it would end the session the others use.
    ["logout.tsx", "/logout", form],
  ];
}

it("covers every route that exports an action", () => {
  const dir = join(process.cwd(), "app/routes");
  const withAction = readdirSync(dir).filter((f) => /export (async )?function action\b/.test(readFileSync(join(dir, f), "utf8")));
  expect(new Set(targets().map(([file]) => file).filter(Boolean))).toEqual(new Set(withAction));
});

it("answers a 50 MB chunked body on every body-taking route with 413, closes the connection, and grows RSS by < 30 MB", async () => {
  const cookie = [...member.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  // Warm every route once with a small body, so loading route modules is not counted as growth.
  for (const [, path, type] of targets()) {
    if (path === "/logout") continue;
    await member.request("POST", path, { body: type === json ? "{}" : "x=1", headers: { "content-type": type, origin: app.url } });
  }
  const streamAll = async () => {
    const results: Record<string, UploadOutcome> = {};
    for (const [, path, type] of targets()) results[path] = await stream(path, type, cookie);
    const summary = Object.entries(results).map(([path, o]) => ({ path, status: o.status, closed: o.closed, cutOff: o.sent < TOTAL }));
    expect(summary).toEqual(summary.map(({ path }) => ({ path, status: 413, closed: true, cutOff: true })));
  };
  // A first round of uploads settles what the refusals themselves take and keep (the allocator's
  // arenas, V8's young generation: measured at 16–20 MB), so the second round measures growth
  // with what was sent: a server that buffered or kept bodies would grow again, by a body's worth.
  await streamAll();
  const before = rssMb(app.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(app.pid))), 20);
  try {
    await streamAll();
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, rssMb(app.pid));
  console.log(`body limit: server RSS ${before.toFixed(0)} MB before the second round, peak ${peak.toFixed(0)} MB while streaming it`);
  expect(peak - before).toBeLessThan(MAX_GROWTH_MB);
  // The live channel's long-polling transport takes bodies too (engine.io reads them, with its own cap).
  const handshake = await member.get("/socket.io/?EIO=4&transport=polling", { origin: app.url });
  const sid = (JSON.parse(handshake.text.slice(1)) as { sid: string }).sid;
  const polling = await stream(`/socket.io/?EIO=4&transport=polling&sid=${sid}`, "text/plain;charset=UTF-8", cookie);
  expect({ status: polling.status, closed: polling.closed, cutOff: polling.sent < TOTAL }).toEqual({ status: 413, closed: true, cutOff: true });
  // The server is still fine afterwards.
  expect((await member.get(`/posts/${slug}`)).status).toBe(200);
}, 180_000);
