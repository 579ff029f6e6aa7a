import { MarkdownBody } from "./markdown-body";
import { useFetchers, useNavigate, useSubmit } from "@remix-run/react";
import { memo, useCallback, useContext, useMemo, useState, type FormEvent, type MouseEvent } from "react";
import type { ForkParent } from "./fork-form";
import { ForkCard, type AnyFork } from "./fork-card";
import type { TreeNode } from "~/discussion/tree";
import type { CommentView } from "~/services/types";
import { QuestionPanel } from "./question-panel";
import type { ReplyMode } from "./reply-toggle";
import type { QuestionView } from "~/services/types";
import { voteFetcherKey, type PendingVote } from "./comment-votes";
import { CommentActions } from "./comment-actions";
import { HydratableMarkupContext, RenderedOnce } from "./rendered-once";
import { ServerMarkupContext } from "./inline-svg";
import { ctxOf, threadKey } from "./kept-thread";
import type { Ctx } from "./comment-context";
import { Time } from "./time";
import { CommentModeration, StaffCopy, type ThreadRoles } from "./comment-moderation";

/** Past this many levels below the view's root, a thread continues on its own page. */
export const CONTINUE_DEPTH = 8;


/**
 * A thread. Long threads are the hot path of the whole site, so each comment renders few
 * elements and plain anchors; one delegated handler turns same-site clicks into client-side
 * navigation instead of every link carrying router hooks.
 */
interface TreeProps {
  nodes: TreeNode<CommentView>[];
  slug: string;
  viewerId: number | null;
  replyTo?: number | null;
  replyMode?: ReplyMode;
  askModel?: string | null;
  forkParent?: ForkParent | null;
  questions?: Record<number, QuestionView>;
  quick?: ReadonlySet<number>;
  forks?: Record<number, AnyFork>;
  nearest?: Record<number, number | null>;
  roles?: ThreadRoles;
  fresh?: ReadonlySet<number>;
  canVote?: boolean;
  canReply?: boolean;
  canFork?: boolean;
}

const READER: ThreadRoles = { staff: false, author: false, signedIn: false };
const NONE: ReadonlySet<number> = new Set();
const NO_QUESTIONS: Record<number, QuestionView> = {};

export function CommentTree(props: TreeProps) {
  const { nodes, slug, viewerId, replyTo = null, replyMode = "reply", askModel = null, forkParent = null, forks = {}, nearest = {}, questions = NO_QUESTIONS, quick = NONE } = props;
  const { roles = READER, fresh = NONE, canVote = viewerId !== null, canReply = viewerId !== null, canFork = viewerId !== null } = props;
  const navigate = useNavigate();
  const submit = useSubmit();
  const fetchers = useFetchers();
  const [touched, setTouched] = useState<Set<number>>(() => new Set());
  const pendingVotes = useMemo(() => {
    const map = new Map<number, PendingVote>();
    for (const f of fetchers) {
      const m = /^vote-(\d+)$/.exec(f.key);
      const vote = f.formData?.get("vote");
      if (m && typeof vote === "string") {
        const [intent, value] = vote.split(":");
        map.set(Number(m[1]), { intent: intent!, value: Number(value) });
      }
    }
    return map;
  }, [fetchers]);
  const onSubmit = useCallback(
    (e: FormEvent<HTMLElement>) => {
      const form = e.target as HTMLFormElement;
      const id = Number(form.dataset.voteFor);
      if (!id) return;
      e.preventDefault();
      const formData = new FormData(form, (e.nativeEvent as SubmitEvent).submitter);
      submit(formData, { method: "post", navigate: false, fetcherKey: voteFetcherKey(id), preventScrollReset: true });
      setTouched((t) => (t.has(id) ? t : new Set(t).add(id)));
    },
    [submit],
  );
  const onClick = useCallback(
    (e: MouseEvent<HTMLElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as HTMLElement).closest("a[data-nav]");
      if (!a) return;
      e.preventDefault();
      navigate(a.getAttribute("href")!);
    },
    [navigate],
  );
  if (nodes.length === 0) return null;
  return (
    // Delegation only: the anchors inside stay keyboard-native.
    <div className="thread__tree" onClick={onClick} onSubmit={onSubmit}>
      <CommentList nodes={nodes} ctx={{ slug, viewerId, replyTo, pendingVotes, touched, forks, nearest, replyMode, askModel, forkParent, questions, quick, roles, fresh, canVote, canReply, canFork }} level={0} />
    </div>
  );
}

