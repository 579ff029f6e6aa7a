// Issue 14, many machines: 1,000 readers of one post split over two app nodes on one
// PostgreSQL database (docs/decisions/030), a vote cast on one node, and how long until every
// reader on both has it. The nodes talk through the store's own LISTEN/NOTIFY adapter, the
// default on PostgreSQL; the readers connect to each node directly (a balancer adds a hop
// that is not the app's).
import { openPgStore } from "../db/pg-store";
import { createServices } from "../app/services/index.server";
import { Client } from "../test/support/client";
import { createTempDatabase } from "../test/support/pg";
import { startApp, type RunningApp } from "../test/support/process";
import { closeAll, openViewers, pause } from "./live-clients";
import { within } from "../test/support/waits";
import { summarize, type Row } from "./lib";

const SOCKETS_PER_NODE = 500;
const ROUNDS = 30;
const WARMUP = 3;
const PASSWORD = "nodes-bench-password";

async function bothLinked(nodes: RunningApp[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const counts = await Promise.all(nodes.map(async (n) => ((await (await fetch(`${n.url}/healthz`)).json()) as { liveServers?: number }).liveServers ?? 0));
    if (counts.every((c) => c >= nodes.length)) return;
    await pause(200);
  }
  throw new Error("the two nodes never saw each other on the live adapter");
}

export async function benchNodes(): Promise<Row[]> {
  const pg = await createTempDatabase();
  // The post and the voter go in through the services, before either node starts.
  const store = await openPgStore(pg.url);
  const services = createServices(store);
  const host = await services.users.signup({ handle: "nodes-host", displayName: "Nodes Host", password: PASSWORD });
  await services.users.signup({ handle: "nodes-voter", displayName: "Nodes Voter", password: PASSWORD });
  const post = await services.posts.create({ authorId: host.id, title: "Fan-out over two nodes", markdown: "Where do you land?", forecast: null });
  await store.close();

  const env = { DATABASE_URL: pg.url, RATE_LIMITS: "off" };
  const nodes: RunningApp[] = [];
  const sockets = [];
  try {
    nodes.push(await startApp({ env }), await startApp({ env }));
    await bothLinked(nodes);
    const voter = new Client(nodes[0]!.url);
    if ((await voter.login("nodes-voter", PASSWORD)).status !== 302) throw new Error("the voter could not log in");
    for (const node of nodes) sockets.push(...(await openViewers(node.url, post.id, SOCKETS_PER_NODE)));
    let arrivals: number[] = [];
    let allIn = () => {};
    for (const s of sockets) {
      s.on("vote.changed", () => {
        arrivals.push(performance.now());
        if (arrivals.length === sockets.length) allIn();
      });
    }
    const lasts: number[] = [];
    const firsts: number[] = [];
    for (let r = 0; r < WARMUP + ROUNDS; r++) {
      arrivals = [];
      const complete = within<void>(10_000, "vote.changed at every socket on both nodes", (ok) => (allIn = ok));
      const t0 = performance.now();
      const res = await voter.post(`/posts/${post.slug}.data`, { intent: "vote-post", value: r % 2 === 0 ? 1 : -1 });
      if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${res.text.slice(0, 200)}`);
      await complete;
      await pause(50);
      if (r < WARMUP) continue;
      firsts.push(arrivals[0]! - t0);
      lasts.push(Math.max(...arrivals) - t0);
    }
    const first = summarize(firsts);
    const last = summarize(lasts);
    const label = `${SOCKETS_PER_NODE * 2} sockets over two nodes (PostgreSQL adapter), vote on one, ${ROUNDS} rounds`;
    return [
      { group: "nodes", case: `fan-out, first receipt: ${label}`, median: first.median, p99: first.p99 },
      { group: "nodes", case: `fan-out, last receipt: ${label}`, median: last.median, p99: last.p99, target: "p99 ≤ 150", ok: last.p99 <= 150 },
    ];
  } finally {
    closeAll(sockets);
    for (const n of nodes) await n.stop();
    await pg.drop();
  }
}
