// The load issue: 100 signed-in users reading pages, voting and replying against the production
// server for 60 s (LOAD_SECONDS and LOAD_USERS for quick runs): 0 errors expected, p50/p99 per
// action reported. Closed loop: a user waits for each answer, so an overloaded server shows up
// as latency and lower throughput rather than as a pile of timeouts. The users open no sockets:
// bench/live.bench.ts measures the live channel.
//
// Rate limits stay ON. Each virtual user thinks 0.5–1.5 s between actions (about one a second,
// so ~100 actions/s from 100 users) and keeps client-side budgets under the per-user limits
// (10 replies, 60 votes a minute; see bench/load-users.ts). That is how real readers behave, and
// it makes the run also show that honest heavy use never meets a 429. Turning limits off
// (RATE_LIMITS=off, as the other benches do) would only be needed to exceed those rates, which
// is the limits' own integration tests' business, not a load test's.
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openSqliteStore } from "../db/sqlite-store";
import { openPgStore } from "../db/pg-store";
import type { Store } from "../db/store";
import { createTempDatabase } from "../test/support/pg";
import { getModel } from "../app/forecast/index";
import { createServices } from "../app/services/index.server";
import { SESSION_COOKIE } from "../app/utils/cookies.server";
import { startApp } from "../test/support/process";
import { machineCpuSeconds, treeCpuSeconds, treeMainThreadCpuSeconds, treeRssMb } from "./live-clients";
import { KINDS, runUser, type Kind, type LoadPost, type LoadUser, type Stats } from "./load-users";
import { prng, summarize, type Row } from "./lib";

