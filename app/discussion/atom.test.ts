import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { atomFeed, escapeXml } from "./atom";
import { tagListSchema } from "./tags";
import { placeIn, sequenceSchema } from "./sequences";
import { decide, TAG_WIKI_MIN_KARMA } from "./permissions";

describe("atomFeed", () => {
  it("escapes every string and drops characters XML cannot carry", () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    const xml = atomFeed({
      id: "https://x.test/feed.atom",
      title: "T & <t>",
      self: "https://x.test/feed.atom?a=1&b=2",
      alternate: "https://x.test/",
      updated: 0,
      entries: [{ id: "https://x.test/posts/a", title: "</title><evil/>", updated: Date.UTC(2026, 0, 2), author: { name: "A\u0000" }, link: "https://x.test/posts/a", html: "<p>x &amp; y</p>" }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = (new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { title: { "#text": string }; updated: string; entry: { title: { "#text": string }; content: { "#text": string } } } }).feed;
    expect(feed.title["#text"]).toBe("T & <t>");
    // The feed's updated is its newest entry's.
    expect(feed.updated).toBe("2026-01-02T00:00:00.000Z");
    expect(feed.entry.title["#text"]).toBe("</title><evil/>");
    expect(feed.entry.content["#text"]).toBe("<p>x &amp; y</p>");
  });
});

describe("tag lists", () => {
  it("normalizes, dedupes and bounds", () => {
    expect(tagListSchema.parse(" AI Timelines, scaling-laws,, scaling-laws ")).toEqual(["ai-timelines", "scaling-laws"]);
    expect(tagListSchema.parse(undefined)).toEqual([]);
    expect(tagListSchema.safeParse("a,b,c,d,e,f").success).toBe(false);
    expect(tagListSchema.safeParse("under_score").success).toBe(false);
    expect(tagListSchema.safeParse("x".repeat(41)).success).toBe(false);
  });

  it("gates wiki edits and new tags on karma, except for staff", () => {
    const member = { id: 1, role: "member" as const, bannedUntil: null };
    expect(decide({ ...member, karma: TAG_WIKI_MIN_KARMA - 1 }, "edit:tag-wiki", {}, 0)).toMatchObject({ ok: false, status: 403 });
    expect(decide({ ...member, karma: TAG_WIKI_MIN_KARMA }, "edit:tag-wiki", {}, 0).ok).toBe(true);
    expect(decide({ ...member, karma: 0 }, "create:tag", {}, 0)).toMatchObject({ ok: false, status: 403 });
    expect(decide({ ...member, role: "moderator", karma: 0 }, "create:tag", {}, 0).ok).toBe(true);
  });
});

describe("sequences", () => {
  it("orders posts by position and closes gaps", () => {
    expect(sequenceSchema.parse({ title: " S ", "position.7": "5", "position.3": "1", "position.9": "" })).toEqual({ title: "S", markdown: "", postIds: [3, 7] });
    expect(sequenceSchema.safeParse({ title: "S", "position.7": "1", "position.3": "1" }).success).toBe(false);
  });

  it("places a post with its neighbours", () => {
    const posts = [1, 2, 3].map((postId) => ({ postId, slug: `p${postId}`, title: `P${postId}` }));
    expect(placeIn({ id: 1, title: "S" }, posts, 2)).toEqual({ sequenceId: 1, title: "S", part: 2, total: 3, prev: { slug: "p1", title: "P1" }, next: { slug: "p3", title: "P3" } });
    expect(placeIn({ id: 1, title: "S" }, posts, 1)!.prev).toBeNull();
    expect(placeIn({ id: 1, title: "S" }, posts, 4)).toBeNull();
  });
});
