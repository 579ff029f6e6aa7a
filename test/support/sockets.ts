// A socket.io client that connects as a person (their session cookie, our own Origin), over
// WebSocket only, and fails instead of retrying: what the live-channel tests need.
import { io as connectSocket, type Socket } from "socket.io-client";
import { cookieOf, type Client } from "./client";

/** Connected, or rejected with the server's refusal. `opened` receives the socket at once, so a test can close it whatever happens. */
export function socketAs(url: string, client: Client | null, opened: Socket[], timeoutMs = 5000): Promise<Socket> {
  const socket = connectSocket(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { origin: url, cookie: client ? cookieOf(client) : "" }, forceNew: true, reconnection: false, timeout: timeoutMs });
  opened.push(socket);
  return new Promise((ok, fail) => {
    socket.once("connect", () => ok(socket));
    socket.once("connect_error", fail);
  });
}
