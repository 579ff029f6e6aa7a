import type { Store } from "../../db/store";
import { systemClock, type Clock } from "./clock";
import { createCommentService } from "./comments.server";
import { createPostService } from "./posts.server";
import { createSessionService } from "./sessions.server";
import { createUserService } from "./users.server";
import { createVoteService } from "./votes.server";
import { createForecastService, type ComputeRunner } from "./forecasts.server";
import { createForkService } from "./forks.server";
import { createQuestionService } from "./questions.server";
import { createAnalysisService } from "./analysis.server";
import { createCompareService } from "./compare.server";
import { silentHub, type LiveHub } from "./broadcast";
import { createNotificationService } from "./notifications.server";
import { createModerationService } from "./moderation.server";
import { createAccountService } from "./accounts.server";
import { createReportService } from "./reports.server";
import { createLimitService } from "./limits.server";
import { createGuard } from "./guard.server";
import { computePrepared, evaluateRuns, getModel } from "../forecast/index";
import { createMarkdownRenderer, renderTask } from "./render.server";
import { createSquiggleService, type SquiggleRunner } from "./squiggle.server";
import { createCatalogService } from "./catalog.server";
import { createTagService } from "./tags.server";
import { createSequenceService } from "./sequences.server";
import { createFeedService } from "./feeds.server";
import { createSearchService } from "./search.server";

/**
 * Runs models on the calling thread. Only for scripts (seed fixtures, benchmarks) that have
 * no request loop to block; the server always passes its worker pool.
 */
export const inProcessRunner: ComputeRunner = {
  async run(task) {
    const started = performance.now();
    const outcome = computePrepared(task.modelId, task.inputs, task.options);
    return { outcome, ms: performance.now() - started };
  },
  async evaluate(task) {
    const model = getModel(task.modelId);
    if (!model) throw new Error(`Unknown model "${task.modelId}"`);
    return evaluateRuns(model, task);
  },
  async render(task) {
    return renderTask(task);
  },
};

/** Built once per process by server.ts and handed to every loader and action. */
/** `rateLimits` is off unless asked for: scripts and seeds have nobody to limit. */
/** `squiggle`: the sandbox pool; without one (scripts), Squiggle forecasts answer 503. */
export function createServices(store: Store, options: { now?: Clock; runner?: ComputeRunner; squiggle?: SquiggleRunner; live?: LiveHub; rateLimits?: boolean } = {}) {
  const now = options.now ?? systemClock;
  const live = options.live ?? silentHub;
  const notifications = createNotificationService(store, now, live);
  const runner = options.runner ?? inProcessRunner;
  const forecasts = createForecastService(store, now, runner, createSquiggleService(store, now, options.squiggle));
  const render = createMarkdownRenderer(store, (task) => runner.render(task));
  const posts = createPostService(store, now, forecasts, render, live.broadcast);
  const analysis = createAnalysisService(forecasts, runner);
  const forks = createForkService(store, now, forecasts, analysis);
  return {
    now,
    users: createUserService(store, now),
    sessions: createSessionService(store, now, live),
    posts,
    comments: createCommentService(store, now, render, forecasts, live, notifications),
    notifications,
    moderation: createModerationService(store, now, live, notifications),
    accounts: createAccountService(store, now, live, notifications),
    reports: createReportService(store, now, notifications),
    guard: createGuard(store, now),
    limits: createLimitService(store, options.rateLimits ?? false),
    questions: createQuestionService(store, forecasts),
    forks,
    analysis,
    compare: createCompareService(store, forecasts, forks, analysis),
    votes: createVoteService(store, now, live.broadcast),
    forecasts,
    catalog: createCatalogService(store, forecasts),
    tags: createTagService(store, now, render),
    sequences: createSequenceService(store, now, render),
    feeds: createFeedService(store),
    search: createSearchService(store),
  };
}
export type Services = ReturnType<typeof createServices>;
