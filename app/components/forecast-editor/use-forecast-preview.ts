// Live preview: POST the inputs to the preview endpoint, debounced, one request at a time.

import { useEffect, useRef, useState } from "react";
import type { InputIssue } from "../../forecast/index";
import type { PreviewRequest } from "./payload";
import { parsePreviewResponse, type PreviewOutcome, type PreviewResult, type ProgramProblem } from "./preview";

export const DEFAULT_PREVIEW_URL = "/api/forecasts/preview";
const CACHE_SIZE = 24;

export type PreviewStatus =
  /** Nothing asked yet (server render, or scripts not running). */
  | "idle"
  /** Waiting for the debounce or the server; the last result stays visible, dimmed. */
  | "pending"
  | "ok"
  /** The server refused some inputs; errors go next to the fields. */
  | "invalid"
  /** The browser-side check failed, so nothing is sent. */
  | "blocked"
  /** A Squiggle program the interpreter refused: the problem is shown in the code. */
  | "program"
  | "unavailable";

export interface PreviewState {
  status: PreviewStatus;
  /** The latest result, kept while a newer one is computed or when the preview fails. */
  result: PreviewResult | null;
  errors: InputIssue[];
  message: string | null;
  problem?: ProgramProblem;
}

const IDLE: PreviewState = { status: "idle", result: null, errors: [], message: null };

/**
 * Preview `request` whenever it changes (null: the inputs are invalid, send nothing).
 * Changes are debounced by `delay` ms (the first preview goes at once); a new request
 * aborts the one in flight; answers for the same inputs are reused from a small cache.
 */
export function useForecastPreview(request: PreviewRequest | null, url = DEFAULT_PREVIEW_URL, delay = 400): PreviewState {
  const [state, setState] = useState<PreviewState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const cache = useRef(new Map<string, PreviewOutcome>());
  const first = useRef(true);
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    const apply = (outcome: PreviewOutcome) =>
      setState((prev) =>
        outcome.kind === "ok"
          ? { status: "ok", result: outcome.result, errors: [], message: null }
          : outcome.kind === "invalid"
            ? { status: "invalid", result: prev.result, errors: outcome.errors, message: null }
            : outcome.kind === "program"
              ? { status: "program", result: prev.result, errors: [], message: outcome.problem.message, problem: outcome.problem }
              : { status: "unavailable", result: prev.result, errors: [], message: outcome.message },
      );

    if (key === null) {
      controller.current?.abort();
      setState((prev) => ({ ...prev, status: "blocked", errors: [], message: null }));
      return;
    }
    const cached = cache.current.get(key);
    if (cached) {
      controller.current?.abort();
      apply(cached);
      return;
    }
    setState((prev) => ({ ...prev, status: "pending", message: null }));
    const wait = first.current ? 0 : delay;
    first.current = false;
    const timer = setTimeout(async () => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      let outcome: PreviewOutcome;
      try {
        const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: key, signal: ac.signal });
        const body: unknown = await res.json().catch(() => undefined);
        outcome = parsePreviewResponse(res.status, body);
      } catch (err) {
        if (ac.signal.aborted || (err instanceof DOMException && err.name === "AbortError")) return;
        outcome = parsePreviewResponse(0, undefined);
      }
      if (ac.signal.aborted) return;
      if (outcome.kind !== "unavailable") {
        cache.current.set(key, outcome);
        if (cache.current.size > CACHE_SIZE) cache.current.delete(cache.current.keys().next().value!);
      }
      apply(outcome);
    }, wait);
    return () => clearTimeout(timer);
  }, [key, url, delay]);

  useEffect(() => () => controller.current?.abort(), []);
  return state;
}
