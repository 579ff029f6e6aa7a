// Notices for one person: replies to them, forks of their forecasts (with the numbers), the
// outcome of their reports, moderation of their writing. Written in the same transaction as
// the event, pushed live to the person's own sockets after commit.
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { single, type Database, type Store } from "../../db/store";
import { type NotificationKind } from "../../db/schema";
import type { Clock } from "./clock";
import type { LiveHub } from "./broadcast";
import { olderThan, onePage } from "./paging";

type Writer = Pick<Database, "insert">;

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  actorId: number | null;
  postId: number | null;
  commentId: number | null;
  text: string;
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  text: string;
  actorName: string | null;
  href: string | null;
  read: boolean;
  createdAt: number;
}

export const NOTIFICATION_PAGE = 30;

export function createNotificationService(store: Store, now: Clock, live: LiveHub) {
  const { db, t } = store;
  const { users, posts, notifications } = t;
  // Asked on every signed-in page view (the header badge): prepared once.
  const unreadQuery = db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare("unread_notifications");
  const unread = async (userId: number) => (await unreadQuery.execute({ userId }).then(single)).n;

  return {
    /** Inside the caller's transaction; call `announce` with the same user ids after commit. */
    async add(tx: Writer, items: NewNotification[]): Promise<number[]> {
      const at = now();
      const targets = items.filter((n) => n.actorId === null || n.userId !== n.actorId);
      if (targets.length) await tx.insert(notifications).values(targets.map((n) => ({ ...n, createdAt: at })));
      return [...new Set(targets.map((n) => n.userId))];
    },

    /** Pushes the new unread count to each person's open pages. */
    async announce(userIds: number[]): Promise<void> {
      for (const userId of userIds) live.toUser(userId, "notifications.changed", { unread: await unread(userId) });
    },

    async list(userId: number, before: number | null = null): Promise<{ items: NotificationView[]; hasMore: boolean }> {
      const rows = await db
        .select({
          id: notifications.id,
          kind: notifications.kind,
          text: notifications.text,
          readAt: notifications.readAt,
          createdAt: notifications.createdAt,
          commentId: notifications.commentId,
          slug: posts.slug,
          actorName: users.displayName,
        })
        .from(notifications)
        .leftJoin(posts, eq(posts.id, notifications.postId))
        .leftJoin(users, eq(users.id, notifications.actorId))
        .where(and(eq(notifications.userId, userId), olderThan(notifications.id, before)))
        .orderBy(desc(notifications.id))
        .limit(NOTIFICATION_PAGE + 1);
      const { page, hasMore } = onePage(rows, NOTIFICATION_PAGE);
      const items = page.map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        actorName: r.actorName,
        href: r.slug ? (r.commentId ? `/posts/${r.slug}/comments/${r.commentId}` : `/posts/${r.slug}`) : null,
        read: r.readAt !== null,
        createdAt: r.createdAt,
      }));
      return { items, hasMore };
    },

    /** Marks one notice, or all of them, read; returns the new unread count. */
    async markRead(userId: number, id: number | "all"): Promise<number> {
      const mine = eq(notifications.userId, userId);
      await store.write((tx) => tx.update(notifications)
        .set({ readAt: now() })
        .where(and(mine, isNull(notifications.readAt), id === "all" ? undefined : eq(notifications.id, id))));
      const n = await unread(userId);
      live.toUser(userId, "notifications.changed", { unread: n });
      return n;
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
