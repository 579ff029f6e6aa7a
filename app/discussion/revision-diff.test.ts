import { describe, expect, it } from "vitest";
import { revisionDiff } from "./revision-diff";

describe("revision diffs", () => {
  it("marks the words an edit removed and added, and counts them", () => {
    const d = revisionDiff("The median is 2053 by my reading.", "The median is 2049 by my reading, maybe earlier.");
    const removed = d.parts.filter((p) => p.kind === "removed").map((p) => p.text).join("|");
    const added = d.parts.filter((p) => p.kind === "added").map((p) => p.text).join("|");
    expect(removed).toContain("2053");
    expect(added).toContain("2049");
    expect(added).toContain("maybe earlier");
    expect(removed).not.toContain("median");
    expect(d.removed).toBeGreaterThan(0);
    expect(d.added).toBeGreaterThan(d.removed);
    // Read in order, the parts give back both texts.
    expect(d.parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe("The median is 2049 by my reading, maybe earlier.");
    expect(d.parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe("The median is 2053 by my reading.");
  });

  it("shortens long unchanged stretches to their ends", () => {
    const long = "word ".repeat(200);
    const d = revisionDiff(`${long}old`, `${long}new`);
    const same = d.parts.find((p) => p.kind === "same")!;
    expect(same.text.length).toBeLessThan(long.length);
    expect(same.text).toContain(" … ");
  });

  it("an unchanged text has no additions or removals", () => {
    const d = revisionDiff("Same words.", "Same words.");
    expect([d.added, d.removed]).toEqual([0, 0]);
  });
});
