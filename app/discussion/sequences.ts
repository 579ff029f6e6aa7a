// A sequence as its form sends it: a title, an optional description and, for each of the
// author's posts, a position box (blank leaves the post out). Pure: no IO.
import { z } from "zod";

export const SEQUENCE_MAX_POSTS = 50;
export const POSITION_FIELD = "position.";

/** Where a post sits in a sequence, for its "Part 3 of 7" line. */
export interface SequencePlace {
  sequenceId: number;
  title: string;
  part: number;
  total: number;
  prev: { slug: string; title: string } | null;
  next: { slug: string; title: string } | null;
}

export const sequenceSchema = z
  .record(z.string(), z.string())
  .transform((values, ctx) => {
    const title = (values.title ?? "").trim();
    if (!title) ctx.addIssue({ code: "custom", path: ["title"], message: "Give the sequence a title." });
    if (title.length > 200) ctx.addIssue({ code: "custom", path: ["title"], message: "Titles have at most 200 characters." });
    const markdown = values.markdown ?? "";
    if (new TextEncoder().encode(markdown).length > 20 * 1024) ctx.addIssue({ code: "custom", path: ["markdown"], message: "The description is over 20 KB." });
    const placed: { postId: number; position: number }[] = [];
    for (const [key, raw] of Object.entries(values)) {
      if (!key.startsWith(POSITION_FIELD) || raw.trim() === "") continue;
      const postId = Number(key.slice(POSITION_FIELD.length));
      const position = Number(raw);
      if (!Number.isSafeInteger(postId) || postId <= 0 || !Number.isInteger(position) || position < 1 || position > 1000) {
        ctx.addIssue({ code: "custom", path: ["posts"], message: "Positions are whole numbers from 1; leave a box empty to leave that post out." });
        continue;
      }
      placed.push({ postId, position });
    }
    if (placed.length < 2) ctx.addIssue({ code: "custom", path: ["posts"], message: "Number at least two of your posts to make a sequence." });
    if (placed.length > SEQUENCE_MAX_POSTS) ctx.addIssue({ code: "custom", path: ["posts"], message: `A sequence holds at most ${SEQUENCE_MAX_POSTS} posts.` });
    if (new Set(placed.map((p) => p.position)).size !== placed.length) ctx.addIssue({ code: "custom", path: ["posts"], message: "Two posts have the same position; give each its own number." });
    // Positions order the posts; gaps (1, 2, 5) close up.
    const postIds = placed.sort((a, b) => a.position - b.position).map((p) => p.postId);
    return { title, markdown, postIds };
  });

/** Part n of total, with its neighbours, from the sequence's posts in order. */
export function placeIn(sequence: { id: number; title: string }, ordered: readonly { postId: number; slug: string; title: string }[], postId: number): SequencePlace | null {
  const i = ordered.findIndex((p) => p.postId === postId);
  if (i < 0) return null;
  const link = (p: { slug: string; title: string } | undefined) => (p ? { slug: p.slug, title: p.title } : null);
  return { sequenceId: sequence.id, title: sequence.title, part: i + 1, total: ordered.length, prev: link(ordered[i - 1]), next: link(ordered[i + 1]) };
}
