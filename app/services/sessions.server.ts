import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../utils/cookies.server";
import type { Clock } from "./clock";
import type { LiveHub } from "./broadcast";
import type { SessionUser } from "./types";

// Touching last_seen on every request would turn every page view into a write.
const TOUCH_EVERY_MS = 3600_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
// 256 bits from the CSPRNG, base64url: 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function createSessionService(db: Db, now: Clock, live: LiveHub) {
  const validKey = (token: string | undefined) => (token && TOKEN_PATTERN.test(token) ? hashToken(token) : null);

  // Runs on every request: prepared once, not rebuilt and re-prepared each time.
  const bySessionHash = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .prepare();

  return {
    create(userId: number, userAgent = ""): string {
      const token = randomBytes(32).toString("base64url");
      const t = now();
      db.insert(sessions)
        .values({ idHash: hashToken(token), userId, createdAt: t, lastSeenAt: t, expiresAt: t + SESSION_ABSOLUTE_MS, userAgent: userAgent.slice(0, 200) })
        .run();
      return token;
    },

    /** The signed-in user for a cookie value, or null for a missing, malformed, expired or revoked one. */
    resolve(token: string | undefined): SessionUser | null {
      return this.resolveWithKey(token)?.user ?? null;
    },

    /**
     * resolve(), and the session's key (its stored id hash, never the token): the live channel
     * files each socket under it, so the socket can end with the session.
     */
    resolveWithKey(token: string | undefined): { user: SessionUser; sessionKey: string } | null {
      const idHash = validKey(token);
      if (!idHash) return null;
      const row = bySessionHash.get({ idHash });
      if (!row) return null;
      const t = now();
      if (row.session.expiresAt <= t || row.session.lastSeenAt + SESSION_IDLE_MS <= t) {
        db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
        return null;
      }
      if (t - row.session.lastSeenAt > TOUCH_EVERY_MS) {
        db.update(sessions).set({ lastSeenAt: t }).where(eq(sessions.idHash, idHash)).run();
      }
      const { id, handle, displayName, role, karma, bannedUntil } = row.user;
      return { user: { id, handle, displayName, role, karma, bannedUntil }, sessionKey: idHash };
    },

    /** Whether a session still stands (not ended, not past its lifetime or idle limit); never touches it. */
    isLive(sessionKey: string): boolean {
      const row = db.select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.idHash, sessionKey)).get();
      const t = now();
      return row !== undefined && row.expiresAt > t && row.lastSeenAt + SESSION_IDLE_MS > t;
    },

    /** Ends one session (logging out, a fresh log-in replacing it), and the sockets opened under it. */
    destroy(token: string | undefined, reason = "You logged out."): void {
      const idHash = validKey(token);
      if (!idHash) return;
      db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
      live.endSession(idHash, reason);
    },

    destroyAllForUser(userId: number): void {
      db.delete(sessions).where(eq(sessions.userId, userId)).run();
    },

    purgeExpired(): number {
      const t = now();
      return db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, t), lt(sessions.lastSeenAt, t - SESSION_IDLE_MS)))
        .run().changes;
    },

    countForUser(userId: number): number {
      return db.select({ idHash: sessions.idHash }).from(sessions).where(and(eq(sessions.userId, userId))).all().length;
    },
  };
}
