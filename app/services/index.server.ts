import type { Db } from "../../db/client";
import { systemClock, type Clock } from "./clock";
import { createCommentService } from "./comments.server";
import { createPostService } from "./posts.server";
import { createSessionService } from "./sessions.server";
import { createUserService } from "./users.server";
import { createVoteService } from "./votes.server";

/** Built once per process by server.ts and handed to every loader and action. */
export function createServices(db: Db, now: Clock = systemClock) {
  const posts = createPostService(db, now);
  return {
    now,
    users: createUserService(db, now),
    sessions: createSessionService(db, now),
    posts,
    comments: createCommentService(db, now, posts),
    votes: createVoteService(db, now),
  };
}
export type Services = ReturnType<typeof createServices>;
