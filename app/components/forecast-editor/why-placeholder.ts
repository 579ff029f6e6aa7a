import type { InputDiff } from "~/forecast/diff";

/** Values longer than this (tables, distributions) would push the question out of the box. */
const SHORT = 24;

/**
 * The hint in a changed input's "Why this change?" box: the change itself, asked back, so each
 * box prompts for the reason behind its own number rather than one example sentence for all.
 */
export function whyPlaceholder(diff: Pick<InputDiff, "label" | "fromText" | "toText">): string {
  const label = diff.label.charAt(0).toLowerCase() + diff.label.slice(1);
  if (diff.toText.length <= SHORT && diff.fromText.length <= SHORT) return `Why ${diff.toText} rather than ${diff.fromText}? A source or an argument`;
  return `What makes you change ${label}? A source or an argument`;
}
