import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { parseCsv } from "../support/csv";
import { countRows, queryAll, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let author: Client;
let reader: Client;
let slug: string;
let otherSlug: string;
let postForecast: number;
let otherForecast: number;

const forecastOf = async (s: string) => (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", s))!.forecast_id;
// The editor's plain (no-JavaScript) fields: fork.$model and fork.<input>.
const forkForm = (forkOf: number | string, fields: Record<string, string | number>, markdown = "A fork.") => ({
  intent: "reply",
  markdown,
  parentId: "",
  forkOf,
  "fork.$model": "bio-anchors",
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`fork.${k}`, v])),
});

beforeAll(async () => {
  server = await startTestServer();
  author = await signedUpClient(server.url, "host");
  reader = await signedUpClient(server.url, "forker");
  for (const title of ["Timelines", "Other timelines"]) {
    const res = await author.post("/posts/new", { title, markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors" });
    expect(res.status).toBe(302);
  }
  slug = "timelines";
  otherSlug = "other-timelines";
  postForecast = await forecastOf(slug);
  otherForecast = await forecastOf(otherSlug);
});
afterAll(() => server.stop());

describe("forking in replies", () => {
  it("stores the fork with lineage, pinned provenance and the reason given", async () => {
    const res = await reader.post(`/posts/${slug}`, { ...forkForm(postForecast, { hw_halving_years: "1.5" }), "fork.$why.hw_halving_years": "A100s beat the trend" });
    expect(res.status).toBe(200);
    const row = (await queryOne<{ parent_forecast_id: number; comment_id: number; sample_count: number; model_version: number; overrides: string; rationales: string; shift: string }>(
      server,
      "SELECT * FROM forecasts WHERE parent_forecast_id = ?",
      postForecast,
    ))!;
    expect(row.sample_count).toBe(100_000);
    expect(row.model_version).toBe(2);
    expect(JSON.parse(row.overrides)).toEqual({ hw_halving_years: 1.5 });
    expect(JSON.parse(row.rationales)).toEqual({ hw_halving_years: "A100s beat the trend" });
    expect((await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM comments WHERE id = ?", row.comment_id))!.forecast_id).toBeGreaterThan(0);
    const page = await reader.get(`/posts/${slug}`);
    expect(page.text).toContain("fork-card");
    expect(page.text).toMatch(/Hardware cost halving time/);
    expect(page.text).toMatch(/A100s beat the trend/);
    // The shift in words is written once with the fork; the card shows exactly that text.
    expect(row.shift).toMatch(/^median arrival \d{4} → \d{4}; P\(by 2036\) [\d.]+% → [\d.]+%$/);
    expect(page.text).toContain(row.shift);
  });

  it("refuses bad forks with a clear 4xx and writes nothing", async () => {
    const before = { comments: await countRows(server, "comments"), forecasts: await countRows(server, "forecasts") };
    const cases: [Record<string, string | number>, number, RegExp][] = [
      [forkForm(999_999, { hw_halving_years: "1.5" }), 404, /forking was not found/],
      [forkForm(otherForecast, { hw_halving_years: "1.5" }), 400, /another post's thread/],
      [forkForm(postForecast, {}), 400, /changes no inputs/],
      [forkForm(postForecast, { hw_halving_years: "500" }), 400, /Hardware cost halving time/],
      [forkForm(postForecast, { hw_halving_years: "fast" }), 400, /Hardware cost halving time/],
      [forkForm("abc", { hw_halving_years: "1.5" }), 400, /id/i],
    ];
    for (const [form, status, message] of cases) {
      const res = await reader.post(`/posts/${slug}`, form);
      expect(res.status, JSON.stringify(form)).toBe(status);
      expect(res.text).toMatch(message);
    }
    expect(await countRows(server, "comments")).toBe(before.comments);
    expect(await countRows(server, "forecasts")).toBe(before.forecasts);
  });

  it("refuses to fork a forecast that sits on a deleted comment", async () => {
    await reader.post(`/posts/${slug}`, forkForm(postForecast, { spend_2025: "3e9" }, "to be deleted"));
    const c = (await queryOne<{ id: number; forecast_id: number }>(server, "SELECT id, forecast_id FROM comments WHERE markdown = 'to be deleted'"))!;
    expect((await reader.post(`/posts/${slug}`, { intent: "delete-comment", commentId: c.id })).status).toBe(200);
    const res = await author.post(`/posts/${slug}`, forkForm(c.forecast_id, { hw_halving_years: "2" }));
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/deleted comment/);
  });

  it("flags forks of an earlier version after the author edits the post's forecast", async () => {
    const edit = await author.post(`/posts/${slug}/edit`, { title: "Timelines", markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors", "forecast.gdp_growth": "4%" });
    expect(edit.status).toBe(302);
    expect(await forecastOf(slug)).not.toBe(postForecast);
    const page = await reader.get(`/posts/${slug}`);
    expect(page.text).toContain("Forked from an earlier version");
  });

  it("rebases a stale fork onto the new forecast as a new fork; the old one stays", async () => {
    const stale = (await queryOne<{ id: number; comment_id: number }>(server, "SELECT id, comment_id FROM forecasts WHERE parent_forecast_id = ? AND overrides LIKE '%hw_halving_years%'", postForecast))!;
    expect((await author.post(`/posts/${slug}`, { intent: "rebase-fork", commentId: stale.comment_id })).status).toBe(403);
    const res = await reader.post(`/posts/${slug}`, { intent: "rebase-fork", commentId: stale.comment_id });
    expect(res.status).toBe(200);
    const current = await forecastOf(slug);
    const rebased = (await queryOne<{ inputs: string; overrides: string; parent_forecast_id: number }>(server, "SELECT inputs, overrides, parent_forecast_id FROM forecasts WHERE parent_forecast_id = ? ORDER BY id DESC", current))!;
    expect(JSON.parse(rebased.overrides)).toEqual({ hw_halving_years: 1.5 });
    expect(JSON.parse(rebased.inputs).gdp_growth).toBeCloseTo(0.04);
    expect(await countRows(server, "forecasts", "id = ?", stale.id)).toBe(1);
    // The old fork now points to its rebase instead of offering another.
    const page = (await reader.get(`/posts/${slug}`)).text;
    expect(page).toContain("Rebased onto the current version in a reply below.");
    expect((await author.get(`/posts/${slug}`)).text).toContain("Rebased onto the current version in a reply below.");
  });

  it("exports every fork as CSV and JSON that match the database", async () => {
    const dbForks = await queryAll<{ id: number; comment_id: number; parent_forecast_id: number; seed: number; sample_count: number; inputs: string; handle: string }>(
      server,
      "SELECT f.id, f.comment_id, f.parent_forecast_id, f.seed, f.sample_count, f.inputs, u.handle FROM forecasts f JOIN users u ON u.id = f.author_id JOIN comments c ON c.id = f.comment_id WHERE f.post_id = (SELECT id FROM posts WHERE slug = ?) AND c.status = 'visible' ORDER BY f.id",
      slug,
    );
    expect(dbForks.length).toBeGreaterThanOrEqual(2);

    const json = await reader.get(`/posts/${slug}/forks.json`);
    expect(json.status).toBe(200);
    const doc = JSON.parse(json.text) as { forks: { forecastId: number; commentId: number; parentForecastId: number; author: { handle: string }; provenance: { seed: number; sampleCount: number }; inputs: Record<string, unknown>; headlines: Record<string, number | null> }[] };
    expect(doc.forks.map((f) => f.forecastId)).toEqual(dbForks.map((f) => f.id));
    for (const [i, f] of doc.forks.entries()) {
      const row = dbForks[i]!;
      expect(f).toMatchObject({ commentId: row.comment_id, parentForecastId: row.parent_forecast_id, author: { handle: row.handle }, provenance: { seed: row.seed, sampleCount: row.sample_count } });
      expect(f.inputs).toEqual(JSON.parse(row.inputs));
      expect(typeof f.headlines.median).toBe("number");
    }

    const csv = await reader.get(`/posts/${slug}/forks.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const [header, ...lines] = parseCsv(csv.text);
    expect(lines).toHaveLength(dbForks.length);
    const col = (name: string) => header!.indexOf(name);
    for (const [i, line] of lines.entries()) {
      const row = dbForks[i]!;
      expect(Number(line[col("forecast_id")])).toBe(row.id);
      expect(line[col("author")]).toBe(row.handle);
      expect(Number(line[col("input_hw_halving_years")])).toBe(JSON.parse(row.inputs).hw_halving_years);
      expect(Number(line[col("headline_median")])).toBe(doc.forks[i]!.headlines.median);
    }
    expect((await reader.get("/posts/no-such-post/forks.csv")).status).toBe(404);
  });
});

describe("a fork submitted twice", () => {
  it("is computed and stored once for one submission key", async () => {
    const submissionKey = `fork${Date.now().toString(36)}abcdefghijklmnop`;
    const form = { ...forkForm(postForecast, { hw_halving_years: "1.23" }, "One fork, two clicks."), submissionKey };
    const [a, b] = await Promise.all([reader.post(`/posts/${slug}`, form), reader.post(`/posts/${slug}`, form)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await countRows(server, "comments", "markdown = 'One fork, two clicks.'")).toBe(1);
    expect(await countRows(server, "forecasts", "inputs LIKE '%1.23%' AND comment_id IS NOT NULL")).toBe(1);
  });
});
