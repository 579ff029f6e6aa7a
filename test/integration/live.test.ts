import { queryOne } from "../support/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { io as connectSocket, type Socket } from "socket.io-client";
import type { Live } from "../../server/live";
import { postRoom } from "../../app/discussion/live-events";
import { sessionTokenFrom } from "../../app/utils/cookies.server";
import { signedUpClient } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";
import { within } from "../support/waits";

// Every wait is bounded so a broken channel fails a test instead of hanging the run.
const WAIT_MS = 3000;

let server: TestServer;
let live: Live;
let postIds: number[] = [];
let cookie = "";
let userId = 0;
const logged: string[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  // The app attaches the live channel itself (server/app.ts); the test uses that instance.
  server = await startTestServer({ liveLog: (line) => logged.push(line) });
  live = server.live;
  const author = await signedUpClient(server.url, "livewire");
  cookie = `fc_session=${author.cookies.get("fc_session")}`;
  userId = (await server.services.sessions.resolve(sessionTokenFrom(cookie)))!.id;
  for (let i = 1; i <= 6; i++) {
    const slug = await author.createPost(`Live post ${i}`, "Body.");
    const row = (await queryOne<{ id: number }>(server, "SELECT id FROM posts WHERE slug = ?", slug))!;
    postIds.push(row.id);
  }
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

afterAll(async () => {
  // The live channel first: open WebSockets would keep the http server from closing.
  await live?.close();
  await server?.stop();
  postIds = [];
});

interface Options {
  origin?: string | null;
  cookie?: string;
  transport?: "websocket" | "polling";
  reconnection?: boolean;
  headers?: Record<string, string>;
}

function open(options: Options = {}): Socket {
  const headers: Record<string, string> = { ...options.headers };
  const origin = options.origin === undefined ? server.url : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.cookie) headers.cookie = options.cookie;
  const socket = connectSocket(server.url, {
    path: "/socket.io",
    transports: [options.transport ?? "websocket"],
    extraHeaders: headers,
    forceNew: true,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
    timeout: WAIT_MS,
  });
  sockets.push(socket);
  return socket;
}

/** Resolves "connected" or the connect_error message. */
function outcome(socket: Socket): Promise<string> {
  return within(WAIT_MS, "connect", (resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(`refused: ${error.message}`));
  });
}

async function connected(options: Options = {}): Promise<Socket> {
  const socket = open(options);
  expect(await outcome(socket)).toBe("connected");
  return socket;
}

function request(socket: Socket, event: string, ...args: unknown[]): Promise<unknown> {
  return socket.timeout(WAIT_MS).emitWithAck(event, ...args);
}

function next<T = unknown>(socket: Socket, event: string): Promise<T> {
  return within(WAIT_MS, event, (resolve) => socket.once(event, (payload: T) => resolve(payload)));
}

function disconnected(socket: Socket): Promise<string> {
  return within(WAIT_MS, "disconnect", (resolve) => socket.once("disconnect", (reason) => resolve(reason)));
}

