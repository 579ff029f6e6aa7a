import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connectSocket, type Socket } from "socket.io-client";
import { Client, signedUpClient } from "../support/client";
import { queryOne, execute } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

const WAIT_MS = 3000;
let server: TestServer;
let author: Client;
let bob: Client;
let slug: string;
let postForecast: number;
const sockets: Socket[] = [];

const forkForm = (forkOf: number, parentId: number | "", fields: Record<string, string>) => ({
  intent: "reply",
  markdown: "Faster hardware changes the picture.",
  parentId,
  forkOf,
  "fork.$model": "bio-anchors",
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`fork.${k}`, v])),
});

function userSocket(client: Client): Promise<Socket> {
  const socket = connectSocket(server.url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { origin: server.url, cookie: `fc_session=${client.cookies.get("fc_session")}` },
  });
  sockets.push(socket);
  return new Promise((ok, fail) => {
    socket.once("connect", () => ok(socket));
    socket.once("connect_error", fail);
  });
}

function next<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${event} within ${WAIT_MS} ms`)), WAIT_MS);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      ok(payload);
    });
  });
}

beforeAll(async () => {
  server = await startTestServer();
  author = await signedUpClient(server.url, "carol");
  bob = await signedUpClient(server.url, "bob");
  const res = await author.post("/posts/new", { title: "Timelines for notices", markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors" });
  expect(res.status).toBe(302);
  slug = "timelines-for-notices";
  postForecast = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", slug))!.forecast_id;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.live.close();
  await server.stop();
});

describe("notifications", () => {
  it("tells the forecast's author that bob forked it, with the numbers, and the unread count moves live", async () => {
    const carolLive = await userSocket(author);
    const counted = next<{ unread: number }>(carolLive, "notifications.changed");
    const res = await bob.post(`/posts/${slug}`, forkForm(postForecast, "", { hw_halving_years: "1.5" }));
    expect(res.status).toBe(200);
    expect((await counted).unread).toBe(1);

    const page = await author.get("/notifications");
    expect(page.status).toBe(200);
    expect(page.text).toContain("BOB");
    // "forked your forecast on “…”: median arrival 2052 → 2043; P(by 2036) …"
    expect(page.text).toMatch(/forked your forecast on “Timelines for notices”: median arrival \d{4} → \d{4}; P\(by 2036\) [\d.]+% → [\d.]+%/);
    expect(page.text).toContain('data-testid="unread-count">1<');
  });

  it("tells a commenter about a reply, and never notifies you about your own writing", async () => {
    await author.reply(slug, "The author's own reply.");
    const own = (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE markdown = ?", "The author's own reply."))!.id;
    const before = (await queryOne<{ n: number }>(server, "SELECT count(*) AS n FROM notifications WHERE user_id = (SELECT id FROM users WHERE handle = 'carol')"))!.n;
    await author.reply(slug, "Replying to myself.", own);
    expect((await queryOne<{ n: number }>(server, "SELECT count(*) AS n FROM notifications WHERE user_id = (SELECT id FROM users WHERE handle = 'carol')"))!.n).toBe(before);

    await bob.reply(slug, "Bob answers carol.", own);
    const notice = (await queryOne<{ kind: string; text: string }>(server, "SELECT kind, text FROM notifications ORDER BY id DESC LIMIT 1"))!;
    expect(notice).toEqual({ kind: "reply", text: "replied to your comment on “Timelines for notices”" });
  });

  it("marks one or all read, and the badge goes with it", async () => {
    const carolLive = await userSocket(author);
    const counted = next<{ unread: number }>(carolLive, "notifications.changed");
    expect((await author.post("/notifications", { read: "all" })).status).toBe(200);
    expect((await counted).unread).toBe(0);
    expect((await author.get("/notifications")).text).not.toContain("unread-count");
    expect((await author.post("/notifications", { read: "banana" })).status).toBe(400);
  });

  it("refuses notifications to the signed-out", async () => {
    expect((await new Client(server.url).get("/notifications")).status).toBe(401);
  });
});

describe("moderation, end to end over HTTP", () => {
  it("removes a comment with a public reason, tells its author, logs it, and restores it", async () => {
    const mod = await signedUpClient(server.url, "modest");
    await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = 'modest'");
    await bob.reply(slug, "Something rude.");
    const id = (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE markdown = ?", "Something rude."))!.id;

    expect((await mod.post(`/posts/${slug}`, { intent: "remove-comment", commentId: id, reason: "Personal attack" })).status).toBe(200);
    const page = await new Client(server.url).get(`/posts/${slug}`);
    expect(page.text).toContain("Removed by a moderator: Personal attack");
    expect(page.text).not.toContain("Something rude.");
    expect((await queryOne<{ text: string }>(server, "SELECT text FROM notifications WHERE kind = 'moderation' ORDER BY id DESC"))!.text).toBe(
      "A moderator removed your comment on “Timelines for notices”: Personal attack",
    );
    const log = await new Client(server.url).get("/moderation");
    expect(log.text).toContain("removed a comment");
    expect(log.text).toContain("Personal attack");

    expect((await mod.post(`/posts/${slug}`, { intent: "restore-comment", commentId: id, reason: "On appeal" })).status).toBe(200);
    expect((await new Client(server.url).get(`/posts/${slug}`)).text).toContain("Something rude.");
    // Append-only: the database itself refuses to rewrite history.
    await expect(execute(server, "DELETE FROM moderation_log")).rejects.toThrow(/append-only/);
    await expect(execute(server, "UPDATE moderation_log SET reason = ''")).rejects.toThrow(/append-only/);
  });

  it("slow mode makes a second reply wait, naming the limit and when it resets", async () => {
    const mod = new Client(server.url);
    await mod.login("modest");
    expect((await mod.post(`/posts/${slug}`, { intent: "set-slow-mode", minutes: 5, reason: "Heated" })).status).toBe(200);
    const dana = await signedUpClient(server.url, "dana");
    expect((await dana.post(`/posts/${slug}`, { intent: "reply", markdown: "First.", parentId: "" })).status).toBe(200);
    const second = await dana.post(`/posts/${slug}`, { intent: "reply", markdown: "Second.", parentId: "" });
    expect(second.status).toBe(429);
    expect(second.text).toMatch(/Slow mode is on in this thread: one reply every 5 min per person/);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(200);
    // The author is exempt in their own thread.
    expect((await author.post(`/posts/${slug}`, { intent: "reply", markdown: "Author one.", parentId: "" })).status).toBe(200);
    expect((await author.post(`/posts/${slug}`, { intent: "reply", markdown: "Author two.", parentId: "" })).status).toBe(200);
  });
});
