// Entry point: validate the environment, start the app (one process, or a primary and its
// workers: server/cluster.ts), stop cleanly on signals.
import cluster from "node:cluster";
import { createAdapter } from "@socket.io/cluster-adapter";
import { createAppServer } from "./server/app";
import { openCrossNodeAdapter } from "./server/live-adapter";
import { COMPUTE_THREADS_PER_PROCESS, processCount, reportReady, runPrimary } from "./server/cluster";
import { readEnv } from "./app/utils/env.server";

const env = readEnv();
const production = env.NODE_ENV === "production";
// Development stays one process: Vite's middleware and HMR live in it.
const processes = production ? processCount(env.WEB_CONCURRENCY) : 1;

if (processes > 1 && env.LIVE_POLLING === "on") {
  // Node's cluster hands connections out in turn, with no stickiness a polling session needs.
  throw new Error("LIVE_POLLING=on needs one process per node (unset WEB_CONCURRENCY), behind a sticky load balancer");
}

if (processes > 1 && cluster.isPrimary) {
  await runPrimary({ processes, seed: env.SEED });
} else {
  const worker = cluster.isWorker && process.env.FORKCAST_CLUSTER_WORKER === "1";
  // Every process (each cluster worker too) joins the nodes' shared channel itself.
  const crossNode = await openCrossNodeAdapter({
    requested: env.LIVE_ADAPTER,
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    channelPrefix: env.LIVE_CHANNEL,
    log: (line) => console.warn(line),
  });
  const server = await createAppServer({
    mode: production ? "production" : "development",
    port: env.PORT,
    host: env.HOST,
    databasePath: env.DATABASE_PATH,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    seed: env.SEED,
    trustProxy: env.TRUST_PROXY,
    computeTimeoutMs: env.COMPUTE_TIMEOUT_MS,
    markdownBudgetMs: env.MARKDOWN_BUDGET_MS,
    rateLimits: env.RATE_LIMITS === "on",
    pageCache: env.PAGE_CACHE === "on",
    partCache: env.PART_CACHE === "on",
    computeThreads: COMPUTE_THREADS_PER_PROCESS,
    ...(crossNode ? { crossNode } : worker ? { clusterWorker: { adapter: createAdapter() } } : {}),
    ...(env.LIVE_POLLING ? { livePolling: env.LIVE_POLLING === "on" } : {}),
  });
  if (worker) reportReady(Number(new URL(server.url).port));
  // Tests and scripts read this line to learn the port when PORT=0.
  else console.log(`Forkcast listening on ${server.url}`);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void server.close().finally(() => process.exit(0));
    });
  }
}
