import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { first, type Store } from "../../db/store";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../utils/cookies.server";
import type { Clock } from "./clock";
import type { LiveHub } from "./broadcast";
import type { RequestUser } from "./types";

// Touching last_seen on every request would turn every page view into a write.
const TOUCH_EVERY_MS = 3600_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
// 256 bits from the CSPRNG, base64url: 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function createSessionService(store: Store, now: Clock, live: LiveHub) {
  const { db, t } = store;
  const { users, sessions, notifications } = t;
  const validKey = (token: string | undefined) => (token && TOKEN_PATTERN.test(token) ? hashToken(token) : null);

  // Runs on every request: prepared once, not rebuilt and re-prepared each time. The header's
  // unread count comes along, so a signed-in page makes no round trip of its own for it.
  const bySessionHash = db
    .select({ session: sessions, user: users, unread: sql<number>`(select count(*) from ${notifications} where ${notifications.userId} = ${users.id} and ${notifications.readAt} is null)` })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .prepare("session_by_hash");

  return {
    async create(userId: number, userAgent = ""): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const at = now();
      await store.write((tx) => tx.insert(sessions)
        .values({ idHash: hashToken(token), userId, createdAt: at, lastSeenAt: at, expiresAt: at + SESSION_ABSOLUTE_MS, userAgent: userAgent.slice(0, 200) }));
      return token;
    },

    /** The signed-in user for a cookie value, or null for a missing, malformed, expired or revoked one. */
    async resolve(token: string | undefined): Promise<RequestUser | null> {
      return (await this.resolveWithKey(token))?.user ?? null;
    },

    /**
     * resolve(), and the session's key (its stored id hash, never the token): the live channel
     * files each socket under it, so the socket can end with the session.
     */
    async resolveWithKey(token: string | undefined): Promise<{ user: RequestUser; sessionKey: string } | null> {
      const idHash = validKey(token);
      if (!idHash) return null;
      const row = await bySessionHash.execute({ idHash }).then(first);
      if (!row) return null;
      const at = now();
      if (row.session.expiresAt <= at || row.session.lastSeenAt + SESSION_IDLE_MS <= at) {
        await store.write((tx) => tx.delete(sessions).where(eq(sessions.idHash, idHash)));
        return null;
      }
      if (at - row.session.lastSeenAt > TOUCH_EVERY_MS) {
        await store.write((tx) => tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash)));
      }
      const { id, handle, displayName, role, karma, bannedUntil } = row.user;
      return { user: { id, handle, displayName, role, karma, bannedUntil, unread: Number(row.unread) }, sessionKey: idHash };
    },

    /** Whether a session still stands (not ended, not past its lifetime or idle limit); never touches it. */
    async isLive(sessionKey: string): Promise<boolean> {
      const row = await db.select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.idHash, sessionKey)).then(first);
      const at = now();
      return row !== undefined && row.expiresAt > at && row.lastSeenAt + SESSION_IDLE_MS > at;
    },

    /** Ends one session (logging out, a fresh log-in replacing it), and the sockets opened under it. */
    async destroy(token: string | undefined, reason = "You logged out."): Promise<void> {
      const idHash = validKey(token);
      if (!idHash) return;
      await store.write((tx) => tx.delete(sessions).where(eq(sessions.idHash, idHash)));
      live.endSession(idHash, reason);
    },

    async destroyAllForUser(userId: number): Promise<void> {
      await store.write((tx) => tx.delete(sessions).where(eq(sessions.userId, userId)));
    },

    async purgeExpired(): Promise<number> {
      const at = now();
      const gone = await store.write((tx) =>
        tx
          .delete(sessions)
          .where(or(lt(sessions.expiresAt, at), lt(sessions.lastSeenAt, at - SESSION_IDLE_MS)))
          .returning({ idHash: sessions.idHash }),
      );
      return gone.length;
    },

    async countForUser(userId: number): Promise<number> {
      return (await db.select({ idHash: sessions.idHash }).from(sessions).where(and(eq(sessions.userId, userId)))).length;
    },
  };
}
