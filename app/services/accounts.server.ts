// Account-level trust: site bans, the moderator role, and password changes. Each ends the
// person's sessions where it must, so a ban or a new password takes effect at once.
import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { first, type Store } from "../../db/store";
import { PERMANENT_BAN, type Role } from "../../db/schema";
import { appError, conflict } from "../utils/errors";
import type { LiveHub } from "./broadcast";
import type { Clock } from "./clock";
import { authorize } from "./guard.server";
import { appendLog } from "./moderation.server";
import type { NotificationService } from "./notifications.server";
import { ARGON } from "./users.server";

export function createAccountService(store: Store, now: Clock, live: LiveHub, notifications: NotificationService) {
  const { db, t } = store;
  const { users, sessions } = t;
  const subjectOf = async (handle: string) => {
    const u = await db.select({ id: users.id, role: users.role, bannedUntil: users.bannedUntil, handle: users.handle }).from(users).where(eq(users.handle, handle)).then(first);
    if (!u) throw appError(404, `No user has the handle “${handle}”.`);
    return u;
  };

  return {
    /** `days` null bans for good. All of the user's sessions end and their sockets drop now. */
    async ban(actorId: number, handle: string, days: number | null, reason: string): Promise<{ until: number }> {
      const subject = await subjectOf(handle);
      const until = days === null ? PERMANENT_BAN : now() + days * 86_400_000;
      await store.write(
        async (tx) => {
          await authorize(tx, t, actorId, "ban:user", { ownerId: subject.id, subjectRole: subject.role }, now());
          await tx.update(users).set({ bannedUntil: until, banReason: reason }).where(eq(users.id, subject.id));
          await tx.delete(sessions).where(eq(sessions.userId, subject.id));
          await appendLog(tx, t, { actorId, action: "ban", targetType: "user", targetId: subject.id, subjectUserId: subject.id, reason, detail: days === null ? "for good" : `${days} days` }, now());
        },
      );
      live.endUser(subject.id, `Your account was banned: ${reason}`);
      return { until };
    },

    async unban(actorId: number, handle: string, reason: string): Promise<void> {
      const subject = await subjectOf(handle);
      const notified = await store.write(
        async (tx) => {
          await authorize(tx, t, actorId, "ban:user", { ownerId: subject.id, subjectRole: subject.role }, now());
          if (subject.bannedUntil === null || subject.bannedUntil <= now()) throw conflict(`@${handle} is not banned.`);
          await tx.update(users).set({ bannedUntil: null, banReason: null }).where(eq(users.id, subject.id));
          await appendLog(tx, t, { actorId, action: "unban", targetType: "user", targetId: subject.id, subjectUserId: subject.id, reason }, now());
          return notifications.add(tx, [{ userId: subject.id, kind: "moderation", actorId: null, postId: null, commentId: null, text: `Your ban was lifted${reason ? `: ${reason}` : "."}` }]);
        },
      );
      await notifications.announce(notified);
    },

    async setRole(actorId: number, handle: string, role: Exclude<Role, "admin">, reason: string): Promise<void> {
      const subject = await subjectOf(handle);
      await store.write(
        async (tx) => {
          await authorize(tx, t, actorId, "grant:moderator", { ownerId: subject.id }, now());
          if (subject.role === "admin") throw appError(403, "Admins are not changed from the site; that is an operator's job.");
          if (subject.role === role) throw conflict(`@${handle} is already a ${role}.`);
          await tx.update(users).set({ role }).where(eq(users.id, subject.id));
          await appendLog(tx, t, { actorId, action: role === "moderator" ? "grant-moderator" : "revoke-moderator", targetType: "user", targetId: subject.id, subjectUserId: subject.id, reason }, now());
        },
      );
    },

    /** Checks the current password, stores the new one, and ends every session; the caller signs this browser in afresh. */
    async changePassword(userId: number, current: string, next: string): Promise<void> {
      const row = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).then(first);
      if (!row) throw appError(401, "Your account no longer exists.");
      if (!(await verify(row.passwordHash, current).catch(() => false))) {
        throw appError(400, "Your current password is not right.", { current: "This is not your current password." });
      }
      const passwordHash = await hash(next, ARGON);
      await store.write(
        async (tx) => {
          await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
          await tx.delete(sessions).where(eq(sessions.userId, userId));
        },
      );
      live.endUser(userId, "Your password was changed; log in again with the new one.");
    },

    async banState(userId: number): Promise<{ bannedUntil: number | null; banReason: string | null }> {
      return await db.select({ bannedUntil: users.bannedUntil, banReason: users.banReason }).from(users).where(eq(users.id, userId)).then(first) ?? { bannedUntil: null, banReason: null };
    },
  };
}
