// Search over both stores: what is found, in what order, how snippets are escaped, that
// removed and deleted comments never surface, that hostile queries get a 200 or a 400, and
// that the filters narrow what they say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { execute, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

interface Hit {
  kind: string;
  id: number;
  url: string;
  titleHtml: string;
  snippetHtml: string;
  author: { handle: string } | null;
  hasForecast: boolean;
}
interface Answer {
  posts: Hit[];
  comments: Hit[];
  users: Hit[];
  error?: string;
}

let server: TestServer;
let writer: Client;
let other: Client;
let mod: Client;
const anon = () => new Client(server.url);
let titleSlug = "";
let bodySlug = "";
let forecastSlug = "";

async function search(query: string): Promise<{ status: number; body: Answer }> {
  const res = await anon().get(`/search.json?${query}`);
  return { status: res.status, body: JSON.parse(res.text) as Answer };
}

async function replyId(client: Client, slug: string, markdown: string): Promise<number> {
  const res = await postAction(client, `/posts/${slug}`, { intent: "reply", markdown, parentId: "" });
  expect(res.status).toBe(200);
  return res.data!.commentId as number;
}

beforeAll(async () => {
  server = await startTestServer();
  writer = new Client(server.url);
  other = new Client(server.url);
  mod = new Client(server.url);
  await writer.signup("srch-writer", "correct horse battery", "Marguerite Quillon");
  await other.signup("srch-plover");
  await mod.signup("srch-mod");
  await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = 'srch-mod'");
  titleSlug = await writer.createPost("Zephyrine outlook for the decade", "Nothing about the word in here at all, just compute trends and halving times.");
  bodySlug = await other.createPost("A quieter post", "This one mentions zephyrine once, deep in its body, among other words.");
  const withForecast = await writer.post("/posts/new", { title: "Gallimaufry forecast", markdown: "Gallimaufry with numbers.", attachForecast: "on", "forecast.$model": "bio-anchors" });
  expect(withForecast.status).toBe(302);
  forecastSlug = withForecast.location!.replace("/posts/", "");
  await other.createPost("Gallimaufry without numbers", "Gallimaufry, words only.");
});
afterAll(() => server.stop());

describe("search finds", () => {
  it("a post by a word in its body, with the word marked in the snippet", async () => {
    const { status, body } = await search("q=deep+body");
    expect(status).toBe(200);
    expect(body.posts.map((p) => p.url)).toEqual([`/posts/${bodySlug}`]);
    expect(body.posts[0]!.snippetHtml).toContain("<mark>deep</mark>");
    expect(body.posts[0]!.snippetHtml).toContain("<mark>body</mark>");
  });

  it("a title match above a body-only match", async () => {
    const { body } = await search("q=zephyrine");
    expect(body.posts.map((p) => p.url)).toEqual([`/posts/${titleSlug}`, `/posts/${bodySlug}`]);
    expect(body.posts[0]!.titleHtml).toBe("<mark>Zephyrine</mark> outlook for the decade");
  });

  it("a comment by a word, linking to its permalink, and words as the reader types them (prefixes)", async () => {
    const id = await replyId(other, bodySlug, "I think the crenellated argument holds up.");
    for (const q of ["crenellated", "crenel", "CRENELLATED argument"]) {
      const { body } = await search(`q=${encodeURIComponent(q)}`);
      expect(body.comments.map((c) => c.url)).toEqual([`/posts/${bodySlug}/comments/${id}`]);
    }
  });

  it("a user by handle and by display name", async () => {
    const byHandle = await search("q=plover");
    expect(byHandle.body.users.map((u) => u.url)).toEqual(["/users/srch-plover"]);
    const byName = await search("q=quillon");
    expect(byName.body.users.map((u) => u.url)).toEqual(["/users/srch-writer"]);
    expect(byName.body.users[0]!.titleHtml).toContain("Marguerite <mark>Quillon</mark>");
  });

  it("a comment's new words after an edit, and not its old ones", async () => {
    const id = await replyId(other, bodySlug, "Originally about marzipan.");
    const edited = await postAction(other, `/posts/${bodySlug}`, { intent: "edit-comment", commentId: id, markdown: "Now about nougatine instead." });
    expect(edited.status).toBe(200);
    expect((await search("q=marzipan")).body.comments).toEqual([]);
    expect((await search("q=nougatine")).body.comments.map((c) => c.id)).toEqual([id]);
  });
});

describe("snippets", () => {
  it("escape markup and mark the term, in the JSON and on the page", async () => {
    const id = await replyId(other, bodySlug, "Careful: <script>alert('quorblat')</script> & <b>quorblat</b> again");
    const { body } = await search("q=quorblat");
    const hit = body.comments.find((c) => c.id === id)!;
    expect(hit.snippetHtml).toContain("&lt;script&gt;alert(&#39;<mark>quorblat</mark>&#39;)&lt;/script&gt; &amp; &lt;b&gt;<mark>quorblat</mark>&lt;/b&gt;");
    expect(hit.snippetHtml).not.toContain("<script");
    const page = await anon().get("/search?q=quorblat");
    expect(page.status).toBe(200);
    expect(page.text).toContain("&lt;script&gt;alert(&#39;<mark>quorblat</mark>");
    expect(page.text).not.toContain("<script>alert");
  });

  it("read math as text, never raw LaTeX", async () => {
    const id = await replyId(other, bodySlug, "At $3 \\times 10^{17}$ FLOP the zorbleflux moves.");
    const hit = (await search("q=zorbleflux")).body.comments.find((c) => c.id === id)!;
    expect(hit.snippetHtml).not.toMatch(/[$\\{}]/);
    expect(hit.snippetHtml).toContain("<mark>zorbleflux</mark>");
  });

  it("never split an entity when the term is an entity's letters", async () => {
    const id = await replyId(other, bodySlug, "lt <lt> amp & lt");
    const { body } = await search("q=lt+amp");
    const hit = body.comments.find((c) => c.id === id)!;
    expect(hit.snippetHtml).toBe("<mark>lt</mark> &lt;<mark>lt</mark>&gt; <mark>amp</mark> &amp; <mark>lt</mark>");
  });
});

