// One zod schema per input edge, imported by the forms (client) and the actions (server).
import { z } from "zod";
import { tagListSchema } from "./tags";

export const TITLE_MAX = 300;
export const BODY_MAX_BYTES = 100 * 1024;
export const PASSWORD_MIN = 10;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

export const handleSchema = z
  .string({ error: "Choose a handle." })
  .trim()
  .toLowerCase()
  .min(3, "Handles have at least 3 characters.")
  .max(24, "Handles have at most 24 characters.")
  .regex(/^[a-z0-9_-]+$/, "Use letters, digits, '-' and '_' only.");

export const passwordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(256, "Use at most 256 characters.");

export const signupSchema = z.object({
  handle: handleSchema,
  displayName: z
    .string({ error: "Choose a display name." })
    .trim()
    .min(1, "Choose a display name.")
    .max(50, "Display names have at most 50 characters.")
    // Bidi controls let a name render as someone else's; strip nothing silently, refuse.
    .refine((s) => !/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(s), "Remove direction-control characters."),
  password: passwordSchema,
});

/** One message for unknown handles and wrong passwords alike: no account enumeration. */
export const GENERIC_LOGIN_ERROR = "That handle and password do not match an account.";

export const loginSchema = z.object({
  handle: z.string({ error: "Enter your handle." }).trim().toLowerCase().min(1, "Enter your handle.").max(64),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(256),
  redirectTo: z.string().optional(),
});

export const bodySchema = (what: string) =>
  z
    .string({ error: `Write the ${what}.` })
    .refine((s) => s.trim().length > 0, `The ${what} is empty.`)
    .refine((s) => utf8Bytes(s) <= BODY_MAX_BYTES, `The ${what} is over 100 KB; split it up.`);

export const postSchema = z.object({
  title: z
    .string({ error: "Give the post a title." })
    .trim()
    .min(1, "Give the post a title.")
    .max(TITLE_MAX, `Titles have at most ${TITLE_MAX} characters.`),
  markdown: bodySchema("post"),
  tags: tagListSchema,
});

/** POST /api/markdown/preview: the text a post or comment form would send, checked by the same rules. */
export const markdownPreviewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("post"), markdown: bodySchema("post") }),
  z.object({ kind: z.literal("comment"), markdown: bodySchema("comment") }),
]);
export type MarkdownPreviewRequest = z.infer<typeof markdownPreviewSchema>;

export const idSchema = z.coerce
  .number({ error: "That id is not a number." })
  .int("That id is not a whole number.")
  .positive("That id is not valid.")
  .max(Number.MAX_SAFE_INTEGER);

const optionalId = z
  .union([z.literal(""), idSchema])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

/**
 * A reply form's one-time key (hidden input): the same submission sent twice (a double click, a
 * retried request) creates one comment. Made by the form, so any value is the author's own.
 */
export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
export const submissionKeySchema = z
  .union([z.literal(""), z.string().regex(SUBMISSION_KEY_PATTERN, "This form's submission key is damaged; reload the page and send it again.")])
  .optional()
  .transform((v) => v || null);

/** A form posted without JavaScript asks, with this field, to be redirected to the reply it made. */
export const AFTER_POST_FIELD = "afterPost";

export const commentSchema = z.object({
  markdown: bodySchema("comment"),
  parentId: optionalId,
  /** Set when the reply forks a forecast: the id of the forecast it forks. */
  forkOf: optionalId,
  /** "on" when the reply asks a quick question of its own (the editor's `question.*` fields). */
  ask: z.literal("on", { message: "Tick the box to ask a question, or leave it out." }).optional(),
  submissionKey: submissionKeySchema,
  [AFTER_POST_FIELD]: z.literal("show", { message: "afterPost can only be “show”: leave it out to get the result as data." }).optional(),
});

export const voteValueSchema = z.coerce
  .number()
  .int()
  .refine((v) => v === -1 || v === 0 || v === 1, "A vote is -1, 0 (retract) or 1.");

export const postIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), ...commentSchema.shape }),
  z.object({ intent: z.literal("edit-comment"), commentId: idSchema, markdown: bodySchema("comment") }),
  z.object({ intent: z.literal("delete-comment"), commentId: idSchema }),
  z.object({ intent: z.literal("rebase-fork"), commentId: idSchema }),
  z.object({ intent: z.literal("vote-post"), value: voteValueSchema }),
  z.object({ intent: z.literal("vote-comment"), commentId: idSchema, value: voteValueSchema }),
  z.object({ intent: z.literal("agree-comment"), commentId: idSchema, value: voteValueSchema }),
]);

export const SORTS = ["top", "new", "old"] as const;
export type CommentSort = (typeof SORTS)[number];
export const commentSortSchema = z.enum(SORTS).catch("top");

export const FEED_SORTS = ["new", "top"] as const;
export const feedQuerySchema = z.object({
  sort: z.enum(FEED_SORTS).catch("new"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** zod issues → { field: first message }, for forms that show errors beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
