// How many statements each common request sends the database, on the store the suite runs on.
// On PostgreSQL each is a round trip over the network, and a few run one after another, so a
// page that quietly gains queries gets slower on every node; the budgets below are today's
// counts (docs/decisions/037), and a change that needs more should say why here.
// Counted where the drivers run a statement: pg's Client#query, better-sqlite3's Statement.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

let server: TestServer;
let reader: Client;
let statements = 0;
const restore: (() => void)[] = [];

/** Wraps a driver method so every call counts one statement. */
function count(target: object, method: string) {
  const owner = target as Record<string, (...args: unknown[]) => unknown>;
  const original = owner[method]!;
  owner[method] = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
  restore.push(() => (owner[method] = original));
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  reader = new Client(server.url);
  expect((await reader.login("priya", "forkcast-priya-demo")).status).toBe(302);
  count(pg.Client.prototype, "query");
  const probe = new Database(":memory:");
  for (const method of ["all", "get", "run", "iterate"]) count(Object.getPrototypeOf(probe.prepare("SELECT 1")) as object, method);
  probe.close();
});
afterAll(async () => {
  for (const undo of restore.splice(0)) undo();
  await server.stop();
});

/** Statements the server ran while answering `send`; warmed first, so caches are as a reader finds them. */
async function statementsFor(send: () => Promise<{ status: number }>, expected = 200): Promise<number> {
  expect((await send()).status).toBe(expected);
  statements = 0;
  expect((await send()).status).toBe(expected);
  return statements;
}

describe("database statements per request", () => {
  it("a signed-in post page: at most 8 (session with the unread count, post with the reader's thread bar, comments, questions, tags, sequence, two for forks)", async () => {
    const n = await statementsFor(() => reader.get(POST));
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(8);
  });

  it("the same page's data after a write (the revalidation a vote triggers): at most 8", async () => {
    expect(await statementsFor(() => reader.get(`${POST}.data`))).toBeLessThanOrEqual(8);
  });

  it("a comment permalink: at most 5; the front page: at most 3", async () => {
    const comment = (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE post_id = (SELECT id FROM posts WHERE slug = ?) ORDER BY id LIMIT 1", POST.slice("/posts/".length)))!;
    expect(await statementsFor(() => reader.get(`${POST}/comments/${comment.id}`))).toBeLessThanOrEqual(5);
    expect(await statementsFor(() => reader.get("/"))).toBeLessThanOrEqual(3);
  });

  it("a signed-out post page served from the page cache: one (the write generation)", async () => {
    const anonymous = new Client(server.url);
    expect(await statementsFor(() => anonymous.get(POST))).toBe(1);
  });
});
