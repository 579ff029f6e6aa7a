import { hash, verify } from "@node-rs/argon2";
import { count, desc, eq } from "drizzle-orm";
import { first, isUniqueViolation, single, type Store } from "../../db/store";
import { type Role } from "../../db/schema";
import { conflict, notFound } from "../utils/errors";
import type { Clock } from "./clock";
import type { AuthorRef, SessionUser } from "./types";

// OWASP's argon2id floor (19 MiB, t=2, p=1): bounded memory per concurrent login.
// @node-rs/argon2 defaults to argon2id; its Algorithm enum is a const enum we cannot import.
export const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// Hashing something for unknown handles keeps "no such user" and "wrong password" equally slow.
let dummyHash: Promise<string> | null = null;

export function createUserService(store: Store, now: Clock) {
  const { db, t } = store;
  const { users } = t;
  const toSessionUser = (u: typeof users.$inferSelect): SessionUser => ({
    id: u.id, handle: u.handle, displayName: u.displayName, role: u.role, karma: u.karma, bannedUntil: u.bannedUntil,
  });

  return {
    async signup(input: { handle: string; displayName: string; password: string; role?: Role }): Promise<SessionUser> {
      if (await db.select({ id: users.id }).from(users).where(eq(users.handle, input.handle)).then(first)) {
        throw conflict("That handle is taken.", { handle: "That handle is taken; try another." });
      }
      const passwordHash = await hash(input.password, ARGON);
      try {
        const row = await store.write((tx) =>
          tx
            .insert(users)
            .values({ handle: input.handle, displayName: input.displayName, passwordHash, role: input.role ?? "member", createdAt: now() })
            .returning()
            .then(single),
        );
        return toSessionUser(row);
      } catch (e) {
        // Two sign-ups raced for the same handle between the check and the insert.
        if (isUniqueViolation(e)) throw conflict("That handle is taken.", { handle: "That handle is taken; try another." });
        throw e;
      }
    },

    /** Null for both an unknown handle and a wrong password: no account enumeration. */
    async verifyLogin(handle: string, password: string): Promise<SessionUser | null> {
      const row = await db.select().from(users).where(eq(users.handle, handle)).then(first);
      if (!row) {
        dummyHash ??= hash("not-a-real-password", ARGON);
        await verify(await dummyHash, password).catch(() => false);
        return null;
      }
      const ok = await verify(row.passwordHash, password).catch(() => false);
      return ok ? toSessionUser(row) : null;
    },

    async byHandle(handle: string): Promise<(SessionUser & { createdAt: number; bio: string }) | null> {
      const row = await db.select().from(users).where(eq(users.handle, handle.toLowerCase())).then(first);
      return row ? { ...toSessionUser(row), createdAt: row.createdAt, bio: row.bio } : null;
    },

    async requireByHandle(handle: string) {
      const user = await this.byHandle(handle);
      if (!user) throw notFound("That user");
      return user;
    },

    async topByKarma(limit = 5): Promise<(AuthorRef & { karma: number })[]> {
      return await db
        .select({ id: users.id, handle: users.handle, displayName: users.displayName, karma: users.karma })
        .from(users)
        .orderBy(desc(users.karma))
        .limit(limit);
    },

    async count(): Promise<number> {
      return (await db.select({ n: count() }).from(users).then(single)).n;
    },
  };
}
