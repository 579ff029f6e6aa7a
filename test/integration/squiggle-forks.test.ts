// A Squiggle post, its parameter forks and its code forks through the forms (with and without
// JavaScript), as stored and as the thread page, the API, the exports and rebase show them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { countRows, queryAll, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let author: Client;
let reader: Client;
const slug = "supply";

const PROGRAM = `@name("Yearly growth")
@doc("How many times larger the largest run gets each year.")
growth = 1.5 to 4

@name("Largest run in 2025")
start :: flop = 3e25 to 1e26

target :: flop = 1e28
years = log10(target / start) / log10(growth)

@name("Year of the first 1e28 FLOP run")
export arrival :: year = 2025 + years
`;

type Row = { id: number; program_hash: string | null; seed: number; overrides: string; rationales: string; attribution: string; comment_id: number; parent_forecast_id: number };
const forecastOfPost = async () => (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", slug))!.forecast_id;
const row = async (id: number) => (await queryOne<Row>(server, "SELECT * FROM forecasts WHERE id = ?", id))!;
const lastFork = async () => (await queryOne<Row>(server, "SELECT * FROM forecasts WHERE comment_id IS NOT NULL ORDER BY id DESC"))!;
const reply = (forkOf: number, fields: Record<string, string>, markdown = "A fork.") => reader.post(`/posts/${slug}`, { intent: "reply", markdown, parentId: "", forkOf, ...fields });
const jsonFork = (payload: unknown) => ({ fork: JSON.stringify(payload) });

beforeAll(async () => {
  server = await startTestServer();
  author = await signedUpClient(server.url, "modeller");
  reader = await signedUpClient(server.url, "skeptic");
  // Without JavaScript: the model field and the program's textarea.
  const res = await author.post("/posts/new", { title: "Supply", markdown: "A Squiggle model.", attachForecast: "on", "forecast.$model": "squiggle", "forecast.$source": PROGRAM });
  expect(res.status, res.text.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 3000)).toBe(302);
});
afterAll(() => server.stop());

describe("a Squiggle post", () => {
  it("stores the program once, pins interpreter, seed and samples, and reads without JavaScript", async () => {
    const post = await row(await forecastOfPost());
    expect(post.program_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await countRows(server, "squiggle_programs")).toBe(1);
    const page = await reader.get(`/posts/${slug}`);
    expect(page.text).toContain("Year of the first 1e28 FLOP run");
    expect(page.text).toMatch(/<svg[^>]*forecast-chart__svg/);
    expect(page.text).toContain("sq-listing");
    expect(page.text).toContain("@quri/squiggle-lang 0.10.0");
    const doc = JSON.parse((await reader.get(`/api/forecasts/${post.id}`)).text);
    expect(doc.provenance).toMatchObject({ seed: post.seed, sampleCount: 10_000, interpreter: "@quri/squiggle-lang 0.10.0" });
    expect(doc.program.source).toBe(PROGRAM);
    expect(doc.program.inputs.map((i: { name: string }) => i.name)).toEqual(["growth", "start", "target"]);
  });

  it("reruns with one input changed on the same seed, cheaply the second time (for sensitivity and attribution)", async () => {
    const post = await row(await forecastOfPost());
    const base = await server.services.forecasts.rerun(post.id, {});
    expect(base.cached).toBe(true);
    const changed = await server.services.forecasts.rerun(post.id, { target: 1e29 });
    expect(changed.options).toEqual({ seed: post.seed, sampleCount: 10_000 });
    expect(changed.overrides).toEqual({ target: 1e29 });
    expect(changed.result.headlines[0]!.value!).toBeGreaterThan(base.result.headlines[0]!.value!);
    expect((await server.services.forecasts.rerun(post.id, { target: 1e29 })).cached).toBe(true);
  });

  it("refuses a program with an error with the interpreter's line, and writes nothing", async () => {
    const before = await countRows(server, "posts");
    const res = await author.post("/posts/new", { title: "Broken", markdown: "x", attachForecast: "on", "forecast.$model": "squiggle", "forecast.$source": "x = 1 to\nexport y = x" });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/Line 2/);
    expect(await countRows(server, "posts")).toBe(before);
  });
});

