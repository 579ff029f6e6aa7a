// Tags and their wiki pages against the real server: tag lists on posts (checked, created by
// members with karma, refused for the rest), /tags, /tags/:slug, the wiki's edit history and
// its entries in the public moderation log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAG_WIKI_MIN_KARMA } from "../../app/discussion/permissions";
import { Client } from "../support/client";
import { countRows, execute, queryAll, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let veteran: Client;
let newcomer: Client;
let moderator: Client;
beforeAll(async () => {
  server = await startTestServer();
  veteran = new Client(server.url);
  await veteran.signup("veteran");
  newcomer = new Client(server.url);
  await newcomer.signup("newcomer");
  moderator = new Client(server.url);
  await moderator.signup("modtags");
  await execute(server, "UPDATE users SET karma = ? WHERE handle = ?", TAG_WIKI_MIN_KARMA, "veteran");
  await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = ?", "modtags");
});
afterAll(() => server.stop());

const tagsOf = async (slug: string) =>
  (await queryAll<{ slug: string }>(server, "SELECT t.slug FROM post_tags pt JOIN tags t ON t.id = pt.tag_id JOIN posts p ON p.id = pt.post_id WHERE p.slug = ? ORDER BY t.slug", slug)).map((r) => r.slug);

describe("tags on posts", () => {
  it("creates unknown tags for members with enough karma and shows them on the post as links", async () => {
    const res = await veteran.post("/posts/new", { title: "Tagged post", markdown: "Body.", tags: "AI Timelines, scaling-laws, scaling-laws" });
    expect(res.status).toBe(302);
    const slug = res.location!.replace("/posts/", "");
    expect(await tagsOf(slug)).toEqual(["ai-timelines", "scaling-laws"]);
    const page = await veteran.get(`/posts/${slug}`);
    expect(page.text).toContain('href="/tags/ai-timelines"');
    expect(page.text).toContain(">Ai timelines</a>");
    // Editing replaces the list; the edit form shows the current one.
    expect((await veteran.get(`/posts/${slug}/edit`)).text).toContain('value="ai-timelines, scaling-laws"');
    expect((await veteran.post(`/posts/${slug}/edit`, { title: "Tagged post", markdown: "Body.", tags: "scaling-laws" })).status).toBe(302);
    expect(await tagsOf(slug)).toEqual(["scaling-laws"]);
  });

  it("refuses a new tag from a low-karma member with a 403 saying why, and writes nothing", async () => {
    const posts = await countRows(server, "posts");
    const res = await newcomer.post("/posts/new", { title: "Wants a tag", markdown: "Body.", tags: "brand-new-topic" });
    expect(res.status).toBe(403);
    expect(res.text).toContain(`You need ${TAG_WIKI_MIN_KARMA} karma to start a new tag`);
    expect(res.text).toContain("brand-new-topic");
    expect(await countRows(server, "posts")).toBe(posts);
    expect(await countRows(server, "tags", "slug = ?", "brand-new-topic")).toBe(0);
    // Existing tags are open to everyone.
    const ok = await newcomer.post("/posts/new", { title: "Uses a tag", markdown: "Body.", tags: "scaling-laws" });
    expect(ok.status).toBe(302);
    expect(await tagsOf(ok.location!.replace("/posts/", ""))).toEqual(["scaling-laws"]);
  });

  it("checks the list with the shared schema: bad slugs and more than five tags are 400s", async () => {
    const bad = await veteran.post("/posts/new", { title: "Bad tags", markdown: "Body.", tags: "ok-tag, not_ok!" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("is not a tag");
    const many = await veteran.post("/posts/new", { title: "Many tags", markdown: "Body.", tags: "a, b, c, d, e, f" });
    expect(many.status).toBe(400);
    expect(many.text).toContain("at most 5 tags");
  });
});

describe("tag pages", () => {
  it("lists tags with post counts and shows a tag's posts", async () => {
    const index = await veteran.get("/tags");
    expect(index.status).toBe(200);
    expect(index.text.replaceAll("<!-- -->", "")).toMatch(/href="\/tags\/scaling-laws"[^>]*>Scaling laws<\/a> <span class="tag-index__count">2 posts/);
    const page = await veteran.get("/tags/scaling-laws");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Tagged post");
    expect(page.text).toContain("Uses a tag");
    expect((await veteran.get("/tags/no-such-tag")).status).toBe(404);
  });

  it("keeps every wiki edit in the history and the moderation log, rendered and sanitized", async () => {
    expect((await veteran.post("/tags/scaling-laws", { markdown: "Loss falls as a **power law** in compute." })).status).toBe(200);
    expect((await moderator.post("/tags/scaling-laws", { markdown: "Loss falls as a **power law** in compute and data. <script>alert(1)</script>" })).status).toBe(200);
    const page = await newcomer.get("/tags/scaling-laws");
    expect(page.text).toContain("<strong>power law</strong> in compute and data.");
    expect(page.text).not.toContain("<script>alert(1)");
    const tagId = (await queryOne<{ id: number }>(server, "SELECT id FROM tags WHERE slug = ?", "scaling-laws"))!.id;
    expect(await countRows(server, "tag_revisions", "tag_id = ?", tagId)).toBe(1);

    const history = await newcomer.get("/tags/scaling-laws/history");
    expect(history.status).toBe(200);
    expect(history.text).toContain("Version 2, current");
    expect(history.text).toContain('href="/users/veteran"');
    expect(history.text).toContain("<ins> and data</ins>");

    const logged = await queryAll<{ action: string; actor: string }>(server, "SELECT l.action, u.handle AS actor FROM moderation_log l JOIN users u ON u.id = l.actor_id WHERE l.target_type = 'tag' AND l.target_id = ? ORDER BY l.id", tagId);
    expect(logged).toEqual([{ action: "edit-tag-wiki", actor: "veteran" }, { action: "edit-tag-wiki", actor: "modtags" }]);
    const log = await newcomer.get("/moderation");
    expect(log.text).toContain("edited the wiki of");
    expect(log.text).toContain('href="/tags/scaling-laws/history"');
  });

  it("restores an earlier version as a new, logged edit; low-karma members get no restore button", async () => {
    expect((await newcomer.get("/tags/scaling-laws/history")).text).not.toContain("Restore this version");
    expect((await newcomer.post("/tags/scaling-laws/history", { version: 1 })).status).toBe(403);
    expect((await moderator.get("/tags/scaling-laws/history")).text).toContain("Restore this version");
    expect((await moderator.post("/tags/scaling-laws/history", { version: 1 })).status).toBe(200);
    expect((await queryOne<{ m: string }>(server, "SELECT wiki_markdown AS m FROM tags WHERE slug = ?", "scaling-laws"))!.m).toBe("Loss falls as a **power law** in compute.");
    const last = await queryOne<{ reason: string }>(server, "SELECT reason FROM moderation_log WHERE action = 'edit-tag-wiki' ORDER BY id DESC LIMIT 1");
    expect(last!.reason).toBe("restored version 1");
    expect((await moderator.post("/tags/scaling-laws/history", { version: 3 })).status).toBe(400);
    // Put the second version back so the next test starts from it.
    expect((await moderator.post("/tags/scaling-laws/history", { version: 2 })).status).toBe(200);
  });

  it("refuses a low-karma member's wiki edit with a 403 and the reason, and offers them no form", async () => {
    const res = await newcomer.post("/tags/scaling-laws", { markdown: "Vandalism." });
    expect(res.status).toBe(403);
    expect(res.text).toContain(`You need ${TAG_WIKI_MIN_KARMA} karma to edit tag wiki pages`);
    expect((await newcomer.get("/tags/scaling-laws")).text).not.toContain("Save the wiki page");
    expect((await veteran.get("/tags/scaling-laws")).text).toContain("Save the wiki page");
    expect((await new Client(server.url).post("/tags/scaling-laws", { markdown: "Anon." })).status).toBe(401);
    expect((await veteran.post("/tags/scaling-laws", { markdown: "   " })).status).toBe(400);
    expect((await queryOne<{ m: string }>(server, "SELECT wiki_markdown AS m FROM tags WHERE slug = ?", "scaling-laws"))!.m).toContain("compute and data");
  });
});
