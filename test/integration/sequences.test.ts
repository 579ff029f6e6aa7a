// Sequences against the real server: an author numbers their own posts, the sequence page
// lists them in that order, each post shows "Part n of m" with previous/next, and the
// author's profile lists the sequence. Someone else's post cannot be put in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { countRows, queryAll, queryOne } from "../support/db";
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

  it("its author edits it: the form shows the stored order; renumbered, retitled and with a post left out, every page follows", async () => {
    expect((await author.get(`/sequences/${sequenceId}`)).text).toContain(`href="/sequences/${sequenceId}/edit"`);
    expect((await other.get(`/sequences/${sequenceId}`)).text).not.toContain(`/sequences/${sequenceId}/edit`);
    const form = await author.get(`/sequences/${sequenceId}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Three steps"');
    const positionOf = (title: string) => new RegExp(`name="position\\.${ids[title]}"[^>]*value="(\\d+)"`).exec(form.text)?.[1] ?? null;
    expect(["Alpha part", "Beta part", "Gamma part", "Not in it"].map(positionOf)).toEqual(["1", "2", "3", null]);

    const res = await author.post(`/sequences/${sequenceId}/edit`, {
      title: "Three steps, reordered",
      markdown: "Now *backwards*.",
      [`position.${ids["Gamma part"]}`]: "1",
      [`position.${ids["Alpha part"]}`]: "2",
      [`position.${ids["Beta part"]}`]: "",
    });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/sequences/${sequenceId}`);
    const page = plain((await other.get(`/sequences/${sequenceId}`)).text);
    expect(page).toContain("<em>backwards</em>");
    expect(page.indexOf(">Gamma part</a>")).toBeGreaterThan(0);
    expect(page.indexOf(">Gamma part</a>")).toBeLessThan(page.indexOf(">Alpha part</a>"));
    expect(page).not.toContain(">Beta part</a>");
    const gamma = plain((await other.get(`/posts/${slugs["Gamma part"]}`)).text);
    expect(gamma).toMatch(new RegExp(`Part 1 of 2 in <a[^>]*href="/sequences/${sequenceId}"[^>]*>Three steps, reordered</a>`));
    expect(relTo(gamma, slugs["Alpha part"]!, "next")).toBe(true);
    // Left out here, Beta is now only in the second sequence.
    expect(plain((await other.get(`/posts/${slugs["Beta part"]}`)).text)).toMatch(/Part 2 of 2 in <a[^>]*>A second path<\/a>/);
  });

  it("no one else can open or send its edit form, and a refused edit changes nothing", async () => {
    const stored = async () => (await queryAll<{ post_id: number }>(server, "SELECT post_id FROM sequence_posts WHERE sequence_id = ? ORDER BY position", sequenceId)).map((r) => r.post_id);
    const before = await stored();
    expect(before).toEqual([ids["Gamma part"], ids["Alpha part"]]);
    const form = { title: "Hijacked", [`position.${ids["Alpha part"]}`]: "1", [`position.${ids["Beta part"]}`]: "2" };
    const foreignGet = await other.get(`/sequences/${sequenceId}/edit`);
    expect(foreignGet.status).toBe(403);
    expect(foreignGet.text).toContain("Only the author can change this sequence.");
    expect((await other.post(`/sequences/${sequenceId}/edit`, form)).status).toBe(403);
    expect((await other.post(`/sequences/${sequenceId}/edit`, { intent: "delete" })).status).toBe(403);
    const anonymous = new Client(server.url);
    expect((await anonymous.get(`/sequences/${sequenceId}/edit`)).text).toContain("Log in");
    expect((await anonymous.post(`/sequences/${sequenceId}/edit`, form)).status).toBe(401);
    const lone = await author.post(`/sequences/${sequenceId}/edit`, { title: "Lone", [`position.${ids["Alpha part"]}`]: "1" });
    expect(lone.status).toBe(400);
    expect(lone.text).toContain("at least two");
    // The refused form keeps what was typed.
    expect(lone.text).toContain('value="Lone"');
    const borrowed = await author.post(`/sequences/${sequenceId}/edit`, { title: "Borrowed", [`position.${ids["Alpha part"]}`]: "1", [`position.${ids.foreign}`]: "2" });
    expect(borrowed.status).toBe(403);
    expect((await author.get("/sequences/999999/edit")).status).toBe(404);
    expect(await stored()).toEqual(before);
    expect((await queryOne<{ title: string }>(server, "SELECT title FROM sequences WHERE id = ?", sequenceId))!.title).toBe("Three steps, reordered");
  });

  it("its author deletes it: the sequence is gone, its posts stay, no longer numbered", async () => {
    const res = await author.post(`/sequences/${sequenceId}/edit`, { intent: "delete" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/users/serialist");
    expect((await other.get(`/sequences/${sequenceId}`)).status).toBe(404);
    expect(await countRows(server, "sequence_posts", "sequence_id = ?", sequenceId)).toBe(0);
    const gamma = await other.get(`/posts/${slugs["Gamma part"]}`);
    expect(gamma.status).toBe(200);
    expect(plain(gamma.text)).not.toContain("Part ");
    expect(plain((await other.get("/users/serialist")).text)).not.toContain(`href="/sequences/${sequenceId}"`);
  });
});
