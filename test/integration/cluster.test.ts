// WEB_CONCURRENCY=2 (docs/decisions/022): the production bundle as `npm start` runs it, a
// primary and two worker processes over one SQLite file. The primary (Node's cluster,
// round-robin) hands each new connection to the next worker, so consecutive connections
// alternate: a handful of sockets always lands on both workers, and so does a run of requests
// made on new connections. A kept-alive connection stays with its worker.
import { readFileSync } from "node:fs";
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { Client } from "../support/client";
import { postAction } from "../support/actions";
import { startApp, type RunningApp } from "../support/process";
import { socketAs } from "../support/sockets";
import { streamUpload } from "../support/upload";

const SLUG = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const WAIT_MS = 5000;
let app: RunningApp;
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startApp({ seed: true, env: { WEB_CONCURRENCY: "2", RATE_LIMITS: "on" } });
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await app.stop();
});


const socketOf = (client: Client | null): Promise<Socket> => socketAs(app.url, client, sockets, WAIT_MS);

function next<T>(socket: Socket, event: string): Promise<T | "nothing"> {
  return new Promise((ok) => {
    const timer = setTimeout(() => ok("nothing"), WAIT_MS);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      ok(payload);
    });
  });
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  reusedConnection: boolean;
}

/** One request; on a connection of its own unless an agent that keeps connections is given. */
function send(path: string, init: { method?: string; form?: Record<string, string>; agent?: Agent } = {}): Promise<Answer> {
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  const headers = body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded", origin: app.url };
  return new Promise((ok, fail) => {
    const req = httpRequest(new URL(path, app.url), { method: init.method ?? "GET", headers, agent: init.agent ?? false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, text, reusedConnection: req.reusedSocket }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

async function pidsOf(count: number, agent?: Agent): Promise<number[]> {
  const pids: number[] = [];
  for (let i = 0; i < count; i++) pids.push((JSON.parse((await send("/healthz", { agent })).text) as { pid: number }).pid);
  return pids;
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
}

async function postId(): Promise<number> {
  const doc = (await (await fetch(`${app.url}/api/forecasts/2`)).json()) as { postId: number };
  return doc.postId;
}

// Generous per test: each logs in (argon2) and opens sockets while the whole suite shares two cores.
describe("two server processes", { timeout: 90_000 }, () => {
  it("both answer, in turn", async () => {
    const pids = await pidsOf(6);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(app.pid);
  });

  it("keep a kept-alive connection with one process, and keep it open", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await send("/healthz", { agent }));
      expect(answers.map((a) => a.headers.connection)).toEqual(Array(4).fill("keep-alive"));
      expect(answers.map((a) => a.reusedConnection)).toEqual([false, true, true, true]);
      expect(new Set(answers.map((a) => (JSON.parse(a.text) as { pid: number }).pid)).size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it("offer the live channel over WebSocket only", async () => {
    // A polling session's next request could reach the other process, which never heard of it.
    const polling = await send("/socket.io/?EIO=4&transport=polling");
    expect({ status: polling.status, body: JSON.parse(polling.text) as unknown }).toEqual({ status: 400, body: { code: 0, message: "Transport unknown" } });
    const socket = await socketOf(null);
    expect(socket.io.engine.transport.name).toBe("websocket");
  });

  it("refuse a 50 MB upload in the process that takes it, with nothing held in the primary", async () => {
    const total = 50 * 1024 * 1024;
    const before = rssMb(app.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(app.pid))), 20);
    const outcome = await streamUpload(new URL("/login", app.url), "application/x-www-form-urlencoded", "", total).finally(() => clearInterval(sampler));
    expect({ status: outcome.status, closed: outcome.closed, cutOff: outcome.sent < total }).toEqual({ status: 413, closed: true, cutOff: true });
    // The primary only passes connections on; the worker reads, and stops reading at its cap.
    expect(Math.max(peak, rssMb(app.pid)) - before).toBeLessThan(5);
  });

  it("deliver a vote cast through one to readers connected to either", async () => {
    const id = await postId();
    const readers: Socket[] = [];
    for (let i = 0; i < 4; i++) {
      const socket = await socketOf(null);
      const ack = await new Promise((ok) => socket.emit("join", { postId: id }, ok));
      expect(ack).toEqual({ ok: true });
      readers.push(socket);
    }
    // Four connections in a row: two on each process; the vote's request goes to one of them.
    const voter = new Client(app.url);
    expect((await voter.login("priya", "forkcast-priya-demo")).status).toBe(302);
    const events = readers.map((s) => next<{ targetType: string; score: number }>(s, "vote.changed"));
    const vote = await postAction(voter, `/posts/${SLUG}`, { vote: "vote-post:-1" });
    expect(vote.status).toBe(200);
    for (const event of await Promise.all(events)) expect(event).toMatchObject({ targetType: "post" });
  });

  it("drop a banned member's sockets on every process", async () => {
    const member = new Client(app.url);
    expect((await member.login("tomas", "forkcast-tomas-demo")).status).toBe(302);
    const held = [];
    for (let i = 0; i < 4; i++) held.push(await socketOf(member));
    const drops = held.map((s) => new Promise<string>((ok) => {
      const timer = setTimeout(() => ok("still connected"), WAIT_MS);
      s.once("disconnect", (reason) => (clearTimeout(timer), ok(reason)));
    }));
    const mod = new Client(app.url);
    expect((await mod.login("moss", "forkcast-moderator-demo")).status).toBe(302);
    expect((await mod.post("/users/tomas", { intent: "ban", length: "1", reason: "Testing bans across processes" })).status).toBeLessThan(400);
    expect(await Promise.all(drops)).toEqual(Array(4).fill("io server disconnect"));
  });

  it("drop a logged-out session's sockets on every process", async () => {
    const member = new Client(app.url);
    expect((await member.login("ada", "forkcast-member-demo")).status).toBe(302);
    const held = [await socketOf(member), await socketOf(member), await socketOf(member)];
    const drops = held.map((s) => new Promise<string>((ok) => {
      const timer = setTimeout(() => ok("still connected"), WAIT_MS);
      s.once("disconnect", (reason) => (clearTimeout(timer), ok(reason)));
    }));
    expect((await member.post("/logout", {})).status).toBeLessThan(400);
    expect(await Promise.all(drops)).toEqual(Array(3).fill("io server disconnect"));
  });

  it("count a rate limit across both processes", async () => {
    // 10 failed log-ins in 15 minutes per account; each attempt is a new connection, so the
    // processes take turns. Counted per process, the eleventh would not be refused.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send("/login", { method: "POST", form: { handle: "priya", password: `wrong password ${i}`, redirectTo: "/" } })).status);
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
