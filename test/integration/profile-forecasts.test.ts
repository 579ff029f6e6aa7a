// Issue 15, item 7: a profile lists the person's forecasts and forks with their headline
// numbers; a fork whose reply was removed leaves the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithReader, type TestServer } from "../support/server";
import type { Client } from "../support/client";
import { execute, queryOne } from "../support/db";
import { signedUpClient } from "../support/client";

let server: TestServer;
let reader: Client;

beforeAll(async () => {
  ({ server, reader } = await startWithReader({ seed: true }));
}, 120_000);
afterAll(() => server.stop());

const profile = async (handle: string) => {
  const res = await reader.get(`/users/${handle}`);
  expect(res.status).toBe(200);
  return res.text;
};

describe("a profile's forecasts", () => {
  it("lists the posts' forecasts and the forks with their first headline", async () => {
    const fork = (await queryOne<{ handle: string; comment_id: number; title: string }>(
      server,
      "SELECT u.handle, f.comment_id, p.title FROM forecasts f JOIN users u ON u.id = f.author_id JOIN posts p ON p.id = f.post_id WHERE f.parent_forecast_id IS NOT NULL ORDER BY f.id LIMIT 1",
    ))!;
    const html = await profile(fork.handle);
    expect(html).toContain('id="forecasts-heading"');
    expect(html).toContain(`/comments/${fork.comment_id}`);
    // React separates text pieces with empty comments in server HTML.
    const text = html.replaceAll("<!-- -->", "");
    expect(text).toContain(`A fork in <a data-discover="true" href="/posts/`);
    // A headline with its number, written by the shared formatter (a year or a percentage).
    expect(text).toMatch(/class="profile__forecast">[A-Za-z ()]+ <strong>(\d{4}|\d+%)<\/strong>/);

    const author = (await queryOne<{ handle: string; slug: string }>(server, "SELECT u.handle, p.slug FROM posts p JOIN users u ON u.id = p.author_id WHERE p.forecast_id IS NOT NULL ORDER BY p.id LIMIT 1"))!;
    expect((await profile(author.handle)).replaceAll("<!-- -->", "")).toContain(`The forecast of <a data-discover="true" href="/posts/${author.slug}"`);
  });

  it("drops a fork once its reply is removed, and shows nothing for someone with no forecasts", async () => {
    const fork = (await queryOne<{ handle: string; comment_id: number }>(server, "SELECT u.handle, f.comment_id FROM forecasts f JOIN users u ON u.id = f.author_id WHERE f.parent_forecast_id IS NOT NULL ORDER BY f.id DESC LIMIT 1"))!;
    expect(await profile(fork.handle)).toContain(`/comments/${fork.comment_id}`);
    await execute(server, "UPDATE comments SET status = 'removed', removal_reason = 'test' WHERE id = ?", fork.comment_id);
    expect(await profile(fork.handle)).not.toContain(`/comments/${fork.comment_id}"`);

    await signedUpClient(server.url, "no-forecasts");
    expect(await profile("no-forecasts")).not.toContain('id="forecasts-heading"');
  });
});