function CommentList({ nodes, ctx, level }: { nodes: TreeNode<CommentView>[]; ctx: Ctx; level: number }) {
  return (
    <ol className={level === 0 ? "comment-list comment-list--root" : "comment-list"}>
      {nodes.map((node) =>
        level === 0 ? (
          <KeptThread key={node.comment.id} node={node} ctx={ctx} />
        ) : (
          <li key={node.comment.id}>
            <CommentItem node={node} ctx={ctx} level={level} />
          </li>
        ),
      )}
    </ol>
  );
}

/**
 * A top-level comment and its replies, kept whole on the server (rendered-once.tsx) by
 * everything they show: most readers of a thread share it, and a reader whose votes or
 * comments make theirs differ still gets each comment's header and row from the memo.
 */
function KeptThread({ node, ctx }: { node: TreeNode<CommentView>; ctx: Ctx }) {
  const server = useContext(HydratableMarkupContext) !== null;
  const inline = useContext(ServerMarkupContext);
  const key = server ? threadKey(node, ctx, inline) : null;
  return (
    <RenderedOnce as="li" part="thread" sameFor={key}>
      {key ? <CommentItem node={key.node} ctx={ctxOf(key.ctx)} level={0} /> : <CommentItem node={node} ctx={ctx} level={0} />}
    </RenderedOnce>
  );
}

