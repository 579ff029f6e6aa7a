// The bounded memos behind kept presentations and static page parts (utils/memo.server.ts).
import { describe, expect, it } from "vitest";
import { memo, memoSync, memoText } from "../../app/utils/memo.server";

describe("memoSync", () => {
  it("computes a key once, keeps the most recently used, and drops the least recently used past its cap", () => {
    const calls: string[] = [];
    const kept = memoSync<string>(2);
    const get = (key: string) => kept(key, () => (calls.push(key), key.toUpperCase()));
    expect(get("a")).toBe("A");
    expect(get("b")).toBe("B");
    expect(get("a")).toBe("A"); // a is now the most recent
    expect(get("c")).toBe("C"); // evicts b
    expect(get("a")).toBe("A");
    expect(get("b")).toBe("B"); // computed again
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });
});

describe("memo", () => {
  it("shares one computation between concurrent callers and forgets a failure so the next call tries again", async () => {
    let runs = 0;
    const kept = memo<number>(4);
    const slow = () => new Promise<number>((ok) => setTimeout(() => ok(++runs), 5));
    expect(await Promise.all([kept("x", slow), kept("x", slow)])).toEqual([1, 1]);
    await expect(kept("y", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await new Promise((ok) => setTimeout(ok, 0));
    expect(await kept("y", slow)).toBe(2);
  });
});

describe("memoText", () => {
  it("keeps markup within a budget of characters, keys included, dropping the least recently used first", () => {
    const calls: string[] = [];
    const kept = memoText(200);
    // 20 characters each with its one-letter key: ten fill the budget.
    const get = (key: string) => kept(key, () => (calls.push(key), key.padEnd(19, ".")));
    for (const key of "abcdefghij") get(key);
    get("a"); // a is now the most recent
    get("k"); // 220: b, the least recently used, goes
    get("a");
    get("b"); // computed again, and c goes
    get("c");
    expect(calls).toEqual([..."abcdefghij", "k", "b", "c"]);
  });

  it("renders a part too large for an eighth of the budget every time, without keeping it", () => {
    let runs = 0;
    const kept = memoText(80);
    for (let i = 0; i < 3; i++) kept("big", () => (runs++, "x".repeat(20)));
    expect(runs).toBe(3);
  });
});
