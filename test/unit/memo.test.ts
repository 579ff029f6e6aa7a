// The bounded memos behind kept presentations and static page parts (utils/memo.server.ts).
import { describe, expect, it } from "vitest";
import { memo, memoSync } from "../../app/utils/memo.server";

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
