// The Atom feeds against the real server, read back with a real feed parser
// (@rowanmanning/feed-parser) and a strict XML validator (fast-xml-parser): the site's, a
// user's, a tag's and a post's comments (visible ones only), each linked from its page.
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAG_WIKI_MIN_KARMA } from "../../app/discussion/permissions";
import { Client } from "../support/client";
import { execute, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let writer: Client;
let moderator: Client;
let slug: string;
let removedId: number;
beforeAll(async () => {
  server = await startTestServer();
  writer = new Client(server.url);
  await writer.signup("feedwriter", undefined, "Feed & <Writer>");
  moderator = new Client(server.url);
  await moderator.signup("feedmod");
  await execute(server, "UPDATE users SET karma = ? WHERE handle = ?", TAG_WIKI_MIN_KARMA, "feedwriter");
  await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = ?", "feedmod");
  await writer.createPost("An older post", "Nothing tagged.");
  const res = await writer.post("/posts/new", { title: "Compute & <scaling>", markdown: "Loss falls **fast** & then slowly.", tags: "scaling-laws" });
  slug = res.location!.replace("/posts/", "");
  await writer.reply(slug, "A kept comment with *emphasis*.");
  await writer.reply(slug, "A comment a moderator removes.");
  removedId = (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE markdown = ?", "A comment a moderator removes."))!.id;
  const removed = await moderator.post(`/posts/${slug}`, { intent: "remove-comment", commentId: removedId, reason: "Off topic." });
  if (removed.status !== 200) throw new Error(`remove failed: ${removed.status} ${removed.text.slice(0, 200)}`);
});
afterAll(() => server.stop());

async function fetchFeed(path: string) {
  const res = await writer.get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(XMLValidator.validate(res.text)).toBe(true);
  const raw = new XMLParser({ ignoreAttributes: false }).parse(res.text) as { feed: Record<string, unknown> & { "@_xmlns": string } };
  expect(raw.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return { text: res.text, feed: parseFeed(res.text) };
}

describe("Atom feeds", () => {
  it("the site feed lists the newest posts with escaped titles, authors, links and HTML content", async () => {
    const { feed, text } = await fetchFeed("/feed.atom");
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Forkcast: new posts");
    expect(feed.self).toBe(`${server.url}/feed.atom`);
    expect(feed.updated).toBeInstanceOf(Date);
    expect(feed.items.map((i) => i.title)).toEqual(["Compute & <scaling>", "An older post"]);
    const item = feed.items[0]!;
    expect(item.id).toBe(`${server.url}/posts/${slug}`);
    expect(item.url).toBe(`${server.url}/posts/${slug}`);
    expect(item.authors[0]!.name).toBe("Feed & <Writer>");
    expect(item.updated).toBeInstanceOf(Date);
    expect(item.content).toContain("<p>Loss falls <strong>fast</strong>");
    // The raw XML carries the markup escaped inside content type="html", never as child elements.
    expect(text).toContain('<content type="html">&lt;p&gt;Loss falls &lt;strong&gt;fast&lt;/strong&gt;');
  });

  it("a user's and a tag's feeds hold their posts; unknown ones are 404s", async () => {
    const user = await fetchFeed("/users/feedwriter/feed.atom");
    expect(user.feed.title).toBe("Forkcast: posts by Feed & <Writer>");
    expect(user.feed.items).toHaveLength(2);
    const tag = await fetchFeed("/tags/scaling-laws/feed.atom");
    expect(tag.feed.items.map((i) => i.title)).toEqual(["Compute & <scaling>"]);
    expect((await writer.get("/tags/nope/feed.atom")).status).toBe(404);
    expect((await writer.get("/users/nobody-here/feed.atom")).status).toBe(404);
  });

  it("a post's comment feed holds visible comments only", async () => {
    const { feed } = await fetchFeed(`/posts/${slug}/comments.atom`);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.content).toContain("<em>emphasis</em>");
    expect(feed.items[0]!.url).toMatch(new RegExp(`/posts/${slug}/comments/\\d+$`));
    expect(feed.items.some((i) => i.id?.endsWith(`/comments/${removedId}`))).toBe(false);
    expect(JSON.stringify(feed)).not.toContain("moderator removes");
  });

  it("each page links its feed with rel=alternate", async () => {
    const link = (href: string) => new RegExp(`<link[^>]*rel="alternate"[^>]*type="application/atom\\+xml"[^>]*href="${href.replace(/[.+]/g, "\\$&")}"`);
    expect((await writer.get("/")).text).toMatch(link("/feed.atom"));
    expect((await writer.get("/users/feedwriter")).text).toMatch(link("/users/feedwriter/feed.atom"));
    expect((await writer.get("/tags/scaling-laws")).text).toMatch(link("/tags/scaling-laws/feed.atom"));
    expect((await writer.get(`/posts/${slug}`)).text).toMatch(link(`/posts/${slug}/comments.atom`));
  });
});
