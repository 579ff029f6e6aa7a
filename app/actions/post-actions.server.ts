// The one action behind the post page and comment permalinks: every write a reader can
// make on a thread, dispatched by the form's `intent`.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { postIntentSchema } from "../discussion/schemas";
import { appError, notFound } from "../utils/errors";
import { withEditorInputs } from "./forecast-form.server";
import { formValues, parseForm, requireUser, runAction, runOwner } from "./http.server";
import { getModel } from "../forecast/index";
import { MODERATION_INTENTS } from "../discussion/moderation-schemas";
import { moderationAction } from "./moderation-actions.server";

export async function threadAction(request: Request, context: AppLoadContext, slug: string) {
  const values = splitVoteButton(formValues(await request.formData()));
  return runAction(async () => {
    const user = requireUser(context);
    const post = await context.services.posts.bySlug(slug, user.id);
    if (MODERATION_INTENTS.has(values.intent ?? "")) return moderationAction(context, user.id, post, values);
    const input = parseForm(postIntentSchema, values);
    const { comments, votes, limits, guard } = context.services;
    const exempt = await guard.exempt(user, post.id);
    switch (input.intent) {
      case "reply": {
        const posted = (commentId: number) => (input.afterPost ? redirect(replyUrl(request, post.slug, input.parentId, commentId), 303) : { ok: true as const, commentId });
        // The same form sent again (a double click, a retry) gets the comment it already made,
        // before any check or limit could refuse the duplicate.
        const earlier = await comments.replayOf(user.id, input.submissionKey, { postId: post.id, parentId: input.parentId, markdown: input.markdown });
        if (earlier !== null) return posted(earlier);
        const asks = input.ask === "on";
        if (asks && input.forkOf) throw appError(400, "A reply either answers a forecast or asks a question of its own, not both.");
        await comments.checkReply(post.id, user, Boolean(input.forkOf) || asks);
        await limits.consume("reply", user.id, { exempt });
        if (input.forkOf || asks) await limits.consume("fork", user.id, { exempt });
        const fork = input.forkOf ? await preparedFork(context, post.id, input.forkOf, values) : null;
        const forecast = asks ? await askedQuestion(context, values) : null;
        const { id } = await comments.create({ postId: post.id, parentId: input.parentId, authorId: user.id, markdown: input.markdown, fork, forecast, submissionKey: input.submissionKey });
        return posted(id);
      }
      case "edit-comment":
        await ensureOnPost(context, input.commentId, post.id);
        // Permission, then the limit, then the render: refusals cost nothing, and a post's
        // author gets no exemption for edits (only staff do), so no thread is a free render farm.
        await comments.checkEdit(input.commentId, user.id);
        await limits.consume("edit", user.id, { exempt: await guard.exempt(user) });
        await comments.edit(input.commentId, user.id, input.markdown);
        return { ok: true as const, commentId: input.commentId };
      case "rebase-fork": {
        await ensureOnPost(context, input.commentId, post.id);
        await comments.checkReply(post.id, user, true);
        await limits.consume("fork", user.id, { exempt });
        const fork = await context.services.forks.prepareRebase(post, input.commentId, user.id);
        const { id } = await comments.create({ postId: post.id, parentId: input.commentId, authorId: user.id, markdown: "Rebased onto the post's updated forecast: same changes, new parent.", fork });
        return { ok: true as const, commentId: id };
      }
      case "delete-comment":
        await ensureOnPost(context, input.commentId, post.id);
        await comments.softDelete(input.commentId, user.id);
        return { ok: true as const, commentId: input.commentId };
      case "vote-post":
        await guard.require(user, "vote:content");
        await limits.consume("vote", user.id, { exempt });
        return { ok: true as const, ...await votes.cast({ userId: user.id, targetType: "post", targetId: post.id, kind: "karma", value: input.value }) };
      case "vote-comment":
      case "agree-comment":
        await ensureOnPost(context, input.commentId, post.id);
        await guard.require(user, "vote:content");
        await limits.consume("vote", user.id, { exempt });
        return {
          ok: true as const,
          ...await votes.cast({ userId: user.id, targetType: "comment", targetId: input.commentId, kind: input.intent === "vote-comment" ? "karma" : "agree", value: input.value }),
        };
    }
  }, values);
}

/**
 * Where a reply posted without JavaScript lands (post, redirect, get): a top-level reply on its
 * own permalink (a long thread may fold it away on the post page), a nested one in the thread
 * it was written in. Either way not the form's own URL, which would open an empty form again.
 */
function replyUrl(request: Request, slug: string, parentId: number | null, commentId: number): string {
  const base = parentId === null ? `/posts/${slug}/comments/${commentId}` : new URL(request.url).pathname;
  return `${base}#c-${commentId}`;
}

export const FORK_FIELD = "fork";

/** Reads the fork editor's fields (JSON with JavaScript, plain fields without) and prepares the fork. */
function preparedFork(context: AppLoadContext, postId: number, parentForecastId: number, values: Record<string, string>) {
  const owner = runOwner(context);
  return withEditorInputs(FORK_FIELD, values, (read) => context.services.forks.prepare(postId, parentForecastId, read.inputs, read.rationales, { source: read.source, owner }));
}

export const QUESTION_FIELD = "question";

/** A quick question a reply asks (its editor's JSON with JavaScript, its plain fields without), computed. */
function askedQuestion(context: AppLoadContext, values: Record<string, string>) {
  return withEditorInputs(QUESTION_FIELD, values, (read) => {
    if (!getModel(read.modelId)?.quick) throw appError(400, "A reply can ask a quick question: a probability, a date or a quantity.", { "": "Choose a quick forecast." });
    return context.services.forecasts.compute(read.modelId, read.inputs);
  });
}

async function ensureOnPost(context: AppLoadContext, commentId: number, postId: number) {
  const owner = await context.services.comments.postIdOf(commentId);
  if (owner === null) throw notFound("That comment");
  if (owner !== postId) throw appError(400, "That comment belongs to another post.");
}

/** Vote buttons submit `vote=intent:value` so one small form can carry every vote of a comment. */
function splitVoteButton(values: Record<string, string>): Record<string, string> {
  const m = /^(vote-post|vote-comment|agree-comment):(-1|0|1)$/.exec(values.vote ?? "");
  if (m) {
    values.intent = m[1]!;
    values.value = m[2]!;
  }
  return values;
}
