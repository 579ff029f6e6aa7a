// What happens once a reply is posted. Without JavaScript the form posts the whole page, so it
// carries a marker (rendered only until the page hydrates) asking the server to redirect to the
// new reply; with JavaScript the form stays put, and focus moves to the new reply, announced.
import { AFTER_POST_FIELD } from "~/discussion/schemas";
import { announce } from "./announcer";
import { useHydrated } from "./forecast-editor/use-forecast-editor";

export function NoScriptReturn() {
  const hydrated = useHydrated();
  return hydrated ? null : <input type="hidden" name={AFTER_POST_FIELD} value="show" />;
}

/**
 * Focuses the reply the reader just posted and says so. The page has already revalidated
 * when a fetcher turns idle with its result, so the reply is in the document (unless a long
 * thread folded it away: then the words alone say it).
 */
export function revealReply(commentId: number | undefined, message: string): void {
  const el = commentId === undefined ? null : document.getElementById(`c-${commentId}`);
  if (el) {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
    // Scrolled by the page's scroll padding, so the reply's first line clears the sticky header.
    el.scrollIntoView({ block: "start" });
  }
  announce(message);
}