const USERS = Number(process.env.LOAD_USERS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PASSWORD = "load-password-123";
const BUSY_COMMENTS = 100;
const BUSY_FORKS = 10;
const QUIET_POSTS = 3;
const QUIET_COMMENTS = 10;
const SEED_AUTHORS = 10;
// A hundred users arriving within 1.5 s on a just-started server is a burst that takes seconds
// to drain; the all-requests row keeps it, a second row shows the load the server then sustains.
const STEADY_AFTER = Math.min(10, SECONDS / 3);
// Readers pace themselves, so the paced run's throughput is capped by what they ask for: once
// one process keeps up, a second cannot add requests, only shorten waits. What a second process
// buys in throughput is measured where the server, not the readers, sets the pace: the same
// users and mix with no think time (CAPACITY_SECONDS each).
const PACED = { min: 500, span: 1000 };
const FLAT_OUT = { min: 0, span: 0 };
const CAPACITY_SECONDS = Number(process.env.CAPACITY_SECONDS ?? 20);

const LABELS: Record<Kind, string> = {
  read: "read: GET post page / front page / comment permalink (HTML)",
  vote: "vote: POST vote-comment to .data (up/down or retract)",
  reply: "reply: POST reply to .data (markdown render + insert)",
  revalidate: "revalidate: GET .data after each successful write",
};

interface Seeded {
  posts: LoadPost[];
  users: LoadUser[];
  loadUserIds: number[];
}

type Engine = "sqlite" | "postgres";

/**
 * The same load on one process and on two (WEB_CONCURRENCY, docs/decisions/022), on each store
 * (docs/decisions/026), and what the second process buys. LOAD_ENGINES=sqlite runs one store.
 */
export async function benchLoad(): Promise<Row[]> {
  if (!(SECONDS > 0)) throw new Error(`LOAD_SECONDS must be a positive number, not ${process.env.LOAD_SECONDS}`);
  if (!(Number.isInteger(USERS) && USERS > 0)) throw new Error(`LOAD_USERS must be a positive integer, not ${process.env.LOAD_USERS}`);
  const engines = (process.env.LOAD_ENGINES ?? "sqlite,postgres").split(",") as Engine[];
  const out: Row[] = [];
  for (const engine of engines) {
    const one = await loadRun(1, engine);
    const two = await loadRun(2, engine);
    const paced = two.throughput / one.throughput;
    out.push(...one.rows, ...two.rows);
    out.push({ group: "load", case: `${engine}: throughput at the readers' pace, WEB_CONCURRENCY=2 over =1 (capped by what they ask for)`, value: `${paced.toFixed(2)}× (${one.throughput.toFixed(0)}/s → ${two.throughput.toFixed(0)}/s)` });
    out.push({ group: "load", case: `${engine}: p99 and errors at WEB_CONCURRENCY=2`, value: `p99 ${two.p99.toFixed(0)} ms, ${two.errors} errors`, target: "p99 ≤ 300 ms, 0 errors", ok: two.p99 <= 300 && two.errors === 0 });
    const flatOne = await loadRun(1, engine, CAPACITY_SECONDS, FLAT_OUT);
    const flatTwo = await loadRun(2, engine, CAPACITY_SECONDS, FLAT_OUT);
    const ratio = flatTwo.throughput / flatOne.throughput;
    const errors = flatOne.errors + flatTwo.errors;
    out.push({ group: "load", case: `${engine}: capacity, the same ${USERS} users with no think time, ${CAPACITY_SECONDS} s each: WEB_CONCURRENCY=2 over =1`, p99: flatTwo.p99, value: `${ratio.toFixed(2)}× (${flatOne.throughput.toFixed(0)}/s → ${flatTwo.throughput.toFixed(0)}/s), ${errors} errors`, target: "≥ 1.6×, 0 errors", ok: ratio >= 1.6 && errors === 0 });
    // Every request costs CPU in the app, in this generator and (on PostgreSQL) in the database,
    // all on this machine: a second process can add throughput only with the cores the first run
    // left idle (an estimate: a request can cost a little less or more with two processes).
    // One process already uses more than a core: its main thread serves, its other threads collect garbage and compile.
    const use = (c: CpuUse) => `app ${c.server.toFixed(2)} (main threads ${c.serverMain.toFixed(2)}, other threads ${(c.server - c.serverMain).toFixed(2)}), generator ${c.generator.toFixed(2)}, rest ${Math.max(0, c.machine - c.server - c.generator).toFixed(2)}; ${c.machine.toFixed(2)} of ${c.cores.toFixed(1)} busy`;
    out.push({ group: "load", case: `${engine}: cores busy in the capacity runs`, value: `=1: ${use(flatOne.cpu)}. =2: ${use(flatTwo.cpu)}` });
    out.push({ group: "load", case: `${engine}: what the cores =1 left idle allow =2, if each request costs what it did at =1: all cores over those busy at =1`, value: `${(flatOne.cpu.cores / flatOne.cpu.machine).toFixed(2)}×` });
  }
  return out;
}

/** A fresh store of the engine's kind: a file in `dir`, or a throwaway PostgreSQL database. */
async function freshStore(engine: Engine, dir: string) {
  if (engine === "sqlite") {
    const databasePath = join(dir, "load.db");
    return { databasePath, env: {} as Record<string, string>, open: async (): Promise<Store> => openSqliteStore(databasePath), drop: async () => {} };
  }
  const pg = await createTempDatabase();
  return { databasePath: join(dir, "unused.db"), env: { DATABASE_URL: pg.url }, open: (): Promise<Store> => openPgStore(pg.url), drop: pg.drop };
}

/**
 * A 10-minute soak (SOAK_SECONDS) of the same load on the default setup (SQLite, one process):
 * memory that keeps growing after the caches have filled is a leak.
 */
export async function benchSoak(): Promise<Row[]> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 600);
  const run = await loadRun(1, "sqlite", seconds);
  const at = (s: number) => run.rss.reduce((best, x) => (Math.abs(x.t - s) < Math.abs(best.t - s) ? x : best), run.rss[0]!).mb;
  const early = at(Math.min(120, seconds / 5));
  const late = at(seconds);
  const growth = late / early - 1;
  return [
    { group: "soak", case: `sqlite ×1, ${USERS} users for ${Math.round(seconds / 60)} min: requests and errors`, value: `${Math.round(run.throughput * seconds)} ok, ${run.throughput.toFixed(0)}/s, p99 ${run.p99.toFixed(0)} ms, ${run.errors} errors`, target: "0 errors", ok: run.errors === 0 },
    { group: "soak", case: `server RSS at minute ${Math.round(Math.min(120, seconds / 5) / 60)} and at the end`, value: `${Math.round(early)} MB → ${Math.round(late)} MB (${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}%)`, target: "growth ≤ 10%", ok: growth <= 0.1 },
  ];
}

/** Cores busy during a run, on average: the whole machine, the app's processes, and this load generator. */
interface CpuUse {
  cores: number;
  machine: number;
  server: number;
  /** Of `server`, the processes' main threads. */
  serverMain: number;
  generator: number;
}

