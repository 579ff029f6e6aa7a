// `npm run backup` against a live production server that keeps writing, then a restore
// rehearsal as README.md describes it: copy the backup into place and start on it.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { startApp, type RunningApp } from "../support/process";

const env = { RATE_LIMITS: "off" };
const dir = mkdtempSync(join(tmpdir(), "forkcast-backup-"));
const running: RunningApp[] = [];

afterAll(async () => {
  for (const app of running) await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

function runBackup(databasePath: string, destination: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/backup.mjs", destination], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

it("backs up a database the server is writing to, and the copy restores", async () => {
  const live = await startApp({ databasePath: join(dir, "live.db"), env });
  running.push(live);
  const host = new Client(live.url);
  await host.signup("backuphost");
  const slug = await host.createPost("Backup target");
  const writers = await Promise.all(
    // Forty replies at once, five per writer: a person may have eight writes in flight.
    Array.from({ length: 8 }, (_, i) => `writer${i}`).map(async (handle) => {
      const c = new Client(live.url);
      await c.signup(handle);
      return c;
    }),
  );
  const reply = async (c: Client, marker: string) => {
    const res = await postAction(c, `/posts/${slug}`, { intent: "reply", markdown: `Reply ${marker}`, parentId: "" });
    expect(res.status).toBe(200);
  };

  const before = Array.from({ length: 40 }, (_, i) => `before-${i}`);
  await Promise.all(before.map((m, i) => reply(writers[i % writers.length]!, m)));

  // Writers keep going for the whole backup; the window counter proves they overlapped it.
  let backingUp = false;
  let writesDuringBackup = 0;
  let stop = false;
  const loops = writers.map(async (c, w) => {
    for (let i = 0; !stop; i++) {
      await reply(c, `during-${w}-${i}`);
      if (backingUp) writesDuringBackup++;
    }
  });
  const destination = join(dir, "copies", "forkcast-test.db");
  backingUp = true;
  const result = await runBackup(live.databasePath, destination);
  backingUp = false;
  stop = true;
  await Promise.all(loops);

  expect(result.code, result.output).toBe(0);
  expect(result.output).toContain("integrity_check: ok");
  expect(result.output).toMatch(/size: \d+ bytes/);
  expect(writesDuringBackup).toBeGreaterThan(0);

  // One self-contained file: no -wal beside it that a copy could leave behind.
  expect(existsSync(`${destination}-wal`)).toBe(false);
  const copy = new Database(destination, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    const markdowns = new Set((copy.prepare("SELECT markdown FROM comments").all() as { markdown: string }[]).map((r) => r.markdown));
    expect(before.filter((m) => !markdowns.has(`Reply ${m}`))).toEqual([]);
    // A snapshot, not a smear: the comment_count cache matches the rows it counts.
    const post = copy.prepare("SELECT comment_count AS cached, (SELECT count(*) FROM comments WHERE post_id = posts.id) AS actual FROM posts WHERE slug = ?").get(slug) as {
      cached: number;
      actual: number;
    };
    expect(post.cached).toBe(post.actual);
  } finally {
    copy.close();
  }

  // Refuses to overwrite an existing file (above all the live database).
  expect((await runBackup(live.databasePath, live.databasePath)).code).not.toBe(0);

  // Restore rehearsal: the copy, moved into place, serves the thread it holds.
  const restoredPath = join(dir, "restored.db");
  copyFileSync(destination, restoredPath);
  const restored = await startApp({ databasePath: restoredPath, env });
  running.push(restored);
  const page = await new Client(restored.url).get(`/posts/${slug}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain("Reply before-0");
}, 90_000);
