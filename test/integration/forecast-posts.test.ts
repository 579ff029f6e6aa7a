import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/client";
import { queryOne } from "../support/db";
import { startWithReader, type TestServer } from "../support/server";

let server: TestServer;
let reader: Client;
beforeAll(async () => ({ server, reader } = await startWithReader({ seed: true })));
afterAll(() => server.stop());

const seeded: [string, string, RegExp][] = [
  ["bio-anchors-in-one-chart-where-the-2053-median-comes-from", "Bio Anchors", /Median TAI year/],
  ["extrapolating-gpt-3-benchmarks-against-loss", "GPT", /FLOP to reach 90%/],
  ["chinchilla-vs-kaplan-what-20-tokens-per-parameter-changes", "caling", /Predicted loss/],
];

describe("posts with forecasts, without JavaScript", () => {
  for (const [slug, model, headline] of seeded) {
    it(`${model}: the post page carries the chart as SVG and the headline numbers as text`, async () => {
      const res = await reader.get(`/posts/${slug}`);
      expect(res.status).toBe(200);
      const html = res.text;
      expect(html).toContain("forecast-panel");
      expect(html).toMatch(/<svg[^>]*role="img"/);
      expect(html).toMatch(headline);
      expect(html).toContain(model);
    });
  }

  it("shows the Bio Anchors median as a year and P(2036) as a percentage", async () => {
    const html = (await reader.get(`/posts/${seeded[0]![0]}`)).text;
    expect(html).toMatch(/<dt>Median TAI year<\/dt><dd>20(4[89]|5[0-3])</);
    expect(html).toMatch(/<dt>P\(TAI by 2036\)<\/dt><dd>(1[5-9]|2[0-3])(\.\d)?%/);
  });
});

describe("GET /api/forecasts/:id", () => {
  const forecastId = async () => (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", seeded[0]![0]))!.forecast_id;

  it("returns inputs, result and provenance as JSON", async () => {
    const res = await reader.get(`/api/forecasts/${await forecastId()}`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.model.id).toBe("bio-anchors");
    expect(doc.provenance).toMatchObject({ modelVersion: 2, sampleCount: 100_000 });
    expect(Number.isInteger(doc.provenance.seed)).toBe(true);
    expect(doc.inputs.hw_halving_years).toBe(2.5);
    expect(doc.result.series.cdf.length).toBe(76);
  });

  it("serves the chart series as CSV and the chart as SVG", async () => {
    const csv = await reader.get(`/api/forecasts/${await forecastId()}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = csv.text.trim().split("\n");
    const header = lines[0]!.split(",");
    expect(header[0]).toBe("series");
    const cdf = lines.filter((l) => l.startsWith("cdf,"));
    expect(cdf).toHaveLength(76);
    const yearCol = header.indexOf("year");
    const pCol = header.indexOf("p");
    const ps = cdf.map((l) => Number(l.split(",")[pCol]));
    expect(cdf[0]!.split(",")[yearCol]).toBe("2025");
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    const svg = await reader.get(`/api/forecasts/${await forecastId()}.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(svg.text).toMatch(/^<svg/);
  });

  it("answers unknown and malformed ids with 404", async () => {
    for (const id of ["999999", "abc", "1.exe", "-1", "1e3"]) {
      expect((await reader.get(`/api/forecasts/${id}`)).status, id).toBe(404);
    }
  });
});
