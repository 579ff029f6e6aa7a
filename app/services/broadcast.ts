// How services announce a committed write to everyone viewing the post. The server plugs the
// socket.io channel in (server/live.ts); scripts and tests without sockets keep the no-op.
import type { LiveEventName, LiveEventPayload } from "../live/events";

export type Broadcast = <N extends LiveEventName>(event: N, payload: LiveEventPayload<N>) => void;

/** A late-bound broadcaster: services are built before the socket server exists. */
export function createBroadcastSlot(): { broadcast: Broadcast; connect(target: Broadcast): void } {
  let target: Broadcast | null = null;
  return {
    broadcast: (event, payload) => {
      // A failed broadcast must never undo or fail a write that already committed.
      try {
        target?.(event, payload);
      } catch (e) {
        console.error(`live broadcast ${event} failed`, e);
      }
    },
    connect(t) {
      target = t;
    },
  };
}
