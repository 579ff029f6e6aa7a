// Glue every route uses: guards that throw responses, and the mapping from service errors
// to 4xx. Kept free of database imports so route bundles stay small.
import { data, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors } from "../discussion/schemas";
import type { SessionUser } from "../services/types";
import { appError, isAppError } from "./errors";

export interface ActionFailure {
  ok: false;
  error: string;
  fields: Record<string, string>;
  values?: Record<string, string>;
}

/** A write without a valid session (expired, revoked, forged) is refused with a 401 the form can show. */
export function requireUser(context: AppLoadContext): SessionUser {
  if (context.user) return context.user;
  throw appError(401, "You are not logged in (or your session ended). Log in and try again; your text is still here.");
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

/** Runs a loader body; service errors become route error responses (404 pages and the like). */
export async function runLoader<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) throw data({ message: e.message }, { status: e.status });
    throw e;
  }
}

/** Only same-site relative paths: an open redirect would hand our login page to phishers. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
