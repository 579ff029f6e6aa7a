// Real socket.io viewers for bench/live.bench.ts: each connects as a browser tab does (WebSocket,
// same-origin Origin header) and joins one post room.
import { readdirSync, readFileSync } from "node:fs";
import { io as connectSocket, type Socket } from "socket.io-client";
import { within } from "../test/support/waits";

const WAIT_MS = 10_000;

export async function openViewer(url: string, postId: number, cookie?: string): Promise<Socket> {
  // The server refuses a WebSocket upgrade whose Origin is not its own host.
  const socket = connectSocket(url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { origin: url, ...(cookie ? { cookie } : {}) },
    forceNew: true,
    reconnection: false,
    timeout: WAIT_MS,
  });
  try {
    await within<void>(WAIT_MS, "connect", (ok, fail) => {
      socket.once("connect", () => ok());
      socket.once("connect_error", (error) => fail(error));
    });
    const reply = (await socket.timeout(WAIT_MS).emitWithAck("join", { postId })) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(`join refused: ${reply.error}`);
    return socket;
  } catch (error) {
    socket.close();
    throw error;
  }
}

/** In batches: a thousand simultaneous handshakes on two cores would measure the connect storm. */
export async function openViewers(url: string, postId: number, count: number, batch = 50): Promise<Socket[]> {
  const sockets: Socket[] = [];
  try {
    while (sockets.length < count) {
      const n = Math.min(batch, count - sockets.length);
      sockets.push(...(await Promise.all(Array.from({ length: n }, () => openViewer(url, postId)))));
    }
  } catch (error) {
    closeAll(sockets);
    throw error;
  }
  return sockets;
}

export function closeAll(sockets: Socket[]) {
  for (const s of sockets.splice(0)) s.close();
}

/** The next `event` on the socket and when it arrived (stamped in the handler, not after an await). */
export function nextEvent<T>(socket: Socket, event: string, ms = WAIT_MS): Promise<{ at: number; payload: T }> {
  return within(ms, event, (resolve) => socket.once(event, (payload: T) => resolve({ at: performance.now(), payload })));
}

/** Resident set of a process in MB, as the kernel counts it. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/** RSS of a process and all its descendants (a cluster primary and its workers, their sandboxes). */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      return sum + rssMb(p);
    } catch {
      // Gone since the tree was read.
      return sum;
    }
  }, 0);
}

/** A process and all its descendants, as far as they are still running. */
function processTree(pid: number): number[] {
  try {
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    return [pid, ...children.flatMap(processTree)];
  } catch {
    // The process is gone: nothing more to count.
    return [];
  }
}

/** CPU seconds (user + system) in a /proc stat file: a whole process's, or one thread's. */
function cpuSecondsIn(statFile: string): number {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks; the name (field 2) may hold spaces, so count from its ")".
    const fields = readFileSync(statFile, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process and all its descendants have used so far. */
export function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuSecondsIn(`/proc/${p}/stat`), 0);
}

/**
 * The share of treeCpuSeconds spent on the processes' main threads, where requests are served.
 * The rest is their other threads: V8's garbage collection and compilation helpers, and the
 * model and Markdown pool.
 */
export function treeMainThreadCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuSecondsIn(`/proc/${p}/task/${p}/stat`), 0);
}

/** The whole machine's CPU seconds so far: busy (everything but idle and I/O wait) and in all. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const n = ticks.slice(0, 8).map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: (total - n[3]! - n[4]!) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;

export const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
