// The live channel's contract, shared by server/live.ts and the browser hook. Pure: zod only.
//
// Events are notices, not content: ids plus the few numbers needed to patch in place or
// decide to refetch. Strict objects make that a rule the server cannot break by accident —
// emitting a comment body (or a removed comment's text) fails validation instead of leaking.
import { z } from "zod";

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** Server → client. */
export const serverEventSchemas = {
  "comment.created": z.strictObject({ postId: id, commentId: id, parentId: id.nullable(), authorId: id, forkId: id.nullable() }),
  "comment.updated": z.strictObject({ postId: id, commentId: id }),
  "comment.removed": z.strictObject({ postId: id, commentId: id }),
  "vote.changed": z.strictObject({ postId: id, targetType: z.enum(["post", "comment"]), targetId: id, score: count, agreeScore: count }),
  "aggregate.changed": z.strictObject({ postId: id }),
  "post.locked": z.strictObject({ postId: id, locked: z.boolean(), reason: z.string().max(500).optional() }),
  /** The author edited the post (its text or its forecast): forks may now be stale. */
  "post.updated": z.strictObject({ postId: id }),
  /** Forking, slow mode or the post's ban list changed: pages refetch their settings. */
  "post.settings": z.strictObject({ postId: id }),
} as const;

/** Server → one person's own sockets (their user room). */
export const userEventSchemas = {
  "notifications.changed": z.strictObject({ unread: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
  /** Sent just before the server drops the person's sockets: pages revalidate and lose their forms. */
  "session.ended": z.strictObject({ reason: z.string().max(300) }),
} as const;
export type UserEventName = keyof typeof userEventSchemas;
export type UserEventPayload<N extends UserEventName> = z.infer<(typeof userEventSchemas)[N]>;

export type LiveEventName = keyof typeof serverEventSchemas;
export type LiveEventPayload<N extends LiveEventName> = z.infer<(typeof serverEventSchemas)[N]>;
export const LIVE_EVENT_NAMES = Object.keys(serverEventSchemas) as LiveEventName[];

/** Client → server: the only two events the server accepts. Writes go through HTTP actions. */
export const roomRequestSchema = z.strictObject({ postId: id });
export type RoomRequest = z.infer<typeof roomRequestSchema>;
export const clientEventSchemas = { join: roomRequestSchema, leave: roomRequestSchema } as const;
export type ClientEventName = keyof typeof clientEventSchemas;

export function isClientEventName(name: unknown): name is ClientEventName {
  return typeof name === "string" && Object.hasOwn(clientEventSchemas, name);
}

export type LiveAck = { ok: true } | { ok: false; error: string };

/** socket.io's typed-event maps, used by both ends. */
export type ServerToClientEvents = { [N in LiveEventName]: (payload: LiveEventPayload<N>) => void } & {
  [N in UserEventName]: (payload: UserEventPayload<N>) => void;
};
export interface ClientToServerEvents {
  join(request: RoomRequest, ack: (reply: LiveAck) => void): void;
  leave(request: RoomRequest, ack: (reply: LiveAck) => void): void;
}

// Rooms are named here only, from validated numbers; a client string never becomes a room.
export const postRoom = (postId: number) => `post:${postId}`;
export const userRoom = (userId: number) => `user:${userId}`;
