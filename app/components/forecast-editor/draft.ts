// Drafts in localStorage: what the user typed (field texts, not parsed values, so a
// half-typed "3.2e" survives a reload), the model, the preset and a fork's rationales.
// Reading is defensive: storage is user-controlled, may be stale or from another version.

import type { ForecastModel } from "../../forecast/index";
import type { Fields } from "./fields";
import { inputNameOf } from "./fields";

export const DRAFT_VERSION = 1;
/** Field texts longer than this are surely not numbers a person typed. */
const MAX_TEXT = 500;

export interface Draft {
  modelId: string;
  fields: Fields;
  presetId: string | null;
  rationales: Record<string, string>;
}

export function serializeDraft(draft: Draft): string {
  return JSON.stringify({ v: DRAFT_VERSION, ...draft });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function stringsOf(v: unknown, keep: (key: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [k, text] of Object.entries(v)) {
    if (typeof text === "string" && text.length <= MAX_TEXT && keep(k)) out[k] = text;
  }
  return out;
}

/**
 * A stored draft, or null when it is missing, malformed, from another version, for an
 * unknown model or (when the model is fixed, as in a fork) for another model. Fields of
 * inputs the model does not have are dropped.
 */
export function parseDraft(
  text: string | null,
  getModel: (id: string) => ForecastModel | undefined,
  fixedModelId?: string,
): Draft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.v !== DRAFT_VERSION || typeof raw.modelId !== "string") return null;
  if (fixedModelId !== undefined && raw.modelId !== fixedModelId) return null;
  const model = getModel(raw.modelId);
  if (!model) return null;
  const names = new Set(model.inputs.map((d) => d.name));
  const fields = stringsOf(raw.fields, (k) => names.has(inputNameOf(k)));
  if (Object.keys(fields).length === 0) return null;
  const presetId = typeof raw.presetId === "string" && model.presets.some((p) => p.id === raw.presetId) ? raw.presetId : null;
  return { modelId: model.id, fields, presetId, rationales: stringsOf(raw.rationales, (k) => names.has(k)) };
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frames)
  }
}

export function loadDraft(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, serializeDraft(draft));
  } catch {
    // Quota exceeded or storage disabled: the draft is simply not kept.
  }
}

/** Forget the draft saved under `storageKey` (call it after the form was submitted successfully). */
export function clearForecastDraft(storageKey: string): void {
  try {
    storage()?.removeItem(storageKey);
  } catch {
    // nothing to clear
  }
}
