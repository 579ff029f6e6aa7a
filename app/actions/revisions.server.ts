// Each version of an edited post or comment beside what changed from the one before it: a line
// diff of the Markdown the author wrote (the rendered HTML would diff as noise).
import { codeDiff, type CodeDiff } from "../forecast/squiggle/code-diff";

export function withDiffs<V extends { markdown: string }>(versions: V[]): (Omit<V, "markdown"> & { diff: CodeDiff | null })[] {
  return versions.map(({ markdown, ...rest }, i) => ({ ...rest, diff: i === 0 ? null : codeDiff(versions[i - 1]!.markdown, markdown) }));
}
