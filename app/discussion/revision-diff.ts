// What an edit changed, word by word, for the edit-history pages. Pure: the same diff on the
// server's first render and in the browser. Works on the Markdown source, so a changed link
// target or a changed formula shows even where the rendered text looks the same.
import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface RevisionDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
}

/** Unchanged runs longer than this are shortened to their ends, so a one-word edit in a long comment stays findable. */
const KEEP = 160;

function shorten(text: string): string {
  if (text.length <= KEEP * 2) return text;
  return `${text.slice(0, KEEP)} … ${text.slice(-KEEP)}`;
}

export function revisionDiff(before: string, after: string): RevisionDiff {
  const out: RevisionDiff = { parts: [], added: 0, removed: 0 };
  for (const change of diffWordsWithSpace(before, after)) {
    const words = change.value.trim() ? change.value.trim().split(/\s+/).length : 0;
    if (change.added) {
      out.added += words;
      out.parts.push({ kind: "added", text: change.value });
    } else if (change.removed) {
      out.removed += words;
      out.parts.push({ kind: "removed", text: change.value });
    } else {
      out.parts.push({ kind: "same", text: shorten(change.value) });
    }
  }
  return out;
}
