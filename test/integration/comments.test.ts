import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { postAction } from "../support/actions";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let alice: Client;
let bob: Client;
let slug: string;
let otherSlug: string;

const lastCommentId = async () => (await queryOne<{ id: number }>(server, "SELECT max(id) AS id FROM comments"))!.id;

beforeAll(async () => {
  server = await startTestServer();
  alice = await signedUpClient(server.url, "alice");
  bob = await signedUpClient(server.url, "bob");
  slug = await alice.createPost("Thread host");
  otherSlug = await alice.createPost("Another post");
});
afterAll(() => server.stop());

describe("threaded comments", () => {
  it("replies to the post and to a reply, at any depth", async () => {
    expect((await bob.reply(slug, "Top-level point")).status).toBe(200);
    const top = await lastCommentId();
    expect((await alice.reply(slug, "A reply", top)).status).toBe(200);
    let parent = await lastCommentId();
    for (let i = 0; i < 12; i++) {
      expect((await bob.reply(slug, `depth ${i + 2}`, parent)).status).toBe(200);
      parent = await lastCommentId();
    }
    expect((await queryOne<{ depth: number }>(server, "SELECT depth FROM comments WHERE id = ?", parent))!.depth).toBe(13);
    const page = await bob.get(`/posts/${slug}`);
    expect(page.text).toContain("Top-level point");
    expect(page.text).toContain("Continue this thread");
    expect((await queryOne<{ comment_count: number }>(server, "SELECT comment_count FROM posts WHERE slug = ?", slug))!.comment_count).toBe(14);
  });

  it("shows a permalink with its parent chain and subthread", async () => {
    const deep = await lastCommentId();
    const res = await bob.get(`/posts/${slug}/comments/${deep - 3}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("In reply to");
    expect(res.text).toContain("Top-level point");
    expect(res.text).toContain("depth 13");
    // The same stylesheets as the post page: its comments carry the same fork cards and editors.
    const sheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sheets(res.text).join(" ")).toMatch(/analysis.*spread|spread.*analysis/);
    expect(sheets(res.text)).toEqual(sheets((await bob.get(`/posts/${slug}`)).text));
  });

  it("refuses a reply to a comment of another post, an unknown parent and a non-numeric one", async () => {
    const before = await countRows(server, "comments");
    const foreign = await bob.post(`/posts/${otherSlug}`, { intent: "reply", markdown: "wrong post", parentId: await lastCommentId() });
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain("belongs to another post");
    const unknown = await bob.reply(slug, "ghost", 999_999);
    expect(unknown.status).toBe(404);
    const nonNumeric = await bob.post(`/posts/${slug}`, { intent: "reply", markdown: "x", parentId: "abc" });
    expect(nonNumeric.status).toBe(400);
    const empty = await bob.reply(slug, "   ");
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("The comment is empty.");
    const unknownIntent = await bob.post(`/posts/${slug}`, { intent: "explode" });
    expect(unknownIntent.status).toBe(400);
    expect(await countRows(server, "comments")).toBe(before);
  });

  it("answers non-numeric and unknown comment ids in URLs with 404", async () => {
    expect((await bob.get(`/posts/${slug}/comments/abc`)).status).toBe(404);
    expect((await bob.get(`/posts/${slug}/comments/0`)).status).toBe(404);
    expect((await bob.get(`/posts/${slug}/comments/99999`)).status).toBe(404);
    expect((await bob.get(`/posts/${otherSlug}/comments/${await lastCommentId()}`)).status).toBe(404);
  });

  it("marks edits and keeps the history; only the author may edit", async () => {
    await bob.reply(slug, "first version");
    const id = await lastCommentId();
    const refused = await alice.post(`/posts/${slug}`, { intent: "edit-comment", commentId: id, markdown: "hijack" });
    expect(refused.status).toBe(403);
    expect((await bob.post(`/posts/${slug}`, { intent: "edit-comment", commentId: id, markdown: "second version" })).status).toBe(200);
    expect((await bob.post(`/posts/${slug}`, { intent: "edit-comment", commentId: id, markdown: "third version" })).status).toBe(200);
    const page = await bob.get(`/posts/${slug}/comments/${id}`);
    expect(page.text).toContain("third version");
    expect(page.text).toContain("edited");
    const history = await bob.get(`/posts/${slug}/comments/${id}/history`);
    expect(history.status).toBe(200);
    // Its own page, not the permalink's (a nested route without an outlet rendered that instead).
    expect(history.text).toContain("Edit history</h1>");
    for (const v of ["first version", "second version", "third version"]) expect(history.text).toContain(v);
  });

  it("soft-deletes: replies stay, the body is gone everywhere, and the deleted comment takes no replies", async () => {
    await bob.reply(slug, "soon to be deleted, secret words");
    const id = await lastCommentId();
    await alice.reply(slug, "a reply that survives", id);
    expect((await alice.post(`/posts/${slug}`, { intent: "delete-comment", commentId: id })).status).toBe(403);
    expect((await bob.post(`/posts/${slug}`, { intent: "delete-comment", commentId: id })).status).toBe(200);
    const page = await alice.get(`/posts/${slug}`);
    expect(page.text).not.toContain("secret words");
    expect(page.text).toContain("This comment was deleted by its author.");
    expect(page.text).toContain("a reply that survives");
    const before = await countRows(server, "comments");
    const late = await alice.reply(slug, "too late", id);
    expect(late.status).toBe(409);
    expect(late.text).toContain("was deleted");
    expect(await countRows(server, "comments")).toBe(before);
    expect((await bob.post(`/posts/${slug}`, { intent: "delete-comment", commentId: id })).status).toBe(409);
  });

  it("sorts the thread Top / New / Old", async () => {
    for (const sort of ["top", "new", "old", "bogus"]) {
      expect((await alice.get(`/posts/${slug}?sort=${sort}`)).status).toBe(200);
    }
  });
});

describe("submitting a reply twice", () => {
  const key = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const count = (markdown: string) => countRows(server, "comments", "markdown = ?", markdown);

  it("creates one comment for a double click or a retried request: same key, same answer", async () => {
    const submissionKey = key();
    const form = { intent: "reply", markdown: "Said once, sent twice.", parentId: "", submissionKey };
    const [first, second] = await Promise.all([postAction(bob, `/posts/${slug}`, form), postAction(bob, `/posts/${slug}`, form)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.data!.commentId).toBe(second.data!.commentId);
    const retried = await postAction(bob, `/posts/${slug}`, form);
    expect(retried.data!.commentId).toBe(first.data!.commentId);
    expect(await count("Said once, sent twice.")).toBe(1);
  });

  it("refuses a different text under a key already used, keeping what was typed, and never mixes people's keys", async () => {
    const submissionKey = key();
    expect((await postAction(bob, `/posts/${slug}`, { intent: "reply", markdown: "The first text.", parentId: "", submissionKey })).status).toBe(200);
    const clash = await bob.post(`/posts/${slug}`, { intent: "reply", markdown: "A second, different text.", parentId: "", submissionKey });
    expect(clash.status).toBe(409);
    expect(clash.text).toContain("A second, different text.");
    expect(await count("A second, different text.")).toBe(0);
    // Someone else's form with the same key is their own submission.
    expect((await postAction(alice, `/posts/${slug}`, { intent: "reply", markdown: "The first text.", parentId: "", submissionKey })).status).toBe(200);
    expect(await count("The first text.")).toBe(2);
  });

  it("refuses a malformed key with a 400 naming the field", async () => {
    const res = await postAction(bob, `/posts/${slug}`, { intent: "reply", markdown: "Bad key.", parentId: "", submissionKey: "<script>" });
    expect(res.status).toBe(400);
    expect(await count("Bad key.")).toBe(0);
  });

  it("puts a fresh key in every reply form the page renders", async () => {
    const page = await bob.get(`/posts/${slug}`);
    const keys = [...page.text.matchAll(/name="submissionKey" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    const again = await bob.get(`/posts/${slug}`);
    expect(again.text).not.toContain(keys[0]);
  });
});
