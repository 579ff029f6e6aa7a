// Tags as readers type them: a comma-separated list on the post form, checked by one schema
// shared by the form and the action. Pure: no IO.
import { z } from "zod";

export const TAG_SLUG = /^[a-z0-9-]{1,40}$/;
export const MAX_TAGS = 5;
export const TAG_WIKI_MAX_BYTES = 20 * 1024;

export const tagSlugSchema = z.string().regex(TAG_SLUG, "Tags use lowercase letters, digits and '-', at most 40 characters.");

/** "AI timelines, scaling-laws" → ["ai-timelines", "scaling-laws"]: spaces become dashes, duplicates go. */
export const tagListSchema = z
  .string()
  .max(400, "That tag list is too long.")
  .optional()
  .transform((s) => [...new Set((s ?? "").split(",").map((t) => t.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean))])
  .superRefine((tags, ctx) => {
    const bad = tags.find((t) => !TAG_SLUG.test(t));
    if (bad !== undefined) ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 50)}" is not a tag: use lowercase letters, digits and '-', at most 40 characters.` });
    if (tags.length > MAX_TAGS) ctx.addIssue({ code: "custom", message: `A post carries at most ${MAX_TAGS} tags; you gave ${tags.length}.` });
  });

export const tagWikiSchema = z.object({
  markdown: z
    .string({ error: "Write the wiki text." })
    .refine((s) => s.trim().length > 0, "The wiki text is empty.")
    .refine((s) => new TextEncoder().encode(s).length <= TAG_WIKI_MAX_BYTES, "Wiki text is at most 20 KB; link out for more."),
});

/** The name a tag gets when a post starts it: "ai-timelines" → "Ai timelines". */
export function tagNameOf(slug: string): string {
  const words = slug.replace(/-+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The text the post form shows for a post's tags. */
export const tagListText = (slugs: readonly string[]): string => slugs.join(", ");
