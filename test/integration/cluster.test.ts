// WEB_CONCURRENCY=2 (docs/decisions/022): the production bundle as `npm start` runs it, a
// primary and two worker processes over one SQLite file. The primary hands connections to the
// workers in turn (and every response closes its connection), so consecutive connections
// alternate: a handful of sockets always lands on both workers, and so does a run of requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { Client } from "../support/client";
import { postAction } from "../support/actions";
import { startApp, type RunningApp } from "../support/process";
import { socketAs } from "../support/sockets";

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

async function pidsOf(count: number): Promise<number[]> {
  const pids: number[] = [];
  for (let i = 0; i < count; i++) pids.push(((await (await fetch(`${app.url}/healthz`)).json()) as { pid: number }).pid);
  return pids;
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
    for (let i = 0; i < 11; i++) statuses.push((await new Client(app.url).login("priya", `wrong password ${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
