// How services announce a committed write: to everyone viewing a post, or to one person's
// own sockets. The server plugs the socket.io channel in (server/live.ts); scripts and tests
// without sockets keep the no-op.
import type { LiveEventName, LiveEventPayload, UserEventName, UserEventPayload } from "../discussion/live-events";

export type Broadcast = <N extends LiveEventName>(event: N, payload: LiveEventPayload<N>) => void;
export type ToUser = <N extends UserEventName>(userId: number, event: N, payload: UserEventPayload<N>) => void;

export interface LiveHub {
  broadcast: Broadcast;
  toUser: ToUser;
  /** Tells the person's pages why, then drops every socket they have open (a ban, a password change). */
  endUser(userId: number, reason: string): void;
  /** The same for the sockets of one session (logging out); `sessionKey` is the session's stored id hash. */
  endSession(sessionKey: string, reason: string): void;
}

export const silentHub: LiveHub = { broadcast: () => {}, toUser: () => {}, endUser: () => {}, endSession: () => {} };

/** A late-bound hub: services are built before the socket server exists. */
export function createLiveSlot(): { hub: LiveHub; connect(target: LiveHub): void } {
  let target: LiveHub = silentHub;
  // A failed push must never undo or fail a write that already committed.
  const safely = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      console.error(`live ${what} failed`, e);
    }
  };
  return {
    hub: {
      broadcast: (event, payload) => safely(event, () => target.broadcast(event, payload)),
      toUser: (userId, event, payload) => safely(event, () => target.toUser(userId, event, payload)),
      endUser: (userId, reason) => safely("endUser", () => target.endUser(userId, reason)),
      endSession: (sessionKey, reason) => safely("endSession", () => target.endSession(sessionKey, reason)),
    },
    connect(t) {
      target = t;
    },
  };
}
