// Entry point: validate the environment, start the app, stop cleanly on signals.
import { createAppServer } from "./server/app";
import { readEnv } from "./app/utils/env.server";

const env = readEnv();
const server = await createAppServer({
  mode: env.NODE_ENV === "production" ? "production" : "development",
  port: env.PORT,
  host: env.HOST,
  databasePath: env.DATABASE_PATH,
  seed: env.SEED,
  trustProxy: env.TRUST_PROXY,
  computeTimeoutMs: env.COMPUTE_TIMEOUT_MS,
  markdownBudgetMs: env.MARKDOWN_BUDGET_MS,
  rateLimits: env.RATE_LIMITS === "on",
});
// Tests and scripts read this line to learn the port when PORT=0.
console.log(`Forkcast listening on ${server.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().finally(() => process.exit(0));
  });
}
