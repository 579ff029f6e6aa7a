// Errors a service raises on purpose: a status a person should see and a message they can
// act on. Routes and the API turn them into 4xx responses. Checked by a brand instead of
// instanceof because services and routes live in different bundles.

export interface AppError extends Error {
  readonly appError: true;
  readonly status: number;
  /** Field-level messages for forms, keyed by field name. */
  readonly fields?: Record<string, string>;
  /** For 429: seconds until the limit resets. */
  readonly retryAfter?: number;
  /** Extra JSON fields for API answers (a Squiggle error's line and column). */
  readonly detail?: Record<string, string | number | null>;
}

export function appError(status: number, message: string, fields?: Record<string, string>, retryAfter?: number, detail?: Record<string, string | number | null>): AppError {
  const error = new Error(message) as Error & { appError: true; status: number; fields?: Record<string, string>; retryAfter?: number; detail?: Record<string, string | number | null> };
  error.name = "AppError";
  error.appError = true;
  error.status = status;
  if (fields) error.fields = fields;
  if (retryAfter !== undefined) error.retryAfter = retryAfter;
  if (detail) error.detail = detail;
  return error as AppError;
}

export function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && (e as { appError?: unknown }).appError === true;
}

export const notFound = (what: string) => appError(404, `${what} was not found.`);
export const forbidden = (message: string) => appError(403, message);
export const badRequest = (message: string, fields?: Record<string, string>) => appError(400, message, fields);
export const conflict = (message: string, fields?: Record<string, string>) => appError(409, message, fields);

/** What an action answers when it refuses: the message, per-field messages, and what was typed, so the form keeps it. */
export interface ActionFailure {
  ok: false;
  error: string;
  fields: Record<string, string>;
  values?: Record<string, string>;
}
