import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = await startTestServer();
  client = new Client(server.url);
});
afterAll(() => server.stop());

const preview = (body: unknown, headers: Record<string, string> = {}) =>
  client.request("POST", "/api/forecasts/preview", { body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });

describe("GET /api/models", () => {
  it("lists every built-in model with its inputs and input schema", async () => {
    const res = await client.get("/api/models");
    expect(res.status).toBe(200);
    const all = (JSON.parse(res.text) as { models: { id: string; version: number; inputs: unknown[]; presets: unknown[]; inputSchema: unknown }[] }).models;
    // The built-ins, beside the other families (quick forecasts: quick-forecasts.test.ts; Squiggle: squiggle-api.test.ts).
    expect(all.map((m) => m.id)).toEqual(expect.arrayContaining(["bio-anchors", "gpt-extrapolation", "scaling-laws", "squiggle"]));
    const models = all.filter((m) => m.id !== "squiggle");
    for (const m of models) {
      expect(m.inputs.length).toBeGreaterThan(0);
      expect(m.inputSchema).toBeTruthy();
    }
  });
});

describe("POST /api/forecasts/preview", () => {
  it("computes without saving, draws an SVG, and caches identical inputs", async () => {
    const before = await countRows(server, "forecasts");
    const first = await preview({ modelId: "bio-anchors", inputs: { hw_halving_years: 2 } });
    expect(first.status).toBe(200);
    const body = JSON.parse(first.text);
    expect(body.ok).toBe(true);
    expect(body.svg).toContain("<svg");
    expect(body.headlines.find((h: { key: string }) => h.key === "median").value).toBeGreaterThan(2030);
    const second = JSON.parse((await preview({ inputs: { hw_halving_years: 2 }, modelId: "bio-anchors" })).text);
    expect(second.cached).toBe(true);
    expect(second.headlines).toEqual(body.headlines);
    expect(await countRows(server, "forecasts")).toBe(before);
    // Not even the result: previews live in a bounded cache in memory.
    expect(await countRows(server, "forecast_results")).toBe(0);
  });

  it("stores nothing for any number of distinct previews, keeps only recent ones in memory, and persists a result once it is published", async () => {
    const distinct = 80;
    for (let i = 0; i < distinct; i++) {
      const res = await preview({ modelId: "gpt-extrapolation", inputs: {}, sampleCount: 1000 + i });
      expect(res.status).toBe(200);
    }
    expect(await countRows(server, "forecast_results")).toBe(0);
    // The cache is bounded: the most recent is still there, the oldest was evicted.
    expect(JSON.parse((await preview({ modelId: "gpt-extrapolation", inputs: {}, sampleCount: 1000 + distinct - 1 })).text).cached).toBe(true);
    expect(JSON.parse((await preview({ modelId: "gpt-extrapolation", inputs: {}, sampleCount: 1000 })).text).cached).toBe(false);

    const author = await signedUpClient(server.url, "preview-publisher");
    const published = await author.post("/posts/new", { title: "Published forecast", markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors", "forecast.hw_halving_years": "2" });
    expect(published.status).toBe(302);
    expect(await countRows(server, "forecast_results")).toBe(1);
    const id = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = 'published-forecast'"))!.forecast_id;
    expect((await client.get(`/api/forecasts/${id}`)).status).toBe(200);
  }, 120_000);

  const bad: [string, unknown, RegExp][] = [
    ["unknown input", { modelId: "bio-anchors", inputs: { moon_phase: 3 } }, /moon_phase/],
    ["wrong type", { modelId: "bio-anchors", inputs: { hw_halving_years: "fast" } }, /hw_halving_years|Hardware/i],
    ["out of range", { modelId: "bio-anchors", inputs: { hw_halving_years: 500 } }, /at most|between|must be/i],
    ["invalid distribution: p5 ≥ p95", { modelId: "bio-anchors", inputs: { genome_params: { kind: "ci90", shape: "lognormal", p5: 1e10, p95: 1e8 } } }, /5th percentile|below/i],
    ["invalid distribution: sd ≤ 0", { modelId: "bio-anchors", inputs: { genome_params: { kind: "lognormal", median: 7.5e8, sdOom: 0 } } }, /genome|spread|greater|positive/i],
    ["extra top-level key", { modelId: "bio-anchors", inputs: {}, sneaky: true }, /sneaky|Unrecognized/i],
    ["sample count over the cap", { modelId: "bio-anchors", inputs: {}, sampleCount: 50_000_000 }, /at most/],
  ];
  for (const [name, body, message] of bad) {
    it(`refuses ${name} with a 400 naming the field`, async () => {
      const res = await preview(body);
      expect(res.status).toBe(400);
      const json = JSON.parse(res.text);
      expect(json.ok).toBe(false);
      expect(json.error + JSON.stringify(json.errors)).toMatch(message);
    });
  }

  it("answers an unknown model id with a 404 naming it", async () => {
    const res = await preview({ modelId: "astrology", inputs: {} });
    expect(res.status).toBe(404);
    const json = JSON.parse(res.text);
    expect(json.ok).toBe(false);
    expect(json.error).toMatch(/astrology/);
    expect(json.error).toMatch(/GET \/api\/models/);
  });

  it("refuses non-finite numbers (JSON 1e309 parses to Infinity)", async () => {
    const res = await preview('{"modelId":"bio-anchors","inputs":{"hw_halving_years":1e309}}');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/hw_halving_years|Hardware/i);
  });

  it("refuses __proto__ and constructor keys without polluting anything", async () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const res = await preview(`{"modelId":"bio-anchors","inputs":{"${key}":{"polluted":true}}}`);
      expect(res.status, key).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses malformed JSON, wrong content types, deep nesting and oversized bodies", async () => {
    expect((await preview("{not json")).status).toBe(400);
    expect((await client.request("POST", "/api/forecasts/preview", { body: "modelId=bio-anchors", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(415);
    const deep = `{"modelId":"bio-anchors","inputs":{"x":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const deepRes = await preview(deep);
    expect(deepRes.status).toBe(400);
    expect(deepRes.text).toMatch(/nested/);
    const huge = await preview({ modelId: "bio-anchors", inputs: { pad: "x".repeat(400 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it("stops a run that exceeds its time budget with a 422, and the server keeps serving", async () => {
    // A tiny budget: a million-sample run cannot finish inside it.
    const slow = await startTestServer({ computeTimeoutMs: 20 });
    try {
      const c = new Client(slow.url);
      const res = await c.request("POST", "/api/forecasts/preview", {
        body: JSON.stringify({ modelId: "bio-anchors", inputs: {}, sampleCount: 1_000_000 }),
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(422);
      expect(res.text).toMatch(/compute budget/);
      expect((await c.get("/api/models")).status).toBe(200);
    } finally {
      await slow.stop();
    }
  });
});
