import { useFetcher } from "@remix-run/react";

export interface PendingVote {
  intent: string;
  value: number;
}

interface Props {
  commentId: number;
  score: number;
  agreeScore: number;
  viewerVote: number;
  viewerAgree: number;
  /** Why voting is off for this reader, or null when they may vote. */
  disabledReason: string | null;
  /** The vote in flight for this comment, if any (from the tree's delegated submit). */
  pending: PendingVote | undefined;
  /** Whether this reader voted here during this visit, so a refusal can be shown. */
  touched: boolean;
}

export const voteFetcherKey = (commentId: number) => `vote-${commentId}`;

/**
 * Karma and agreement votes of one comment in one plain form: no hooks per comment, because
 * long threads render hundreds of these. The thread root intercepts the submit and sends it
 * through a keyed fetcher; without JavaScript it is an ordinary POST. A click on your current
 * vote sends 0, which retracts it.
 */
export function CommentVotes({ commentId, score, agreeScore, viewerVote, viewerAgree, disabledReason, pending, touched }: Props) {
  const karma = pending?.intent === "vote-comment" ? pending.value : viewerVote;
  const agree = pending?.intent === "agree-comment" ? pending.value : viewerAgree;
  const disabled = disabledReason !== null;

  const button = (intent: string, value: 1 | -1, active: boolean, glyph: string, label: string) => (
    <button
      type="submit"
      name="vote"
      value={`${intent}:${active ? 0 : value}`}
      className={active ? "vote__button is-active" : "vote__button"}
      aria-pressed={active}
      aria-label={label}
      title={disabledReason ?? undefined}
      disabled={disabled}
    >
      {glyph}
    </button>
  );

  return (
    <form method="post" className="vote" data-vote-for={commentId}>
      <input type="hidden" name="commentId" value={commentId} />
      <span className="vote__group vote--karma">
        {button("vote-comment", 1, karma === 1, "▲", karma === 1 ? "Retract upvote" : "Upvote")}
        <span className="vote__score">{score - viewerVote + karma}</span>
        {button("vote-comment", -1, karma === -1, "▼", karma === -1 ? "Retract downvote" : "Downvote")}
      </span>
      <span className="vote__group vote--agree">
        {button("agree-comment", 1, agree === 1, "✓", agree === 1 ? "Retract agree" : "Agree")}
        <span className="vote__score">{agreeScore - viewerAgree + agree}</span>
        {button("agree-comment", -1, agree === -1, "✗", agree === -1 ? "Retract disagree" : "Disagree")}
      </span>
      {touched ? <VoteRefusal commentId={commentId} /> : null}
    </form>
  );
}

function VoteRefusal({ commentId }: { commentId: number }) {
  const fetcher = useFetcher<{ ok?: boolean; error?: string }>({ key: voteFetcherKey(commentId) });
  return fetcher.state === "idle" && fetcher.data?.ok === false ? (
    <span className="vote__error" role="alert">
      {fetcher.data.error}
    </span>
  ) : null;
}