/** Collects every payload of one event until the returned function is called. */
function record(socket: Socket, event: string): () => unknown[] {
  const seen: unknown[] = [];
  socket.on(event, (payload) => seen.push(payload));
  return () => seen;
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("live channel", () => {
  it("lets an anonymous socket join a post room and receive events, and nothing else", async () => {
    const [postId] = postIds;
    const reader = await connected();
    const other = await connected();
    expect(await request(reader, "join", { postId })).toEqual({ ok: true });
    expect(await request(other, "join", { postId })).toEqual({ ok: true });

    const event = { postId, commentId: 7, parentId: null, authorId: userId, forkId: null };
    const received = next(reader, "comment.created");
    live.emit("comment.created", event);
    expect(await received).toEqual(event);

    // Read-only: a client cannot speak into the room, not even with a server event's name.
    const echoes = record(other, "comment.created");
    const junk = record(other, "hello");
    expect(await request(reader, "comment.created", event)).toEqual({ ok: false, error: "unknown event" });
    expect(await request(reader, "hello", "world")).toEqual({ ok: false, error: "unknown event" });
    reader.emit("hello", "no ack");
    await pause(150);
    expect(echoes()).toEqual([]);
    expect(junk()).toEqual([]);
    expect(reader.connected).toBe(true);
  });

  it("refuses payloads outside the contract when the server emits", () => {
    const [postId] = postIds;
    // A comment body must never ride on an event.
    expect(() => live.emit("comment.removed", { postId, commentId: 1, markdown: "removed text" } as never)).toThrow();
    expect(() => live.emit("vote.changed", { postId, targetType: "user", targetId: 1, score: 1, agreeScore: 0 } as never)).toThrow();
  });

  it.each(["websocket", "polling"] as const)("refuses a foreign, opaque or missing Origin over %s", async (transport) => {
    for (const origin of ["https://evil.example", "null", null, `http://localhost.evil.example`]) {
      const socket = open({ origin, transport, cookie });
      expect(await outcome(socket), String(origin)).toMatch(/^refused/);
    }
    // The same request from our own origin is accepted.
    expect(await outcome(open({ transport, cookie }))).toBe("connected");
  });

  it("accepts a browser's same-origin polling handshake, which carries Sec-Fetch-Site instead of Origin", async () => {
    const socket = open({ origin: null, transport: "polling", headers: { "sec-fetch-site": "same-origin" } });
    expect(await outcome(socket)).toBe("connected");
    const forged = open({ origin: null, transport: "polling", headers: { "sec-fetch-site": "cross-site" } });
    expect(await outcome(forged)).toMatch(/^refused/);
  });

  it("refuses to join a missing post, malformed requests and too many rooms, with error acks", async () => {
    const socket = await connected();
    expect(await request(socket, "join", { postId: 987654 })).toEqual({ ok: false, error: "no such post" });
    const malformed = [{ postId: String(postIds[0]) }, { postId: -1 }, { postId: 1.5 }, {}, `post:${postIds[0]}`, { postId: postIds[0], extra: 1 }, null];
    for (const payload of malformed) {
      expect(await request(socket, "join", payload), JSON.stringify(payload)).toEqual({ ok: false, error: "invalid request" });
    }
    expect(await request(socket, "join")).toEqual({ ok: false, error: "invalid request" });
    expect(await request(socket, "join", { postId: postIds[0] }, "extra")).toEqual({ ok: false, error: "invalid request" });
    expect(await live.io.in(postRoom(987654)).fetchSockets()).toHaveLength(0);

    for (const postId of postIds.slice(0, 5)) expect(await request(socket, "join", { postId })).toEqual({ ok: true });
    expect(await request(socket, "join", { postId: postIds[5] })).toEqual({ ok: false, error: "too many rooms" });
    expect(await request(socket, "leave", { postId: postIds[0] })).toEqual({ ok: true });
    expect(await request(socket, "join", { postId: postIds[5] })).toEqual({ ok: true });
    expect(socket.connected).toBe(true);
  });

  it("drops a socket that floods junk, and keeps serving everyone else", async () => {
    const [postId] = postIds;
    const flooder = await connected();
    const bystander = await connected();
    expect(await request(bystander, "join", { postId })).toEqual({ ok: true });
    const dropped = disconnected(flooder);
    for (let i = 0; i < 200; i++) flooder.emit("junk", i);
    expect(await dropped).toBe("io server disconnect");
    expect(logged.at(-1)).toMatch(/too many refused events$/);

    const received = next(bystander, "aggregate.changed");
    live.emit("aggregate.changed", { postId });
    expect(await received).toEqual({ postId });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("drops a socket that sends valid events faster than the rate limit", async () => {
    const [postId] = postIds;
    const chatty = await connected();
    const dropped = disconnected(chatty);
    for (let i = 0; i < 100; i++) chatty.emit(i % 2 ? "leave" : "join", { postId });
    expect(await dropped).toBe("io server disconnect");
    expect(logged.at(-1)).toMatch(/rate limit$/);
  });

  it("survives protocol violations (a reserved event name sent raw)", async () => {
    const bad = await connected();
    const dropped = disconnected(bad);
    // Bypasses the client's own checks: a Socket.IO EVENT packet named "disconnect".
    (bad.io.engine as unknown as { write(data: string): void }).write('42["disconnect"]');
    expect(await dropped).not.toBe("io client disconnect");
    // Seen and logged by the live module, not just swallowed.
    expect(logged.some((line) => line.startsWith("live: protocol error"))).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await outcome(open())).toBe("connected");
  });

  it("disconnectUser drops that user's sockets at once and nobody else's", async () => {
    const mine = [await connected({ cookie }), await connected({ cookie, transport: "polling" })];
    const anonymous = await connected();
    const drops = mine.map(disconnected);
    live.disconnectUser(userId);
    expect(await Promise.all(drops)).toEqual(["io server disconnect", "io server disconnect"]);
    await pause(50);
    expect(anonymous.connected).toBe(true);
  });

  it("caps the open sockets of one signed-in user", async () => {
    const open20 = await Promise.all(Array.from({ length: 20 }, () => connected({ cookie })));
    expect(await outcome(open({ cookie }))).toBe("refused: too many connections");
    open20[0]!.close();
    await pause(50);
    expect(await outcome(open({ cookie }))).toBe("connected");
  });

  it("rejoins after a reconnect and receives later events exactly once", async () => {
    const [postId] = postIds;
    const socket = open({ reconnection: true });
    // What the browser hook does: join on every (re)connect.
    let joins = 0;
    socket.on("connect", () => {
      void request(socket, "join", { postId }).then((reply) => {
        if ((reply as { ok: boolean }).ok) joins += 1;
      });
    });
    await within(WAIT_MS, "first join", (resolve) => {
      const check = setInterval(() => joins === 1 && (clearInterval(check), resolve(null)), 10);
    });

    // A network drop, not a deliberate disconnect: cut the transport under the server's socket;
    // the client reconnects by itself.
    const dropped = disconnected(socket);
    live.io.sockets.sockets.get(socket.id!)!.conn.close();
    expect(await dropped).toBe("transport close");
    await within(WAIT_MS, "rejoin", (resolve) => {
      const check = setInterval(() => joins === 2 && (clearInterval(check), resolve(null)), 10);
    });
    expect(await live.io.in(postRoom(postId!)).fetchSockets()).toHaveLength(1);

    const seen = record(socket, "comment.updated");
    live.emit("comment.updated", { postId: postId!, commentId: 3 });
    await pause(200);
    expect(seen()).toEqual([{ postId, commentId: 3 }]);
  });
});
