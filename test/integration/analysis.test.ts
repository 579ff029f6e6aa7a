// Sensitivity, the reader's own question, the solver, compare, fork attribution and the fork
// preview against a real server and the seeded threads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { queryAll, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";
import { parseCsv } from "../support/csv";

let server: TestServer;
let client: Client;
let postForecast: number;
let slug: string;
let forks: { id: number; parent: number }[];

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  client = new Client(server.url);
  const post = (await queryOne<{ forecast_id: number; slug: string; id: number }>(server, "SELECT p.forecast_id, p.slug, p.id FROM posts p JOIN forecasts f ON f.id = p.forecast_id WHERE f.model_id = 'bio-anchors'"))!;
  postForecast = post.forecast_id;
  slug = post.slug;
  forks = await queryAll<{ id: number; parent: number }>(server, "SELECT id, parent_forecast_id AS parent FROM forecasts WHERE post_id = ? AND comment_id IS NOT NULL ORDER BY id", post.id);
}, 120_000);
afterAll(() => server.stop());

const json = async (path: string) => {
  const res = await client.get(path);
  return { status: res.status, body: JSON.parse(res.text) };
};
const postJson = async (path: string, body: unknown) => {
  const res = await client.request("POST", path, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  return { status: res.status, body: JSON.parse(res.text) };
};

describe("GET /api/forecasts/:id/sensitivity", () => {
  it("measures every input on the forecast's own seed, largest swing first, with a chart and its text", async () => {
    const { status, body } = await json(`/api/forecasts/${postForecast}/sensitivity`);
    expect(status).toBe(200);
    const doc = (await json(`/api/forecasts/${postForecast}`)).body;
    expect(body.seed).toBe(doc.provenance.seed);
    expect(body.metric.key).toBe("median");
    // The base run is the stored forecast itself (same inputs, seed and sample count).
    expect(body.base).toBeCloseTo(doc.result.headlines.find((h: { key: string }) => h.key === "median").fractional, 9);
    const swings = body.tornado.bars.map((b: { swing: number }) => b.swing);
    expect([...swings].sort((x: number, y: number) => y - x)).toEqual(swings);
    expect(body.tornado.bars.length).toBeGreaterThan(30);
    expect(body.svg).toContain("<svg");
    expect(body.description).toMatch(/^Median year of this forecast: 205\d\.\d\. Largest swings: /);
    expect(body.method).toMatch(/this forecast's seed/);
  });

  it("takes another metric, and refuses bad ones and unknown forecasts clearly", async () => {
    const p = await json(`/api/forecasts/${postForecast}/sensitivity?metric=p@2036`);
    expect(p.status).toBe(200);
    expect(p.body.metric).toEqual({ key: "p@2036", label: "P(by 2036)", unit: "pp" });
    const bad = await json(`/api/forecasts/${postForecast}/sensitivity?metric=mean`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/metric: Use "median"/);
    expect((await json(`/api/forecasts/${postForecast}/sensitivity?colour=red`)).status).toBe(400);
    expect((await json(`/api/forecasts/999999/sensitivity`)).status).toBe(404);
    expect((await json(`/api/forecasts/${postForecast}/sensitivity?metric=headline:nope`)).status).toBe(400);
  });
});

describe("the reader's own question", () => {
  it("answers P(by year) and the year at p from the stored curve", async () => {
    const { status, body } = await json(`/api/forecasts/${postForecast}?year=2035&p=0.25`);
    expect(status).toBe(200);
    const cdf = body.result.series.cdf as { year: number; p: number }[];
    expect(body.question.pByYear).toBe(cdf.find((r) => r.year === 2035)!.p);
    expect(body.question.yearAtP).toBeGreaterThan(2030);
    expect(Math.ceil(body.question.yearAtP)).toBe(cdf.find((r) => r.p >= 0.25)!.year);
  });

  it("refuses questions it cannot answer, saying why", async () => {
    expect((await json(`/api/forecasts/${postForecast}?year=2200`)).body.error).toMatch(/within the modelled years 2025–2100/);
    expect((await json(`/api/forecasts/${postForecast}?year=20x5`)).status).toBe(400);
    expect((await json(`/api/forecasts/${postForecast}?p=1.5`)).body.error).toMatch(/below 1/);
    expect((await json(`/api/forecasts/${postForecast}?year=2035.5`)).body.error).toMatch(/whole year/);
  });

  it("answers it for every fork in the exports", async () => {
    const csv = parseCsv((await client.get(`/posts/${slug}/forks.csv?year=2040&p=0.5`)).text);
    const [header, ...rows] = csv;
    expect(header).toContain("p_by_2040");
    expect(header).toContain("year_at_0.5");
    expect(header).toContain("headline_median_fractional");
    const col = (name: string) => header!.indexOf(name);
    for (const row of rows) expect(Number(row[col("year_at_0.5")])).toBeCloseTo(Number(row[col("headline_median_fractional")]), 9);
    const j = (await json(`/posts/${slug}/forks.json?year=2040`)).body;
    expect(typeof j.forks[0].yourQuestion.pByYear).toBe("number");
  });
});

describe("fork attribution", () => {
  it("stores Shapley parts that add up to the shift between the stored parent and fork (same seed)", async () => {
    for (const f of forks) {
      const row = (await queryOne<{ attribution: string; seed: number }>(server, "SELECT attribution, seed FROM forecasts WHERE id = ?", f.id))!;
      const parent = (await queryOne<{ seed: number }>(server, "SELECT seed FROM forecasts WHERE id = ?", f.parent))!;
      expect(row.seed).toBe(parent.seed);
      const a = JSON.parse(row.attribution);
      expect(a.v).toBe(2);
      const median = async (id: number) => (await json(`/api/forecasts/${id}`)).body.result.headlines.find((h: { key: string }) => h.key === "median").fractional;
      expect(a.from).toBeCloseTo(await median(f.parent), 9);
      expect(a.to).toBeCloseTo(await median(f.id), 9);
      expect(a.parts.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBeCloseTo(a.to - a.from, 9);
    }
  });
});

describe("POST /api/forecasts/solve", () => {
  it("finds the value behind a target, on the parent's seed", async () => {
    const { status, body } = await postJson("/api/forecasts/solve", { modelId: "bio-anchors", inputs: {}, parentForecastId: postForecast, input: "flop_per_dollar_2020", target: { metric: "median", value: 2045 } });
    expect(status).toBe(200);
    expect(body.status).toBe("solved");
    expect(Math.abs(body.achieved - 2045)).toBeLessThanOrEqual(0.05);
    expect(body.input.name).toBe("flop_per_dollar_2020");
    expect(body.seed).toBe((await json(`/api/forecasts/${postForecast}`)).body.provenance.seed);
  });

  it("says when no value reaches the target, and refuses bad requests", async () => {
    const out = await postJson("/api/forecasts/solve", { modelId: "bio-anchors", input: "gdp_growth", target: { metric: "median", value: 2026 } });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe("unreachable");
    expect(out.body.message).toMatch(/^No value of gdp growth/);
    const bad = [
      [{ modelId: "bio-anchors", input: "low_end_update", target: { metric: "median", value: 2040 } }, /cannot be solved for/],
      [{ modelId: "bio-anchors", input: "hw_halving_years", target: { metric: "p@2036", value: 35 } }, /between 0 and 1/],
      [{ modelId: "bio-anchors", input: "hw_halving_years", target: { metric: "median", value: 3000 } }, /between 1900 and 2300/],
      [{ modelId: "bio-anchors", input: "hw_halving_years", inputs: { hw_halving_years: 99 }, target: { metric: "median", value: 2040 } }, /at most 10/],
      [{ modelId: "bio-anchors", input: "hw_halving_years", parentForecastId: 999999, target: { metric: "median", value: 2040 } }, /not found/],
    ] as const;
    for (const [body, message] of bad) {
      const res = await postJson("/api/forecasts/solve", body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error).toMatch(message);
    }
  });
});

describe("compare", () => {
  it("compares a fork with its parent: diff, and parts that add up to the difference", async () => {
    const f = forks[forks.length - 1]!;
    const { status, body } = await json(`/api/compare?a=${f.parent}&b=${f.id}`);
    expect(status).toBe(200);
    expect(body.diff.length).toBeGreaterThan(0);
    const parts = body.attribution.parts as { rounded: number }[];
    const total = Number(body.attribution.totalText.replace("−", "-").replace(/[^\d.+-]/g, ""));
    expect(Number(parts.reduce((s, p) => s + p.rounded, 0).toFixed(1))).toBeCloseTo(total, 9);
    expect(body.notes.join(" ")).toMatch(/share one seed/);
  });

  it("compares a fork with the thread's aggregate, and across branches", async () => {
    const post = (await queryOne<{ id: number }>(server, "SELECT post_id AS id FROM forecasts WHERE id = ?", postForecast))!;
    const agg = await json(`/api/compare?a=aggregate-${post.id}&b=${forks[0]!.id}`);
    expect(agg.status).toBe(200);
    expect(agg.body.a.kind).toBe("aggregate");
    expect(agg.body.attribution).toBeNull();
    expect(agg.body.notes.join(" ")).toMatch(/no inputs of its own/);
    const across = await json(`/api/compare?a=${forks[0]!.id}&b=${forks[forks.length - 1]!.id}`);
    expect(across.status).toBe(200);
    expect(across.body.headlines[0].label).toBe("Median year");
  });

  it("shows a code fork's change of program, and makes no claim that its inputs alone differ", async () => {
    const fork = (await queryOne<{ id: number; parent: number }>(server, "SELECT f.id, f.parent_forecast_id AS parent FROM forecasts f JOIN forecasts p ON p.id = f.parent_forecast_id WHERE f.model_id = 'squiggle' AND f.program_hash <> p.program_hash ORDER BY f.id LIMIT 1"))!;
    expect(fork, "the seed has a Squiggle fork that edits the code").toBeDefined();
    const { status, body } = await json(`/api/compare?a=${fork.parent}&b=${fork.id}`);
    expect(status).toBe(200);
    expect(body.diff[0]).toMatchObject({ name: "$code", label: "The program's code" });
    expect(body.diff[0].to).toMatch(/^\d+ lines \(\d+ lines? added, \d+ lines? removed\)$/);
    const notes = body.notes.join(" ");
    expect(notes).toMatch(/run different programs/);
    expect(notes).not.toMatch(/same inputs|difference is the inputs' alone/);
    expect(body.attribution).toBeNull();
  });

  it("compares two quick answers as probabilities, in percentage points, without samples or fractional years", async () => {
    const answer = (await queryOne<{ id: number; parent: number }>(server, "SELECT id, parent_forecast_id AS parent FROM forecasts WHERE model_id = 'quick-probability' AND parent_forecast_id IS NOT NULL ORDER BY id LIMIT 1"))!;
    expect(answer, "the seed has an answer to a quick question").toBeDefined();
    const { status, body } = await json(`/api/compare?a=${answer.parent}&b=${answer.id}`);
    expect(status).toBe(200);
    expect(body.fractionalYears).toBe(false);
    for (const h of body.headlines) expect(`${h.a} ${h.b}`).toMatch(/^\d+(\.\d+)?% \d+(\.\d+)?%$/);
    expect(body.notes.join(" ")).not.toMatch(/samples|seed/);
    if (body.attribution) {
      expect(body.attribution.fromText).toMatch(/%$/);
      expect(body.attribution.totalText).toMatch(/ pp$/);
    }
    const page = await client.get(`/compare?a=${answer.parent}&b=${answer.id}`);
    expect(page.text).not.toContain("Years are fractional");
  });

  it("speaks of seeds and samples only where sampling made the numbers", async () => {
    const gpt = (await queryOne<{ forecast_id: number; slug: string }>(server, "SELECT p.forecast_id, p.slug FROM posts p JOIN forecasts f ON f.id = p.forecast_id WHERE f.model_id = 'gpt-extrapolation'"))!;
    const forker = await signedUpClient(server.url, "exact-forker");
    const reply = await forker.post(`/posts/${gpt.slug}`, { intent: "reply", markdown: "Linear instead.", parentId: "", forkOf: gpt.forecast_id, "fork.$model": "gpt-extrapolation", "fork.fit": "linear" });
    expect(reply.status).toBe(200);
    const fork = (await queryOne<{ id: number }>(server, "SELECT id FROM forecasts WHERE parent_forecast_id = ?", gpt.forecast_id))!;
    const { status, body } = await json(`/api/compare?a=${gpt.forecast_id}&b=${fork.id}`);
    expect(status).toBe(200);
    expect(body.diff.map((d: { name: string }) => d.name)).toEqual(["fit"]);
    expect(body.notes.join(" ")).not.toMatch(/seed|samples|random draws/);
    // The forecast pages say the same: sampled, worked out exactly, or stated by a person.
    const provenance = async (id: number) => /class="forecast-panel__provenance">([^<]*)/.exec((await client.get(`/forecasts/${id}`)).text)![1]!;
    expect(await provenance(postForecast)).toMatch(/seed \d+ · 100,000 samples/);
    expect(await provenance(gpt.forecast_id)).toMatch(/worked out exactly, no sampling/);
    const answer = (await queryOne<{ id: number }>(server, "SELECT id FROM forecasts WHERE model_id = 'quick-probability' AND parent_forecast_id IS NOT NULL ORDER BY id LIMIT 1"))!;
    expect(await provenance(answer.id)).toMatch(/^A stated answer, not a model run/);
    // A typed answer has no inputs to vary: no "what moves this forecast".
    expect((await client.get(`/forecasts/${answer.id}`)).text).not.toContain('id="sensitivity"');
    expect((await client.get(`/forecasts/${gpt.forecast_id}`)).text).toContain('id="sensitivity"');
  });

  it("refuses what it cannot compare", async () => {
    expect((await json(`/api/compare?a=${postForecast}&b=${postForecast}`)).status).toBe(400);
    expect((await json(`/api/compare?a=${postForecast}`)).status).toBe(400);
    expect((await json(`/api/compare?a=${postForecast}&b=banana`)).body.error).toMatch(/forecast id/);
    expect((await json(`/api/compare?a=${postForecast}&b=999999`)).status).toBe(404);
    const page = await client.get(`/compare?a=${forks[0]!.parent}&b=${forks[0]!.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Where the difference comes from");
  });
});

describe("fork preview", () => {
  it("runs on the parent's seed and draws the fork over the parent", async () => {
    const { status, body } = await postJson("/api/forecasts/preview", { modelId: "bio-anchors", inputs: { hw_halving_years: 2 }, parentForecastId: postForecast });
    expect(status).toBe(200);
    expect(body.seed).toBe((await json(`/api/forecasts/${postForecast}`)).body.provenance.seed);
    expect(body.overlay).toBe(true);
    expect(body.svg).toContain("Parent forecast");
    expect(body.svg).toContain("Your fork");
    expect(body.svg).not.toContain("Cotra 2020 spreadsheet");
    // Drawn for a phone's width too: the editor shows that one beside its inputs.
    expect(body.narrowSvg).toContain("Your fork");
    expect(body.narrowSvg).not.toBe(body.svg);
    expect(body.shift).toMatch(/^median arrival 20\d\d → 20\d\d/);
  });
});
