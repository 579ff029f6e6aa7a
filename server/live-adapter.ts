// Which socket.io adapter carries live events and socket drops between processes (ADR 030).
// Many nodes behind a load balancer each run their own socket.io server; a vote on one must
// reach readers on the others, and a ban on one must drop sockets on all. Redis when REDIS_URL
// is set; otherwise, on the PostgreSQL store, PostgreSQL's own LISTEN/NOTIFY, so a deployment
// that already shares a database needs nothing else. The embedded SQLite store is one machine
// by construction: there the in-memory adapter (one process) or the cluster adapter
// (WEB_CONCURRENCY > 1, server/cluster.ts) is enough.
import type { ServerOptions } from "socket.io";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";

export type LiveAdapterKind = "redis" | "postgres" | "memory";

export interface CrossNodeAdapter {
  kind: "redis" | "postgres";
  adapter: NonNullable<ServerOptions["adapter"]>;
  /** Closes the adapter's own connections (after the socket.io server has closed). */
  close(): Promise<void>;
}

export interface LiveAdapterChoice {
  /** LIVE_ADAPTER: "auto" (default) picks Redis, then PostgreSQL, then memory. */
  requested: "auto" | LiveAdapterKind;
  redisUrl?: string;
  databaseUrl?: string;
  /** Channel names' prefix, so deployments (or test runs) sharing one Redis stay apart. */
  channelPrefix: string;
  log: (line: string) => void;
}

export function chooseLiveAdapter(choice: Pick<LiveAdapterChoice, "requested" | "redisUrl" | "databaseUrl">): LiveAdapterKind {
  if (choice.requested === "redis" && !choice.redisUrl) throw new Error("LIVE_ADAPTER=redis needs REDIS_URL");
  if (choice.requested === "postgres" && !choice.databaseUrl) throw new Error("LIVE_ADAPTER=postgres needs DATABASE_URL (the PostgreSQL store)");
  if (choice.requested !== "auto") return choice.requested;
  if (choice.redisUrl) return "redis";
  if (choice.databaseUrl) return "postgres";
  return "memory";
}

/** Not one of ours: the postgres adapter's table for notifications over NOTIFY's 8000 bytes. */
const ATTACHMENTS_TABLE = "socket_io_attachments";
/** Any fixed number; it names "creating the adapter's table" so two nodes starting at once don't race. */
const ATTACHMENTS_LOCK = 0x666f726b;

async function postgresAdapter(databaseUrl: string, channelPrefix: string, log: (line: string) => void): Promise<CrossNodeAdapter> {
  // Its own small pool: one connection stays in LISTEN for good, the others send NOTIFYs, and
  // none of them may wait behind the store's queries (or hold the store's write lock).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [ATTACHMENTS_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS_TABLE} (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  pool.on("error", (error) => log(`live: postgres adapter connection failed: ${error.message}`));
  return {
    kind: "postgres",
    adapter: createPostgresAdapter(pool, { channelPrefix, tableName: ATTACHMENTS_TABLE, errorHandler: (error) => log(`live: postgres adapter: ${error.message}`) }),
    close: () => pool.end(),
  };
}

async function redisAdapter(redisUrl: string, channelPrefix: string, log: (line: string) => void): Promise<CrossNodeAdapter> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  // Without a listener node-redis throws its reconnection errors; they are logged instead, and
  // the client keeps reconnecting on its own.
  pub.on("error", (error: Error) => log(`live: redis publisher: ${error.message}`));
  sub.on("error", (error: Error) => log(`live: redis subscriber: ${error.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    kind: "redis",
    adapter: createRedisAdapter(pub, sub, { key: channelPrefix }),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

/** The cross-node adapter to use, or null for one machine (memory, or the cluster adapter). */
export async function openCrossNodeAdapter(choice: LiveAdapterChoice): Promise<CrossNodeAdapter | null> {
  const kind = chooseLiveAdapter(choice);
  if (kind === "redis") return redisAdapter(choice.redisUrl!, choice.channelPrefix, choice.log);
  if (kind === "postgres") return postgresAdapter(choice.databaseUrl!, choice.channelPrefix, choice.log);
  return null;
}
