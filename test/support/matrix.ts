// Helpers for the permission matrix (test/integration/permissions-matrix.test.ts): a snapshot
// of every domain table to prove a refusal wrote nothing, and live watchers (a socket in the
// post's room plus one per person in their own user room) to prove it broadcast nothing.
import { io as connectSocket, type Socket } from "socket.io-client";
import { cookieOf, type Client } from "./client";
import type { TestServer } from "./server";
import { within } from "./waits";
import { queryAll, type HasStore } from "./db";

const WAIT_MS = 3000;

/** Every table a write can touch (caches and rate-limit buckets aside). */
export const DOMAIN_TABLES = ["users", "sessions", "posts", "comments", "comment_revisions", "forecasts", "votes", "reports", "moderation_log", "post_bans", "notifications"] as const;

export type Snapshot = Record<string, { rows: number; json: string }>;

/** Every row of every domain table, so a refusal that changed one column (a lock, a role, a ban) shows up too. */
export async function snapshot(server: HasStore): Promise<Snapshot> {
  const tables = await Promise.all(
    DOMAIN_TABLES.map(async (table) => {
      const rows = await queryAll(server, `SELECT * FROM ${table} ORDER BY 1, 2`);
      return [table, { rows: rows.length, json: JSON.stringify(rows) }] as const;
    }),
  );
  return Object.fromEntries(tables);
}

/** The tables that differ, with their row counts before → after; empty when nothing changed. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return DOMAIN_TABLES.filter((t) => before[t]!.json !== after[t]!.json).map((t) => `${t}: ${before[t]!.rows} → ${after[t]!.rows} rows`);
}

export interface Seen {
  who: string;
  event: string;
  payload: unknown;
}

export interface Watched {
  label: string;
  id: number;
  client: Client;
}

export function openSocket(server: TestServer, cookie?: string): Socket {
  const headers: Record<string, string> = { origin: server.url };
  if (cookie) headers.cookie = cookie;
  return connectSocket(server.url, { path: "/socket.io", transports: ["websocket"], extraHeaders: headers, forceNew: true, reconnection: false, timeout: WAIT_MS });
}

export async function connected(socket: Socket): Promise<Socket> {
  const result = await within<string>(WAIT_MS, "socket connect", (resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (e) => resolve(`refused: ${e.message}`));
  });
  if (result !== "connected") throw new Error(`watcher socket ${result}`);
  return socket;
}

// Sentinels for the barrier: ids no real row reaches in a test database.
let sentinel = 1_900_000_000;

/**
 * Real socket.io clients: one anonymous socket joined to the post room, and one per person
 * (their cookie puts it in their user room). Everything they receive is recorded.
 */
export class LiveWatch {
  readonly seen: Seen[] = [];
  private recording = true;
  private constructor(
    private readonly server: TestServer,
    private readonly postId: number | null,
    private readonly room: Socket | null,
    private readonly people: { who: Watched; socket: Socket }[],
  ) {}

  static async open(server: TestServer, postId: number | null, people: Watched[]): Promise<LiveWatch> {
    const room = postId === null ? null : await connected(openSocket(server));
    if (room) {
      const ack = (await room.timeout(WAIT_MS).emitWithAck("join", { postId })) as { ok: boolean };
      if (!ack.ok) throw new Error(`watcher could not join post ${postId}: ${JSON.stringify(ack)}`);
    }
    const unique = [...new Map(people.map((p) => [p.id, p])).values()];
    const sockets = await Promise.all(unique.map(async (who) => ({ who, socket: await connected(openSocket(server, cookieOf(who.client))) })));
    const watch = new LiveWatch(server, postId, room, sockets);
    const listen = (who: string, socket: Socket) => {
      socket.onAny((event: string, payload: unknown) => watch.recording && watch.seen.push({ who, event, payload }));
      socket.on("disconnect", (reason) => watch.recording && watch.seen.push({ who, event: "disconnect", payload: reason }));
    };
    if (room) listen("post room", room);
    for (const { who, socket } of sockets) listen(who.label, socket);
    return watch;
  }

  /**
   * Waits until everything the server sent before now has arrived: socket.io delivers in order,
   * and services broadcast before the response leaves, so a sentinel emitted after the response
   * is received after any event the request caused. Then a pause catches anything a timer
   * sends (a ban drops sockets 50 ms later: pass more than that for account actions). Returns
   * what was seen, sentinels left out.
   */
  async settle(pauseMs = 10): Promise<Seen[]> {
    const live = this.server.live;
    const waits: Promise<unknown>[] = [];
    if (this.room && this.postId !== null && this.room.connected) {
      const commentId = ++sentinel;
      const room = this.room;
      waits.push(
        within(WAIT_MS, "post room sentinel", (resolve) => {
          const on = (p: { commentId: number }) => p.commentId === commentId && (room.off("comment.updated", on), resolve(null));
          room.on("comment.updated", on);
        }),
      );
      live.emit("comment.updated", { postId: this.postId, commentId });
    }
    for (const { who, socket } of this.people) {
      if (!socket.connected) continue;
      const unread = ++sentinel;
      waits.push(
        within(WAIT_MS, `${who.label} sentinel`, (resolve) => {
          const on = (p: { unread: number }) => p.unread === unread && (socket.off("notifications.changed", on), resolve(null));
          socket.on("notifications.changed", on);
          socket.once("disconnect", () => resolve(null));
        }),
      );
      live.toUser(who.id, "notifications.changed", { unread });
    }
    await Promise.all(waits);
    await new Promise((ok) => setTimeout(ok, pauseMs));
    return this.seen.filter((s) => !isSentinel(s));
  }

  close(): void {
    this.recording = false;
    this.room?.close();
    for (const { socket } of this.people) socket.close();
  }
}

function isSentinel(s: Seen): boolean {
  const p = s.payload as { commentId?: number; unread?: number } | null;
  return (s.event === "comment.updated" && (p?.commentId ?? 0) >= 1_900_000_000) || (s.event === "notifications.changed" && (p?.unread ?? 0) >= 1_900_000_000);
}
