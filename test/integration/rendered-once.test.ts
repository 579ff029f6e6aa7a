// Parts kept by their props (docs/decisions/036) must be byte for byte what React renders in
// place: the browser hydrates that markup, and a mismatch would make React throw the page's
// render away. Two servers on one database, one keeping parts and one not, must serve the same
// pages to every kind of reader, on the first view (kept parts rendered) and on the next (kept
// parts reused), before and after the thread changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { postAction } from "../support/actions";
import { startTestServer, type TestServer } from "../support/server";

const SLUG = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";

let kept: TestServer;
let inPlace: TestServer;
beforeAll(async () => {
  kept = await startTestServer({ seed: true });
  inPlace = await startTestServer({ sameDatabaseAs: kept, partCache: false });
});
afterAll(async () => {
  await inPlace.stop();
  await kept.stop();
});

/** What differs between two renders of one page for reasons of their own: nonces, form seeds, the server's port. */
function comparable(html: string, url: string): string {
  return html
    .replaceAll(new URL(url).host, "HOST")
    .replaceAll(encodeURIComponent(new URL(url).host), "HOST")
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\\"formSeed\\",\\"[0-9a-f]+\\"/g, '\\"formSeed\\",\\"\\"')
    .replace(/name="submissionKey" value="[^"]*"/g, 'name="submissionKey" value=""');
}

/** A reader of both servers: signed in on one, the session (in the shared database) holds on the other. */
async function reader(handle: string | null, password?: string) {
  const a = new Client(kept.url);
  if (handle) expect((await a.login(handle, password)).status).toBe(302);
  const b = new Client(inPlace.url);
  for (const [k, v] of a.cookies) b.cookies.set(k, v);
  return { a, b };
}

const READERS: [string, string | null, string | undefined][] = [
  ["signed out", null, undefined],
  ["the post's author", "ada", "forkcast-member-demo"],
  ["a member with forks in the thread", "tomas", "forkcast-tomas-demo"],
  ["a moderator", "moss", "forkcast-moderator-demo"],
];

// The post, a permalink, a landing with a form open, and forecast pages (the post's and a fork's, its embed snippet open).
const PAGES = [`/posts/${SLUG}`, `/posts/${SLUG}?sort=new`, `/posts/${SLUG}/comments/4`, `/posts/${SLUG}/comments/4?reply=1&fork=1`, "/forecasts/2", "/forecasts/3?embed=1"];

async function expectSamePages(a: Client, b: Client) {
  for (const path of PAGES) {
    const direct = await b.get(path);
    expect(direct.status, path).toBe(200);
    // The first view renders the parts it keeps; the second takes them from what it kept.
    for (const round of ["first", "second"]) {
      const res = await a.get(path);
      expect(res.status, `${path} (${round} view)`).toBe(200);
      expect(comparable(res.text, kept.url), `${path} (${round} view)`).toBe(comparable(direct.text, inPlace.url));
    }
  }
}

describe("parts kept by their props", () => {
  it.each(READERS)("are the markup rendered in place, for %s", async (_who, handle, password) => {
    const { a, b } = await reader(handle, password);
    const page = await a.get(`/posts/${SLUG}`);
    // Not vacuous: the page has the kept kinds of parts.
    for (const part of ['class="comment__actions"', 'class="comment__head"', 'class="fork-card', 'class="forks-panel"', 'class="forecast-panel"']) expect(page.text).toContain(part);
    await expectSamePages(a, b);
  });

  it("stay so when the thread changes under them: a vote, a reply, a collapse", async () => {
    const author = await reader("ada", "forkcast-member-demo");
    const member = await reader("priya", "forkcast-priya-demo");
    await expectSamePages(member.a, member.b);
    const changes = [
      await postAction(member.a, `/posts/${SLUG}`, { vote: "vote-comment:1", commentId: 10 }),
      await postAction(member.a, `/posts/${SLUG}`, { intent: "reply", markdown: "A new reply, to change the thread.", parentId: 4 }),
      await postAction(author.a, `/posts/${SLUG}`, { intent: "collapse-comment", commentId: 8, collapsed: "1" }),
    ];
    for (const change of changes) expect(change.data).toMatchObject({ ok: true });
    for (const r of [member, author]) await expectSamePages(r.a, r.b);
  });

  it("share a reply chain between readers who wrote nothing in it, and keep a reader's own votes and words theirs", async () => {
    // Kept chains (kept-thread.ts) are drawn once for every such reader: the first fills the memo.
    const [first, second] = await Promise.all(["chain-reader-a", "chain-reader-b"].map(async (handle) => {
      expect((await new Client(kept.url).signup(handle)).status).toBe(302);
      return reader(handle);
    }));
    await expectSamePages(first!.a, first!.b);
    await expectSamePages(second!.a, second!.b);
    // One votes in a chain and replies in another: their view of those differs from the other's.
    const vote = await postAction(second!.a, `/posts/${SLUG}`, { vote: "vote-comment:1", commentId: 6 });
    const reply = await postAction(second!.a, `/posts/${SLUG}`, { intent: "reply", markdown: "Mine, in a chain read by others.", parentId: 9 });
    for (const change of [vote, reply]) expect(change.data).toMatchObject({ ok: true });
    for (const r of [second!, first!]) await expectSamePages(r.a, r.b);
    const theirs = (await second!.a.get(`/posts/${SLUG}`)).text;
    const others = (await first!.a.get(`/posts/${SLUG}`)).text;
    expect(theirs).toContain("Retract upvote");
    expect(others).not.toContain("Retract upvote");
    expect(theirs.match(/comment--mine/g)?.length).toBe(1);
    expect(others).not.toContain("comment--mine");
  });
});
