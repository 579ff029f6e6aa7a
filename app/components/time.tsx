const formatter = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * A thread shows the same few dozen timestamps on every view, and Intl formatting is among the
 * costlier calls of a render: each is formatted once. Emptied when full, never large.
 */
const shown = new Map<number, readonly [iso: string, text: string]>();

function dateOf(at: number): readonly [string, string] {
  let known = shown.get(at);
  if (!known) {
    if (shown.size >= 5_000) shown.clear();
    const d = new Date(at);
    shown.set(at, (known = [d.toISOString(), formatter.format(d)]));
  }
  return known;
}

/** Absolute UTC dates: identical on server and client, so hydration never disagrees. */
export function Time({ at }: { at: number }) {
  const [iso, text] = dateOf(at);
  return <time dateTime={iso}>{text}</time>;
}

const withClock = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** Date and time to the minute, in UTC (said so), for records where the order within a day matters. */
export function DateTime({ at }: { at: number }) {
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{`${withClock.format(d).replace(",", "")} UTC`}</time>;
}
