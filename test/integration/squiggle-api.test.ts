// Squiggle models through the API: the template, previews of the three kinds of output,
// the interpreter's errors with their line and column, the caps, and caching.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { countRows } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let client: Client;
let template: string;
beforeAll(async () => {
  server = await startTestServer();
  client = new Client(server.url);
  const { models } = JSON.parse((await client.get("/api/models")).text) as { models: { id: string; template?: string }[] };
  template = models.find((m) => m.id === "squiggle")!.template!;
});
afterAll(() => server.stop());

const preview = (body: unknown) => client.request("POST", "/api/forecasts/preview", { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const json = async (body: unknown) => {
  const res = await preview(body);
  return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> & { headlines: { key: string; label: string; value: number | null }[] } };
};

describe("GET /api/models", () => {
  it("lists squiggle with a working template, its interpreter and its limits", async () => {
    const { models } = JSON.parse((await client.get("/api/models")).text) as { models: Record<string, unknown>[] };
    const squiggle = models.find((m) => m.id === "squiggle")!;
    expect(squiggle.kind).toBe("squiggle");
    expect(squiggle.interpreter).toEqual({ name: "@quri/squiggle-lang", version: "0.10.0" });
    expect(template).toMatch(/^export \w+ :: year =/m);
    expect((squiggle.limits as { maxSourceChars: number }).maxSourceChars).toBe(32_000);
  });
});

describe("POST /api/forecasts/preview with a Squiggle program", () => {
  it("runs the template: a year output reads like Bio Anchors, and the inputs are its parameters", async () => {
    const { status, body } = await json({ modelId: "squiggle", source: template });
    expect(status).toBe(200);
    expect(body.headlines.map((h) => h.key)).toEqual(["median", "p10", "p90", "p2030", "p2036", "p2050", "p2100"]);
    const median = body.headlines[0]!.value!;
    expect(median).toBeGreaterThan(2025);
    expect(median).toBeLessThan(2060);
    expect(body.svg).toContain("<svg");
    expect(body.description).toMatch(/Median arrival \d{4}/);
    const program = body.program as { inputs: { name: string; label: string; unit: string; kind: string }[]; output: { unit: string } };
    expect(program.inputs.map((i) => [i.name, i.kind, i.unit])).toEqual([
      ["largestRun2025", "distribution", "flop"],
      ["growthPerYear", "distribution", ""],
      ["target", "number", "flop"],
    ]);
    expect(program.inputs[0]!.label).toBe("Largest training run in 2025");
    expect(program.output.unit).toBe("year");
    expect(await countRows(server, "forecasts")).toBe(0);
  });

  it("writes inputs into the program, pins the seed to the program, and caches identical runs", async () => {
    const base = await json({ modelId: "squiggle", source: template });
    const slower = { growthPerYear: { kind: "ci90", shape: "lognormal", p5: 1.2, p95: 2 } };
    const first = await json({ modelId: "squiggle", source: template, inputs: slower });
    expect(first.status).toBe(200);
    expect(first.body.seed).toBe(base.body.seed);
    expect(first.body.headlines[0]!.value).toBeGreaterThan(base.body.headlines[0]!.value!);
    const again = await json({ modelId: "squiggle", source: template, inputs: slower });
    expect(again.body.cached).toBe(true);
    expect(again.body.headlines).toEqual(first.body.headlines);
  });

  it("draws a quantity (log axis, quantiles) and a probability", async () => {
    const quantity = await json({ modelId: "squiggle", source: `@name("Chips shipped")\nchips = 1M to 30M\nexport shipped :: chips = chips * (1 to 3)` });
    expect(quantity.status).toBe(200);
    expect(quantity.body.headlines.map((h) => h.key)).toEqual(["q50", "q05", "q95", "mean"]);
    expect(quantity.body.headlines[1]!.value!).toBeLessThan(quantity.body.headlines[0]!.value!);
    expect(quantity.body.description).toMatch(/Median .* chips/);
    expect(quantity.body.svg).toMatch(/log scale/);
    const probability = await json({ modelId: "squiggle", source: `year = normal(2032, 3)\n@name("A 1e27 FLOP run by 2028")\nexport p = cdf(year, 2028)` });
    expect(probability.status).toBe(200);
    expect(probability.body.headlines).toHaveLength(1);
    expect(probability.body.headlines[0]!.value).toBeCloseTo(0.091, 2);
    expect(probability.body.description).toMatch(/A 1e27 FLOP run by 2028: 8\.8%/);
  });

  const refusals: [string, string, RegExp, number | null][] = [
    ["a syntax error", "x = 1 to 10\ny = x + * 2\nexport z = y", /Expected/, 2],
    ["an undefined name", "x = 1 to 10\nexport z = x * unknownThing", /unknownThing is not defined/, 2],
    ["a runtime error", "x = normal(0, -1)\nexport z = x", /Standard deviation/, 1],
    ["a program without an export", "x = 1 to 10\nx", /Mark the forecast's output with `export`/, null],
    ["two exports", "export a = 1 to 2\nexport b = 3 to 4", /Only one binding/, 2],
    ["an output that is text", 'export a = "hello"', /a string; export a distribution/, 1],
    ["a number that is not a probability", "export a = 42", /must be a probability/, 1],
  ];
  for (const [name, source, message, line] of refusals) {
    it(`answers ${name} with 422, the interpreter's message, line and column`, async () => {
      const { status, body } = await json({ modelId: "squiggle", source });
      expect(status).toBe(422);
      expect(body.ok).toBe(false);
      expect(body.error).toMatch(message);
      expect(body.line).toBe(line);
      if (line !== null) expect(body.column).toBeGreaterThanOrEqual(1);
      expect(String(body.error).length).toBeLessThan(800);
    });
  }

  it("refuses a program over the size cap with 413 before parsing it, and bad sample counts with 400", async () => {
    const big = await preview({ modelId: "squiggle", source: `x = 1\n${"// padding\n".repeat(4000)}export y = x` });
    expect(big.status).toBe(413);
    expect(big.text).toMatch(/limit is 32,000/);
    for (const sampleCount of [10_000_000, 1_000_000]) {
      const res = await preview({ modelId: "squiggle", source: template, sampleCount });
      expect(res.status, String(sampleCount)).toBe(400);
      expect(res.text).toMatch(/samples/);
    }
    const missing = await preview({ modelId: "squiggle", inputs: {} });
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(/source/);
  });

  it("refuses inputs the program does not have, and bad values, naming the parameter", async () => {
    const unknown = await json({ modelId: "squiggle", source: template, inputs: { nope: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/nope/);
    const bad = await json({ modelId: "squiggle", source: template, inputs: { growthPerYear: { kind: "ci90", shape: "lognormal", p5: 5, p95: 2 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/Yearly growth of the largest run: the 5th percentile must be below the 95th/);
  });
});
