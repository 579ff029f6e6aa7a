// Enforces app/discussion/rate-limits.ts with rate-limiter-flexible, counted in the store
// itself (table rate_limits, created by the migrations of both engines): limits survive
// restarts and hold across every process and node that shares the database.
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Store } from "../../db/store";
import { RATE_LIMITS, limitMessage, type LimitName } from "../discussion/rate-limits";
import { appError } from "../utils/errors";

export function createLimitService(store: Store, enabled: boolean) {
  const { storeClient, storeType, kind } = store.limiterClient;
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const [name, limit] of Object.entries(RATE_LIMITS) as [LimitName, (typeof RATE_LIMITS)[LimitName]][]) {
    const options = { storeClient, storeType, tableName: "rate_limits", tableCreated: true, keyPrefix: name, points: limit.points, duration: limit.per };
    limiters.set(name, kind === "postgres" ? new RateLimiterPostgres(options) : new RateLimiterSQLite(options));
  }
  const refused = (name: LimitName, res: RateLimiterRes) => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return appError(429, limitMessage(name, seconds), undefined, seconds);
  };

  return {
    /** Counts one use; throws a 429 naming the limit and when it resets. */
    async consume(name: LimitName, key: string | number, opts: { exempt?: boolean } = {}): Promise<void> {
      if (!enabled || opts.exempt) return;
      try {
        await limiters.get(name)!.consume(String(key));
      } catch (e) {
        if (e instanceof RateLimiterRes) throw refused(name, e);
        throw e;
      }
    },

    /** Refuses if the limit is already used up, without counting (failed log-ins count afterwards). */
    async check(name: LimitName, key: string | number): Promise<void> {
      if (!enabled) return;
      const res = await limiters.get(name)!.get(String(key));
      if (res && res.remainingPoints <= 0 && res.consumedPoints >= RATE_LIMITS[name].points) throw refused(name, res);
    },
  };
}
