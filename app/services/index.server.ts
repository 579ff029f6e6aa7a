import type { Db } from "../../db/client";
import { systemClock, type Clock } from "./clock";
import { createCommentService } from "./comments.server";
import { createPostService } from "./posts.server";
import { createSessionService } from "./sessions.server";
import { createUserService } from "./users.server";
import { createVoteService } from "./votes.server";
import { createForecastService, type ComputeRunner } from "./forecasts.server";
import { createForkService } from "./forks.server";
import { computePrepared } from "../forecast/index";
import { createMarkdownRenderer, renderTask } from "./render.server";

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
  async render(task) {
    return renderTask(task);
  },
};

/** Built once per process by server.ts and handed to every loader and action. */
export function createServices(db: Db, options: { now?: Clock; runner?: ComputeRunner } = {}) {
  const now = options.now ?? systemClock;
  const runner = options.runner ?? inProcessRunner;
  const forecasts = createForecastService(db, now, runner);
  const render = createMarkdownRenderer(db, (task) => runner.render(task));
  const posts = createPostService(db, now, forecasts, render);
  return {
    now,
    users: createUserService(db, now),
    sessions: createSessionService(db, now),
    posts,
    comments: createCommentService(db, now, render, forecasts),
    forks: createForkService(db, forecasts),
    votes: createVoteService(db, now),
    forecasts,
  };
}
export type Services = ReturnType<typeof createServices>;
