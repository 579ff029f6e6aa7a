// The signed-out page cache (server/page-cache.ts, docs/decisions/031): a kept page is the
// same document as a fresh render, with the reader's own nonce; any write, from this process
// or another one on the same store, retires it; signed-in readers and unmarked routes never
// meet it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Client } from "../support/client";
import { postAction } from "../support/actions";
import { execute } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";
import { openStore } from "../../db/open";
import { createServices } from "../../app/services/index.server";

const PAGE = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server.stop());

/** The nonce the response's policy allows, and the page with every copy of it taken out. */
function split(res: { text: string; headers: Headers }) {
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  if (!nonce) throw new Error("no nonce in the policy");
  return { nonce, withoutNonce: res.text.split(nonce).join("") };
}

describe("the signed-out page cache", () => {
  it("gives the next signed-out reader the same document with their own nonce", async () => {
    await execute(server, "UPDATE users SET display_name = display_name WHERE id = 1");
    const first = await new Client(server.url).get(PAGE);
    const second = await new Client(server.url).get(PAGE);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    const a = split(first);
    const b = split(second);
    expect(b.nonce).not.toBe(a.nonce);
    // Every script carries this response's nonce, none the first one's.
    expect(second.text).not.toContain(a.nonce);
    expect(second.text.match(/nonce="([^"]+)"/g)?.every((n) => n === `nonce="${b.nonce}"`)).toBe(true);
    expect(b.withoutNonce).toBe(a.withoutNonce);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    // The kept page still answers a current copy with 304.
    const notModified = await new Client(server.url).get(PAGE, { "if-none-match": second.headers.get("etag")! });
    expect(notModified.status).toBe(304);
  });

  it("retires every kept page on a write: a reply shows at once", async () => {
    const reader = new Client(server.url);
    await reader.get(PAGE);
    await reader.get("/");
    expect((await reader.get(PAGE)).headers.get("x-page-cache")).toBe("hit");
    const member = new Client(server.url);
    await member.login("priya", "forkcast-priya-demo");
    const reply = await postAction(member, PAGE, { intent: "reply", markdown: "Kept pages must not hide this reply.", parentId: "" });
    expect(reply.status).toBe(200);
    const after = await reader.get(PAGE);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(after.text).toContain("Kept pages must not hide this reply.");
    // The front page was kept before the write too: it is rendered again.
    expect((await reader.get("/")).headers.get("x-page-cache")).toBe("miss");
  });

  it("retires kept pages on a write made by another process on the same store", async () => {
    const reader = new Client(server.url);
    await reader.get(PAGE);
    expect((await reader.get(PAGE)).headers.get("x-page-cache")).toBe("hit");
    // A second store opened on the same database stands in for another process or node.
    const other = await openStore({ ...(server.databaseUrl ? { url: server.databaseUrl } : {}), file: server.databasePath });
    try {
      const services = createServices(other);
      const post = await services.posts.bySlug(PAGE.split("/").pop()!, null);
      await services.comments.create({ postId: post.id, parentId: null, authorId: post.author.id, markdown: "Written by another process." });
    } finally {
      await other.close();
    }
    const after = await reader.get(PAGE);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(after.text).toContain("Written by another process.");
  });

  it("is never used for signed-in readers, for .data reads, or for routes not marked as shared", async () => {
    const member = new Client(server.url);
    await member.login("tomas", "forkcast-tomas-demo");
    for (let i = 0; i < 2; i++) expect((await member.get(PAGE)).headers.get("x-page-cache")).toBeNull();
    const reader = new Client(server.url);
    for (const path of [`${PAGE}.data`, "/login", "/api/models"]) {
      for (let i = 0; i < 2; i++) {
        const res = await reader.get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("x-page-cache"), path).toBeNull();
      }
    }
  });

  it("counts committed writes only: once per transaction, nested or not; never a rolled-back one", async () => {
    const { store } = server;
    const { users } = store.t;
    const before = await store.generation();
    await store.db.select().from(users);
    expect(await store.generation()).toBe(before);
    await store.write(async (tx) => {
      await tx.update(users).set({ karma: 0 }).where(eq(users.handle, "nobody-by-this-name"));
      await store.write((inner) => inner.update(users).set({ karma: 0 }).where(eq(users.handle, "nor-this-one")));
    });
    expect(await store.generation()).toBe(before + 1);
    // A write that fails halfway leaves nothing behind, and its connection serves the next write.
    const [someone] = await store.db.select({ id: users.id, karma: users.karma }).from(users).limit(1);
    await expect(
      store.write(async (tx) => {
        await tx.update(users).set({ karma: someone!.karma + 1000 }).where(eq(users.id, someone!.id));
        throw new Error("changed its mind");
      }),
    ).rejects.toThrow("changed its mind");
    expect(await store.generation()).toBe(before + 1);
    expect((await store.db.select({ karma: users.karma }).from(users).where(eq(users.id, someone!.id)))[0]!.karma).toBe(someone!.karma);
    for (let i = 0; i < 6; i++) await store.write((tx) => tx.update(users).set({ karma: someone!.karma }).where(eq(users.id, someone!.id)));
    expect(await store.generation()).toBe(before + 7);
  });

  it("keeps no error page", async () => {
    const reader = new Client(server.url);
    for (let i = 0; i < 2; i++) {
      const res = await reader.get("/posts/no-such-post");
      expect(res.status).toBe(404);
      expect(res.headers.get("x-page-cache")).toBeNull();
    }
  });

  it("sends pages without the zero bytes React 18.3's stream writer pads a split character with", async () => {
    const res = await new Client(server.url).get(`${PAGE}?comments=all`);
    expect(res.status).toBe(200);
    expect(res.text.includes("\u0000")).toBe(false);
  });
});
