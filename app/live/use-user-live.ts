// A signed-in reader's own channel, on every page: the unread count moves live, and when the
// server ends their session (a ban, a password change) every loader looks again, so forms
// they may no longer use disappear without a reload.
import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import type { Socket } from "socket.io-client";
import { userEventSchemas } from "~/discussion/live-events";

export function useUserLive(signedIn: boolean, initialUnread: number): { unread: number; endedReason: string | null } {
  const [unread, setUnread] = useState(initialUnread);
  const [endedReason, setEndedReason] = useState<string | null>(null);
  const { revalidate } = useRevalidator();
  const revalidateRef = useRef(revalidate);
  revalidateRef.current = revalidate;

  // The loader's count wins whenever it changes (navigation, marking read).
  useEffect(() => setUnread(initialUnread), [initialUnread]);

  useEffect(() => {
    if (!signedIn) return;
    let disposed = false;
    let socket: Socket | null = null;
    import("socket.io-client")
      .then(({ io }) => {
        if (disposed) return;
        // The server puts every signed-in socket in its user room; no join is needed.
        socket = io({ path: "/socket.io", transports: ["websocket", "polling"], tryAllTransports: true, withCredentials: true });
        socket.on("notifications.changed", (payload: unknown) => {
          const parsed = userEventSchemas["notifications.changed"].safeParse(payload);
          if (parsed.success && !disposed) setUnread(parsed.data.unread);
        });
        socket.on("session.ended", (payload: unknown) => {
          const parsed = userEventSchemas["session.ended"].safeParse(payload);
          if (!parsed.success || disposed) return;
          setEndedReason(parsed.data.reason);
          revalidateRef.current();
        });
      })
      .catch((error: unknown) => console.error("live notifications unavailable", error));
    return () => {
      disposed = true;
      socket?.disconnect();
    };
  }, [signedIn]);

  return { unread, endedReason };
}
