// The shared worker pool under a member who tries to stall it: refused edits cost no render,
// one person's burst cannot keep another's reply waiting, and a text too complex to render
// within the budget is refused with a 422 that says so. These tests compare the order in
// which answers come back (a victim's reply against the attacker's own renders), never
// absolute times: speed targets live in `npm run bench`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../support/actions";
import { Client, signedUpClient } from "../support/client";
import { queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

// Each takes a worker hundreds of milliseconds (micromark resolving thousands of delimiters).
const PATHOLOGICAL = ["*a_".repeat(33_000), "[a](".repeat(25_000)];
const BURST = 48;
const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("a burst of pathological edits", () => {
  let server: TestServer;
  let attacker: Client;
  let victim: Client;
  let slug = "";
  let victimComment = 0;
  let attackerComment = 0;

  beforeAll(async () => {
    server = await startTestServer();
    attacker = await signedUpClient(server.url, "pool-attacker");
    victim = await signedUpClient(server.url, "pool-victim");
    slug = await victim.createPost("A quiet thread");
    victimComment = (await postAction(victim, `/posts/${slug}`, { intent: "reply", markdown: "The victim's words.", parentId: "" })).data!.commentId as number;
    attackerComment = (await postAction(attacker, `/posts/${slug}`, { intent: "reply", markdown: "The attacker's own comment.", parentId: "" })).data!.commentId as number;
  });
  afterAll(() => server.stop());

  /** Runs the requests at once and returns their labels in the order their answers arrived. */
  async function race(requests: [label: string, request: Promise<{ status: number }>][]) {
    const order: string[] = [];
    const statuses: Record<string, number> = {};
    await Promise.all(
      requests.map(async ([label, request]) => {
        statuses[label] = (await request).status;
        order.push(label);
      }),
    );
    return { order, statuses };
  }

  const editOwn = (i: number) => postAction(attacker, `/posts/${slug}`, { intent: "edit-comment", commentId: attackerComment, markdown: `${PATHOLOGICAL[i % 2]} ${i}` });
  const reply = (text: string) => postAction(victim, `/posts/${slug}`, { intent: "reply", markdown: text, parentId: "" });

  it("refuses edits of someone else's comment before rendering them, so they delay nobody", async () => {
    // A yardstick: one real pathological render the attacker is entitled to (their own comment).
    const yardstick: [string, Promise<{ status: number }>] = ["own edit", editOwn(0)];
    await pause(50);
    const refused: [string, Promise<{ status: number }>][] = Array.from({ length: BURST }, (_, i) => [
      `refused ${i}`,
      postAction(attacker, `/posts/${slug}`, { intent: "edit-comment", commentId: victimComment, markdown: `${PATHOLOGICAL[i % 2]} ${i}` }),
    ]);
    await pause(50);
    const { order, statuses } = await race([yardstick, ...refused, ["victim reply", reply("Still here after the refused edits.")]]);
    // Eight writes in flight per person: the rest are turned away unread with a 429.
    const refusals = Array.from({ length: BURST }, (_, i) => statuses[`refused ${i}`]);
    for (const status of refusals) expect([403, 429]).toContain(status);
    expect(refusals.filter((s) => s === 403).length).toBeGreaterThanOrEqual(7);
    expect(statuses["victim reply"]).toBe(200);
    // Saved, or refused as too complex if the machine is slow enough to push it over the budget.
    expect([200, 422]).toContain(statuses["own edit"]);
    // The refused edits rendered nothing: the victim's reply did not queue behind 48 renders.
    expect(order.indexOf("victim reply")).toBeLessThan(order.indexOf("own edit"));
    expect((await queryOne<{ markdown: string }>(server, "SELECT markdown FROM comments WHERE id = ?", victimComment))!.markdown).toBe("The victim's words.");
  }, 120_000);

  it("lets another member's reply through while one member's own edits queue up behind each other", async () => {
    const edits: [string, Promise<{ status: number }>][] = Array.from({ length: BURST }, (_, i) => [`edit ${i}`, editOwn(i + 1)]);
    await pause(50);
    const { order, statuses } = await race([...edits, ["victim reply", reply("A reply during the burst.")]]);
    expect(statuses["victim reply"]).toBe(200);
    // Rendered (saved, or refused as too complex once over the budget), or turned away: a 429
    // past eight writes in flight, a 503 past eight renders waiting. Never a 500.
    for (const [label] of edits) expect([200, 422, 429, 503]).toContain(statuses[label]);
    const rendered = order.filter((label) => label.startsWith("edit ") && [200, 422].includes(statuses[label]!));
    expect(rendered.length).toBeGreaterThanOrEqual(2);
    // The victim waited for at most the one render the attacker had running, not the queue.
    expect(order.indexOf("victim reply")).toBeLessThan(order.indexOf(rendered[1]!));
  }, 120_000);
});

describe("writes in flight", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("caps one person at eight writes being handled, refusing the rest unread with a 429, and frees the slots after", async () => {
    const eager = await signedUpClient(server.url, "eager-writer");
    const slug = await eager.createPost("Eager");
    const commentId = (await postAction(eager, `/posts/${slug}`, { intent: "reply", markdown: "Mine.", parentId: "" })).data!.commentId as number;
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postAction(eager, `/posts/${slug}`, { intent: "edit-comment", commentId, markdown: `${PATHOLOGICAL[0]} ${i}` }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(12);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(8);
    // Someone else is not affected, and the person's own slots come back.
    const other = await signedUpClient(server.url, "other-writer");
    expect((await postAction(other, `/posts/${slug}`, { intent: "reply", markdown: "Unaffected.", parentId: "" })).status).toBe(200);
    expect((await postAction(eager, `/posts/${slug}`, { intent: "reply", markdown: "Calm again.", parentId: "" })).status).toBe(200);
  }, 60_000);
});

describe("the Markdown time budget", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ markdownBudgetMs: 200 });
  });
  afterAll(() => server.stop());

  it("refuses a text too complex to render in time with a 422 that says so, writes nothing, and keeps serving", async () => {
    const author = await signedUpClient(server.url, "budget-author");
    const slug = await author.createPost("Budget");
    const commentId = (await postAction(author, `/posts/${slug}`, { intent: "reply", markdown: "Simple words.", parentId: "" })).data!.commentId as number;
    const res = await author.post(`/posts/${slug}`, { intent: "edit-comment", commentId, markdown: PATHOLOGICAL[1]! });
    expect(res.status).toBe(422);
    expect(res.text).toContain("too complex");
    expect((await queryOne<{ markdown: string }>(server, "SELECT markdown FROM comments WHERE id = ?", commentId))!.markdown).toBe("Simple words.");
    const reply = await postAction(author, `/posts/${slug}`, { intent: "reply", markdown: "Plain text still renders.", parentId: "" });
    expect(reply.status).toBe(200);
  }, 60_000);
});
