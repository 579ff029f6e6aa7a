// The one-time key a reply form sends (hidden input `submissionKey`), so the server can tell a
// double click or a retried request from a new reply (app/services/comments.server.ts replayOf).
import { useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";

export const SUBMISSION_KEY_FIELD = "submissionKey";

/** 128 random bits as hex. getRandomValues, unlike randomUUID, also works on plain-http pages. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Forms rendered on the server must hydrate with the key they were rendered with; forms that
// first appear later (opened, or after a client-side navigation) can pick their own at once.
let hydrated = false;

/**
 * A form's key: on the server, the page's random seed (root loader) plus the form's name, so
 * server and browser agree; otherwise random. `next()` after a successful send: the same form,
 * sent again, is a new reply.
 */
export function useSubmissionKey(formName: string): [key: string, next: () => void] {
  const seed = useRouteLoaderData<{ formSeed?: string }>("root")?.formSeed ?? "";
  const [key, setKey] = useState(() => (hydrated || !seed ? randomKey() : `${seed}-${formName}`));
  useEffect(() => {
    hydrated = true;
  }, []);
  return [key, useCallback(() => setKey(randomKey()), [])];
}
