// On PostgreSQL, document renders take turns with the event loop (docs/decisions/033). React
// starts each render's work from a setImmediate, so every page whose data arrived in the same
// poll phase rendered back to back in the next check phase: under load, many renders in one
// stretch, while the I/O that finishes other requests waited behind all of them. Here renders
// start one per turn, and the loop polls between them.
//
// While a write of this process is open on PostgreSQL (db/pg-store.ts), renders wait: every round
// trip of that write would otherwise wait behind a render, and while it is open it holds the row
// locks other writes may be waiting for (docs/decisions/034). A render waits at most MAX_WAIT_MS
// for writes, so a stream of them cannot starve the pages.
export const MAX_WAIT_MS = 100;

export interface RenderTurns {
  /** Resolves when a render may start: the next turn with no render started in it and no write open here. */
  turn(): Promise<void>;
  /** Renders wait (up to MAX_WAIT_MS each) until the returned function is called. */
  hold(): () => void;
  /** Renders waiting for their turn (for tests). */
  waiting(): number;
}

/** One per process: server/app.ts hands `turn` to entry.server.tsx through the load context. */
export function createRenderTurns(): RenderTurns {
  const waiting: { start: () => void; since: number }[] = [];
  let scheduled = false;
  let retry: NodeJS.Timeout | null = null;
  let holds = 0;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };

  function pump() {
    scheduled = false;
    const next = waiting[0];
    if (!next) return;
    if (holds > 0) {
      const left = next.since + MAX_WAIT_MS - performance.now();
      if (left > 0) {
        // The write's release schedules the next turn; this is the deadline if it takes too long.
        retry ??= setTimeout(() => {
          retry = null;
          schedule();
        }, left);
        return;
      }
    }
    waiting.shift()!.start();
    if (waiting.length > 0) schedule();
  }

  return {
    turn: () =>
      new Promise((start) => {
        waiting.push({ start, since: performance.now() });
        schedule();
      }),
    hold() {
      holds += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds === 0) {
          if (retry) clearTimeout(retry);
          retry = null;
          schedule();
        }
      };
    },
    waiting: () => waiting.length,
  };
}
