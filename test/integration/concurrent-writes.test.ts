// Writes that overlap (docs/decisions/034). On PostgreSQL they run at once: serializable, or
// ordered by row locks where a write asks for them (votes on their target, replies on their
// post); on SQLite one at a time. Either way what lands is what some one-at-a-time order gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { first } from "../../db/store";
import { Client } from "../support/client";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

const PEOPLE = 12;

let server: TestServer;
let author: Client;
let voters: Client[];
let slug: string;
let commentId: number;

const one = async <T>(query: string, ...params: unknown[]) => (await queryOne<T>(server, query, ...params))!;

beforeAll(async () => {
  server = await startTestServer();
  author = new Client(server.url);
  await author.signup("author");
  voters = Array.from({ length: PEOPLE }, () => new Client(server.url));
  for (const [i, voter] of voters.entries()) await voter.signup(`voter${i}`);
  slug = await author.createPost("Everyone at once");
  await author.reply(slug, "A comment everyone votes on.");
  commentId = (await one<{ id: number }>("SELECT max(id) AS id FROM comments")).id;
});
afterAll(() => server.stop());

describe("writes at the same moment", () => {
  it("loses no update when many writes read a value and write it back at once", async () => {
    const { users } = server.store.t;
    const id = (await one<{ id: number }>("SELECT id FROM users WHERE handle = 'voter0'")).id;
    const start = (await one<{ karma: number }>("SELECT karma FROM users WHERE id = ?", id)).karma;
    // Read, then write what was read plus one: without isolation, two that overlap write the same value.
    await Promise.all(
      Array.from({ length: 40 }, () =>
        server.store.write(async (tx) => {
          const row = await tx.select({ karma: users.karma }).from(users).where(eq(users.id, id)).then(first);
          await tx.update(users).set({ karma: row!.karma + 1 }).where(eq(users.id, id));
        }),
      ),
    );
    expect((await one<{ karma: number }>("SELECT karma FROM users WHERE id = ?", id)).karma).toBe(start + 40);
    await server.store.write((tx) => tx.update(users).set({ karma: sql`${users.karma} - 40` }).where(eq(users.id, id)));
  });

  it("counts every vote cast at once on one comment and one post, into scores and the author's karma", async () => {
    const answers = await Promise.all(
      voters.flatMap((voter) => [voter.post(`/posts/${slug}`, { intent: "vote-comment", commentId, value: 1 }), voter.post(`/posts/${slug}`, { intent: "vote-post", value: 1 })]),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect((await one<{ score: number }>("SELECT score FROM comments WHERE id = ?", commentId)).score).toBe(PEOPLE);
    expect((await one<{ score: number }>("SELECT score FROM posts WHERE slug = ?", slug)).score).toBe(PEOPLE);
    expect((await one<{ karma: number }>("SELECT karma FROM users WHERE handle = 'author'")).karma).toBe(2 * PEOPLE);
    expect(await countRows(server, "votes", "recipient_id = (SELECT id FROM users WHERE handle = 'author')")).toBe(2 * PEOPLE);
  });

  it("takes one of two identical votes sent at once and refuses the other", async () => {
    const [voter] = voters;
    const before = (await one<{ agree_score: number }>("SELECT agree_score FROM comments WHERE id = ?", commentId)).agree_score;
    const both = await Promise.all([0, 1].map(() => voter!.post(`/posts/${slug}`, { intent: "agree-comment", commentId, value: 1 })));
    expect(both.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await one<{ agree_score: number }>("SELECT agree_score FROM comments WHERE id = ?", commentId)).agree_score).toBe(before + 1);
  });

  it("keeps every reply sent to one thread at once, and its count", async () => {
    const before = await countRows(server, "comments", "post_id = (SELECT id FROM posts WHERE slug = ?)", slug);
    const answers = await Promise.all(voters.map((voter, i) => voter.reply(slug, `Reply number ${i}, sent with the others.`)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const rows = await countRows(server, "comments", "post_id = (SELECT id FROM posts WHERE slug = ?)", slug);
    expect(rows).toBe(before + PEOPLE);
    expect((await one<{ comment_count: number }>("SELECT comment_count FROM posts WHERE slug = ?", slug)).comment_count).toBe(rows);
  });
});
