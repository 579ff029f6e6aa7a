import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/forkcast.db"),
  /** postgres://… runs on PostgreSQL (docs/decisions/026); unset, the embedded SQLite file at DATABASE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL; leave it unset for the embedded SQLite file")
    .optional(),
  /** Seed demo content into an empty database (on by default so `npm start` shows a site). */
  SEED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Wall-clock budget of one model run, in milliseconds. */
  COMPUTE_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(5000),
  /** Wall-clock budget of one Markdown render, in milliseconds; past it the text is refused as too complex. */
  MARKDOWN_BUDGET_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  /** Hops of reverse proxies in front of us; 0 means X-Forwarded-* headers are ignored. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** "off" lifts every rate limit: only for load and crash tests that measure something else. */
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /** The signed-out page cache (server/page-cache.ts); "off" only to measure what it saves. */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  /** Interactive parts kept by their props (components/rendered-once.tsx); "off" only to measure what it saves, or to check it changes no byte. */
  PART_CACHE: z.enum(["on", "off"]).default("on"),
  /** Server processes sharing the port and the database (production only); unset: one (ADR 022). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** redis://…: live events between app nodes go through this Redis (docs/decisions/030). */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL").optional(),
  /**
   * What carries live events between processes and nodes: "auto" is Redis when REDIS_URL is
   * set, else PostgreSQL's LISTEN/NOTIFY on the PostgreSQL store, else this machine only.
   */
  LIVE_ADAPTER: z.enum(["auto", "redis", "postgres", "memory"]).default("auto"),
  /** Prefix of the adapter's channels, so deployments sharing one Redis stay apart. */
  LIVE_CHANNEL: z.string().regex(/^[a-z0-9_.-]{1,40}$/i, "LIVE_CHANNEL: letters, digits, _ . - (at most 40)").default("forkcast"),
  /**
   * Long-polling on the live channel. Unset: on for one process on one node, off otherwise (a
   * polling session's requests must all reach one process). "on" only behind a sticky balancer.
   */
  LIVE_POLLING: z.enum(["on", "off"]).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Validated at boot: a bad variable stops the server with a message, not a 500 later. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
