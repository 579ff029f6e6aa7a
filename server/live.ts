// The live channel: a push-only socket.io server on the app's own http server.
// Clients may only join/leave post rooms; every write goes through an HTTP action, so this
// file decides nothing about content — it guards the door and relays what services emit.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import {
  isClientEventName,
  postRoom,
  roomRequestSchema,
  serverEventSchemas,
  userEventSchemas,
  userRoom,
  type ClientToServerEvents,
  type LiveAck,
  type LiveEventName,
  type LiveEventPayload,
  type ServerToClientEvents,
  type UserEventName,
  type UserEventPayload,
} from "../app/discussion/live-events";
import { lingerOnRefusal } from "./middleware";

export interface LiveLimits {
  /** Post rooms one socket may be in at once (a reader has a few tabs, not hundreds). */
  maxRoomsPerSocket: number;
  /** Refused or malformed events tolerated before the socket is dropped. */
  maxAbuse: number;
  /** Events per window per socket (a token bucket of this size, refilled over the window). */
  maxEvents: number;
  windowMs: number;
  /** Open sockets per signed-in user. */
  maxSocketsPerUser: number;
}

const SESSION_ROOM_PREFIX = "session:";
/** Internal only: clients can join post rooms and nothing else. */
const sessionRoom = (sessionKey: string) => `${SESSION_ROOM_PREFIX}${sessionKey}`;

export const DEFAULT_LIVE_LIMITS: LiveLimits = { maxRoomsPerSocket: 5, maxAbuse: 20, maxEvents: 50, windowMs: 10_000, maxSocketsPerUser: 20 };

export interface LiveDeps {
  /** The signed-in user and their session's key for a handshake's cookie, or null. */
  resolveSession(cookieHeader: string | undefined): Promise<{ userId: number; sessionKey: string } | null>;
  /** Whether a session still stands; asked for every session with sockets, every sweepMs. */
  sessionAlive(sessionKey: string): Promise<boolean>;
  /** How often sessions that ended without telling us (expiry, idle timeout) are looked for. */
  sweepMs?: number;
  postExists(postId: number): Promise<boolean>;
  /** Exact origins (scheme://host[:port]) allowed for a request Host; default: the Host itself. */
  allowedOrigins?: (host: string) => string[];
  limits?: Partial<LiveLimits>;
  log?: (line: string) => void;
  /** Another process's sockets reached through this adapter (server/cluster.ts); the in-memory one otherwise. */
  adapter?: ServerOptions["adapter"];
  /**
   * Refuse long-polling. Several processes behind Node's cluster take connections in turn, and
   * a polling session is a series of requests on different connections, so its later requests
   * would reach a process that never heard of it. A WebSocket is one connection, one process.
   */
  websocketOnly?: boolean;
}

interface SocketData {
  userId: number | null;
  sessionKey: string | null;
}

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Live {
  io: LiveServer;
  emit<N extends LiveEventName>(event: N, payload: LiveEventPayload<N>): void;
  toUser<N extends UserEventName>(userId: number, event: N, payload: UserEventPayload<N>): void;
  /** Tells the person's pages why (session.ended), then drops all their sockets. */
  endUser(userId: number, reason: string): void;
  /** The same for the sockets of one session. */
  endSession(sessionKey: string, reason: string): void;
  disconnectUser(userId: number): void;
  close(): Promise<void>;
}

/**
 * Browsers cannot forge Origin, and they do not apply CORS to the WebSocket upgrade, so this
 * check is what stops another site from opening a socket with our cookie (CSWSH).
 */
export function originAllowed(req: IncomingMessage, allowedOrigins?: (host: string) => string[]): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host) return false;
  const origin = req.headers.origin;
  if (origin === undefined) {
    // A same-origin XHR GET (the polling handshake) carries no Origin in browsers; the
    // browser-controlled Sec-Fetch-Site vouches for it. Anything else without Origin is refused.
    return req.headers["sec-fetch-site"] === "same-origin";
  }
  let url: URL;
  try {
    url = new URL(origin); // "null" (sandboxed frames, file:) fails to parse and is refused
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (allowedOrigins) return allowedOrigins(host).includes(url.origin);
  return url.host === host;
}

