const formatter = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Absolute UTC dates: identical on server and client, so hydration never disagrees. */
export function Time({ at }: { at: number }) {
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{formatter.format(d)}</time>;
}

const withClock = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** Date and time to the minute, in UTC (said so), for records where the order within a day matters. */
export function DateTime({ at }: { at: number }) {
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{`${withClock.format(d).replace(",", "")} UTC`}</time>;
}
