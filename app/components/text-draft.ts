// A reply's text, kept in this browser while it is being written, so a reload (or a crash)
// does not lose it: localStorage, keyed by post and parent, cleared after a successful post.
// Without JavaScript nothing is kept, and nothing needs to be: the form is never re-rendered.
import { useCallback, useEffect, useRef } from "react";
import { clearForecastDraft, loadDraft } from "./forecast-editor/draft";

/** Longer than any comment the schema accepts is not a draft worth keeping. */
const MAX_DRAFT = 100_000;

export const replyTextKey = (slug: string, parentId: number | null) => `text:${slug}:${parentId ?? "post"}`;
export const forkTextKey = (forkStorageKey: string) => `${forkStorageKey}:text`;

export function hasTextDraft(key: string): boolean {
  return Boolean(loadDraft(key)?.trim());
}

function save(key: string, text: string): void {
  try {
    if (text.trim() && text.length <= MAX_DRAFT) window.localStorage.setItem(key, text);
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the text is simply not kept.
  }
}

/**
 * Binds a textarea to a stored draft: restores it after mount (the server cannot know it),
 * saves on every input. `clear()` after the reply was posted. A null key keeps nothing.
 */
export function useTextDraft(key: string | null) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!key || !el || el.value) return;
    const saved = loadDraft(key);
    if (saved) el.value = saved;
  }, [key]);
  const onInput = useCallback((e: { currentTarget: HTMLTextAreaElement }) => key && save(key, e.currentTarget.value), [key]);
  const clear = useCallback(() => key && clearForecastDraft(key), [key]);
  return { ref, onInput, clear };
}
