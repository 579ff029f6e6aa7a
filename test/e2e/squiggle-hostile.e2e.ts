// Hostile Squiggle programs against the production server, as its own process: each ends in a
// 4xx within its budget, the server never restarts, /healthz answers throughout (95% within
// 100 ms, none near the length of a hostile run),
// and another user's ordinary preview stays under twice its quiet latency meanwhile.
// No browser, but it runs with the end-to-end suite, which runs one file at a time: latency
// bounds mean nothing while another test file's server competes for the same two cores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/client";
import { spawn } from "node:child_process";
import { type RunningApp, startApp } from "./harness";

/** Polls a URL every 50 ms until its stdin closes; prints "<epoch ms> <latency ms>" per answer (Infinity when not 200). */
const HEALTH_POLLER = `
const url = process.argv[1];
let stop = false;
process.stdin.on("end", () => (stop = true));
process.stdin.resume();
while (!stop) {
  const started = performance.now();
  const at = Date.now();
  let ms = Infinity;
  try {
    const res = await fetch(url);
    await res.text();
    if (res.status === 200) ms = performance.now() - started;
  } catch {}
  process.stdout.write(at + " " + ms + "\\n");
  await new Promise((r) => setTimeout(r, 50));
}
`;

/** The poller stamps answers with the wall clock; this test's timeline counts from t0. */
const startedAt = (t0: number) => Date.now() - (performance.now() - t0);

const BUDGET_MS = 4000;
let app: RunningApp;
let attacker: Client;
let neighbour: Client;

beforeAll(async () => {
  app = await startApp({ env: { COMPUTE_TIMEOUT_MS: String(BUDGET_MS), RATE_LIMITS: "off" } });
  attacker = new Client(app.url);
  neighbour = new Client(app.url);
  await attacker.signup("mallory");
  await neighbour.signup("nadia");
}, 60_000);
afterAll(() => app.stop());

const preview = (client: Client, body: unknown) => client.request("POST", "/api/forecasts/preview", { body: JSON.stringify(body), headers: { "content-type": "application/json" } });

