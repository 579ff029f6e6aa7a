// A session's sockets end with the session, however it ends: logging out, a ban, a password
// change, or expiry. A socket left open would keep receiving the person's private events.
import { execute } from "../support/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { postAction } from "../support/actions";
import { Client, signedUpClient } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";
import { socketAs } from "../support/sockets";

const WAIT_MS = 3000;
let server: TestServer;
let slug = "";
let replier: Client;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Expiry is noticed by a sweep; a short one keeps the test quick.
  server = await startTestServer({ liveSessionSweepMs: 100 });
  replier = await signedUpClient(server.url, "sock-replier");
  slug = await replier.createPost("Sockets");
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => server.stop());


const socketOf = (client: Client): Promise<Socket> => socketAs(server.url, client, sockets, WAIT_MS);

/** Resolves with the disconnect reason, or "still connected" if none comes in time. */
function dropped(socket: Socket, ms = WAIT_MS): Promise<string> {
  return new Promise((ok) => {
    if (!socket.connected) return ok("already disconnected");
    const timer = setTimeout(() => ok("still connected"), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      ok(reason);
    });
  });
}

/** Two browsers of one person: each has its own session, and a socket on it. */
async function twoBrowsers(handle: string) {
  const a = new Client(server.url);
  await a.signup(handle);
  const b = new Client(server.url);
  expect((await b.login(handle)).status).toBe(302);
  const comment = (await postAction(a, `/posts/${slug}`, { intent: "reply", markdown: `A comment by ${handle}.`, parentId: "" })).data!.commentId as number;
  return { a, b, comment, socketA: await socketOf(a), socketB: await socketOf(b) };
}

describe("a session's sockets", () => {
  it("close when that session logs out, and get none of the person's private events after; other sessions keep theirs", async () => {
    const { a, comment, socketA, socketB } = await twoBrowsers("sock-logout");
    const heardByA: unknown[] = [];
    socketA.on("notifications.changed", (p) => heardByA.push(p));
    const aGone = dropped(socketA);
    expect((await a.post("/logout", {})).status).toBe(302);
    expect(await aGone).toBe("io server disconnect");

    const heardByB = new Promise((ok) => socketB.once("notifications.changed", ok));
    expect((await postAction(replier, `/posts/${slug}`, { intent: "reply", markdown: "A reply to you.", parentId: comment })).status).toBe(200);
    expect(await heardByB).toMatchObject({ unread: 1 });
    expect(heardByA).toEqual([]);
    expect(socketB.connected).toBe(true);
  });

  it("close when the session expires", async () => {
    const { b, socketA, socketB } = await twoBrowsers("sock-expiry");
    // B's session reaches its absolute lifetime (as if 30 days passed).
    const token = b.cookies.get("fc_session")!;
    const hash = (await import("node:crypto")).createHash("sha256").update(token).digest("hex");
    await execute(server, "UPDATE sessions SET expires_at = ? WHERE id_hash = ?", Date.now() - 1, hash);
    expect(await dropped(socketB)).toBe("io server disconnect");
    expect(socketA.connected).toBe(true);
  });

  it("all close when the password changes (every session ends) and when the person is banned", async () => {
    const pw = await twoBrowsers("sock-password");
    const both = [dropped(pw.socketA), dropped(pw.socketB)];
    expect((await pw.a.post("/settings", { current: "correct horse battery", next: "a brand new passphrase", confirm: "a brand new passphrase" })).status).toBe(302);
    expect(await Promise.all(both)).toEqual(["io server disconnect", "io server disconnect"]);

    const banned = await twoBrowsers("sock-banned");
    const mod = await signedUpClient(server.url, "sock-mod");
    await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = 'sock-mod'");
    const gone = [dropped(banned.socketA), dropped(banned.socketB)];
    expect((await mod.post("/users/sock-banned", { intent: "ban", length: "1", reason: "Testing bans" })).status).toBeLessThan(400);
    expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect"]);
  });
});
