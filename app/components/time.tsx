const formatter = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Absolute UTC dates: identical on server and client, so hydration never disagrees. */
export function Time({ at }: { at: number }) {
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{formatter.format(d)}</time>;
}
