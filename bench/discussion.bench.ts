// Issue 2: the post page with 500 comments (depth ≤ 10) served by the production server
// process, and comment-insert throughput through the service and over HTTP.
import { sql } from "drizzle-orm";
import { rmSync } from "node:fs";
import type { SessionUser } from "../app/services/types";
import { Client } from "../test/support/client";
import { startApp } from "../test/support/process";
import { fixtureDatabase } from "./fixture-db";
import { prng, summarize, time, timePageGets, type Row } from "./lib";

const PARAGRAPH = "I would put the **hardware halving time** nearer 2 years; at $10^{17}$ FLOP per dollar that moves the median by about a decade.";

export async function benchDiscussion(): Promise<Row[]> {
  const rows: Row[] = [];
  const { dir, databasePath, store, services } = fixtureDatabase("discussion");
  const authors: SessionUser[] = [];
  for (let i = 0; i < 20; i++) authors.push(await services.users.signup({ handle: `bench${i}`, displayName: `Bench Reader ${i}`, password: "bench-password-123" }));
  const post = await services.posts.create({ authorId: authors[0]!.id, title: "A long thread", markdown: "Body with $x^2$ math." });
  const rand = prng(42);
  const made: { id: number; depth: number }[] = [];
  for (let i = 0; i < 500; i++) {
    const open = made.filter((m) => m.depth < 10);
    const parent = made.length === 0 || rand() < 0.15 ? null : open[Math.floor(rand() * open.length)]!;
    const markdown = `${i % 4 === 0 ? PARAGRAPH : PARAGRAPH.replace(/\$[^$]+\$/, "1e17")}\n\n> reply ${i} quotes its parent`;
    const { id } = await services.comments.create({ postId: post.id, parentId: parent?.id ?? null, authorId: authors[i % 20]!.id, markdown });
    made.push({ id, depth: parent ? parent.depth + 1 : 0 });
  }
  const maxDepth = Math.max(...made.map((m) => m.depth));

  const n = 2000;
  const [serviceMs] = await time(async () => {
    for (let i = 0; i < n; i++) await services.comments.create({ postId: post.id, parentId: null, authorId: authors[i % 20]!.id, markdown: `insert ${i}: a short reply with *emphasis*.` });
  });
  // Keep the measured page at exactly 500 comments: the throughput inserts are removed again.
  await store.write(async () => {
    await store.rows(sql`DELETE FROM comments WHERE markdown LIKE 'insert %' RETURNING 1`);
    await store.rows(sql`UPDATE posts SET comment_count = 500 RETURNING 1`);
  });
  await store.close();
  rows.push({ group: "discussion", case: `comment insert via service (render + IMMEDIATE txn), ${n}x`, value: `${Math.round((n / serviceMs) * 1000)}/s` });

  const app = await startApp({ databasePath, env: { RATE_LIMITS: "off" } });
  try {
    const reader = new Client(app.url);
    await reader.signup("bench-reader");
    const page = async (path: string, label: string, target?: number) => {
      const s = await timePageGets(reader, path, 5, 50);
      rows.push({ group: "discussion", case: label, median: s.median, p95: s.p95, value: `${Math.round(s.bytes / 1024)} KB`, ...(target ? { target: `median ≤ ${target}`, ok: s.median <= target } : {}) });
    };
    await page(`/posts/${post.slug}`, `post page, 500 comments (depth ≤ ${maxDepth}), first 150 rendered, 50 GETs`, 60);
    await page(`/posts/${post.slug}?comments=all`, "same post, all 500 comments rendered (?comments=all)");

    // What a browser's reply form sends: the fetcher POST to the route's .data endpoint.
    const writer = new Client(app.url);
    await writer.signup("bench-writer");
    const httpSamples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [ms, res] = await time(() => writer.post(`/posts/${post.slug}.data`, { intent: "reply", markdown: `http reply ${i}`, parentId: "" }));
      if (res.status !== 200) throw new Error(`reply answered ${res.status}`);
      httpSamples.push(ms);
    }
    const h = summarize(httpSamples);
    rows.push({ group: "discussion", case: "reply over HTTP (fetcher POST), 200x sequential", median: h.median, p95: h.p95, value: `${Math.round(1000 / h.median)}/s` });
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