describe("forking a Squiggle forecast", () => {
  it("a parameter fork keeps the program and the seed, and shows the changed parameter", async () => {
    const parent = await row(await forecastOfPost());
    const res = await reply(
      parent.id,
      jsonFork({ modelId: "squiggle", source: PROGRAM, inputs: { growth: { kind: "ci90", shape: "lognormal", p5: 1.2, p95: 2 } }, rationales: { growth: "power, not chips" } }),
    );
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const fork = await lastFork();
    expect(fork.program_hash).toBe(parent.program_hash);
    expect(fork.seed).toBe(parent.seed);
    expect(JSON.parse(fork.overrides)).toEqual({ growth: { kind: "ci90", shape: "lognormal", p5: 1.2, p95: 2 } });
    expect(JSON.parse(fork.rationales)).toEqual({ growth: "power, not chips" });
    const page = await reader.get(`/posts/${slug}`);
    expect(page.text).toContain("Yearly growth");
    expect(page.text).toContain("power, not chips");
    expect((await reader.get(`/api/forecasts/${fork.id}.overlay.svg`)).text).toContain("<svg");
  });

  it("code that differs only in a parameter's number is a parameter fork (the no-JavaScript way to fork)", async () => {
    const parent = await row(await forecastOfPost());
    const res = await reply(parent.id, { "fork.$model": "squiggle", "fork.$source": PROGRAM.replace("target :: flop = 1e28", "target :: flop = 3e28") });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const fork = await lastFork();
    expect(fork.program_hash).toBe(parent.program_hash);
    expect(JSON.parse(fork.overrides)).toEqual({ target: 3e28 });
  });

  it("a code fork stores its own program, keeps the parent's seed, and its card shows the diff and the code change's effect", async () => {
    const parent = await row(await forecastOfPost());
    const source = PROGRAM.replace("years = log10(target / start) / log10(growth)", "// Chips arrive a year late.\nyears = 1 + log10(target / start) / log10(growth)");
    const res = await reply(parent.id, { ...jsonFork({ modelId: "squiggle", source, inputs: { target: 2e28 }, rationales: { $code: "fabs lag a year", target: "a rounder target" } }) }, "Lag.");
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const fork = await lastFork();
    expect(fork.program_hash).not.toBe(parent.program_hash);
    expect(fork.seed).toBe(parent.seed);
    expect(JSON.parse(fork.rationales)).toEqual({ $code: "fabs lag a year", target: "a rounder target" });
    const attribution = JSON.parse(fork.attribution) as { name: string; alone: number }[];
    expect(attribution.map((a) => a.name)).toEqual(["target", "$code"]);
    const page = await reader.get(`/posts/${slug}`);
    expect(page.text).toContain("sq-diff");
    expect(page.text).toContain("// Chips arrive a year late.");
    expect(page.text).toContain("fabs lag a year");
    expect(page.text).toContain("The code change");
    // The forks table lists the code among the changes, not just the parameters.
    const table = page.text.slice(page.text.indexOf('class="forks-table"'));
    expect(table).toMatch(/<td>Code: 2 lines added, 1 line removed; Target: 2e28 flop<\/td>/);
  });

  it("refuses a fork that changes nothing, and a code fork that does not run", async () => {
    const parent = await row(await forecastOfPost());
    const before = await countRows(server, "forecasts");
    const same = await reply(parent.id, jsonFork({ modelId: "squiggle", source: PROGRAM, inputs: {} }));
    expect(same.status).toBe(400);
    expect(same.text).toMatch(/changes no inputs/);
    const broken = await reply(parent.id, jsonFork({ modelId: "squiggle", source: `${PROGRAM}\nz = nothing + 1`, inputs: {} }));
    expect(broken.status).toBe(422);
    expect(broken.text).toMatch(/nothing is not defined/);
    expect(await countRows(server, "forecasts")).toBe(before);
  });

  it("exports Squiggle forks, shows their lineage, and keeps the chart free of markup from the program", async () => {
    const json = JSON.parse((await reader.get(`/posts/${slug}/forks.json`)).text) as { forks: { model: { id: string }; headlines: Record<string, number> }[] };
    expect(json.forks.length).toBe(3);
    for (const f of json.forks) {
      expect(f.model.id).toBe("squiggle");
      expect(f.headlines.median).toBeGreaterThan(2025);
    }
    const lineage = await reader.get(`/forecasts/${(await lastFork()).id}`);
    expect(lineage.status).toBe(200);
    const hostile = await reader.request("POST", "/api/forecasts/preview", {
      body: JSON.stringify({ modelId: "squiggle", source: '@name("</text><script>alert(1)</script><text>")\nexport y :: year = normal(2040, 3)' }),
      headers: { "content-type": "application/json" },
    });
    expect(hostile.status).toBe(200);
    expect(JSON.parse(hostile.text).svg).not.toMatch(/<script/i);
  });

  it("rebases a stale parameter fork, but not a code fork", async () => {
    const edited = await author.post(`/posts/${slug}/edit`, { title: "Supply", markdown: "Edited.", attachForecast: "on", "forecast.$model": "squiggle", "forecast.$source": PROGRAM.replace("1.5 to 4", "1.5 to 5") });
    expect(edited.status).toBe(302);
    const forks = await queryAll<{ comment_id: number; program_hash: string }>(server, "SELECT id, comment_id, program_hash FROM forecasts WHERE comment_id IS NOT NULL ORDER BY id");
    const codeFork = forks.at(-1)!;
    const paramFork = forks[0]!;
    const refused = await reader.post(`/posts/${slug}`, { intent: "rebase-fork", commentId: codeFork.comment_id });
    expect(refused.status).toBe(409);
    expect(refused.text).toMatch(/changed the program's code/);
    const rebased = await reader.post(`/posts/${slug}`, { intent: "rebase-fork", commentId: paramFork.comment_id });
    expect(rebased.status, rebased.text.slice(0, 300)).toBe(200);
    const fork = await lastFork();
    expect(fork.parent_forecast_id).toBe(await forecastOfPost());
    expect(JSON.parse(fork.overrides)).toEqual({ growth: { kind: "ci90", shape: "lognormal", p5: 1.2, p95: 2 } });
  });
});

describe("analysing a Squiggle forecast", () => {
  const api = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const res = await reader.request(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    return { status: res.status, body: JSON.parse(res.text) };
  };
  const medianOf = (result: { headlines: { key: string; fractional?: number; value: number | null }[] }) => {
    const h = result.headlines.find((x) => x.key === "median")!;
    return h.fractional ?? h.value!;
  };

  it("draws a tornado over every parameter, each end run in the sandbox on the forecast's own seed", async () => {
    const id = await forecastOfPost();
    const { status, body } = await api("GET", `/api/forecasts/${id}/sensitivity`);
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.seed).toBe((await row(id)).seed);
    expect(body.sampleCount).toBe(10_000);
    expect(body.tornado.bars.map((b: { input: string }) => b.input).sort()).toEqual(["growth", "start", "target"]);
    const swings = body.tornado.bars.map((b: { swing: number }) => b.swing);
    expect(swings).toEqual([...swings].sort((a: number, b: number) => b - a));
    // Same draws as the stored forecast: the base is its median.
    const stored = (await api("GET", `/api/forecasts/${id}`)).body;
    expect(body.base).toBeCloseTo(medianOf(stored.result), 6);
    // A larger target is reached later, on the same draws.
    const target = body.tornado.bars.find((b: { input: string }) => b.input === "target");
    expect(target.high.value).toBeGreaterThan(body.base);
    expect(target.low.value).toBeLessThan(body.base);
    expect(body.method).toMatch(/sandbox/);
  });

  it("solves for a parameter: the value of a known change comes back, and a Squiggle solve needs its parent", async () => {
    const id = await forecastOfPost();
    const known = await server.services.forecasts.rerun(id, { target: 1e29 });
    const goal = medianOf(known.result);
    const { status, body } = await api("POST", "/api/forecasts/solve", { modelId: "squiggle", inputs: {}, parentForecastId: id, input: "target", target: { metric: "median", value: goal } });
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.status).toBe("solved");
    expect(Math.abs(Math.log10(body.value) - 29), JSON.stringify({ goal, body })).toBeLessThan(0.05);
    const orphan = await api("POST", "/api/forecasts/solve", { modelId: "squiggle", inputs: {}, input: "target", target: { metric: "median", value: goal } });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error).toMatch(/needs the forecast being forked/);
  });
});
