// Embeds, oEmbed, social cards and the front page's forecast line (docs/decisions/027), on the
// seeded site: what a page on another site, a link unfurler and a signed-out reader get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsp } from "../../server/csp";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

const SLUG = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";

let server: TestServer;
let anon: Client;
let postForecast = 0;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  anon = new Client(server.url);
  postForecast = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", SLUG))!.forecast_id;
});
afterAll(() => server.stop());

/** The content of each <meta property|name=…> and <link rel=…> in a page's head. */
function headTags(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  const meta = new Map<string, string>();
  for (const m of head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"\/>/g)) meta.set(m[1]!, m[2]!.replace(/&amp;/g, "&").replace(/&#x27;/g, "'"));
  const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(head)?.[1]?.replace(/&amp;/g, "&") ?? null;
  return { meta, oembed };
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchBytes(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("the embed page", () => {
  it("may be framed by any site, while every other page keeps frame-ancestors 'self' and X-Frame-Options", async () => {
    const embed = await anon.get(`/embed/forecasts/${postForecast}`);
    expect(embed.status).toBe(200);
    expect(parseCsp(embed.headers.get("content-security-policy")!)["frame-ancestors"]).toEqual(["*"]);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    for (const path of [`/posts/${SLUG}`, "/", `/forecasts/${postForecast}`, `/api/forecasts/${postForecast}.svg`, "/embedded", "/api/v1/posts"]) {
      const res = await anon.get(path);
      expect(parseCsp(res.headers.get("content-security-policy")!)["frame-ancestors"], path).toEqual(["'self'"]);
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
    }
  });

  it("shows the chart (wide and phone drawings), the headline numbers and a link back, with no script and no site chrome", async () => {
    const res = await anon.get(`/embed/forecasts/${postForecast}`);
    expect(res.text).not.toContain("<script");
    expect(res.text).not.toContain("site-header");
    expect(res.text.match(/class="forecast-chart__svg"/g) ?? []).toHaveLength(2);
    expect(res.text).toContain('class="embed__svg embed__svg--phone"');
    expect(res.text).toMatch(/<dt>Median TAI year<\/dt><dd>2053<\/dd>/);
    expect(res.text).toContain(`href="/posts/${SLUG}"`);
    expect(res.text).toContain('<meta name="robots" content="noindex"/>');
    expect(headTags(res.text).oembed).toBe(`${server.url}/oembed?url=${encodeURIComponent(`${server.url}/forecasts/${postForecast}`)}&format=json`);
  });

  it("is light, dark or the reader's own scheme", async () => {
    expect((await anon.get(`/embed/forecasts/${postForecast}?theme=dark`)).text).toContain('class="embed embed--dark"');
    expect((await anon.get(`/embed/forecasts/${postForecast}?theme=light`)).text).toContain('class="embed embed--light"');
    expect((await anon.get(`/embed/forecasts/${postForecast}?theme=sepia`)).text).toContain('class="embed embed--auto"');
  });

  it("answers 404 for a forecast that does not exist or an id that is not one", async () => {
    expect((await anon.get("/embed/forecasts/999999")).status).toBe(404);
    expect((await anon.get("/embed/forecasts/abc")).status).toBe(404);
  });
});

describe("a fork whose comment a moderator removed", () => {
  it("stops being embeddable, like its chart, card and data", async () => {
    const author = new Client(server.url);
    await author.login("priya", "forkcast-priya-demo");
    const created = await postAction(author, `/posts/${SLUG}`, { intent: "reply", markdown: "Faster hardware, earlier arrival.", parentId: "", forkOf: postForecast, "fork.$model": "bio-anchors", "fork.hw_halving_years": "1.8" });
    expect(created.status).toBe(200);
    const commentId = created.data!.commentId as number;
    const fork = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM comments WHERE id = ?", commentId))!.forecast_id;
    const paths = [`/embed/forecasts/${fork}`, `/api/forecasts/${fork}.svg`, `/api/forecasts/${fork}.png`, `/api/v1/forecasts/${fork}`];
    for (const path of paths) expect((await anon.get(path)).status, path).toBe(200);
    const commentUrl = encodeURIComponent(`${server.url}/posts/${SLUG}/comments/${commentId}`);
    const before = JSON.parse((await anon.get(`/oembed?url=${commentUrl}`)).text) as { title: string; html: string };
    expect(before.title).toBe("Fork by Priya Raman · Bio Anchors in one chart: where the 2053 median comes from");
    expect(before.html).toContain(`/embed/forecasts/${fork}"`);
    // A fork's card is never shared: it can disappear.
    expect((await fetchBytes(`/api/forecasts/${fork}.png`)).headers.get("cache-control")).toBe("private, no-cache");

    const mod = new Client(server.url);
    await mod.login("moss", "forkcast-moderator-demo");
    expect((await postAction(mod, `/posts/${SLUG}`, { intent: "remove-comment", commentId, reason: "Test removal" })).status).toBe(200);
    for (const path of paths) expect((await anon.get(path)).status, path).toBe(404);
    expect((await anon.get(`/oembed?url=${commentUrl}`)).status).toBe(404);
    // The embed is the signed-out view for everyone: a moderator's cookie does not bring it back.
    expect((await mod.get(`/embed/forecasts/${fork}`)).status).toBe(404);
  });
});

describe("oEmbed", () => {
  it("is discoverable on a post page and answers a rich embed of the post's forecast", async () => {
    const page = await anon.get(`/posts/${SLUG}`);
    const discovery = headTags(page.text).oembed!;
    expect(discovery).toBe(`${server.url}/oembed?url=${encodeURIComponent(`${server.url}/posts/${SLUG}`)}&format=json`);
    const res = await anon.get(discovery.slice(server.url.length));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Forkcast", title: "Bio Anchors in one chart: where the 2053 median comes from", author_name: "Ada Okafor", width: 680 });
    expect(body.height).toBeGreaterThan(400);
    expect(body.html).toBe(
      `<iframe src="${server.url}/embed/forecasts/${postForecast}" width="680" height="${body.height}" title="Bio Anchors in one chart: where the 2053 median comes from" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
    expect(body.thumbnail_url).toBe(`${server.url}/api/forecasts/${postForecast}.png`);
  });

  it("answers for a forecast page, within the consumer's maxwidth and maxheight", async () => {
    const url = encodeURIComponent(`${server.url}/forecasts/${postForecast}`);
    const narrow = JSON.parse((await anon.get(`/oembed?url=${url}&format=json&maxwidth=400`)).text) as { width: number; height: number; html: string; thumbnail_url?: string };
    expect(narrow.width).toBe(400);
    // The phone drawing is taller than it is wide.
    expect(narrow.height).toBeGreaterThan(400);
    expect(narrow.html).toContain(`width="400" height="${narrow.height}"`);
    expect(narrow.thumbnail_url).toBeUndefined();
    const capped = JSON.parse((await anon.get(`/oembed?url=${url}&maxheight=300`)).text) as { height: number };
    expect(capped.height).toBe(300);
  });

  it("refuses a foreign URL, a page with nothing to embed, a missing URL and a format it does not offer, saying why", async () => {
    const foreign = await anon.get(`/oembed?url=${encodeURIComponent(`https://example.com/posts/${SLUG}`)}&format=json`);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.text).error).toContain("only pages on");
    const profile = await anon.get(`/oembed?url=${encodeURIComponent(`${server.url}/users/ada`)}`);
    expect(profile.status).toBe(404);
    expect(JSON.parse(profile.text).error).toContain("no forecast to embed");
    const missing = await anon.get("/oembed?format=json");
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text).errors[0].path).toBe("url");
    const xml = await anon.get(`/oembed?url=${encodeURIComponent(`${server.url}/posts/${SLUG}`)}&format=xml`);
    expect(xml.status).toBe(501);
    expect((await anon.get(`/oembed?url=${encodeURIComponent(`${server.url}/posts/${SLUG}`)}&maxwidth=wide`)).status).toBe(400);
  });
});

describe("social cards", () => {
  it("tag a post page with Open Graph and Twitter card tags, the image a PNG of the chart", async () => {
    const { meta } = headTags((await anon.get(`/posts/${SLUG}`)).text);
    expect(meta.get("og:title")).toBe("Bio Anchors in one chart: where the 2053 median comes from");
    expect(meta.get("og:type")).toBe("article");
    expect(meta.get("og:url")).toBe(`${server.url}/posts/${SLUG}`);
    // The excerpt, with its formula written out as text.
    expect(meta.get("og:description")).toContain("P(TAI by Y) = P(Requirement(Y)");
    expect(meta.get("og:description")).not.toMatch(/[\\{}^]/);
    expect(meta.get("twitter:card")).toBe("summary_large_image");
    expect(meta.get("og:image")).toMatch(new RegExp(`^${server.url}/api/forecasts/${postForecast}\\.png\\?v=[0-9a-f]{16}$`));
    // X/Twitter takes title, description and image from the Open Graph tags.
    expect(meta.has("twitter:image")).toBe(false);
    expect(meta.get("og:image:alt")).toContain("Median arrival 2053");
  });

  it("serve the chart as a real 1200×630 PNG, immutable at its versioned URL, revalidated without it", async () => {
    const { meta } = headTags((await anon.get(`/posts/${SLUG}`)).text);
    const path = meta.get("og:image")!.slice(server.url.length);
    const png = await fetchBytes(path);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(pngSize(png.bytes)).toEqual({ width: 1200, height: 630 });
    expect(png.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(png.headers.get("etag")).toBe(`"${new URL(meta.get("og:image")!).searchParams.get("v")}"`);
    expect((await fetchBytes(path, { "if-none-match": png.headers.get("etag")! })).status).toBe(304);
    const bare = await fetchBytes(`/api/forecasts/${postForecast}.png`);
    expect(bare.headers.get("cache-control")).toBe("public, no-cache");
    expect(bare.bytes.equals(png.bytes)).toBe(true);
    // Drawn, not blank: a 1200×630 card of one flat colour compresses to a few hundred bytes.
    expect(png.bytes.length).toBeGreaterThan(20_000);
  });
});

describe("the front page", () => {
  it("shows each post's forecast headline and fork count, and excerpts with math as text", async () => {
    // React separates adjacent text nodes with an empty comment.
    const html = (await anon.get("/")).text.replace(/<!-- -->/g, "");
    expect(html).toContain('<span class="post-list__headline">Median TAI year <strong>2053</strong></span>');
    expect(html).toMatch(new RegExp(`href="/posts/${SLUG}#forks-heading">\\d+ forks?</a>`));
    const excerpts = [...html.matchAll(/<p class="post-list__excerpt">([^<]*)<\/p>/g)].map((m) => m[1]!);
    expect(excerpts.length).toBeGreaterThan(3);
    for (const e of excerpts) expect(e).not.toMatch(/\\[a-zA-Z]+|[_^]\{/);
    expect(excerpts.join(" ")).toContain("5 × 10²⁵ FLOP");
  });
});
