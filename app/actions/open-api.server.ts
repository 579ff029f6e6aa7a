// Glue of the open API's routes (docs/decisions/027): the read budget, query parsing with
// 400s that name the parameter, opaque cursors, and the mapping from what services hand out to
// the documented shapes. Every answer is parsed through its schema on the way out, so a field
// the document does not describe cannot leave, whatever a service adds later.
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { API_BASE, type ApiAuthor, type ApiComment, type ApiForecast, type ApiPost, type ApiPostSummary, type ApiUser } from "../discussion/open-api";
import { embedPath } from "../discussion/embed";
import { formatHeadline } from "../forecast/format";
import type { AuthorRef, ForecastCard, Keyset, PostSummary, PublicComment, PublicUser } from "../services/types";
import { appError } from "../utils/errors";
import { runApi } from "./http.server";

export const originOf = (request: Request) => new URL(request.url).origin;

/** Counts the read against the address's API budget, then answers; refusals are JSON 4xx. */
export function apiRead(context: AppLoadContext, fn: () => Promise<Response>): Promise<Response> {
  return runApi(async () => {
    await context.services.limits.consume("api-read", context.ip);
    return fn();
  });
}

/** A query parsed with its schema; a bad or unknown parameter is a 400 naming it. */
export function parseApiQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const raw: Record<string, string> = Object.create(null);
  for (const [k, v] of new URL(request.url).searchParams) {
    if (k in raw) throw appError(400, `${k}: give this parameter once.`, { [k]: "Given more than once." });
    raw[k] = v;
  }
  const parsed = schema.safeParse({ ...raw });
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.code === "unrecognized_keys" ? issue.keys.join(",") : issue.path.join(".") || "query";
    fields[key] ??= issue.message;
  }
  throw appError(400, Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; "), fields);
}

/** A path parameter parsed with its schema (400 naming it when malformed). */
export function parseParam<S extends z.ZodType>(name: string, value: string | undefined, schema: S): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "Not valid.";
  throw appError(400, `${name}: ${message}`, { [name]: message });
}

// A cursor names the last item of the page before: opaque to clients (they follow `next`), so
// its form can change without breaking anyone.
export function encodeCursor(k: Keyset): string {
  return Buffer.from(`k1.${k.at}.${k.id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  const m = /^k1\.(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw appError(400, "cursor: this is not a cursor this API gave out; start without one and follow each page's `next` link.", { cursor: "Not a cursor this API gave out." });
  return { at: Number(m[1]), id: Number(m[2]) };
}

/** The answer, parsed through its documented schema; pages also say `next` in a Link header. */
export function answer<S extends z.ZodType>(schema: S, body: z.input<S>, next: string | null = null): Response {
  const headers: Record<string, string> = { "Cache-Control": "public, no-cache" };
  if (next) headers.Link = `<${next}>; rel="next"`;
  return Response.json(schema.parse(body), { headers });
}

/** The URL of the page after this one: the same query, with the cursor moved on. */
export function nextUrl(request: Request, last: Keyset | null): string | null {
  if (!last) return null;
  const url = new URL(request.url);
  url.searchParams.set("cursor", encodeCursor(last));
  return url.href;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function apiAuthor(origin: string, a: AuthorRef): ApiAuthor {
  return { handle: a.handle, displayName: a.displayName, url: `${origin}/users/${a.handle}`, api: `${origin}${API_BASE}/users/${a.handle}` };
}

export function apiPostSummary(origin: string, p: PostSummary): ApiPostSummary {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    excerpt: p.excerpt,
    author: apiAuthor(origin, p.author),
    score: p.score,
    commentCount: p.commentCount,
    createdAt: iso(p.createdAt),
    editedAt: p.editedAt === null ? null : iso(p.editedAt),
    forecastId: p.forecastId,
    url: `${origin}/posts/${p.slug}`,
    links: {
      self: `${origin}${API_BASE}/posts/${p.id}`,
      comments: `${origin}${API_BASE}/posts/${p.id}/comments`,
      forecast: p.forecastId === null ? null : `${origin}${API_BASE}/forecasts/${p.forecastId}`,
    },
  };
}

export function apiPost(origin: string, p: PostSummary & { html: string }): ApiPost {
  return { ...apiPostSummary(origin, p), html: p.html };
}

export function apiComment(origin: string, c: PublicComment): ApiComment {
  return {
    id: c.id,
    postId: c.postId,
    parentId: c.parentId,
    status: c.status,
    removalReason: c.removalReason,
    author: c.author && apiAuthor(origin, c.author),
    html: c.html,
    score: c.score,
    forecastId: c.forecastId,
    createdAt: iso(c.createdAt),
    editedAt: c.editedAt === null ? null : iso(c.editedAt),
    url: `${origin}/posts/${c.postSlug}/comments/${c.id}`,
  };
}

export function apiUser(origin: string, u: PublicUser): ApiUser {
  return { ...u, createdAt: iso(u.createdAt), url: `${origin}/users/${u.handle}`, links: { posts: `${origin}${API_BASE}/posts?author=${u.handle}` } };
}

export function apiForecast(origin: string, f: ForecastCard): ApiForecast {
  const asset = `${origin}/api/forecasts/${f.id}`;
  return {
    id: f.id,
    kind: f.kind,
    model: { id: f.modelId, title: f.modelTitle, version: f.modelVersion, current: f.current },
    author: apiAuthor(origin, f.author),
    postId: f.post?.id ?? null,
    commentId: f.commentId,
    parentForecastId: f.parentForecastId,
    createdAt: iso(f.createdAt),
    headlines: f.headlines.map((h) => ({ key: h.key, label: h.label, format: h.format, value: h.value, text: formatHeadline(h) })),
    inputs: f.inputs,
    overrides: f.overrides,
    seed: f.seed,
    sampleCount: f.sampleCount,
    url: `${origin}/forecasts/${f.id}`,
    links: { self: `${origin}${API_BASE}/forecasts/${f.id}`, document: asset, svg: `${asset}.svg`, png: `${asset}.png`, csv: `${asset}.csv`, embed: `${origin}${embedPath(f.id)}` },
  };
}
