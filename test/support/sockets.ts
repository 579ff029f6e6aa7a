// A socket.io client that connects as a person (their session cookie, our own Origin), over
// WebSocket only, and fails instead of retrying: what the live-channel tests need.
import { io as connectSocket, type Socket } from "socket.io-client";
import { cookieOf, type Client } from "./client";

/**
 * Connected, or rejected with the server's refusal or after `timeoutMs`. `opened` receives the
 * socket at once, so a test can close it whatever happens.
 */
export function socketAs(url: string, client: Client | null, opened: Socket[], timeoutMs = 5000): Promise<Socket> {
  const socket = connectSocket(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { origin: url, cookie: client ? cookieOf(client) : "" }, forceNew: true, reconnection: false, timeout: timeoutMs });
  opened.push(socket);
  return new Promise((ok, fail) => {
    // The client's own `timeout` covers only the transport's opening; a server that never
    // answers the namespace CONNECT after that would leave this waiting for ever.
    const timer = setTimeout(() => {
      const engine = socket.io.engine as { readyState?: string } | undefined;
      fail(new Error(`socket.io connection not established in ${timeoutMs} ms (transport ${engine?.readyState ?? "none"})`));
    }, timeoutMs);
    socket.once("connect", () => (clearTimeout(timer), ok(socket)));
    socket.once("connect_error", (error) => (clearTimeout(timer), fail(error)));
  });
}
