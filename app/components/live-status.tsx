// A quiet "is this page live?" mark. It renders an empty live region on the server and
// without JavaScript, so nothing promises updates that will never come.
import liveCss from "~/styles/live.css?url";
import type { LiveStatusValue } from "~/live/use-live-post";

/** Add to the links of any route that shows <LiveStatus>. */
export const liveStatusLinks = () => [{ rel: "stylesheet", href: liveCss }];

const LABELS: Record<LiveStatusValue, string> = {
  idle: "",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Live updates off",
};

export function LiveStatus({ connected, status }: { connected: boolean; status?: LiveStatusValue }) {
  const value: LiveStatusValue = status ?? (connected ? "live" : "reconnecting");
  return (
    // The region exists from the first render so screen readers announce later changes, politely.
    <span className={`live-status live-status--${value}`} role="status" aria-live="polite">
      {value === "idle" ? null : (
        <>
          <span className="live-status__dot" aria-hidden="true" />
          {LABELS[value]}
        </>
      )}
    </span>
  );
}
