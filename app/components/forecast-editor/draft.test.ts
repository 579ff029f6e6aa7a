import { describe, expect, it } from "vitest";
import { getModel } from "../../forecast/index";
import { clearForecastDraft, loadDraft, parseDraft, saveDraft, serializeDraft, type Draft } from "./draft";

const draft: Draft = { modelId: "scaling-laws", fields: { N: "3.2e", law: "epoch" }, presetId: "gpt-3", rationales: { N: "why" } };

describe("draft storage", () => {
  it("round-trips, keeping half-typed text", () => {
    expect(parseDraft(serializeDraft(draft), getModel)).toEqual(draft);
    expect(JSON.parse(serializeDraft(draft)).v).toBe(1);
  });

  it("refuses missing, malformed, stale or foreign drafts", () => {
    expect(parseDraft(null, getModel)).toBeNull();
    expect(parseDraft("{", getModel)).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, v: 0 }), getModel)).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, v: 1, modelId: "gone" }), getModel)).toBeNull();
    expect(parseDraft(serializeDraft(draft), getModel, "bio-anchors")).toBeNull();
    expect(parseDraft(serializeDraft({ ...draft, fields: {} }), getModel)).toBeNull();
  });

  it("drops fields of unknown inputs, non-strings, unknown presets and stray rationales", () => {
    const text = JSON.stringify({ v: 1, modelId: "scaling-laws", fields: { N: "1", nope: "2", D: 3, "__proto__": "x" }, presetId: "nope", rationales: { N: 1, C: "c", zz: "z" } });
    expect(parseDraft(text, getModel)).toEqual({ modelId: "scaling-laws", fields: { N: "1" }, presetId: null, rationales: { C: "c" } });
  });

  it("is a no-op without browser storage", () => {
    expect(() => saveDraft("k", draft)).not.toThrow();
    expect(loadDraft("k")).toBeNull();
    expect(() => clearForecastDraft("k")).not.toThrow();
  });

  it("saves, loads and clears through localStorage", () => {
    const store = new Map<string, string>();
    const fake = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const g = globalThis as { window?: unknown };
    g.window = { localStorage: fake };
    try {
      saveDraft("fork:1", draft);
      expect(parseDraft(loadDraft("fork:1"), getModel)).toEqual(draft);
      clearForecastDraft("fork:1");
      expect(loadDraft("fork:1")).toBeNull();
    } finally {
      delete g.window;
    }
  });
});
