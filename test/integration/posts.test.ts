import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let author: Client;
beforeAll(async () => {
  server = await startTestServer();
  author = await signedUpClient(server.url, "writer");
});
afterAll(() => server.stop());

describe("posts", () => {
  it("publishes Markdown with a formula, a quote and a table, rendered on the server", async () => {
    const slug = await author.createPost(
      "Brain FLOP/s and the lifetime anchor",
      "The anchor is $10^{15} \\times 10^{9} = 10^{24}$ FLOP.\n\n> quoted prose\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.org",
    );
    expect(slug).toBe("brain-flop-s-and-the-lifetime-anchor");
    const page = await author.get(`/posts/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="katex"');
    expect(page.text).toContain("<blockquote>");
    expect(page.text).toContain("<table>");
    expect(page.text).toContain("<del>old</del>");
    expect(page.text).toMatch(/<a href="https:\/\/example.org"[^>]*rel="nofollow ugc noopener noreferrer"/);
    // Markdown and HTML are both stored.
    const row = (await queryOne<{ markdown: string; html: string }>(server, "SELECT markdown, html FROM posts WHERE slug = ?", slug))!;
    expect(row.markdown).toContain("$10^{15}");
    expect(row.html).toContain("katex");
  });

  it("gives repeated titles distinct slugs", async () => {
    const a = await author.createPost("Same title");
    const b = await author.createPost("Same title");
    expect(a).toBe("same-title");
    expect(b).toBe("same-title-2");
  });

  it("resolves cross-post links by title, and marks unknown titles unresolved", async () => {
    await author.createPost("Target post");
    const slug = await author.createPost("Linker", "See <@this one@>(@Target post@) and <@that@>(@No such post@).");
    const page = await author.get(`/posts/${slug}`);
    expect(page.text).toMatch(/<a href="\/posts\/target-post"[^>]*>this one<\/a>/);
    expect(page.text).toContain("crosspost-unresolved");
  });

  it("refuses empty and oversized titles and bodies, keeping what was typed", async () => {
    const before = await countRows(server, "posts");
    const empty = await author.post("/posts/new", { title: "", markdown: "Body I typed" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Give the post a title.");
    expect(empty.text).toContain("Body I typed");
    const long = await author.post("/posts/new", { title: "x".repeat(301), markdown: "b" });
    expect(long.status).toBe(400);
    expect(long.text).toContain("Titles have at most 300 characters.");
    const noBody = await author.post("/posts/new", { title: "Title kept", markdown: "   " });
    expect(noBody.status).toBe(400);
    expect(noBody.text).toContain("The post is empty.");
    expect(noBody.text).toContain('value="Title kept"');
    const big = await author.post("/posts/new", { title: "Big", markdown: "x".repeat(100 * 1024 + 1) });
    expect(big.status).toBe(400);
    expect(big.text).toContain("over 100 KB");
    // Under the 1 MB form limit the body is read, and the field's own limit answers.
    const bigger = await author.post("/posts/new", { title: "Bigger", markdown: "x".repeat(300 * 1024) });
    expect(bigger.status).toBe(400);
    expect(bigger.text).toContain("over 100 KB");
    const huge = await author.post("/posts/new", { title: "Huge", markdown: "x".repeat(1100 * 1024) });
    expect(huge.status).toBe(413);
    expect(await countRows(server, "posts")).toBe(before);
  });

  it("lets only the author edit a post", async () => {
    const slug = await author.createPost("Editable", "first");
    const other = await signedUpClient(server.url, "intruder");
    expect((await other.get(`/posts/${slug}/edit`)).status).toBe(403);
    const refused = await other.post(`/posts/${slug}/edit`, { title: "Hijacked", markdown: "mine now" });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("Only the author can edit this post.");
    const ok = await author.post(`/posts/${slug}/edit`, { title: "Edited title", markdown: "second" });
    expect(ok.status).toBe(302);
    const row = (await queryOne<{ title: string; markdown: string; edited_at: number | null }>(server, "SELECT title, markdown, edited_at FROM posts WHERE slug = ?", slug))!;
    expect(row).toMatchObject({ title: "Edited title", markdown: "second" });
    expect(row.edited_at).not.toBeNull();
  });

  it("answers unknown posts, users and comments with 404 pages", async () => {
    for (const path of ["/posts/no-such-post", "/users/nobody", "/posts/no-such-post/comments/1", "/posts/no-such-post/edit"]) {
      const res = await author.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain("Not found");
    }
  });

  it("lists posts newest first and by score, paginated", async () => {
    const home = await author.get("/");
    expect(home.status).toBe(200);
    expect(home.text.indexOf("Edited title")).toBeLessThan(home.text.indexOf("Brain FLOP/s"));
    const top = await author.get("/?sort=top&page=1");
    expect(top.status).toBe(200);
    const weird = await author.get("/?sort=sideways&page=-3");
    expect(weird.status).toBe(200);
    for (let i = 0; i < 21; i++) await author.createPost(`Filler ${i}`);
    const first = await author.get("/");
    expect(first.text).toContain("Next →");
    const second = await author.get("/?page=2");
    expect(second.text).toContain("← Previous");
    expect(second.text).toContain("Brain FLOP/s");
  });

  it("shows a profile with posts and comments", async () => {
    const res = await author.get("/users/writer");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Edited title");
    expect((await author.get("/users/WRITER")).status).toBe(200);
  });
});
