// Post revisions and both history pages (real server, real SQLite file), the Markdown preview
// API, and the redirect a reply posted without JavaScript gets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let author: Client;
beforeAll(async () => {
  server = await startTestServer();
  author = new Client(server.url);
  await author.signup("reviser");
});
afterAll(() => server.stop());

const previewOf = (client: Client, body: unknown) =>
  client.request("POST", "/api/markdown/preview", { body: JSON.stringify(body), headers: { "content-type": "application/json", origin: client.base } });

describe("post revisions", () => {
  it("keeps each earlier version and shows what every edit changed", async () => {
    const slug = await author.createPost("First title", "Line one.\n\nLine two.");
    const postId = (await queryOne<{ id: number }>(server, "SELECT id FROM posts WHERE slug = ?", slug))!.id;
    expect((await author.post(`/posts/${slug}/edit`, { title: "Second title", markdown: "Line one.\n\nLine two, revised." })).status).toBe(302);
    // Saving the same text again adds no version.
    expect((await author.post(`/posts/${slug}/edit`, { title: "Second title", markdown: "Line one.\n\nLine two, revised." })).status).toBe(302);
    expect(await countRows(server, "post_revisions", "post_id = ?", postId)).toBe(1);

    const page = await author.get(`/posts/${slug}/history`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Version 2, current");
    expect(page.text).toMatch(/Title: <del>First title<\/del> → <ins>Second title<\/ins>/);
    // One diff presentation for both history pages: words, so a changed period shows as itself.
    expect(page.text).toContain("Line two</span><ins>, revised</ins><span>.</span>");
    // The post links its history from the "edited" note.
    expect((await author.get(`/posts/${slug}`)).text).toContain(`href="/posts/${slug}/history"`);
    expect((await author.get("/posts/no-such-post/history")).status).toBe(404);
  });

  it("shows a comment's edits as diffs on its history page", async () => {
    const slug = await author.createPost("Commented", "Body.");
    const reply = await author.post(`/posts/${slug}.data`, { intent: "reply", markdown: "Before the edit." });
    expect(reply.status).toBe(200);
    const commentId = (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE markdown = ?", "Before the edit."))!.id;
    expect((await author.post(`/posts/${slug}.data`, { intent: "edit-comment", commentId, markdown: "After the edit." })).status).toBe(200);
    const page = await author.get(`/posts/${slug}/comments/${commentId}/history`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Edit history</h1>");
    expect(page.text).toContain("Every version of this comment");
    expect(page.text).toContain("<del>Before</del><ins>After</ins>");
  });
});

describe("replies posted without JavaScript", () => {
  it("redirect to the new reply (post, redirect, get), top-level to its permalink, nested to its thread", async () => {
    const slug = await author.createPost("No scripts here", "Body.");
    const top = await author.post(`/posts/${slug}`, { intent: "reply", markdown: "A top-level reply.", afterPost: "show" });
    expect(top.status).toBe(303);
    const topId = Number(/\/comments\/(\d+)#c-\1$/.exec(top.location ?? "")?.[1]);
    expect(top.location).toBe(`/posts/${slug}/comments/${topId}#c-${topId}`);
    const nested = await author.post(`/posts/${slug}/comments/${topId}?reply=1`, { intent: "reply", markdown: "A nested reply.", parentId: topId, afterPost: "show" });
    expect(nested.status).toBe(303);
    expect(nested.location).toMatch(new RegExp(`^/posts/${slug}/comments/${topId}#c-\\d+$`));
    // The landing page shows the reply.
    expect((await author.get(nested.location!.split("#")[0]!)).text).toContain("A nested reply.");
    // Anything else in the field is a 400 naming it, and nothing is written.
    const before = await countRows(server, "comments");
    const bad = await author.post(`/posts/${slug}`, { intent: "reply", markdown: "Not posted.", afterPost: "elsewhere" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("afterPost");
    expect(await countRows(server, "comments")).toBe(before);
  });
});

describe("Markdown preview", () => {
  it("renders with the server's renderer and stores nothing", async () => {
    const posts = await countRows(server, "posts");
    const res = await previewOf(author, { kind: "comment", markdown: "Math: $x^2$ and **bold**." });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { ok: boolean; html: string };
    expect(body.ok).toBe(true);
    expect(body.html).toContain('class="katex"');
    expect(body.html).toContain("<strong>bold</strong>");
    expect(await countRows(server, "posts")).toBe(posts);
    // Anonymous readers may preview too (the limit is per address).
    expect((await previewOf(new Client(server.url), { kind: "post", markdown: "Hi." })).status).toBe(200);
  });

  it("refuses what the forms would refuse, with a 4xx naming the problem", async () => {
    const empty = await previewOf(author, { kind: "post", markdown: "   " });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.text).error).toContain("The post is empty.");
    const kind = await previewOf(author, { kind: "page", markdown: "x" });
    expect(kind.status).toBe(400);
    expect(JSON.parse(kind.text).error).toContain("kind");
    const big = await previewOf(author, { kind: "comment", markdown: "x".repeat(100 * 1024 + 1) });
    expect(big.status).toBe(400);
    expect(JSON.parse(big.text).error).toContain("over 100 KB");
    const notJson = await author.request("POST", "/api/markdown/preview", { body: "markdown=x", headers: { "content-type": "application/x-www-form-urlencoded", origin: author.base } });
    expect(notJson.status).toBe(415);
    expect((await author.get("/api/markdown/preview")).status).toBe(405);
  });
});

describe("Markdown preview limit", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ rateLimits: true });
  });
  afterAll(() => limited.stop());

  it("answers 429 with Retry-After past 120 previews in 10 minutes from one address", async () => {
    const client = new Client(limited.url);
    for (let i = 0; i < 120; i++) expect((await previewOf(client, { kind: "comment", markdown: `Preview ${i}` })).status).toBe(200);
    const refused = await previewOf(client, { kind: "comment", markdown: "One more" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).error).toContain("120 Markdown previews in 10 minutes");
  });
});
