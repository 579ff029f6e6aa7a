// Virtual users for bench/load.bench.ts: each is one signed-in reader in a browser, reading
// pages, voting and replying in a loop with think time, as the browser's forms would send it.
import http from "node:http";
import { prng } from "./lib";

export type Kind = "read" | "vote" | "reply" | "revalidate";
export const KINDS: Kind[] = ["read", "vote", "reply", "revalidate"];

export interface LoadPost {
  slug: string;
  /** Comments seeded by other accounts: a load user may vote on these (never their own writing). */
  commentIds: number[];
}

export interface LoadUser {
  handle: string;
  cookie: string;
}

export interface Stats {
  samples: Record<Kind, number[]>;
  /** Every kind together, for requests started after the ramp-up (Plan.steadyFrom). */
  steady: number[];
  /** "409 vote", "network read", …: what failed, so a non-zero count says where to look. */
  errors: Map<string, number>;
  /** Successful writes, checked against the database after the run. */
  votesHeld: number;
  repliesMade: number;
  /** Requests resent once after a stale keep-alive connection was reset (see send). */
  resent: number;
  /** Writes lost to a network error or timeout: the server may or may not have applied them. */
  unknownWrites: { vote: number; reply: number };
}

// Client-side budgets, under the server's 10 replies and 60 votes a minute. Counted over 65 s
// of send times: a server window of 60 s can only see requests sent within 60 s plus one
// request's latency, so staying under these in every 65 s keeps every server window legal.
const BUDGET_WINDOW_MS = 65_000;
const REPLY_BUDGET = 8;
const VOTE_BUDGET = 50;
const REQUEST_TIMEOUT_MS = 30_000;

export const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** One request over the shared keep-alive agent; the status once the whole body is read. */
function attempt(agent: http.Agent | false, base: URL, method: "GET" | "POST", path: string, cookie: string, body?: string): Promise<number> {
  // The Origin header is what a browser sends on every POST; the server refuses writes without a matching one.
  const headers: Record<string, string> = { cookie, accept: "text/html,*/*" };
  if (body !== undefined) Object.assign(headers, { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)), origin: base.origin });
  return new Promise<number>((resolve, reject) => {
    let answered = false;
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      answered = true;
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("error", (e: NodeJS.ErrnoException) => reject(Object.assign(e, { message: `${e.message}${req.reusedSocket ? ", reused connection" : ""}`, staleKeepAlive: req.reusedSocket && !answered && (e.code === "ECONNRESET" || e.code === "EPIPE") })));
    req.end(body);
  });
}

/**
 * A server closes an idle keep-alive connection just as the client reuses it; under load its
 * event loop runs the idle timer before reading the request that already arrived. The server
 * never saw that request, so browsers resend it, and Node's docs prescribe the same
 * (request.reusedSocket). We resend once and count it; the ledger check catches a doubled write.
 */
async function send(agent: http.Agent, base: URL, method: "GET" | "POST", path: string, cookie: string, stats: Stats, form?: Record<string, string | number>): Promise<number> {
  const body = form ? new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])).toString() : undefined;
  try {
    return await attempt(agent, base, method, path, cookie, body);
  } catch (e) {
    if (!(e as { staleKeepAlive?: boolean }).staleKeepAlive) throw e;
    stats.resent += 1;
    // On a new connection: the next pooled one may be just as stale.
    return attempt(false, base, method, path, cookie, body).catch((again: Error) => Promise.reject(new Error(`resent: ${again.message}`)));
  }
}

export interface Plan {
  base: URL;
  agent: http.Agent;
  /** posts[0] is the busy thread: most reads, votes and replies go there. */
  posts: LoadPost[];
  until: number;
  /** Requests started from here on also count as steady state: the cold first burst is over. */
  steadyFrom: number;
  stats: Stats;
  /** Think time between actions: at least `min` ms, plus up to `span` more. */
  think: { min: number; span: number };
}

