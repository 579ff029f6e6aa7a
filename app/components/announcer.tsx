// One polite live region for the whole page: news that has no place of its own (a reply was
// posted and focused). Only scripts announce anything, so the region is drawn once they run, and
// a page's HTML does not carry it; this module stays small because the app shell imports it.
import { useEffect, useState } from "react";

const ANNOUNCER_ID = "announcer";

export function Announcer() {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  return scripted ? <div id={ANNOUNCER_ID} className="visually-hidden" role="status" /> : null;
}

/** Says `message` through the live region; emptied first, so the same words twice are heard twice. */
export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  region.textContent = "";
  setTimeout(() => {
    region.textContent = message;
  }, 60);
}
