import { useFetcher } from "@remix-run/react";

interface Props {
  /** The form intent, e.g. "vote-post", "vote-comment", "agree-comment". */
  intent: string;
  commentId?: number;
  score: number;
  viewerValue: number;
  kind: "karma" | "agree";
  disabled?: boolean;
  disabledReason?: string;
  action?: string;
}

/**
 * Up/down (or agree/disagree) as plain forms, so voting works without JavaScript; with it,
 * the fetcher shows the new score at once. Clicking your current vote retracts it.
 */
export function VoteButtons({ intent, commentId, score, viewerValue, kind, disabled, disabledReason, action }: Props) {
  const fetcher = useFetcher<{ score?: number; agreeScore?: number; viewerValue?: number; ok?: false; error?: string }>();
  const pending = fetcher.formData ? Number(fetcher.formData.get("value")) : undefined;
  const settled = fetcher.data && fetcher.data.ok !== false ? fetcher.data : undefined;
  const current = pending ?? settled?.viewerValue ?? viewerValue;
  const base = settled ? (kind === "agree" ? settled.agreeScore ?? score : settled.score ?? score) - (settled.viewerValue ?? 0) : score - viewerValue;
  const shown = base + current;
  const labels = kind === "agree" ? { up: "Agree", down: "Disagree", glyphUp: "✓", glyphDown: "✗" } : { up: "Upvote", down: "Downvote", glyphUp: "▲", glyphDown: "▼" };
  const button = (value: 1 | -1) => {
    const active = current === value;
    return (
      <button
        type="submit"
        name="value"
        value={active ? 0 : value}
        className={`vote__button${active ? " is-active" : ""}`}
        aria-pressed={active}
        aria-label={active ? `Retract ${labels[value === 1 ? "up" : "down"].toLowerCase()}` : labels[value === 1 ? "up" : "down"]}
        title={disabled ? disabledReason : labels[value === 1 ? "up" : "down"]}
        disabled={disabled}
      >
        {value === 1 ? labels.glyphUp : labels.glyphDown}
      </button>
    );
  };
  return (
    <fetcher.Form method="post" action={action} className={`vote vote--${kind}`} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      {button(1)}
      <span className="vote__score" aria-label={`${kind === "agree" ? "Agreement" : "Score"} ${shown}`} data-testid={`${kind}-score`}>
        {shown}
      </span>
      {button(-1)}
      {fetcher.data && fetcher.data.ok === false ? <span className="vote__error" role="alert">{fetcher.data.error}</span> : null}
    </fetcher.Form>
  );
}