export function attachLive(http: HttpServer, deps: LiveDeps): Live {
  const limits = { ...DEFAULT_LIVE_LIMITS, ...deps.limits };
  const log = deps.log ?? ((line: string) => console.warn(line));

  const io: LiveServer = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    // No `cors` option: polling from other origins gets no CORS headers, and allowRequest
    // refuses them (and every foreign WebSocket upgrade) before a session exists.
    allowRequest: (req, done) => done(null, originAllowed(req, deps.allowedOrigins)),
    // Compressing attacker-shaped input costs memory and CPU for nothing; our events are tiny.
    perMessageDeflate: false,
    httpCompression: false,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    ...(deps.websocketOnly ? { transports: ["websocket" as const] } : {}),
    // No connectionStateRecovery: it would restore rooms while skipping this file's checks.
  });

  // Long-polling POSTs carry bodies, which engine.io reads itself and caps at maxHttpBufferSize,
  // answering a bare 413 mid-upload; Node then closes at once and the reset over the unread
  // upload often loses the answer. As everywhere else (server/middleware.ts refuseUnread), the
  // refusal is sent, reading stops, and the connection closes a moment later.
  io.engine.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.method === "POST") lingerOnRefusal(req, res);
    next();
  });

  io.use(async (socket, next) => {
    try {
      // Anonymous sockets are fine: the channel is read-only.
      const session = await deps.resolveSession(socket.request.headers.cookie);
      socket.data.userId = session?.userId ?? null;
      socket.data.sessionKey = session?.sessionKey ?? null;
      if (session && (io.sockets.adapter.rooms.get(userRoom(session.userId))?.size ?? 0) >= limits.maxSocketsPerUser) {
        return next(new Error("too many connections"));
      }
      next();
    } catch (error) {
      log(`live: session check failed: ${String(error)}`);
      next(new Error("session check failed"));
    }
  });

  io.on("connection", (socket) => {
    // Filed under the user (a ban or a password change drops every socket of theirs) and under
    // the session (logging out, or its expiry, drops that session's sockets).
    if (socket.data.userId !== null) void socket.join(userRoom(socket.data.userId));
    if (socket.data.sessionKey !== null) void socket.join(sessionRoom(socket.data.sessionKey));

    let abuse = 0;
    let tokens = limits.maxEvents;
    let refilledAt = Date.now();

    const kick = (why: string) => {
      if (!socket.connected) return;
      log(`live: dropping socket ${socket.id} (user ${socket.data.userId ?? "anonymous"}): ${why}`);
      socket.disconnect(true);
    };
    const strike = () => {
      abuse += 1;
      if (abuse > limits.maxAbuse) kick("too many refused events");
    };
    const takeToken = () => {
      const now = Date.now();
      tokens = Math.min(limits.maxEvents, tokens + ((now - refilledAt) * limits.maxEvents) / limits.windowMs);
      refilledAt = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    };

    // Protocol violations (a reserved event name, a broken packet) arrive as "error". socket.io
    // already closes the connection and keeps a no-op listener; this one makes them visible.
    socket.on("error", (error) => {
      log(`live: protocol error on ${socket.id}: ${error instanceof Error ? error.message : String(error)}`);
      kick("protocol error");
    });

    // The one gate for every incoming packet. It never calls next(): join and leave are handled
    // here and everything else is refused, so no listener ever sees a client-chosen event.
    socket.use(([name, ...args], _next) => {
      try {
        if (!takeToken()) return kick("rate limit");
        const ack = typeof args[args.length - 1] === "function" ? (args.pop() as (reply: LiveAck) => void) : undefined;
        handle(name, args, ack);
      } catch (error) {
        log(`live: handler failed on ${socket.id}: ${String(error)}`);
        kick("handler error");
      }
    });

    function reply(ack: ((r: LiveAck) => void) | undefined, r: LiveAck) {
      if (ack) ack(r);
    }

    function refuse(ack: ((r: LiveAck) => void) | undefined, error: string) {
      strike();
      if (socket.connected) reply(ack, { ok: false, error });
    }

    function handle(name: unknown, args: unknown[], ack: ((r: LiveAck) => void) | undefined) {
      if (!isClientEventName(name)) return refuse(ack, "unknown event");
      const parsed = roomRequestSchema.safeParse(args[0]);
      if (args.length !== 1 || !parsed.success) return refuse(ack, "invalid request");
      const room = postRoom(parsed.data.postId);
      if (name === "leave") {
        void socket.leave(room);
        return reply(ack, { ok: true });
      }
      if (socket.rooms.has(room)) return reply(ack, { ok: true });
      const joined = [...socket.rooms].filter((r) => r.startsWith("post:")).length;
      if (joined >= limits.maxRoomsPerSocket) return refuse(ack, "too many rooms");
      // The server decides: only a post that exists becomes a room. join() is synchronous
      // with the in-memory adapter and a promise with others.
      deps
        .postExists(parsed.data.postId)
        .then(async (exists) => {
          if (!exists) return refuse(ack, "no such post");
          await socket.join(room);
          reply(ack, { ok: true });
        })
        .catch((error: unknown) => {
          log(`live: join failed: ${String(error)}`);
          reply(ack, { ok: false, error: "join failed" });
        });
    }
  });

  /**
   * Tells the room's pages why (session.ended), then drops the sockets in it now, in every
   * process (fetchSockets asks them all through the adapter). Only the sockets in the room
   * now: one opened after a fresh log-in is not this session's.
   */
  async function endRoom(room: string, reason: string, localOnly: boolean) {
    const scope = localOnly ? io.local : io;
    // Across nodes fetchSockets waits for every server's answer and fails if one is gone
    // without the others knowing yet (a crashed node, until its heartbeat is missed). The
    // room is then dropped whole: a socket opened in the last instant goes too, and
    // reconnects; a banned or logged-out person's sockets staying open would be worse.
    const ids = await scope.in(room).fetchSockets().then(
      (sockets) => sockets.map((s) => s.id),
      (error: unknown) => {
        log(`live: listing ${room} failed (${String(error)}); dropping the whole room`);
        return null;
      },
    );
    if (ids?.length === 0) return;
    const payload = userEventSchemas["session.ended"].parse({ reason });
    (scope.to(room) as unknown as { emit(event: string, payload: unknown): boolean }).emit("session.ended", payload);
    // The notice is queued on each socket before the close, and socket.io flushes in order;
    // a short grace lets it leave the process before the transport is torn down.
    setTimeout(() => scope.in(ids ?? room).disconnectSockets(true), 50).unref();
  }

  /** `localOnly`: the sweep, which every process runs over its own sockets. */
  function endRoomLogged(room: string, reason: string, localOnly = false) {
    endRoom(room, reason, localOnly).catch((error: unknown) => log(`live: ending ${room} failed: ${String(error)}`));
  }

  // Sessions also end without anyone telling us: they expire, or sit idle too long. Every
  // session with sockets is checked now and then, and its sockets go when it has gone.
  const sweep = setInterval(() => {
    for (const room of io.sockets.adapter.rooms.keys()) {
      if (!room.startsWith(SESSION_ROOM_PREFIX)) continue;
      const sessionKey = room.slice(SESSION_ROOM_PREFIX.length);
      deps.sessionAlive(sessionKey).then(
        (alive) => {
          if (!alive) endRoomLogged(room, "Your session ended; log in again.", true);
        },
        (error: unknown) => log(`live: session sweep failed: ${String(error)}`),
      );
    }
  }, deps.sweepMs ?? 30_000);
  sweep.unref();

  return {
    io,
    emit(event, payload) {
      // A payload that breaks the contract is a bug in the caller: throw, never send it.
      const schema = serverEventSchemas[event];
      if (!schema) throw new Error(`Unknown live event: ${String(event)}`);
      const data = schema.parse(payload) as LiveEventPayload<typeof event>;
      const target = io.to(postRoom(data.postId)) as unknown as { emit(event: string, payload: unknown): boolean };
      target.emit(event, data);
    },
    toUser(userId, event, payload) {
      const schema = userEventSchemas[event];
      if (!schema) throw new Error(`Unknown user event: ${String(event)}`);
      const target = io.to(userRoom(userId)) as unknown as { emit(event: string, payload: unknown): boolean };
      target.emit(event, schema.parse(payload));
    },
    endUser(userId, reason) {
      endRoomLogged(userRoom(userId), reason);
    },
    endSession(sessionKey, reason) {
      endRoomLogged(sessionRoom(sessionKey), reason);
    },
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    async close() {
      clearInterval(sweep);
      // Not io.close(): that also closes the http server, which belongs to the caller. Call this
      // before closing the http server, or open WebSockets keep it from finishing.
      io.local.disconnectSockets(true);
      io.engine.close();
      // A cross-node adapter holds a subscription and timers; it goes before its connections do.
      await io.of("/").adapter.close();
    },
  };
}