export async function runUser(plan: Plan, user: LoadUser, seed: number): Promise<void> {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  // Half the reads and writes on the busy thread, the rest spread over the others.
  const anyPost = () => (rand() < 0.5 ? plan.posts[0]! : pick(plan.posts));
  const held = new Map<number, number>(); // commentId → this user's current karma vote
  // Comments whose vote was lost in flight: our state there may be wrong, so we leave them be.
  const unsure = new Set<number>();
  const sentReplies: number[] = [];
  const sentVotes: number[] = [];
  const within = (sent: number[], budget: number) => {
    const now = performance.now();
    while (sent.length && sent[0]! <= now - BUDGET_WINDOW_MS) sent.shift();
    return sent.length < budget;
  };

  const timed = async (kind: Kind, method: "GET" | "POST", path: string, form?: Record<string, string | number>) => {
    const t0 = performance.now();
    let status: number | string;
    try {
      status = await send(plan.agent, plan.base, method, path, user.cookie, plan.stats, form);
    } catch (e) {
      status = `network (${(e as Error).message || (e as NodeJS.ErrnoException).code || String(e)})`;
    }
    const ok = typeof status === "number" && status >= 200 && status < 400;
    // Failed requests stay out of the latency samples: a fast 500 would flatter the percentiles.
    if (ok) plan.stats.samples[kind].push(performance.now() - t0);
    if (ok && t0 >= plan.steadyFrom) plan.stats.steady.push(performance.now() - t0);
    if (typeof status === "string" && kind !== "read" && kind !== "revalidate") plan.stats.unknownWrites[kind] += 1;
    if (!ok) plan.stats.errors.set(`${status} ${kind}`, (plan.stats.errors.get(`${status} ${kind}`) ?? 0) + 1);
    return ok;
  };

  // After a fetcher's action, Remix revalidates the page's loaders with a GET of the route's
  // .data: part of what a click costs the server, so every successful write is followed by one.
  const revalidate = (post: LoadPost) => timed("revalidate", "GET", `/posts/${post.slug}.data`);

  let replies = 0;
  // Staggered arrival: a hundred users opening the page in the same millisecond is a different test.
  await pause(rand() * 1500);
  while (performance.now() < plan.until) {
    const r = rand();
    if (r < 0.1 && within(sentReplies, REPLY_BUDGET)) {
      const post = anyPost();
      sentReplies.push(performance.now());
      replies += 1;
      const parentId = rand() < 0.5 ? pick(post.commentIds) : "";
      const markdown = `Reply ${replies} from @${user.handle}: I would put the **halving time** nearer $${(1 + rand() * 2).toFixed(2)}$ years.`;
      if (await timed("reply", "POST", `/posts/${post.slug}.data`, { intent: "reply", markdown, parentId })) {
        plan.stats.repliesMade += 1;
        await revalidate(post);
      }
    } else if (r < 0.4 && within(sentVotes, VOTE_BUDGET)) {
      const post = anyPost();
      const commentId = pick(post.commentIds.filter((id) => !unsure.has(id)));
      // Toggle: vote where we hold none, retract where we do. A user is sequential, so the
      // state here is the server's, and "already voted" (409) can only mean a bug.
      const before = held.get(commentId) ?? 0;
      const value = before !== 0 ? 0 : rand() < 0.8 ? 1 : -1;
      sentVotes.push(performance.now());
      if (await timed("vote", "POST", `/posts/${post.slug}.data`, { vote: `vote-comment:${value}`, commentId })) {
        held.set(commentId, value);
        plan.stats.votesHeld += (value !== 0 ? 1 : 0) - (before !== 0 ? 1 : 0);
        await revalidate(post);
      } else unsure.add(commentId);
    } else {
      const q = rand();
      if (q < 0.6) {
        const post = anyPost();
        await timed("read", "GET", `/posts/${post.slug}`);
      } else if (q < 0.85) await timed("read", "GET", "/");
      else {
        const post = anyPost();
        await timed("read", "GET", `/posts/${post.slug}/comments/${pick(post.commentIds)}`);
      }
    }
    const think = plan.think.min + rand() * plan.think.span;
    if (think > 0) await pause(think);
  }
}