const CommentItem = memo(function CommentItem({ node, ctx, level }: { node: TreeNode<CommentView>; ctx: Ctx; level: number }) {
  const c = node.comment;
  const visible = c.status === "visible";
  const mine = ctx.viewerId === c.author.id;
  const permalink = `/posts/${ctx.slug}/comments/${c.id}`;
  const replies = node.descendants;
  const voteBlock = !ctx.viewerId ? "Log in to vote" : !ctx.canVote ? "Your account cannot vote right now" : mine ? "You cannot vote on your own comment" : null;
  const moderated = { id: c.id, status: c.status, modNote: c.modNote, collapsed: c.collapsed, mine };

  return (
    <article className={`comment${mine ? " comment--mine" : ""}${level >= 5 ? " comment--deep" : ""}${ctx.fresh.has(c.id) ? " comment--new" : ""}`} id={`c-${c.id}`}>
      {/* The header's links sit outside the fold's <summary>: a summary is itself a control, and links
          inside it are unreachable to some assistive technology (axe: nested-interactive). */}
      <CommentHead
        head={{ permalink, status: c.status, handle: c.author.handle, name: c.author.displayName, createdAt: c.createdAt, edited: c.editedAt !== null && visible, fresh: ctx.fresh.has(c.id), collapsed: c.collapsed }}
      />
      <details className="comment__fold" open={!c.collapsed}>
        {/* Named by what it folds; whether it is open, the browser tells (a summary is a disclosure control). */}
        <summary className="comment__toggle" aria-label={replies > 0 ? "Comment and its replies" : "Comment"}>
          {replies > 0 ? <span className="comment__folded-count">{replies === 1 ? "1 reply hidden" : `${replies} replies hidden`}</span> : null}
        </summary>
        {visible ? (
          <MarkdownBody html={c.html} inlineKey={`comment:${c.id}`} className="comment__body" />
        ) : (
          <p className="comment__body comment__body--gone">
            {c.status === "removed" ? `Removed by a moderator${c.removalReason ? `: ${c.removalReason}` : "."}` : "This comment was deleted by its author."}
          </p>
        )}
        {!visible && c.html ? <StaffCopy comment={c} fork={ctx.forks[c.id]} viewerId={ctx.viewerId} /> : null}
        {visible && c.modNote ? (
          <p className="comment__mod-note">
            <strong>Moderator note:</strong> {c.modNote}
          </p>
        ) : null}
        {visible && ctx.forks[c.id] ? <ForkCard fork={ctx.forks[c.id]!} commentId={c.id} viewerId={ctx.viewerId} /> : null}
        {visible && ctx.questions[c.id] ? <QuestionPanel question={ctx.questions[c.id]!} compact /> : null}
        {visible ? (
          <CommentActions
            slug={ctx.slug}
            comment={{ ...moderated, score: c.score, agreeScore: c.agreeScore, viewerVote: c.viewerVote, viewerAgree: c.viewerAgree }}
            ownMarkdown={mine ? c.markdown : null}
            voteBlock={voteBlock}
            signedIn={ctx.viewerId !== null}
            roles={ctx.roles}
            isFork={Boolean(ctx.forks[c.id])}
            closed={!ctx.canReply}
            forkOf={ctx.canFork ? (ctx.nearest[c.id] ?? null) : null}
            answers={ctx.quick.has(ctx.nearest[c.id] ?? 0)}
            canAsk={ctx.canFork}
            startMode={ctx.replyTo === c.id ? ctx.replyMode : null}
            askModel={ctx.replyTo === c.id ? ctx.askModel : null}
            forkParent={ctx.replyTo === c.id ? ctx.forkParent : null}
            pending={ctx.pendingVotes.get(c.id)}
            touched={ctx.touched.has(c.id)}
          />
        ) : c.status === "removed" && ctx.roles.staff ? (
          <div className="comment__actions">
            <CommentModeration comment={moderated} roles={ctx.roles} isFork={false} />
          </div>
        ) : null}
        {node.children.length === 0 && !node.hidden ? null : level + 1 >= CONTINUE_DEPTH ? (
          <a href={permalink} className="continue-thread" data-nav="">
            Continue this thread ({replies === 1 ? "1 more reply" : `${replies} more replies`}) →
          </a>
        ) : (
          <>
            {node.children.length ? <CommentList nodes={node.children} ctx={ctx} level={level + 1} /> : null}
            {node.hidden ? (
              <a href={permalink} className="continue-thread" data-nav="">
                {node.hidden === 1 ? "1 more reply" : `${node.hidden} more replies`} →
              </a>
            ) : null}
          </>
        )}
      </details>
    </article>
  );
});

/** What a comment's header shows, as plain values: equal heads, equal markup (rendered-once.tsx). */
interface Head {
  permalink: string;
  status: CommentView["status"];
  handle: string;
  name: string;
  createdAt: number;
  edited: boolean;
  fresh: boolean;
  collapsed: boolean;
}

function CommentHead({ head }: { head: Head }) {
  return (
    <RenderedOnce as="header" className="comment__head" part="head" sameFor={head}>
      {head.status === "visible" ? (
        <a href={`/users/${head.handle}`} className="comment__author" data-nav="">
          {head.name}
        </a>
      ) : (
        <span className="comment__author comment__author--gone">{head.status === "removed" ? "[removed]" : "[deleted]"}</span>
      )}
      <a href={head.permalink} className="comment__date" data-nav="">
        <Time at={head.createdAt} />
      </a>
      {head.edited ? (
        <a href={`${head.permalink}/history`} className="comment__edited" data-nav="">
          edited
        </a>
      ) : null}
      {head.fresh ? <span className="comment__new">new</span> : null}
      {head.collapsed ? <span className="comment__collapsed">collapsed by the post's author as off-topic</span> : null}
    </RenderedOnce>
  );
}
