// What every comment of a thread reads of the thread and of its reader: one object, passed down
// the tree (comment-tree.tsx), and narrowed to a reply chain when the chain is kept whole
// (kept-thread.ts).
import type { PendingVote } from "./comment-votes";
import type { ThreadRoles } from "./comment-moderation";
import type { AnyFork } from "./fork-card";
import type { ForkParent } from "./fork-form";
import type { ReplyMode } from "./reply-toggle";
import type { QuestionView } from "~/services/types";

export interface Ctx {
  slug: string;
  viewerId: number | null;
  /** Comment whose reply form starts open (the no-JavaScript "Reply" link lands here). */
  replyTo: number | null;
  pendingVotes: Map<number, PendingVote>;
  touched: Set<number>;
  forks: Record<number, AnyFork>;
  /** For each comment, the forecast a fork reply would fork (its own or the nearest above). */
  nearest: Record<number, number | null>;
  /** No-JS landing: the reply form starts in fork mode (with the parent's inputs) or ask mode. */
  replyMode: ReplyMode;
  /** No-JS landing in ask mode: the quick forecast kind chosen by a model link. */
  askModel: string | null;
  /** Questions replies ask, by the asking comment's id. */
  questions: Record<number, QuestionView>;
  /** Forecasts that are quick questions or answers: replying to them is "Answer". */
  quick: ReadonlySet<number>;
  forkParent: ForkParent | null;
  roles: ThreadRoles;
  canVote: boolean;
  /** Arrived live since the page was drawn: marked new. */
  fresh: ReadonlySet<number>;
  /** False while the thread is locked to this reader (or they are barred): no new reply forms open. */
  canReply: boolean;
  canFork: boolean;
}
