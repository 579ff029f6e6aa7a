// A large request body streamed in chunks with no Content-Length (as a hostile client would),
// on its own connection, until the server answers or hangs up: what the body-cap tests send.
import { request as httpRequest } from "node:http";

export interface UploadOutcome {
  status: number | null;
  sent: number;
  /** Whether the server closed the connection (rather than the waits below running out). */
  closed: boolean;
}

const CHUNK = Buffer.alloc(64 * 1024, "a");

/** POSTs `total` bytes to `url`, with our own Origin, and reports how it ended. */
export function streamUpload(url: URL, contentType: string, cookie: string, total: number): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const req = httpRequest(url, {
      method: "POST",
      agent: false,
      headers: { "content-type": contentType, cookie, origin: url.origin, "transfer-encoding": "chunked" },
    });
    let sent = 0;
    let status: number | null = null;
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ status, sent, closed });
    };
    // A server that neither answers nor hangs up within this fails the test instead of hanging it.
    const timer = setTimeout(() => finish(false), 30_000);
    req.on("socket", (socket) => socket.once("close", () => finish(true)));
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.resume();
      // The server must hang up by itself soon after answering (it waits a second); we never close first.
      setTimeout(() => finish(false), 10_000);
    });
    req.on("error", () => finish(true));
    const pump = () => {
      while (sent < total && status === null && !settled) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", pump);
      }
      if (sent >= total && !settled) req.end();
    };
    pump();
  });
}
