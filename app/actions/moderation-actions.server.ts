// The moderation half of the thread action (post page and permalinks): thread settings,
// comment removal and notes, author tools, and reports. Permissions are decided in the
// services; this maps a parsed form onto them.
import type { AppLoadContext } from "@remix-run/node";
import { moderationIntentSchema } from "../discussion/moderation-schemas";
import type { PostView } from "../services/types";
import { appError, notFound } from "../utils/errors";
import { parseForm, requireUser } from "./http.server";

export async function moderationAction(context: AppLoadContext, userId: number, post: PostView, values: Record<string, string>) {
  const input = parseForm(moderationIntentSchema, values);
  const { moderation, reports, limits } = context.services;
  const onThisPost = async (commentId: number) => {
    const owner = await context.services.comments.postIdOf(commentId);
    if (owner === null) throw notFound("That comment");
    if (owner !== post.id) throw appError(400, "That comment belongs to another post.");
  };
  switch (input.intent) {
    case "lock-post":
    case "unlock-post":
      await moderation.setLock(userId, post.id, input.intent === "lock-post", input.reason);
      break;
    case "set-forking":
      await moderation.setForking(userId, post.id, input.disabled, input.reason);
      break;
    case "set-slow-mode":
      await moderation.setSlowMode(userId, post.id, input.minutes * 60, input.reason);
      break;
    case "remove-comment":
    case "restore-comment":
      await onThisPost(input.commentId);
      await moderation.setRemoved(userId, input.commentId, input.intent === "remove-comment", input.reason);
      break;
    case "note-comment":
      await onThisPost(input.commentId);
      await moderation.setNote(userId, input.commentId, input.note);
      break;
    case "collapse-comment":
      await onThisPost(input.commentId);
      await moderation.setCollapsed(userId, input.commentId, input.collapsed);
      break;
    case "ban-from-post":
    case "unban-from-post":
      await moderation.setPostBan(userId, post.id, input.handle, input.intent === "ban-from-post", input.intent === "ban-from-post" ? input.reason : "");
      break;
    case "report": {
      if (input.targetType === "post" && input.targetId !== post.id) throw appError(400, "Report that post on its own page.");
      if (input.targetType !== "post") await onThisPost(input.targetId);
      await context.services.guard.require(requireUser(context), "create:report");
      await limits.consume("report", userId);
      await reports.create(userId, input);
      return { ok: true as const, reported: true };
    }
  }
  return { ok: true as const };
}
