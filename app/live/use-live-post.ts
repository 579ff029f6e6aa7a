// Browser side of the live channel: keeps one socket per open post and turns its events into
// a loader revalidation. The loader stays the source of truth; events only say "look again".
import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import type { Socket } from "socket.io-client";
import { LIVE_EVENT_NAMES, serverEventSchemas, type ClientToServerEvents, type ServerToClientEvents } from "~/discussion/live-events";

/** idle: not started (server render, no post); offline: the server ended it or refused us. */
export type LiveStatusValue = "idle" | "connecting" | "live" | "reconnecting" | "offline";

export interface LivePostState {
  /** In the post's room: events will arrive. */
  connected: boolean;
  lastEventAt: number | null;
  status: LiveStatusValue;
}

// Events come in bursts (a reply bumps counts, votes and aggregates together): one refetch per burst.
const REVALIDATE_DELAY_MS = 150;
const JOIN_TIMEOUT_MS = 5000;

const initial: LivePostState = { connected: false, lastEventAt: null, status: "idle" };

export function useLivePost(postId: number | null): LivePostState {
  const [state, setState] = useState<LivePostState>(initial);
  const { revalidate } = useRevalidator();
  // The latest revalidate without reconnecting on every render.
  const revalidateRef = useRef(revalidate);
  revalidateRef.current = revalidate;

  useEffect(() => {
    if (postId === null) return;
    let disposed = false;
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hadConnected = false;
    const update = (patch: Partial<LivePostState>) => {
      if (!disposed) setState((s) => ({ ...s, ...patch }));
    };

    // Batches rather than debounces: a steady stream still refetches every 150 ms, not never.
    const scheduleRevalidate = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!disposed) revalidateRef.current();
      }, REVALIDATE_DELAY_MS);
    };

    update({ status: "connecting" });
    // Loaded here, not at module top, so socket.io-client stays off the first-paint path.
    import("socket.io-client")
      .then(({ io }) => {
        if (disposed) return;
        const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({
          path: "/socket.io",
          transports: ["websocket", "polling"],
          // Without this, a blocked WebSocket (some proxies) is retried forever instead of polling.
          tryAllTransports: true,
          withCredentials: true,
        });
        socket = s;

        s.on("connect", () => {
          // Rooms do not survive a reconnect (no state recovery by design): join every time.
          s.timeout(JOIN_TIMEOUT_MS).emit("join", { postId }, (error, reply) => {
            if (disposed || !s.connected) return;
            if (error || !reply.ok) {
              update({ connected: false, status: "offline" });
              return;
            }
            update({ connected: true, status: "live" });
            // Anything may have happened while we were away and the server keeps no backlog.
            if (hadConnected) scheduleRevalidate();
            hadConnected = true;
          });
        });
        // The server ends a session (a ban, a password change) with a notice, then drops the
        // socket; this page may still read, so it comes back as an anonymous reader.
        let sessionEnded = false;
        (s as unknown as Socket).on("session.ended", () => {
          sessionEnded = true;
        });
        s.on("disconnect", (reason) => {
          if (reason === "io server disconnect" && sessionEnded && !disposed) {
            sessionEnded = false;
            update({ connected: false, status: "reconnecting" });
            setTimeout(() => disposed || s.connect(), 300);
            return;
          }
          // Otherwise "io server disconnect" (abuse, shutdown) is final: socket.io does not retry.
          update({ connected: false, status: reason === "io server disconnect" ? "offline" : "reconnecting" });
        });
        s.on("connect_error", () => {
          // active is false when the server refused us outright (no retry follows).
          update({ connected: false, status: s.active ? "reconnecting" : "offline" });
        });

        const untyped = s as unknown as Socket;
        for (const name of LIVE_EVENT_NAMES) {
          untyped.on(name, (payload: unknown) => {
            // A tab from before a deploy may meet a newer server: ignore what it cannot read.
            const parsed = serverEventSchemas[name].safeParse(payload);
            if (!parsed.success || disposed) return;
            update({ lastEventAt: Date.now() });
            scheduleRevalidate();
          });
        }
      })
      .catch((error: unknown) => {
        console.error("live updates unavailable", error);
        update({ connected: false, status: "offline" });
      });

    return () => {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      socket?.disconnect();
      setState(initial);
    };
  }, [postId]);

  return state;
}
