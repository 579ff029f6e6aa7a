// Glue every route uses: guards that throw responses, and the mapping from service errors
// to 4xx. Kept free of database imports so route bundles stay small.
import { data, type AppLoadContext, type HeadersFunction } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors } from "../discussion/schemas";
import type { RequestUser } from "../services/types";
import { appError, isAppError, type ActionFailure } from "../utils/errors";

/** A write without a valid session (expired, revoked, forged) is refused with a 401 the form can show. */
export function requireUser(context: AppLoadContext): RequestUser {
  if (context.user) return context.user;
  throw appError(401, "You are not logged in (or your session ended). Log in and try again; your text is still here.");
}

/** Who a sandbox run is for: the member, or the address of an anonymous reader (what the sandbox's fairness counts). */
export function runOwner(context: AppLoadContext): string {
  return context.user ? `user:${context.user.id}` : `ip:${context.ip}`;
}

export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** Parses a form with a shared schema, or throws a 400 carrying field errors and what was typed. */
export function parseForm<S extends z.ZodType>(schema: S, values: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw appError(400, Object.values(fields)[0] ?? "Check the form and try again.", fields);
  }
  return parsed.data;
}

/** Runs an action body; service errors become a 4xx payload the form shows beside its fields. */
export async function runAction<T>(fn: () => Promise<T> | T, values?: Record<string, string>) {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) {
      const headers: Record<string, string> = e.retryAfter ? { "Retry-After": String(e.retryAfter) } : {};
      const failure: ActionFailure = { ok: false, error: e.message, fields: e.fields ?? {}, values };
      return data(failure, { status: e.status, headers });
    }
    throw e;
  }
}

/**
 * A route's `headers` export for actions that can be rate-limited: a document POST (no
 * JavaScript) only carries the action's headers through this, and a 429 owes its Retry-After.
 */
export const actionRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retry = actionHeaders.get("Retry-After");
  return retry ? { "Retry-After": retry } : new Headers();
};

/** Runs a loader body; service errors become route error responses (404 pages and the like). */
export async function runLoader<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) throw data({ message: e.message }, { status: e.status });
    throw e;
  }
}

const MAX_JSON_DEPTH = 32;

function depthOf(value: unknown, limit: number): number {
  // Iterative, so a hostile 100,000-deep body cannot overflow the stack while being measured.
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === "object") for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Reads a JSON API body: 415 unless JSON, 400 for malformed or absurdly nested bodies, then the schema. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw appError(415, "Send the body as JSON (Content-Type: application/json).");
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw appError(400, `The body is not valid JSON: ${(e as Error).message}`);
  }
  if (depthOf(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw appError(400, `The body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw appError(400, Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; "), fields);
  }
  return parsed.data;
}

/** Reads a GET request's query with a shared schema; a bad or unknown parameter is a 400 naming it. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = Object.create(null);
  for (const [k, v] of params) if (!(k in raw)) raw[k] = v;
  const parsed = schema.safeParse({ ...raw });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw appError(400, Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; "), fields);
  }
  return parsed.data;
}

/** Runs an API handler; service errors become JSON 4xx bodies naming each field. */
export async function runApi(fn: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) {
      const errors = Object.entries(e.fields ?? {}).map(([path, message]) => ({ path, message }));
      const headers: Record<string, string> = e.retryAfter ? { "Retry-After": String(e.retryAfter) } : {};
      return Response.json({ ...e.detail, ok: false, error: e.message, errors }, { status: e.status, headers });
    }
    throw e;
  }
}
