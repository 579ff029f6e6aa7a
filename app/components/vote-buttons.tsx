import { useFetcher } from "@remix-run/react";

/**
 * The post's up/down vote as a plain form (works without JavaScript). Buttons carry
 * `intent:value`; clicking your current vote sends 0 and retracts it.
 */
export function PostVote({ score, viewerValue, disabledReason }: { score: number; viewerValue: number; disabledReason: string | null }) {
  const fetcher = useFetcher<{ ok?: boolean; error?: string }>();
  const pending = fetcher.formData?.get("vote");
  const current = typeof pending === "string" ? Number(pending.split(":")[1]) : viewerValue;
  const button = (value: 1 | -1, glyph: string, label: string) => {
    const active = current === value;
    return (
      <button
        type="submit"
        name="vote"
        value={`vote-post:${active ? 0 : value}`}
        className={active ? "vote__button is-active" : "vote__button"}
        aria-pressed={active}
        aria-label={active ? `Retract ${label.toLowerCase()}` : label}
        title={disabledReason ?? label}
        disabled={disabledReason !== null}
      >
        {glyph}
      </button>
    );
  };
  return (
    <fetcher.Form method="post" className="vote vote--post" preventScrollReset>
      <span className="vote__group vote--karma">
        {button(1, "▲", "Upvote")}
        <span className="vote__score">{score - viewerValue + current}</span>
        {button(-1, "▼", "Downvote")}
      </span>
      {fetcher.data && fetcher.data.ok === false ? <span className="vote__error" role="alert">{fetcher.data.error}</span> : null}
    </fetcher.Form>
  );
}