// A small ordinary model; each call gets a new target so nothing is served from the cache.
let nonce = 0;
const NORMAL = `@name("Growth")\ngrowth = 1.5 to 4\ntarget = 1e28\nyears = log10(target / 5e25) / log10(growth)\nexport arrival :: year = 2025 + years`;
async function normalPreview(): Promise<number> {
  const started = performance.now();
  const res = await preview(neighbour, { modelId: "squiggle", source: NORMAL, inputs: { target: 1e28 + ++nonce * 1e24 } });
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`ordinary preview failed: ${res.status} ${res.text.slice(0, 200)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const deep = 8000;
const HOSTILE: { name: string; body: unknown }[] = [
  { name: "runaway self-application", body: { modelId: "squiggle", source: "f(g) = g(g)\nexport y = f(f)" } },
  { name: "a huge List.make", body: { modelId: "squiggle", source: "xs = List.make(100000000, 1)\nexport y = List.length(xs)" } },
  { name: "a string doubled past 2^28 characters", body: { modelId: "squiggle", source: 's = List.reduce(List.upTo(1, 30), "ab", {|acc, i| acc + acc})\nexport y = s' } },
  { name: "sampleN of 10 million", body: { modelId: "squiggle", source: "x = 1 to 10\nxs = sampleN(x, 10000000)\nexport y = SampleSet.fromList(xs)" } },
  { name: "a 10-million sample request", body: { modelId: "squiggle", source: "export y = 1 to 10", sampleCount: 10_000_000 } },
  { name: "deep nesting", body: { modelId: "squiggle", source: `x = ${"(".repeat(deep)}1${")".repeat(deep)}\nexport y = x to 2` } },
  { name: "deeply nested lists", body: { modelId: "squiggle", source: `x = ${"[".repeat(deep)}1${"]".repeat(deep)}\nexport y = 1 to 2` } },
  { name: "a 1 MB program", body: { modelId: "squiggle", source: `export y = 1 to 2\n${"// padding padding padding\n".repeat(40_000)}` } },
];

describe("hostile Squiggle programs", () => {
  it("each end in a 4xx within budget; the server stays up and responsive, and a neighbour is not starved", async () => {
    // Quiet latency of an ordinary preview by another user (after warming up the sandboxes),
    // before the attack (and again after it, below).
    for (let i = 0; i < 4; i++) await normalPreview();
    const quiet: number[] = [];
    for (let i = 0; i < 11; i++) quiet.push(await normalPreview());

    // /healthz every 50 ms from a process of its own (this one is busy with the neighbour and
    // the attacker, and its own pauses must not count against the server), while the attacker runs.
    let stop = false;
    const t0 = performance.now();
    const poller = spawn(process.execPath, ["--input-type=module", "-e", HEALTH_POLLER, `${app.url}/healthz`], { stdio: ["pipe", "pipe", "inherit"] });
    let pollerOut = "";
    poller.stdout.on("data", (d: Buffer) => (pollerOut += d.toString()));
    const pollerDone = new Promise<void>((ok) => poller.once("exit", () => ok()));
    const healthLoop = (async () => {
      while (!stop) await new Promise((r) => setTimeout(r, 50));
      poller.stdin.end();
      await pollerDone;
    })();
    const loaded: number[] = [];
    // Another reader editing a model: a preview every 100 ms or so, each one a new run.
    const neighbourLoop = (async () => {
      while (!stop) {
        loaded.push(await normalPreview());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const outcomes: { name: string; status: number; at: number; ms: number; error: string }[] = [];
    try {
      for (const h of HOSTILE) {
        const started = performance.now();
        const res = await preview(attacker, h.body);
        // The body-size guard answers before any route, in plain text.
        const error = res.headers.get("content-type")?.includes("json") ? ((JSON.parse(res.text) as { error?: string }).error ?? "") : res.text;
        outcomes.push({ name: h.name, status: res.status, at: started - t0, ms: performance.now() - started, error });
      }
    } finally {
      stop = true;
      await Promise.all([healthLoop, neighbourLoop]);
    }

    for (const o of outcomes) {
      expect(o.status, `${o.name}: ${o.error}`).toBeGreaterThanOrEqual(400);
      expect(o.status, `${o.name}: ${o.error}`).toBeLessThan(500);
      expect(o.ms, o.name).toBeLessThan(BUDGET_MS + 1500);
      expect(o.error.length, o.name).toBeLessThan(800);
    }
    expect(outcomes.find((o) => o.name === "a 1 MB program")!.status).toBe(413);
    expect(outcomes.find((o) => o.name === "a 10-million sample request")!.status).toBe(400);

    // Quiet again, after: the machine is shared, so the baseline is taken on both sides of the attack.
    for (let i = 0; i < 11; i++) quiet.push(await normalPreview());

    // Never restarted: the same process answers, and a sandbox still runs programs.
    expect(() => process.kill(app.pid, 0)).not.toThrow();
    expect((await preview(attacker, { modelId: "squiggle", source: "export y = 2 to 3" })).status).toBe(200);

    const health = pollerOut
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [at, ms] = line.split(" ").map(Number);
        return { at: at! - startedAt(t0), ms: ms! };
      });
    expect(health.length).toBeGreaterThan(10);
    const slowest = health.reduce((a, b) => (b.ms > a.ms ? b : a));
    const timeline = outcomes.map((o) => `${o.name} ${o.at.toFixed(0)}–${(o.at + o.ms).toFixed(0)} ms`).join("; ");
    // A program run on the request thread would hold every answer for its whole run (a second
    // or more for the long ones here). One pause of 100–160 ms is what this shared 2-core
    // machine gives on its own, early in the attack: seen on the build before this bound
    // changed too, three runs in three. So: most answers fast, and no answer near a run's length.
    const sorted = health.map((h) => h.ms).sort((a, b) => a - b);
    const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))]!;
    expect(p95, `/healthz 95th percentile (${timeline})`).toBeLessThan(100);
    expect(slowest.ms, `/healthz took ${slowest.ms.toFixed(0)} ms at ${slowest.at.toFixed(0)} ms (${timeline})`).toBeLessThan(400);
    expect(loaded.length).toBeGreaterThanOrEqual(9);
    expect(median(loaded), `quiet ${quiet.map((x) => x.toFixed(0))}; loaded ${loaded.map((x) => x.toFixed(0))}`).toBeLessThan(2 * median(quiet));
  }, 120_000);
});
