// Issue 5: the live channel against the production server in its own process — how fast a
// fork reaches other readers, how one write fans out to a thousand sockets, what those sockets
// cost in memory, and the post page once a thread holds 200 forks and a community aggregate.
import { rmSync } from "node:fs";
import type { Socket } from "socket.io-client";
import { getModel } from "../app/forecast/index";
import { createServices } from "../app/services/index.server";
import { Client, cookieOf } from "../test/support/client";
import { startApp, type RunningApp } from "../test/support/process";
import { within } from "../test/support/waits";
import { closeAll, nextEvent, openViewer, openViewers, pause, rssMb } from "./live-clients";
import { fixtureDatabase } from "./fixture-db";
import { prng, summarize, time, timePageGets, type Row } from "./lib";

const PASSWORD = "bench-password-123";
/** Measured forks per viewer count, after a few unmeasured ones. */
const FORK_RUN = { forks: 40, warmup: 3 };
/** One room of many sockets, a vote per round. */
const FAN_OUT = { sockets: 1000, rounds: 30, warmup: 3 };
/** The post page's size: forks and their authors. */
const PAGE = { forks: 200, authors: 40 };

interface BenchPost {
  id: number;
  slug: string;
  forecastId: number;
}

const round = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export async function benchLive(): Promise<Row[]> {
  const rows: Row[] = [];
  const { dir, databasePath, store, services } = fixtureDatabase("live");
  const signup = (handle: string) => services.users.signup({ handle, displayName: `Live ${handle}`, password: PASSWORD });
  const host = await signup("live-host");
  await signup("live-forker");
  await signup("live-reader");
  const postForecast = await services.forecasts.compute("bio-anchors", {});
  const makePost = async (title: string): Promise<BenchPost> => {
    const { id, slug } = await services.posts.create({ authorId: host.id, title, markdown: "Where do you land?", forecast: postForecast });
    return { id, slug, forecastId: (await services.posts.forecastIdOf(id))! };
  };
  // One post per viewer count, so every case starts from an equally empty thread.
  const forkPosts = new Map<number, BenchPost>();
  for (const viewers of [1, 50, 200]) forkPosts.set(viewers, await makePost(`Fork latency with ${viewers} viewers`));
  const fanOutPost = await makePost("Fan-out");
  const bigPost = await makePost("A thread of 200 forks");
  await seedForks(services, bigPost);
  await store.close();

  const app = await startApp({ databasePath, env: { RATE_LIMITS: "off" } });
  const rssAtStart = rssMb(app.pid);
  try {
    const writer = new Client(app.url);
    const reader = new Client(app.url);
    for (const [client, handle] of [[writer, "live-forker"], [reader, "live-reader"]] as const) {
      const res = await client.login(handle, PASSWORD);
      if (res.status !== 302) throw new Error(`login of ${handle} answered ${res.status}`);
    }
    for (const [viewers, post] of forkPosts) rows.push(...(await forkRows(app, writer, reader, post, viewers)));
    rows.push(...(await fanOutRows(app, writer, fanOutPost, rssAtStart)));
    // Last, with every socket closed: rendering 200 fork charts grows the heap by hundreds of MB,
    // which would swamp the sockets' share of the RSS reading above.
    rows.push(await pageRow(app, reader, bigPost));
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** PAGE.forks single-input forks from PAGE.authors readers, some nested, so the aggregate pools many authors. */
async function seedForks(services: ReturnType<typeof createServices>, post: BenchPost) {
  const model = getModel("bio-anchors")!;
  // Not hw_halving_years: the live cases fork that one, and the result cache is shared by all posts.
  const names = ["flop_per_dollar_2020", "spend_2025", "spend_doubling_years", "gdp_growth", "max_flop_per_dollar"];
  const authors = [];
  for (let i = 0; i < PAGE.authors; i++) authors.push(await services.users.signup({ handle: `forker${i}`, displayName: `Forker ${i}`, password: PASSWORD }));
  const rand = prng(5);
  const made: number[] = [];
  for (let i = 0; i < PAGE.forks; i++) {
    const name = names[i % names.length]!;
    const def = model.inputs.find((d) => d.name === name);
    if (def?.kind !== "number") throw new Error(`${name} is not a number input`);
    // Factors step by 1.5% from 0.705: never exactly 1, so every fork changes its input.
    const value = def.default * (0.705 + 0.015 * Math.floor(i / names.length));
    const fork = await services.forks.prepare(post.id, post.forecastId, { [name]: value }, { [name]: `Reason ${i}: the trend since 2020 says so.` });
    const parentId = made.length > 0 && rand() < 0.3 ? made[Math.floor(rand() * made.length)]! : null;
    const { id } = await services.comments.create({ postId: post.id, parentId, authorId: authors[i % PAGE.authors]!.id, markdown: `Fork ${i}: I moved **${def.label}**.`, fork });
    made.push(id);
  }
}

async function pageRow(app: RunningApp, reader: Client, post: BenchPost): Promise<Row> {
  const path = `/posts/${post.slug}`;
  // The first request renders every fork's chart; later ones hit the SVG cache, as readers do.
  const [coldMs, first] = await time(() => reader.get(path));
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
  if (!first.text.includes(`${PAGE.forks} forks by ${PAGE.authors} authors`)) throw new Error("the page lacks the community aggregate");
  const s = await timePageGets(reader, path, 4, 30);
  return { group: "live", case: `post page, ${PAGE.forks} forks by ${PAGE.authors} authors + community aggregate, 30 GETs`, median: s.median, p95: s.p95, value: `${Math.round(s.bytes / 1024)} KB, first GET ${round(coldMs)} ms, server RSS after ${Math.round(rssMb(app.pid))} MB` };
}

// Every fork needs inputs never computed before, or the result cache would answer for the engine.
let forkCounter = 0;
function freshHalvingTime(): string {
  forkCounter += 1;
  if (50 + forkCounter === 250) forkCounter += 1; // 2.5 is the parent's own value: no change, no fork
  return String((50 + forkCounter) / 100);
}

/** What the fork editor's plain fields submit, to the route's .data endpoint as a fetcher does. */
function forkForm(post: BenchPost, marker: string) {
  return { intent: "reply", markdown: marker, parentId: "", forkOf: post.forecastId, "fork.$model": "bio-anchors", "fork.hw_halving_years": freshHalvingTime(), "fork.$why.hw_halving_years": "Newer chips." };
}

async function forkRows(app: RunningApp, writer: Client, reader: Client, post: BenchPost, viewers: number): Promise<Row[]> {
  // B is the signed-in reader whose screen we time; the rest only fill the room.
  const others = await openViewers(app.url, post.id, viewers - 1);
  let othersGot = 0;
  for (const s of others) s.on("comment.created", () => (othersGot += 1));
  const b = await openViewer(app.url, post.id, cookieOf(reader));
  const event: number[] = [];
  const screen: number[] = [];
  const replied: number[] = [];
  try {
    for (let i = 0; i < FORK_RUN.warmup + FORK_RUN.forks; i++) {
      const marker = `Fork ${viewers}-${i}: the halving time moved.`;
      const got = nextEvent<{ forkId: number | null }>(b, "comment.created");
      const t0 = performance.now();
      const sent = writer.post(`/posts/${post.slug}.data`, forkForm(post, marker)).then((res) => ({ res, at: performance.now() }));
      const { at, payload } = await got;
      // useLivePost's revalidate(): a single-fetch GET of the route's .data (after up to 150 ms of
      // batching in the hook, which this excludes).
      const page = await reader.get(`/posts/${post.slug}.data`);
      const shown = performance.now();
      const { res, at: repliedAt } = await sent;
      if (res.status !== 200) throw new Error(`fork answered ${res.status}: ${res.text.slice(0, 300)}`);
      if (payload.forkId === null) throw new Error("comment.created carried no forkId");
      if (page.status !== 200 || !page.text.includes(marker)) throw new Error("the refetched loader data lacks the new fork");
      if (i < FORK_RUN.warmup) continue;
      event.push(at - t0);
      screen.push(shown - t0);
      replied.push(repliedAt - t0);
    }
    await pause(200);
    const expected = (viewers - 1) * (FORK_RUN.warmup + FORK_RUN.forks);
    if (othersGot !== expected) throw new Error(`the other viewers got ${othersGot} comment.created events, expected ${expected}`);
  } finally {
    closeAll(others);
    b.close();
  }
  const e = summarize(event);
  const target = viewers === 200 ? (p95: number) => ({ target: "p95 ≤ 250", ok: p95 <= 250 }) : () => ({});
  const out: Row[] = [
    { group: "live", case: `fork reply → comment.created at a viewer, ${viewers} ${viewers === 1 ? "viewer" : "viewers"}, ${FORK_RUN.forks} forks`, median: e.median, p95: e.p95, value: `HTTP reply p50 ${round(summarize(replied).median)} ms`, ...target(e.p95) },
  ];
  if (viewers === 200) {
    const s = summarize(screen);
    out.push({ group: "live", case: `fork reply → viewer refetched loader data (to screen), 200 viewers`, median: s.median, p95: s.p95, ...target(s.p95) });
  }
  return out;
}

async function fanOutRows(app: RunningApp, voter: Client, post: BenchPost, rssAtStart: number): Promise<Row[]> {
  // After the fork cases, not on an idle server: a server that has served pages is what the
  // sockets join; the at-start and before readings show which part the sockets add.
  const rssBefore = rssMb(app.pid);
  // Anonymous: a signed-in user may hold only 20 sockets, and viewers of a popular post mostly are.
  const sockets: Socket[] = await openViewers(app.url, post.id, FAN_OUT.sockets);
  let rssPeak = rssMb(app.pid);
  let arrivals: number[] = [];
  let allIn = () => {};
  for (const s of sockets) {
    s.on("vote.changed", () => {
      arrivals.push(performance.now());
      if (arrivals.length === sockets.length) allIn();
    });
  }
  const firsts: number[] = [];
  const lasts: number[] = [];
  const replies: number[] = [];
  try {
    for (let r = 0; r < FAN_OUT.warmup + FAN_OUT.rounds; r++) {
      arrivals = [];
      const complete = within<void>(10_000, "vote.changed at every socket", (ok) => (allIn = ok));
      // From just before the write is sent: what a voter's click costs everyone watching.
      // Receipts are stamped in this one process, so the last also counts our own decoding.
      const t0 = performance.now();
      const res = await voter.post(`/posts/${post.slug}.data`, { intent: "vote-post", value: r % 2 === 0 ? 1 : -1 });
      const repliedAt = performance.now();
      if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${res.text.slice(0, 300)}`);
      await complete;
      await pause(50);
      if (arrivals.length !== sockets.length) throw new Error(`${arrivals.length} receipts for ${sockets.length} sockets`);
      if (r < FAN_OUT.warmup) continue;
      firsts.push(arrivals[0]! - t0);
      lasts.push(Math.max(...arrivals) - t0);
      replies.push(repliedAt - t0);
    }
    rssPeak = Math.max(rssPeak, rssMb(app.pid));
  } finally {
    closeAll(sockets);
  }
  const first = summarize(firsts);
  const last = summarize(lasts);
  const label = `${FAN_OUT.sockets} sockets in one room, vote over HTTP, ${FAN_OUT.rounds} rounds`;
  return [
    { group: "live", case: `fan-out, first receipt: ${label}`, median: first.median, p99: first.p99, value: `HTTP reply p50 ${round(summarize(replies).median)} ms` },
    { group: "live", case: `fan-out, last receipt: ${label}`, median: last.median, p99: last.p99, target: "p99 ≤ 100", ok: last.p99 <= 100 },
    { group: "live", case: `server RSS with ${FAN_OUT.sockets} sockets connected`, value: `${Math.round(rssPeak)} MB (${Math.round(rssAtStart)} at start, ${Math.round(rssBefore)} just before the sockets)`, target: "≤ 300 MB", ok: rssPeak <= 300 },
  ];
}
