import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { countRows, execute, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let alice: Client;
let bob: Client;
let carol: Client;
let slug: string;
let commentId: number;

const score = async (table: string, where: string, ...p: unknown[]) => (await queryOne<{ score: number }>(server, `SELECT score FROM ${table} WHERE ${where}`, ...p))!.score;
const karma = async (handle: string) => (await queryOne<{ karma: number }>(server, "SELECT karma FROM users WHERE handle = ?", handle))!.karma;

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob, carol] = [new Client(server.url), new Client(server.url), new Client(server.url)];
  await alice.signup("alice");
  await bob.signup("bob");
  await carol.signup("carol");
  slug = await alice.createPost("Vote on me");
  await alice.reply(slug, "a comment by alice");
  commentId = (await queryOne<{ id: number }>(server, "SELECT max(id) AS id FROM comments"))!.id;
});
afterAll(() => server.stop());

describe("votes", () => {
  it("counts one vote per user, changeable and retractable, into score and karma", async () => {
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-post", value: 1 })).status).toBe(200);
    expect((await carol.post(`/posts/${slug}`, { intent: "vote-post", value: 1 })).status).toBe(200);
    expect(await score("posts", "slug = ?", slug)).toBe(2);
    expect(await karma("alice")).toBe(2);

    const twice = await bob.post(`/posts/${slug}`, { intent: "vote-post", value: 1 });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("already cast that vote");
    expect(await countRows(server, "votes", "target_type = 'post'")).toBe(2);

    expect((await bob.post(`/posts/${slug}`, { intent: "vote-post", value: -1 })).status).toBe(200);
    expect(await score("posts", "slug = ?", slug)).toBe(0);
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-post", value: 0 })).status).toBe(200);
    expect(await score("posts", "slug = ?", slug)).toBe(1);
    expect(await karma("alice")).toBe(1);
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-post", value: 0 })).status).toBe(409);
  });

  it("keeps agree/disagree separate from score and karma", async () => {
    const before = await karma("alice");
    expect((await bob.post(`/posts/${slug}`, { intent: "agree-comment", commentId, value: -1 })).status).toBe(200);
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-comment", commentId, value: 1 })).status).toBe(200);
    const row = (await queryOne<{ score: number; agree_score: number }>(server, "SELECT score, agree_score FROM comments WHERE id = ?", commentId))!;
    expect(row).toEqual({ score: 1, agree_score: -1 });
    expect(await karma("alice")).toBe(before + 1);
  });

  it("refuses self-votes, bad values, unknown targets and signed-out voters", async () => {
    const before = await countRows(server, "votes");
    expect((await alice.post(`/posts/${slug}`, { intent: "vote-post", value: 1 })).status).toBe(403);
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-post", value: 5 })).status).toBe(400);
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-comment", commentId: 99_999, value: 1 })).status).toBe(404);
    expect((await bob.post(`/posts/${slug}`, { intent: "vote-comment", commentId: "x", value: 1 })).status).toBe(400);
    expect((await new Client(server.url).post(`/posts/${slug}`, { intent: "vote-post", value: 1 })).status).toBe(401);
    expect(await countRows(server, "votes")).toBe(before);
  });

  it("treats scores as caches: recompute restores them from the ledger", async () => {
    const truth = { post: await score("posts", "slug = ?", slug), karma: await karma("alice") };
    await execute(server, "UPDATE posts SET score = 999 WHERE slug = ?", slug);
    await execute(server, "UPDATE users SET karma = -5 WHERE handle = 'alice'");
    expect(await server.services.votes.recomputeAll()).toBe(2);
    expect(await score("posts", "slug = ?", slug)).toBe(truth.post);
    expect(await karma("alice")).toBe(truth.karma);
    expect(await server.services.votes.recomputeAll()).toBe(0);
  });
});
