// Crash safety: the production server is SIGKILLed in the middle of a burst of replies. After a
// restart every reply the server acknowledged must be there, and nothing may be half-written.
// This is what WAL with synchronous=NORMAL (db/sqlite-store.ts) promises for a process crash; power
// loss is a different promise, which no test that kills a process can check.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { startApp, type RunningApp } from "../support/process";

// Eight requests in flight per person at most (server/middleware.ts writeConcurrency), as a
// browser keeps to: the burst is spread so no writer has more.
const WRITERS = 125;
const BURST = 1000;
const KILL_AFTER = 300;
// Rate limits would turn most of the burst into 429s; this test is about durability.
const env = { RATE_LIMITS: "off" };

const dir = mkdtempSync(join(tmpdir(), "forkcast-crash-"));
const databasePath = join(dir, "crash.db");
let app: RunningApp | null = null;

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Ack {
  marker: string;
  commentId: number | null;
}

/** Fires the whole burst at once and SIGKILLs the server once `KILL_AFTER` responses are back. */
async function burst(running: RunningApp, slug: string, writers: Client[]) {
  const acked: Ack[] = [];
  const refused: number[] = [];
  let lost = 0;
  let responses = 0;
  let killed: Promise<void> | null = null;
  const run = Date.now().toString(36);
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const marker = `crash-${run}-${i}`;
      try {
        const res = await postAction(writers[i % WRITERS]!, `/posts/${slug}`, { intent: "reply", markdown: `Reply ${marker}`, parentId: "" });
        responses++;
        if (res.status >= 200 && res.status < 300) {
          const id = res.data?.commentId;
          acked.push({ marker, commentId: typeof id === "number" ? id : null });
        } else refused.push(res.status);
      } catch {
        lost++; // connection reset by the kill: the reply may or may not have been committed
      }
      if (responses >= KILL_AFTER && !killed) killed = running.kill();
    }),
  );
  await killed;
  return { acked, refused, lost };
}

function inspect(file: string, slug: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
    return {
      integrity: all<{ integrity_check: string }>("PRAGMA integrity_check").map((r) => r.integrity_check),
      foreignKeyViolations: all("PRAGMA foreign_key_check"),
      comments: all<{ id: number; markdown: string; html: string }>(
        "SELECT c.id, c.markdown, c.html FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.slug = ?",
        slug,
      ),
      orphans: all("SELECT id FROM comments WHERE post_id NOT IN (SELECT id FROM posts) OR author_id NOT IN (SELECT id FROM users)"),
      // comment_count is a cache bumped in the same transaction as the insert (soft deletes keep the row).
      driftedCounts: all(
        "SELECT id, comment_count, (SELECT count(*) FROM comments c WHERE c.post_id = p.id) AS actual FROM posts p WHERE comment_count != actual",
      ),
    };
  } finally {
    db.close();
  }
}

it("keeps every acknowledged reply and no half-written row when the server is SIGKILLed mid-burst", async () => {
  const t0 = Date.now();
  app = await startApp({ databasePath, env });
  const host = new Client(app.url);
  await host.signup("crashhost");
  const slug = await host.createPost("Crash target");
  // Sign-ups come from one address, which may also have only so many writes in flight.
  const writers: Client[] = [];
  while (writers.length < WRITERS) {
    const batch = Array.from({ length: Math.min(8, WRITERS - writers.length) }, async (_, i) => {
      const c = new Client(app!.url);
      await c.signup(`writer${writers.length + i}`);
      return c;
    });
    writers.push(...(await Promise.all(batch)));
  }

  const t1 = Date.now();
  const { acked, refused, lost } = await burst(app, slug, writers);
  const t2 = Date.now();
  // The kill really landed mid-burst: some replies were acknowledged, some never answered.
  expect(refused).toEqual([]);
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(lost).toBeGreaterThan(0);
  expect(acked.length + lost).toBe(BURST);

  // Restarting runs WAL recovery; the server must come up and accept writes on the same file.
  app = await startApp({ databasePath, env });
  // Same session (it is in the database), new port.
  const again = new Client(app.url);
  for (const [name, value] of host.cookies) again.cookies.set(name, value);
  expect((await again.get("/healthz")).status).toBe(200);
  const after = await postAction(again, `/posts/${slug}`, { intent: "reply", markdown: "Reply after restart", parentId: "" });
  expect(after.status).toBe(200);

  const state = inspect(databasePath, slug);
  expect(state.integrity).toEqual(["ok"]);
  expect(state.foreignKeyViolations).toEqual([]);
  expect(state.orphans).toEqual([]);
  expect(state.driftedCounts).toEqual([]);

  const byMarker = new Map<string, { id: number; html: string }[]>();
  for (const c of state.comments) {
    const marker = /^Reply (crash-\S+)$/.exec(c.markdown)?.[1];
    if (marker) byMarker.set(marker, [...(byMarker.get(marker) ?? []), c]);
  }
  const missing = acked.filter((a) => !byMarker.has(a.marker));
  expect(missing).toEqual([]);
  for (const a of acked) {
    const rows = byMarker.get(a.marker)!;
    expect(rows).toHaveLength(1); // a reply is stored once, never duplicated
    if (a.commentId !== null) expect(rows[0]!.id).toBe(a.commentId);
    expect(rows[0]!.html).toContain(a.marker); // the rendered body was written with the row
  }
  // Unacknowledged replies may have been committed just before the kill, but no more than were sent.
  expect(byMarker.size).toBeGreaterThanOrEqual(acked.length);
  expect(byMarker.size).toBeLessThanOrEqual(BURST);
  expect(state.comments).toHaveLength(byMarker.size + 1);

  console.log(
    `crash test: setup ${t1 - t0} ms, burst until kill ${t2 - t1} ms, ${acked.length} acknowledged, ${lost} cut off, ` +
      `${byMarker.size - acked.length} committed without an answer, total ${Date.now() - t0} ms`,
  );
}, 120_000);
