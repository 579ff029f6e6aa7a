// Sequences against the real server: an author numbers their own posts, the sequence page
// lists them in that order, each post shows "Part n of m" with previous/next, and the
// author's profile lists the sequence. Someone else's post cannot be put in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let author: Client;
let other: Client;
const ids: Record<string, number> = {};
const slugs: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  author = new Client(server.url);
  await author.signup("serialist");
  other = new Client(server.url);
  await other.signup("bystander");
  for (const title of ["Alpha part", "Beta part", "Gamma part", "Not in it"]) {
    slugs[title] = await author.createPost(title, "Body.");
    ids[title] = (await queryOne<{ id: number }>(server, "SELECT id FROM posts WHERE slug = ?", slugs[title]))!.id;
  }
  slugs.foreign = await other.createPost("Someone else's", "Body.");
  ids.foreign = (await queryOne<{ id: number }>(server, "SELECT id FROM posts WHERE slug = ?", slugs.foreign))!.id;
});
afterAll(() => server.stop());

const plain = (html: string) => html.replaceAll("<!-- -->", "");
/** The rel of the page's link to `href` in the sequence bar (prev/next), or null. */
const relTo = (page: string, slug: string, rel: "prev" | "next") => [...page.matchAll(/<a [^>]*>/g)].some((m) => m[0].includes(`href="/posts/${slug}"`) && m[0].includes(`rel="${rel}"`));

describe("sequences", () => {
  let sequenceId: number;

  it("the form lists the author's posts; a sequence is made in the numbered order (gaps close up)", async () => {
    const form = await author.get("/sequences/new");
    expect(form.status).toBe(200);
    expect(form.text).toContain(`name="position.${ids["Beta part"]}"`);
    expect(form.text).not.toContain(`name="position.${ids.foreign}"`);
    const res = await author.post("/sequences/new", {
      title: "Three steps",
      markdown: "Read *in order*.",
      [`position.${ids["Gamma part"]}`]: "9",
      [`position.${ids["Alpha part"]}`]: "1",
      [`position.${ids["Beta part"]}`]: "2",
      [`position.${ids["Not in it"]}`]: "",
    });
    expect(res.status).toBe(302);
    sequenceId = Number(res.location!.replace("/sequences/", ""));
    const page = plain((await other.get(`/sequences/${sequenceId}`)).text);
    expect(page).toContain("<em>in order</em>");
    const order = ["Alpha part", "Beta part", "Gamma part"].map((t) => page.indexOf(`>${t}</a>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).not.toContain("Not in it");
    expect((await other.get("/sequences/999999")).status).toBe(404);
  });

  it("each post shows its part with correct previous and next links", async () => {
    const first = plain((await other.get(`/posts/${slugs["Alpha part"]}`)).text);
    expect(first).toMatch(new RegExp(`Part 1 of 3 in <a[^>]*href="/sequences/${sequenceId}"[^>]*>Three steps</a>`));
    expect(first).not.toContain('rel="prev"');
    expect(relTo(first, slugs["Beta part"]!, "next")).toBe(true);

    const middle = plain((await other.get(`/posts/${slugs["Beta part"]}`)).text);
    expect(middle).toContain("Part 2 of 3 in");
    expect(relTo(middle, slugs["Alpha part"]!, "prev")).toBe(true);
    expect(relTo(middle, slugs["Gamma part"]!, "next")).toBe(true);

    const last = plain((await other.get(`/posts/${slugs["Gamma part"]}`)).text);
    expect(last).toContain("Part 3 of 3 in");
    expect(relTo(last, slugs["Beta part"]!, "prev")).toBe(true);
    expect(last).not.toContain('rel="next"');

    expect(plain((await other.get(`/posts/${slugs["Not in it"]}`)).text)).not.toContain("Part ");
  });

  it("is listed on the author's profile", async () => {
    const profile = plain((await other.get("/users/serialist")).text);
    expect(profile).toContain(`href="/sequences/${sequenceId}"`);
    expect(profile).toContain("3 posts");
  });

  it("refuses someone else's posts, duplicate positions and a lone post, writing nothing", async () => {
    const before = await countRows(server, "sequences");
    const foreign = await author.post("/sequences/new", { title: "Borrowed", [`position.${ids["Alpha part"]}`]: "1", [`position.${ids.foreign}`]: "2" });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain("A sequence holds only your own posts.");
    const dupes = await author.post("/sequences/new", { title: "Dupes", [`position.${ids["Alpha part"]}`]: "1", [`position.${ids["Beta part"]}`]: "1" });
    expect(dupes.status).toBe(400);
    expect(dupes.text).toContain("same position");
    const lone = await author.post("/sequences/new", { title: "Lone", [`position.${ids["Alpha part"]}`]: "1" });
    expect(lone.status).toBe(400);
    expect(lone.text).toContain("at least two");
    expect((await new Client(server.url).post("/sequences/new", { title: "Anon", [`position.${ids["Alpha part"]}`]: "1", [`position.${ids["Beta part"]}`]: "2" })).status).toBe(401);
    expect(await countRows(server, "sequences")).toBe(before);
  });

  it("a post in two sequences shows its place in the older one; a post only in the newer, its place there", async () => {
    const res = await author.post("/sequences/new", { title: "A second path", [`position.${ids["Not in it"]}`]: "1", [`position.${ids["Beta part"]}`]: "2" });
    expect(res.status).toBe(302);
    const second = Number(res.location!.replace("/sequences/", ""));
    expect(second).toBeGreaterThan(sequenceId);
    const beta = plain((await other.get(`/posts/${slugs["Beta part"]}`)).text);
    expect(beta).toMatch(new RegExp(`Part 2 of 3 in <a[^>]*href="/sequences/${sequenceId}"[^>]*>Three steps</a>`));
    expect(relTo(beta, slugs["Gamma part"]!, "next")).toBe(true);
    const newer = plain((await other.get(`/posts/${slugs["Not in it"]}`)).text);
    expect(newer).toMatch(new RegExp(`Part 1 of 2 in <a[^>]*href="/sequences/${second}"[^>]*>A second path</a>`));
    expect(relTo(newer, slugs["Beta part"]!, "next")).toBe(true);
  });
});
