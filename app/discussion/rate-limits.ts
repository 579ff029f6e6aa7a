// Rate limits as data: what is counted, how much, over what window, and how we say it. The
// limits service (app/services/limits.server.ts) enforces them; see docs/decisions/010.
export interface RateLimit {
  points: number;
  /** Window in seconds. */
  per: number;
  /** How the limit reads to the person who hit it. */
  label: string;
  /** What the key is: the signed-in user, the account a log-in names, or the network address for anonymous doors. */
  by: "user" | "account" | "ip";
}

export const RATE_LIMITS = {
  reply: { points: 10, per: 60, label: "10 replies a minute", by: "user" },
  fork: { points: 30, per: 3600, label: "30 fork recomputes an hour", by: "user" },
  preview: { points: 300, per: 600, label: "300 forecast previews in 10 minutes", by: "ip" },
  // A Markdown preview renders up to 100 KB in the shared worker pool, like an edit, but saves nothing.
  "markdown-preview": { points: 120, per: 600, label: "120 Markdown previews in 10 minutes", by: "ip" },
  analysis: { points: 120, per: 600, label: "120 analyses (sensitivity, comparisons, solving) in 10 minutes", by: "ip" },
  // The open API (docs/decisions/027): pages are read at a person's pace and not counted; a
  // program can walk every post, thread and profile in a minute, so its reads have a budget.
  "api-read": { points: 600, per: 600, label: "600 API reads in 10 minutes from one network address", by: "ip" },
  // Each search reads the full-text index three times (posts, comments, people); search-as-you-type
  // asks once per pause in typing, so a person stays far below this.
  search: { points: 300, per: 300, label: "300 searches in 5 minutes from one network address", by: "ip" },
  post: { points: 5, per: 3600, label: "5 new posts an hour", by: "user" },
  vote: { points: 60, per: 60, label: "60 votes a minute", by: "user" },
  // Every edit re-renders up to 100 KB of Markdown in the shared worker pool.
  edit: { points: 10, per: 60, label: "10 edits a minute", by: "user" },
  report: { points: 10, per: 3600, label: "10 reports an hour", by: "user" },
  signup: { points: 5, per: 3600, label: "5 sign-ups an hour from one network address", by: "ip" },
  // Log-ins (docs/decisions/019): failures count per account and per address. An account under
  // attack takes no log-in, right password or not, until its window passes; an address's
  // failures stop nobody else's right password until the address itself is plainly the attacker.
  login: { points: 10, per: 900, label: "10 failed log-ins in 15 minutes for this account", by: "account" },
  "login-address": { points: 100, per: 3600, label: "100 failed log-ins in an hour from one network address", by: "ip" },
} as const satisfies Record<string, RateLimit>;

export type LimitName = keyof typeof RATE_LIMITS;

export function limitMessage(name: LimitName, retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`;
  return `Rate limit reached: ${RATE_LIMITS[name].label}. It resets in ${wait}.`;
}
