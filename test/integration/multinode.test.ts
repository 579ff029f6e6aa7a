// Two app nodes on one PostgreSQL database behind a real HAProxy (Debian's package), as
// docs/deploy.md runs them: each node its own process and port, with live events carried
// between them by the cross-node adapter (ADR 030) — PostgreSQL's LISTEN/NOTIFY, the default on
// the PostgreSQL store, and Redis when REDIS_URL is set. Whatever FORKCAST_TEST_STORE says,
// this suite needs PostgreSQL: SQLite is one machine by construction.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { Client } from "../support/client";
import { postAction } from "../support/actions";
import { createTempDatabase } from "../support/pg";
import { startApp, type RunningApp } from "../support/process";
import { socketAs } from "../support/sockets";

const SLUG = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const WAIT_MS = 8000;
const REDIS_URL = process.env.FORKCAST_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function haproxyBinary(): string {
  const found = spawnSync("haproxy", ["-v"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new Error("haproxy is not on PATH: this test needs a real load balancer (`apt-get install -y haproxy`; .ci/run installs it)");
  }
  return "haproxy";
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** The configuration docs/deploy.md shows, on ports of the test's choosing. */
function haproxyConfig(port: number, nodes: { name: string; url: string }[]): string {
  return [
    "global",
    "  maxconn 512",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  timeout connect 5s",
    "  timeout client 30s",
    "  timeout server 30s",
    // A WebSocket, once upgraded, is a tunnel: idle readers stay connected this long.
    "  timeout tunnel 1h",
    "frontend web",
    `  bind 127.0.0.1:${port}`,
    "  default_backend nodes",
    "backend nodes",
    "  balance roundrobin",
    "  option httpchk GET /healthz",
    "  http-check expect status 200",
    // Which node answered, so the test can see the balancing (%s: the server's name).
    "  http-response set-header X-Forkcast-Node %s",
    ...nodes.map((n) => `  server ${n.name} ${new URL(n.url).host} check inter 2s`),
    "",
  ].join("\n");
}

async function startHaproxy(nodes: { name: string; url: string }[]): Promise<{ url: string; stop(): Promise<void> }> {
  const binary = haproxyBinary();
  const dir = mkdtempSync(join(tmpdir(), "forkcast-haproxy-"));
  const port = await freePort();
  const cfg = join(dir, "haproxy.cfg");
  writeFileSync(cfg, haproxyConfig(port, nodes));
  const child: ChildProcess = spawn(binary, ["-f", cfg, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.ok) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not answer on ${url}:\n${output}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once("exit", ok));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Health {
  pid: number;
  liveAdapter?: string;
  liveServers?: number;
}

async function health(url: string): Promise<{ node: string | null; body: Health }> {
  // A connection of its own each time, so nothing keeps a request on one node.
  const res = await fetch(`${url}/healthz`, { headers: { connection: "close" } });
  return { node: res.headers.get("x-forkcast-node"), body: (await res.json()) as Health };
}

/** Until every node's adapter reaches `count` socket.io servers (the PostgreSQL adapter learns of others by heartbeat). */
async function untilServersMeet(urls: string[], count: number): Promise<number[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const seen = await Promise.all(urls.map(async (u) => (await health(u)).body.liveServers ?? 0));
    if (seen.every((n) => n === count) || Date.now() > deadline) return seen;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** The same person (the same cookie jar) talking to another address. */
function via(client: Client, url: string): Client {
  const other = new Client(url);
  for (const [k, v] of client.cookies) other.cookies.set(k, v);
  return other;
}

/** Round-robin: every answer from the node the previous one did not come from. */
function alternating(nodes: (string | null)[]): boolean {
  return nodes.every((n, i) => (n === "a" || n === "b") && (i === 0 || n !== nodes[i - 1]));
}

function next<T>(socket: Socket, event: string): Promise<T | "nothing"> {
  return new Promise((ok) => {
    const timer = setTimeout(() => ok("nothing"), WAIT_MS);
    socket.once(event, (payload: T) => (clearTimeout(timer), ok(payload)));
  });
}

function dropped(socket: Socket): Promise<string> {
  return new Promise((ok) => {
    const timer = setTimeout(() => ok("still connected"), WAIT_MS);
    socket.once("disconnect", (reason) => (clearTimeout(timer), ok(reason)));
  });
}

const ADAPTERS = [
  { adapter: "postgres", env: (): Record<string, string> => ({}) },
  // A channel of the run's own: other runs may share the machine's Redis.
  { adapter: "redis", env: (): Record<string, string> => ({ REDIS_URL, LIVE_CHANNEL: `forkcast-test-${randomBytes(4).toString("hex")}` }) },
] as const;

describe.each(ADAPTERS)("two nodes behind HAProxy, live events through $adapter", { timeout: 90_000 }, ({ adapter, env }) => {
  let database: Awaited<ReturnType<typeof createTempDatabase>>;
  let a: RunningApp;
  let b: RunningApp;
  let lb: Awaited<ReturnType<typeof startHaproxy>>;
  let dir: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTempDatabase();
    dir = mkdtempSync(join(tmpdir(), "forkcast-multinode-"));
    const shared = { DATABASE_URL: database.url, RATE_LIMITS: "on", TRUST_PROXY: "1", ...env() };
    // The first node migrates and seeds; the second starts on the ready database. The SQLite
    // paths are never opened (DATABASE_URL wins); naming them keeps startApp from making a
    // PostgreSQL database of its own.
    a = await startApp({ seed: true, databasePath: join(dir, "a.db"), env: shared });
    b = await startApp({ seed: false, databasePath: join(dir, "b.db"), env: shared });
    lb = await startHaproxy([{ name: "a", url: a.url }, { name: "b", url: b.url }]);
  }, 90_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await lb?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reaches both nodes through the balancer, each on the same adapter and aware of the other", async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await health(lb.url));
    expect(alternating(answers.map((x) => x.node))).toBe(true);
    expect(new Set(answers.map((x) => x.body.pid))).toEqual(new Set([a.pid, b.pid]));
    expect(answers.every((x) => x.body.liveAdapter === adapter)).toBe(true);
    expect(await untilServersMeet([a.url, b.url], 2)).toEqual([2, 2]);
  });

  it("offers the live channel over WebSocket only, through the balancer too", async () => {
    const polling = await fetch(`${lb.url}/socket.io/?EIO=4&transport=polling`);
    expect({ status: polling.status, body: (await polling.json()) as unknown }).toEqual({ status: 400, body: { code: 0, message: "Transport unknown" } });
    const socket = await socketAs(lb.url, null, sockets, WAIT_MS);
    expect(socket.io.engine.transport.name).toBe("websocket");
  });

  it("shows a fork posted through node A live to a reader connected to node B", async () => {
    const { postId, id: forecastId } = (await (await fetch(`${a.url}/api/forecasts/2`)).json()) as { postId: number; id: number };
    const reader = await socketAs(b.url, null, sockets, WAIT_MS);
    expect(await new Promise((ok) => reader.emit("join", { postId }, ok))).toEqual({ ok: true });
    const created = next<{ postId: number; commentId: number; forkId: number | null }>(reader, "comment.created");

    const forker = new Client(a.url);
    expect((await forker.login("priya", "forkcast-priya-demo")).status).toBe(302);
    const fork = await postAction(forker, `/posts/${SLUG}`, { intent: "reply", markdown: "Faster hardware, across nodes.", parentId: "", forkOf: forecastId, "fork.$model": "bio-anchors", "fork.hw_halving_years": "1.5" });
    expect(fork.status).toBe(200);
    const event = await created;
    expect(event).toMatchObject({ postId, commentId: fork.data!.commentId as number });
    expect(event === "nothing" ? null : event.forkId).toEqual(expect.any(Number));
  });

  it("drops a banned member's sockets on node B when a moderator bans them on node A", async () => {
    const member = new Client(b.url);
    expect((await member.login("tomas", "forkcast-tomas-demo")).status).toBe(302);
    const onB = [await socketAs(b.url, member, sockets, WAIT_MS), await socketAs(b.url, member, sockets, WAIT_MS)];
    // One more through the balancer, wherever it lands: the same cookie works on every node.
    const onLb = await socketAs(lb.url, via(member, lb.url), sockets, WAIT_MS);
    const drops = [...onB, onLb].map(dropped);
    const ended = next<{ reason: string }>(onB[0]!, "session.ended");

    const mod = new Client(a.url);
    expect((await mod.login("moss", "forkcast-moderator-demo")).status).toBe(302);
    expect((await mod.post("/users/tomas", { intent: "ban", length: "1", reason: "Testing bans across nodes" })).status).toBeLessThan(400);
    expect(await Promise.all(drops)).toEqual(Array(3).fill("io server disconnect"));
    expect(await ended).toMatchObject({ reason: expect.any(String) });
  });

  it("drops a session's sockets on node B when it logs out through node A", async () => {
    const member = new Client(b.url);
    expect((await member.login("ada", "forkcast-member-demo")).status).toBe(302);
    const held = await socketAs(b.url, member, sockets, WAIT_MS);
    const drop = dropped(held);
    expect((await via(member, a.url).post("/logout", {})).status).toBeLessThan(400);
    expect(await drop).toBe("io server disconnect");
  });

  it("counts a rate limit across both nodes: the sixth sign-up from one address in an hour is refused", async () => {
    const served: (string | null)[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await new Client(lb.url).post("/signup", { handle: `multi-${adapter}-${i}`, displayName: `Multi ${i}`, password: "correct horse battery" }, { connection: "close" });
      served.push(res.headers.get("x-forkcast-node"));
      statuses.push(res.status);
    }
    // Three on each node: counted per node, neither would have reached its limit of five.
    expect(alternating(served)).toBe(true);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
    // And the account made on one node signs in on the other.
    expect((await new Client(a.url).login("multi-" + adapter + "-1")).status).toBe(302);
  });

  // Last: it kills node B.
  it("still drops a banned member's sockets on node A when node B has died without a word", async () => {
    const member = new Client(a.url);
    expect((await member.login("priya", "forkcast-priya-demo")).status).toBe(302);
    const held = await socketAs(a.url, member, sockets, WAIT_MS);
    const drop = dropped(held);
    await b.kill();
    // Node A may still count B among its servers (the PostgreSQL adapter forgets a node only
    // after its heartbeats stop), so asking every server for the member's sockets times out.
    const mod = new Client(a.url);
    expect((await mod.login("moss", "forkcast-moderator-demo")).status).toBe(302);
    expect((await mod.post("/users/priya", { intent: "ban", length: "1", reason: "Testing bans with a node gone" })).status).toBeLessThan(400);
    expect(await drop).toBe("io server disconnect");
  });
});
