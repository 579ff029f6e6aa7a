import { describe, expect, it } from "vitest";
import { createFairQueue, QueueFullError } from "../../server/fair-queue";

/** A task that only ends when the test says so, recording when it started. */
function gate(log: string[], label: string) {
  let open = () => {};
  const done = new Promise<void>((ok) => (open = ok));
  return { task: () => (log.push(label), done.then(() => label)), open: () => open() };
}

const settle = () => new Promise((ok) => setImmediate(ok));

describe("createFairQueue", () => {
  it("gives a newcomer the next free slot, ahead of a burst already waiting", async () => {
    const q = createFairQueue({ slots: 2, perOwner: 1, maxWaiting: 100, maxWaitingPerOwner: 100 });
    const started: string[] = [];
    const burst = Array.from({ length: 10 }, (_, i) => gate(started, `a${i}`));
    for (const g of burst) void q.run("alice", g.task);
    const bob = gate(started, "b0");
    void q.run("bob", bob.task);
    await settle();
    // Alice holds one slot however much she queued; Bob takes the other at once.
    expect(started).toEqual(["a0", "b0"]);
    burst[0]!.open();
    await settle();
    expect(started).toEqual(["a0", "b0", "a1"]);
    expect(q.stats()).toEqual({ running: 2, waiting: 8 });
  });

  it("takes turns between owners with work waiting", async () => {
    const q = createFairQueue({ slots: 1, perOwner: 1, maxWaiting: 100, maxWaitingPerOwner: 100 });
    const started: string[] = [];
    const gates = [...["a0", "a1", "a2"].map((l) => ["alice", gate(started, l)] as const), ...["b0", "b1"].map((l) => ["bob", gate(started, l)] as const), ["carol", gate(started, "c0")] as const];
    const runs = gates.map(([owner, g]) => q.run(owner, g.task));
    for (let i = 0; i < gates.length; i++) {
      await settle();
      for (const [, g] of gates) g.open();
    }
    await Promise.all(runs);
    expect(started).toEqual(["a0", "b0", "c0", "a1", "b1", "a2"]);
  });

  it("refuses new work past an owner's or the whole queue's limit, without running it", async () => {
    const q = createFairQueue({ slots: 1, perOwner: 1, maxWaiting: 3, maxWaitingPerOwner: 2 });
    const started: string[] = [];
    void q.run("alice", gate(started, "a0").task); // running
    void q.run("alice", gate(started, "a1").task);
    void q.run("alice", gate(started, "a2").task);
    await expect(q.run("alice", gate(started, "a3").task)).rejects.toMatchObject({ mine: true });
    void q.run("bob", gate(started, "b0").task);
    await expect(q.run("carol", gate(started, "c0").task)).rejects.toBeInstanceOf(QueueFullError);
    expect(started).toEqual(["a0"]);
  });

  it("frees the slot when a task fails, and passes the failure on", async () => {
    const q = createFairQueue({ slots: 1, perOwner: 1, maxWaiting: 10, maxWaitingPerOwner: 10 });
    const failing = q.run("alice", () => Promise.reject(new Error("boom")));
    const throwing = q.run("alice", () => {
      throw new Error("sync boom");
    });
    const after = q.run("alice", async () => "ran");
    await expect(failing).rejects.toThrow("boom");
    await expect(throwing).rejects.toThrow("sync boom");
    await expect(after).resolves.toBe("ran");
    expect(q.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
