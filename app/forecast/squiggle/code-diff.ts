// A code fork's change to its parent's program, as hunks of numbered lines for the fork card
// (computed with the `diff` package's line diff; a few lines of context around each change).
// Not re-exported from the engine's index, so only code that shows diffs bundles the library.

import { structuredPatch } from "diff";

export interface CodeDiffLine {
  kind: "add" | "del" | "same";
  /** Line number in the parent's program (null for an added line). */
  old: number | null;
  /** Line number in the fork's program (null for a removed line). */
  new: number | null;
  text: string;
}

export interface CodeDiff {
  added: number;
  removed: number;
  hunks: { header: string; lines: CodeDiffLine[] }[];
  /** Lines left out past the display cap. */
  truncated: number;
}

const MAX_LINES = 300;

export function codeDiff(parent: string, fork: string, context = 2): CodeDiff {
  const patch = structuredPatch("parent", "fork", parent, fork, undefined, undefined, { context });
  const out: CodeDiff = { added: 0, removed: 0, hunks: [], truncated: 0 };
  let shown = 0;
  for (const h of patch.hunks) {
    let oldNo = h.oldStart;
    let newNo = h.newStart;
    const lines: CodeDiffLine[] = [];
    for (const raw of h.lines) {
      const mark = raw[0];
      const text = raw.slice(1);
      if (mark === "\\") continue; // "\ No newline at end of file"
      let line: CodeDiffLine;
      if (mark === "+") {
        out.added++;
        line = { kind: "add", old: null, new: newNo++, text };
      } else if (mark === "-") {
        out.removed++;
        line = { kind: "del", old: oldNo++, new: null, text };
      } else {
        line = { kind: "same", old: oldNo++, new: newNo++, text };
      }
      if (shown < MAX_LINES) {
        lines.push(line);
        shown++;
      } else out.truncated++;
    }
    if (lines.length) out.hunks.push({ header: `Lines ${h.oldStart}–${h.oldStart + Math.max(0, h.oldLines - 1)} → ${h.newStart}–${h.newStart + Math.max(0, h.newLines - 1)}`, lines });
  }
  return out;
}

/** "2 lines added, 1 line removed": a code change in words, wherever one is listed. */
export function diffSummary(diff: Pick<CodeDiff, "added" | "removed">): string {
  const part = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  if (diff.added === 0 && diff.removed === 0) return "No lines changed";
  return [diff.added ? part(diff.added, "line") + " added" : "", diff.removed ? part(diff.removed, "line") + " removed" : ""].filter(Boolean).join(", ");
}
