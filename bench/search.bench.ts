// Search (docs/decisions/028) over 50,000 comments on SQLite: the service's ranked query with
// snippets, for a spread of queries (a rare word, a common one matching thousands of rows,
// two words, a prefix as typed), then the same over HTTP as the header's box asks it.
// The comments go straight into the store in batches; the FTS triggers index them as they land.
import { rmSync } from "node:fs";
import { startApp } from "../test/support/process";
import { searchFilters, searchQuerySchema } from "../app/discussion/search";
import { fixtureDatabase } from "./fixture-db";
import { prng, summarize, time, timePageGets, type Row } from "./lib";

const COMMENTS = 50_000;
const BATCH = 1000;
const RUNS = 40;
const SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vos", "pe", "dra", "shi", "gon", "ax", "bel", "cor", "dun", "el", "fir"];
const COMMON = ["compute", "forecast", "median", "hardware", "halving", "scaling", "benchmark", "timeline", "anchor", "prior"];

export async function benchSearch(): Promise<Row[]> {
  const { dir, databasePath, store, services } = fixtureDatabase("search");
  const rand = prng(28);
  // A few thousand made-up words, picked with a skew: some words are in many comments, most in few.
  const vocabulary: string[] = [...COMMON];
  while (vocabulary.length < 4000) vocabulary.push(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(""));
  const word = () => vocabulary[Math.floor(vocabulary.length * rand() ** 3)]!;
  const authors: { id: number }[] = [];
  for (let i = 0; i < 20; i++) authors.push(await services.users.signup({ handle: `seeker${i}`, displayName: `Seeker ${i}`, password: "bench-password-123" }));
  const posts: { id: number }[] = [];
  for (let i = 0; i < 50; i++) posts.push(await services.posts.create({ authorId: authors[i % 20]!.id, title: `Thread ${i} on ${word()} and ${word()}`, markdown: `About ${word()} ${word()} ${word()}.` }));
  const { comments } = store.t;
  const [seedMs] = await time(async () => {
    for (let done = 0; done < COMMENTS; done += BATCH) {
      const values = Array.from({ length: BATCH }, (_, i) => {
        const text = Array.from({ length: 25 + Math.floor(rand() * 40) }, word).join(" ");
        return { postId: posts[(done + i) % posts.length]!.id, authorId: authors[(done + i) % authors.length]!.id, markdown: `${text}.`, html: `<p>${text}.</p>`, createdAt: 1_700_000_000_000 + (done + i) * 60_000 };
      });
      await store.write(async (tx) => {
        await tx.insert(comments).values(values);
      });
    }
  });
  const rare = vocabulary[3000]!;
  const queries = [rare, "compute", "median hardware", "forec", "scaling timeline", vocabulary[500]!, `${vocabulary[200]!.slice(0, 3)}`];
  const rows: Row[] = [];
  try {
    const parsed = queries.map((q) => searchQuerySchema.parse({ q }));
    for (const p of parsed) await services.search.search(p.q, searchFilters(p));
    const samples: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      for (const p of parsed) {
        const [ms, r] = await time(() => services.search.search(p.q, searchFilters(p)));
        samples.push(ms);
        hits += r.comments.length;
      }
    }
    const s = summarize(samples);
    rows.push({ group: "search", case: `service search, ${COMMENTS} comments, ${queries.length} query shapes (20 hits + snippets)`, median: s.median, p95: s.p95, p99: s.p99, value: `${(hits / samples.length).toFixed(1)} hits; seeded in ${(seedMs / 1000).toFixed(1)} s`, target: "p95 ≤ 30", ok: s.p95 <= 30 });
    await store.close();
    const app = await startApp({ databasePath, env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1" } });
    try {
      const get = async (path: string) => {
        const res = await fetch(app.url + path);
        return { status: res.status, text: await res.text() };
      };
      const http = await timePageGets({ get }, "/search.json?q=compute", 5, RUNS);
      rows.push({ group: "search", case: `GET /search.json?q=compute (header box, 5 hits a kind), ${COMMENTS} comments`, median: http.median, p95: http.p95 });
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import("./lib");
  printTable(await benchSearch());
  process.exit(0);
}