describe("hidden writing", () => {
  it("leaves out a comment a moderator removed", async () => {
    const id = await replyId(other, bodySlug, "Spam about xylocarpous widgets.");
    expect((await search("q=xylocarpous")).body.comments.map((c) => c.id)).toEqual([id]);
    const removed = await postAction(mod, `/posts/${bodySlug}`, { intent: "remove-comment", commentId: id, reason: "Spam" });
    expect(removed.status).toBe(200);
    expect((await queryOne<{ status: string }>(server, "SELECT status FROM comments WHERE id = ?", id))!.status).toBe("removed");
    expect((await search("q=xylocarpous")).body.comments).toEqual([]);
    expect((await anon().get("/search?q=xylocarpous")).text).not.toContain("widgets");
  });

  it("leaves out a comment its author deleted", async () => {
    const id = await replyId(other, bodySlug, "Regretted words about quinquereme.");
    expect((await search("q=quinquereme")).body.comments.map((c) => c.id)).toEqual([id]);
    const deleted = await postAction(other, `/posts/${bodySlug}`, { intent: "delete-comment", commentId: id });
    expect(deleted.status).toBe(200);
    expect((await search("q=quinquereme")).body.comments).toEqual([]);
  });
});

describe("hostile and invalid queries", () => {
  const hostile = ['"', "AND OR (", "*", "NEAR(a b)", "'", ":*", "a & b | !c", "\\", "-", "zephyrine OR", "col:zephyrine", "^zephyrine", "' OR 1=1 --", "😀", "\u0000", "%", "a".repeat(200)];
  it("answer 200 or 400, never a 500, on the JSON endpoint and the page", async () => {
    for (const q of hostile) {
      for (const path of ["/search.json", "/search"]) {
        const res = await anon().get(`${path}?q=${encodeURIComponent(q)}`);
        expect([200, 400], `${path} ${JSON.stringify(q)} → ${res.status}`).toContain(res.status);
      }
    }
    // Operators are words to us: "zephyrine OR" still finds the word.
    expect((await search("q=zephyrine+OR")).body.posts).toEqual([]);
    expect((await search("q=col%3Azephyrine")).body.posts).toEqual([]);
    expect((await search(`q=${encodeURIComponent('"zephyrine')}`)).body.posts.length).toBe(2);
  });

  it("empty, wordless or too long: 400 with a sentence from the API, a friendly message on the page", async () => {
    for (const q of ["", "   ", "!!!", "a".repeat(201)]) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/search|characters|word/i);
    }
    const blank = await anon().get("/search?q=");
    expect(blank.status).toBe(200);
    expect(blank.text).toContain("Type something to search for.");
    const long = await anon().get(`/search?q=${"a".repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.text).toContain("Searches are at most 200 characters.");
    expect((await anon().get("/search")).status).toBe(200);
  });

  it("bad filters: 400 naming the problem", async () => {
    expect((await search("q=zephyrine&author=%3Cx%3E")).body.error).toBe("An author is a handle, like ada.");
    expect((await search("q=zephyrine&from=2026-13-45")).status).toBe(400);
    expect((await search("q=zephyrine&from=2026-02-01&to=2026-01-01")).body.error).toBe("The start date comes after the end date.");
    expect((await search("q=zephyrine&type=secrets")).status).toBe(400);
  });
});

describe("filters", () => {
  it("author narrows to one writer's posts and comments, and leaves people out", async () => {
    const { body } = await search("q=zephyrine&author=srch-plover");
    expect(body.posts.map((p) => p.url)).toEqual([`/posts/${bodySlug}`]);
    expect(body.users).toEqual([]);
  });

  it("has a forecast keeps only posts carrying one", async () => {
    const all = await search("q=gallimaufry");
    expect(all.body.posts.length).toBe(2);
    const { body } = await search("q=gallimaufry&forecast=1");
    expect(body.posts.map((p) => p.url)).toEqual([`/posts/${forecastSlug}`]);
    expect(body.posts[0]!.hasForecast).toBe(true);
  });

  it("a date range keeps what was written within it, both ends inclusive by day", async () => {
    await execute(server, "UPDATE posts SET created_at = ? WHERE slug = ?", Date.parse("2024-03-10T12:00:00Z"), titleSlug);
    const within = await search("q=zephyrine&from=2024-03-10&to=2024-03-10");
    expect(within.body.posts.map((p) => p.url)).toEqual([`/posts/${titleSlug}`]);
    const after = await search("q=zephyrine&from=2024-03-11");
    expect(after.body.posts.map((p) => p.url)).toEqual([`/posts/${bodySlug}`]);
  });

  it("type keeps one kind, and the page shows the filters it used", async () => {
    const { body } = await search("q=zephyrine&type=users");
    expect(body.posts).toEqual([]);
    const page = await anon().get("/search?q=gallimaufry&forecast=1&type=posts");
    expect(page.text).toContain(`href="/posts/${forecastSlug}"`);
    expect(page.text).not.toContain("Gallimaufry without numbers");
  });
});
