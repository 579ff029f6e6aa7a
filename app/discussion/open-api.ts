// The open API's contract (docs/decisions/027): each query's schema, which the server parses
// with, and each answer's schema, which the server parses its answer through (so nothing
// undocumented leaves) and from which /api/openapi.json is generated (openapi-document.ts).
import { z } from "zod";
import { handleSchema, idSchema } from "./schemas";

export const API_BASE = "/api/v1";

// ---- Queries -------------------------------------------------------------------------------

const cursor = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe("Where the page starts: leave it out for the first page, then follow each page's `next` link, which carries it. Opaque: do not build one.");
const limit = (fallback: number, max: number) =>
  z.coerce
    .number({ error: `a whole number from 1 to ${max}, please` })
    .int(`a whole number from 1 to ${max}, please`)
    .min(1, `at least 1`)
    .max(max, `at most ${max} here`)
    .default(fallback)
    .describe(`How many items a page holds (default ${fallback}, at most ${max}).`);

/** A query object that names the parameters it takes when it is sent one it does not. */
function query<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter ${issue.keys.map((k) => `“${k}”`).join(", ")}; this endpoint takes ${known || "none"}.` : undefined),
  });
}

export const postsQuerySchema = query({
  cursor,
  limit: limit(20, 100),
  author: handleSchema.optional().describe("Only posts by the user with this handle."),
});
export const commentsQuerySchema = query({ cursor, limit: limit(50, 200) });
export const noQuerySchema = query({});

export const postIdParam = idSchema.describe("The post's id.");
export const forecastIdParam = idSchema.describe("The forecast's id.");
export const handleParam = handleSchema.describe("The user's handle.");

// ---- Answers -------------------------------------------------------------------------------

const id = z.int().positive();
const time = z.iso.datetime().describe("ISO 8601, UTC.");
const url = z.string().describe("An absolute URL.");

export const authorSchema = z
  .object({ handle: z.string(), displayName: z.string(), url: url.describe("The profile page."), api: url.describe("The user in this API.") })
  .describe("Who wrote it.");

export const headlineSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    format: z.string().describe("year, probability, flop, loss or number."),
    value: z.number().nullable().describe("null when the quantity is not reached in the modelled range."),
    text: z.string().describe("The value as the site writes it."),
  })
  .describe("One of a forecast's headline numbers.");

export const postSummarySchema = z
  .object({
    id,
    slug: z.string(),
    title: z.string(),
    excerpt: z.string().describe("Plain text: the opening of the post, math written out as text."),
    author: authorSchema,
    score: z.int(),
    commentCount: z.int().min(0),
    createdAt: time,
    editedAt: time.nullable(),
    forecastId: id.nullable().describe("The post's current forecast."),
    url: url.describe("The post's page."),
    links: z.object({ self: url, comments: url, forecast: url.nullable() }),
  })
  .describe("A post, without its body.");

export const postSchema = postSummarySchema.extend({ html: z.string().describe("The body, rendered and sanitised as the page shows it.") }).describe("A post with its body.");

export const commentSchema = z
  .object({
    id,
    postId: id,
    parentId: id.nullable().describe("The comment it replies to; null for a reply to the post."),
    status: z.enum(["visible", "deleted", "removed"]).describe("A deleted or removed comment keeps its place in the thread and nothing else: no author, body, score or fork."),
    removalReason: z.string().nullable().describe("A moderator's public reason, for a removed comment."),
    author: authorSchema.nullable(),
    html: z.string().nullable(),
    score: z.int().nullable(),
    forecastId: id.nullable().describe("The fork (or question) this comment carries."),
    createdAt: time,
    editedAt: time.nullable(),
    url: url.describe("The comment's permalink."),
  })
  .describe("A comment, as signed-out readers see it.");

export const userSchema = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    role: z.enum(["member", "moderator", "admin"]),
    karma: z.int(),
    bio: z.string(),
    createdAt: time,
    url: url.describe("The profile page."),
    links: z.object({ posts: url }),
  })
  .describe("A user's public profile.");

export const forecastSchema = z
  .object({
    id,
    kind: z.enum(["post", "fork", "question"]).describe("A post's forecast, a fork in a reply, or a question a reply asks."),
    model: z.object({ id: z.string(), title: z.string(), version: z.int(), current: z.boolean().describe("Whether today's model version made it.") }),
    author: authorSchema,
    postId: id.nullable(),
    commentId: id.nullable(),
    parentForecastId: id.nullable().describe("The forecast a fork changes."),
    createdAt: time,
    headlines: z.array(headlineSchema),
    inputs: z.record(z.string(), z.unknown()).describe("Every input's value."),
    overrides: z.record(z.string(), z.unknown()).describe("The inputs that differ from the parent (a fork) or the model's defaults."),
    seed: z.int(),
    sampleCount: z.int(),
    url: url.describe("The forecast's page."),
    links: z.object({
      self: url,
      document: url.describe("Everything: the result's series, provenance, a Squiggle program."),
      svg: url,
      png: url.describe("The chart on a 1200×630 card."),
      csv: url,
      embed: url.describe("The embeddable page (iframe)."),
    }),
  })
  .describe("A stored forecast with its headline numbers.");

const page = <T extends z.ZodType>(item: T, what: string) =>
  z
    .object({
      items: z.array(item),
      next: url.nullable().describe("The next page, or null on the last."),
    })
    .describe(`One page of ${what}.`);

export const postPageSchema = page(postSummarySchema, "posts, newest first");
export const commentPageSchema = page(commentSchema, "a thread's comments, oldest first");

export const errorSchema = z
  .object({
    ok: z.literal(false),
    error: z.string().describe("What went wrong and what to do about it."),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).describe("One entry per bad parameter."),
  })
  .describe("A refusal.");

export type ApiPost = z.infer<typeof postSchema>;
export type ApiPostSummary = z.infer<typeof postSummarySchema>;
export type ApiComment = z.infer<typeof commentSchema>;
export type ApiUser = z.infer<typeof userSchema>;
export type ApiForecast = z.infer<typeof forecastSchema>;
export type ApiAuthor = z.infer<typeof authorSchema>;
