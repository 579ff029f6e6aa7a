// Renders start one per turn of the event loop, in the order they asked, and the loop's other
// work (here a file-system callback, as a database answer would be) runs between them. While a
// write is open, renders wait for it, but never much longer than MAX_WAIT_MS.
import { stat } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_WAIT_MS, createRenderTurns } from "../../server/render-turns";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("render turns", () => {
  it("lets one render start per turn, first come first served", async () => {
    const renders = createRenderTurns();
    const started: number[] = [];
    const all = [1, 2, 3].map((n) => renders.turn().then(() => started.push(n)));
    expect(renders.waiting()).toBe(3);
    await nextTurn();
    expect(started).toEqual([1]);
    await nextTurn();
    expect(started).toEqual([1, 2]);
    await nextTurn();
    expect(started).toEqual([1, 2, 3]);
    await Promise.all(all);
    expect(renders.waiting()).toBe(0);
  });

  it("lets I/O that completes meanwhile run before the later renders", async () => {
    const renders = createRenderTurns();
    const order: string[] = [];
    let io: Promise<void> | undefined;
    const all = Array.from({ length: 20 }, (_, n) =>
      renders.turn().then(() => {
        order.push(`render ${n}`);
        // The first render's work asks for I/O; its answer must not wait for the other nineteen.
        if (n === 0) io = new Promise((resolve) => stat(".", () => resolve(void order.push("io"))));
        const until = performance.now() + 2;
        while (performance.now() < until);
      }),
    );
    await Promise.all(all);
    await io;
    expect(order.indexOf("io")).toBeGreaterThan(0);
    expect(order.indexOf("io")).toBeLessThan(order.length - 1);
  });

  it("holds renders while a write is open, and starts them when it ends", async () => {
    const renders = createRenderTurns();
    const letGo = renders.hold();
    let started = false;
    const render = renders.turn().then(() => (started = true));
    await sleep(MAX_WAIT_MS / 4);
    expect(started).toBe(false);
    letGo();
    letGo();
    await render;
    expect(started).toBe(true);
  });

  it("starts a render after MAX_WAIT_MS even if a write never lets go", async () => {
    const renders = createRenderTurns();
    renders.hold();
    const asked = performance.now();
    await renders.turn();
    expect(performance.now() - asked).toBeGreaterThanOrEqual(MAX_WAIT_MS - 2);
  });
});
