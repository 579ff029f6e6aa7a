// Account-level trust: site bans, the moderator role, and password changes. Each ends the
// person's sessions where it must, so a ban or a new password takes effect at once.
import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { PERMANENT_BAN, sessions, users, type Role } from "../../db/schema";
import { appError, conflict } from "../utils/errors";
import type { LiveHub } from "./broadcast";
import type { Clock } from "./clock";
import { authorize } from "./guard.server";
import { appendLog } from "./moderation.server";
import type { NotificationService } from "./notifications.server";
import { ARGON } from "./users.server";

export function createAccountService(db: Db, now: Clock, live: LiveHub, notifications: NotificationService) {
  const subjectOf = (handle: string) => {
    const u = db.select({ id: users.id, role: users.role, bannedUntil: users.bannedUntil, handle: users.handle }).from(users).where(eq(users.handle, handle)).get();
    if (!u) throw appError(404, `No user has the handle “${handle}”.`);
    return u;
  };

  return {
    /** `days` null bans for good. All of the user's sessions end and their sockets drop now. */
    ban(actorId: number, handle: string, days: number | null, reason: string): { until: number } {
      const subject = subjectOf(handle);
      const until = days === null ? PERMANENT_BAN : now() + days * 86_400_000;
      db.transaction(
        (tx) => {
          authorize(tx, actorId, "ban:user", { ownerId: subject.id, subjectRole: subject.role }, now());
          tx.update(users).set({ bannedUntil: until, banReason: reason }).where(eq(users.id, subject.id)).run();
          tx.delete(sessions).where(eq(sessions.userId, subject.id)).run();
          appendLog(tx, { actorId, action: "ban", targetType: "user", targetId: subject.id, subjectUserId: subject.id, reason, detail: days === null ? "for good" : `${days} days` }, now());
        },
        { behavior: "immediate" },
      );
      live.endUser(subject.id, `Your account was banned: ${reason}`);
      return { until };
    },

    unban(actorId: number, handle: string, reason: string): void {
      const subject = subjectOf(handle);
      const notified = db.transaction(
        (tx) => {
          authorize(tx, actorId, "ban:user", { ownerId: subject.id, subjectRole: subject.role }, now());
          if (subject.bannedUntil === null || subject.bannedUntil <= now()) throw conflict(`@${handle} is not banned.`);
          tx.update(users).set({ bannedUntil: null, banReason: null }).where(eq(users.id, subject.id)).run();
          appendLog(tx, { actorId, action: "unban", targetType: "user", targetId: subject.id, subjectUserId: subject.id, reason }, now());
          return notifications.add(tx, [{ userId: subject.id, kind: "moderation", actorId: null, postId: null, commentId: null, text: `Your ban was lifted${reason ? `: ${reason}` : "."}` }]);
        },
        { behavior: "immediate" },
      );
      notifications.announce(notified);
    },

    setRole(actorId: number, handle: string, role: Exclude<Role, "admin">, reason: string): void {
      const subject = subjectOf(handle);
      db.transaction(
        (tx) => {
          authorize(tx, actorId, "grant:moderator", { ownerId: subject.id }, now());
          if (subject.role === "admin") throw appError(403, "Admins are not changed from the site; that is an operator's job.");
          if (subject.role === role) throw conflict(`@${handle} is already a ${role}.`);
          tx.update(users).set({ role }).where(eq(users.id, subject.id)).run();
          appendLog(tx, { actorId, action: role === "moderator" ? "grant-moderator" : "revoke-moderator", targetType: "user", targetId: subject.id, subjectUserId: subject.id, reason }, now());
        },
        { behavior: "immediate" },
      );
    },

    /** Checks the current password, stores the new one, and ends every session; the caller signs this browser in afresh. */
    async changePassword(userId: number, current: string, next: string): Promise<void> {
      const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
      if (!row) throw appError(401, "Your account no longer exists.");
      if (!(await verify(row.passwordHash, current).catch(() => false))) {
        throw appError(400, "Your current password is not right.", { current: "This is not your current password." });
      }
      const passwordHash = await hash(next, ARGON);
      db.transaction(
        (tx) => {
          tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
          tx.delete(sessions).where(eq(sessions.userId, userId)).run();
        },
        { behavior: "immediate" },
      );
      live.endUser(userId, "Your password was changed; log in again with the new one.");
    },

    banState(userId: number): { bannedUntil: number | null; banReason: string | null } {
      return db.select({ bannedUntil: users.bannedUntil, banReason: users.banReason }).from(users).where(eq(users.id, userId)).get() ?? { bannedUntil: null, banReason: null };
    },
  };
}