async function loadRun(processes: number, engine: Engine, seconds = SECONDS, think = PACED): Promise<{ rows: Row[]; throughput: number; p99: number; errors: number; rss: { t: number; mb: number }[]; cpu: CpuUse }> {
  const dir = mkdtempSync(join(tmpdir(), "forkcast-bench-load-"));
  const store = await freshStore(engine, dir);
  const databasePath = store.databasePath;
  const seeded = await seed(await store.open());
  const app = await startApp({ databasePath, env: { ...store.env, RATE_LIMITS: "on", WEB_CONCURRENCY: String(processes) } });
  // One keep-alive connection per user at most, as each browser would hold its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });
  const base = new URL(app.url);
  try {
    // Warm-up outside the clock: the first GET of a page with forks renders every fork chart.
    const warm = [...seeded.posts.map((p) => `/posts/${p.slug}`), "/"];
    for (const path of warm) {
      const res = await fetch(base.origin + path, { headers: { cookie: seeded.users[0]!.cookie } });
      await res.text();
      if (res.status !== 200) throw new Error(`warm-up GET ${path} answered ${res.status}`);
    }
    const rssAtStart = treeRssMb(app.pid);
    const cpu0 = { machine: machineCpuSeconds(), server: treeCpuSeconds(app.pid), serverMain: treeMainThreadCpuSeconds(app.pid), generator: process.cpuUsage() };
    const t0 = performance.now();
    let rssPeak = rssAtStart;
    const rss: { t: number; mb: number }[] = [];
    const sampler = setInterval(() => {
      const mb = treeRssMb(app.pid);
      rss.push({ t: (performance.now() - t0) / 1000, mb });
      rssPeak = Math.max(rssPeak, mb);
    }, 1000);
    const stats: Stats = { samples: { read: [], vote: [], reply: [], revalidate: [] }, steady: [], errors: new Map(), votesHeld: 0, repliesMade: 0, resent: 0, unknownWrites: { vote: 0, reply: 0 } };
    const plan = { base, agent, posts: seeded.posts, until: t0 + seconds * 1000, steadyFrom: t0 + STEADY_AFTER * 1000, stats, think };
    await Promise.all(seeded.users.map((u, i) => runUser(plan, u, 1000 + i)));
    const elapsed = (performance.now() - t0) / 1000;
    const machine = machineCpuSeconds();
    const generator = process.cpuUsage(cpu0.generator);
    const cpu: CpuUse = {
      cores: (machine.total - cpu0.machine.total) / elapsed,
      machine: (machine.busy - cpu0.machine.busy) / elapsed,
      server: (treeCpuSeconds(app.pid) - cpu0.server) / elapsed,
      serverMain: (treeMainThreadCpuSeconds(app.pid) - cpu0.serverMain) / elapsed,
      generator: (generator.user + generator.system) / 1e6 / elapsed,
    };
    clearInterval(sampler);
    const rssEnd = treeRssMb(app.pid);
    rssPeak = Math.max(rssPeak, rssEnd);
    await app.stop();
    const ledger = await checkLedger(await store.open(), seeded.loadUserIds, stats);
    const all = KINDS.flatMap((k) => stats.samples[k]);
    const errors = [...stats.errors.values()].reduce((a, b) => a + b, 0);
    return { rows: rows(`${engine} ×${processes}`, processes, stats, elapsed, { start: rssAtStart, peak: rssPeak, end: rssEnd }, ledger), throughput: all.length / elapsed, p99: summarize(all).p99, errors, rss, cpu };
  } finally {
    agent.destroy();
    await app.stop();
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Posts, comments and forks through the services; users with sessions made in-process (no argon2 per request). */
async function seed(store: Store): Promise<Seeded> {
  const services = createServices(store);
  // The host authors the posts and the seed authors the comments; neither is a load user, so
  // load users never meet "you cannot vote on your own writing" and are never limit-exempt
  // (authors are, inside their own threads).
  const host = await services.users.signup({ handle: "load-host", displayName: "Load Host", password: PASSWORD });
  const authors = await Promise.all(Array.from({ length: SEED_AUTHORS }, (_, i) => services.users.signup({ handle: `seed${i}`, displayName: `Seed Author ${i}`, password: PASSWORD })));
  const forecast = await services.forecasts.compute("bio-anchors", {});
  const busy = await services.posts.create({ authorId: host.id, title: "When does transformative AI arrive?", markdown: "Fork the **bio-anchors** forecast: where do you land?", forecast });
  const forecastId = (await services.posts.forecastIdOf(busy.id))!;
  const model = getModel("bio-anchors")!;
  const names = ["flop_per_dollar_2020", "spend_2025", "spend_doubling_years", "gdp_growth", "hw_halving_years"];
  const rand = prng(7);
  const busyIds: number[] = [];
  for (let i = 0; i < BUSY_COMMENTS; i++) {
    let fork = null;
    if (i % (BUSY_COMMENTS / BUSY_FORKS) === 0) {
      const name = names[(i / (BUSY_COMMENTS / BUSY_FORKS)) % names.length]!;
      const def = model.inputs.find((d) => d.name === name);
      if (def?.kind !== "number") throw new Error(`${name} is not a number input`);
      fork = await services.forks.prepare(busy.id, forecastId, { [name]: def.default * (0.72 + 0.05 * (i / 10)) }, { [name]: `Reason ${i}.` });
    }
    const parentId = busyIds.length > 0 && rand() < 0.6 ? busyIds[Math.floor(rand() * busyIds.length)]! : null;
    const markdown = `Comment ${i}: the **halving time** matters most; at $10^{17}$ FLOP per dollar the median moves a decade.`;
    const { id } = await services.comments.create({ postId: busy.id, parentId, authorId: authors[i % SEED_AUTHORS]!.id, markdown, fork });
    busyIds.push(id);
  }
  const posts: LoadPost[] = [{ slug: busy.slug, commentIds: busyIds }];
  for (let p = 0; p < QUIET_POSTS; p++) {
    const post = await services.posts.create({ authorId: host.id, title: `A quieter thread ${p}`, markdown: "Short body with $x^2$.", forecast: p === 0 ? forecast : null });
    const ids: number[] = [];
    for (let i = 0; i < QUIET_COMMENTS; i++) ids.push((await services.comments.create({ postId: post.id, parentId: null, authorId: authors[i % SEED_AUTHORS]!.id, markdown: `Quiet comment ${i}.` })).id);
    posts.push({ slug: post.slug, commentIds: ids });
  }
  // argon2 runs on the libuv pool, so the hundred sign-ups hash in parallel.
  const made = await Promise.all(Array.from({ length: USERS }, (_, i) => services.users.signup({ handle: `load${i}`, displayName: `Load User ${i}`, password: PASSWORD })));
  const users = await Promise.all(made.map(async (u) => ({ handle: u.handle, cookie: `${SESSION_COOKIE}=${await services.sessions.create(u.id, "forkcast load bench")}` })));
  await store.close();
  return { posts, users, loadUserIds: made.map((u) => u.id) };
}

/** The database must hold exactly the writes the clients saw succeed: no lost or doubled vote or reply. */
async function checkLedger(store: Store, userIds: number[], stats: Stats) {
  try {
    const ids = userIds.join(",");
    const count = async (query: string) => (await store.rows<{ n: number }>(sql.raw(query)))[0]!.n;
    const votes = await count(`SELECT count(*) AS n FROM votes WHERE user_id IN (${ids})`);
    const replies = await count(`SELECT count(*) AS n FROM comments WHERE author_id IN (${ids})`);
    // A write lost in flight may have landed: each allows one vote either way, or one extra reply.
    const votesOk = Math.abs(votes - stats.votesHeld) <= stats.unknownWrites.vote;
    const repliesOk = replies >= stats.repliesMade && replies - stats.repliesMade <= stats.unknownWrites.reply;
    return { votes, replies, ok: votesOk && repliesOk };
  } finally {
    await store.close();
  }
}

function rows(tag: string, processes: number, stats: Stats, elapsed: number, rss: { start: number; peak: number; end: number }, ledger: { votes: number; replies: number; ok: boolean }): Row[] {
  const all = KINDS.flatMap((k) => stats.samples[k]);
  const errors = [...stats.errors.values()].reduce((a, b) => a + b, 0);
  const total = all.length + errors;
  const o = summarize(all);
  const label = `${tag.split(" ")[0]}, WEB_CONCURRENCY=${processes}, ${USERS} users, ${SECONDS} s, think 0.5–1.5 s, rate limits on`;
  const out: Row[] = [{ group: "load", case: `all requests: ${label}`, median: o.median, p95: o.p95, p99: o.p99, value: `${total} requests, ${(total / elapsed).toFixed(0)}/s over ${elapsed.toFixed(1)} s` }];
  const st = summarize(stats.steady);
  out.push({ group: "load", case: `${tag} all requests, steady state: started after the first ${STEADY_AFTER.toFixed(0)} s`, median: st.median, p95: st.p95, p99: st.p99, value: `${stats.steady.length} requests` });
  for (const k of KINDS) {
    const s = summarize(stats.samples[k]);
    out.push({ group: "load", case: `${tag} ${LABELS[k]}`, median: s.median, p95: s.p95, p99: s.p99, value: `${stats.samples[k].length} ok (${((stats.samples[k].length / Math.max(1, all.length)) * 100).toFixed(0)}%)` });
  }
  const detail = [...stats.errors].map(([what, n]) => `${n}× ${what}`).join(", ");
  out.push({ group: "load", case: `${tag} errors: non-2xx/3xx or network failure (429s included)`, value: `${errors === 0 ? "0" : `${errors}: ${detail}`.slice(0, 200)}; ${stats.resent} resent after a stale keep-alive reset`, target: "0", ok: errors === 0 });
  out.push({ group: "load", case: `${tag} database matches the clients: votes held, replies made`, value: `${ledger.votes} votes (clients ${stats.votesHeld}), ${ledger.replies} replies (clients ${stats.repliesMade}); ${stats.unknownWrites.vote + stats.unknownWrites.reply} writes lost in flight`, target: "equal ± lost", ok: ledger.ok });
  out.push({ group: "load", case: `${tag}: server RSS during the run (every process)`, value: `${Math.round(rss.end)} MB at end (peak ${Math.round(rss.peak)}, ${Math.round(rss.start)} after warm-up)` });
  return out;
}
