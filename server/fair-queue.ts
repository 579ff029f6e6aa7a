// Shares a few slots (worker threads) between owners (people) fairly: each owner's tasks wait
// in their own line, a free slot goes to the waiting owner served least recently (round
// robin), and no owner holds more than `perOwner` slots at once. One person's burst then costs everyone else at
// most the slots that person may hold, never a place behind the whole burst. No IO here.

export interface FairQueueOptions {
  /** Tasks running at once, in all (the pool's threads). */
  slots: number;
  /** Tasks one owner may have running at once. */
  perOwner: number;
  /** Tasks waiting, in all, before new ones are refused. */
  maxWaiting: number;
  /** Tasks one owner may have waiting before their new ones are refused. */
  maxWaitingPerOwner: number;
}

/** Thrown by run() when the task cannot even wait its turn; nothing of it ran. */
export class QueueFullError extends Error {
  constructor(readonly mine: boolean) {
    super(mine ? "too much of this owner's work is waiting" : "the queue is full");
  }
}

export function createFairQueue(options: FairQueueOptions) {
  // Each owner's line, in the order the lines formed.
  const waiting = new Map<string, (() => void)[]>();
  const running = new Map<string, number>();
  // When each owner last got a slot: the next slot goes to whoever waited longest since.
  const servedAt = new Map<string, number>();
  let served = 0;
  let active = 0;
  let queued = 0;

  const next = (): string | null => {
    let pick: string | null = null;
    for (const owner of waiting.keys()) {
      if ((running.get(owner) ?? 0) >= options.perOwner) continue;
      if (pick === null || (servedAt.get(owner) ?? -1) < (servedAt.get(pick) ?? -1)) pick = owner;
    }
    return pick;
  };

  const pump = () => {
    while (active < options.slots) {
      const owner = next();
      if (owner === null) return;
      const line = waiting.get(owner)!;
      const start = line.shift()!;
      queued -= 1;
      if (line.length === 0) waiting.delete(owner);
      running.set(owner, (running.get(owner) ?? 0) + 1);
      servedAt.set(owner, served++);
      active += 1;
      start();
    }
  };

  const finish = (owner: string) => {
    active -= 1;
    const left = (running.get(owner) ?? 1) - 1;
    if (left > 0) running.set(owner, left);
    else running.delete(owner);
    // Someone with nothing running or waiting is owed nothing: forget them (the map stays small).
    if (left <= 0 && !waiting.has(owner)) servedAt.delete(owner);
    pump();
  };

  return {
    /** Runs `task` when it is `owner`'s turn; `task` is only called then. */
    run<T>(owner: string, task: () => Promise<T>): Promise<T> {
      const line = waiting.get(owner);
      if ((line?.length ?? 0) >= options.maxWaitingPerOwner) return Promise.reject(new QueueFullError(true));
      if (queued >= options.maxWaiting) return Promise.reject(new QueueFullError(false));
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          let result: Promise<T>;
          try {
            result = task();
          } catch (error) {
            result = Promise.reject(error);
          }
          result.then(resolve, reject).finally(() => finish(owner));
        };
        if (line) line.push(start);
        else waiting.set(owner, [start]);
        queued += 1;
        pump();
      });
    },

    stats() {
      return { running: active, waiting: queued };
    },
  };
}
