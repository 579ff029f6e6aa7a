// Every number the seeded posts and replies state is either computed here from the engine
// (on the seed the seeded forecast runs on), an input value the thread's forecasts carry, or a
// cited figure of the model's sources. A number in the prose that no claim below covers fails
// the test, so new prose cannot slip an unchecked figure in.
import { describe, expect, it } from "vitest";
import { DEMO_POSTS, type DemoComment } from "../../server/seed/content";
import { COMPUTE_SUPPLY, COMPUTE_SUPPLY_WITH_POWER } from "../../server/seed/squiggle";
import { CHINCHILLA_EQ10 } from "../../app/forecast/models/scaling-laws";
import {
  bioAnchors,
  evaluateRuns,
  getModel,
  planTornado,
  assembleTornado,
  resolveInputs,
  runModel,
  seedFromInputs,
  type ForecastResult,
  type Inputs,
  type Metric,
} from "../../app/forecast/index";

interface Claim {
  /** The words in the prose this claim covers (must occur verbatim). */
  quote: string;
  kind: "computed" | "input" | "cited" | "wording";
  /** Throws (via expect) when the claim is false. Cited and wording claims say what they rest on. */
  check?: () => void;
  source?: string;
}

const median: Metric = { kind: "yearAt", p: 0.5 };
const bioSeed = seedFromInputs(resolveInputs(bioAnchors, {}));
const bioOpts = { seed: bioSeed, sampleCount: 100_000 };
const bio = (changes: Inputs = {}): ForecastResult => {
  const r = runModel("bio-anchors", changes, bioOpts);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.result;
};
const medianOf = (changes: Inputs = {}) => bio(changes).headlines.find((h) => h.key === "median")!;
const round1 = (x: number) => Number(x.toFixed(1));
const swing = (() => {
  let bars: ReturnType<typeof assembleTornado>["bars"] | null = null;
  return (id: string) => {
    if (!bars) {
      const inputs = resolveInputs(bioAnchors, {});
      const plan = planTornado(bioAnchors, inputs);
      bars = assembleTornado(plan, evaluateRuns(bioAnchors, { options: bioOpts, metric: median, runs: plan.runs }), median).bars;
    }
    return bars.find((b) => b.id === id)!;
  };
})();
const weights = (w: number[]) => w.map((weight) => ({ weight }));
const defaultOf = (model: string, name: string) => getModel(model)!.inputs.find((d) => d.name === name)!.default;
const gpt = () => runModel("gpt-extrapolation", {}, { seed: 1, sampleCount: 1 }) as { ok: true; result: ForecastResult };
const scaling = (changes: Inputs) => runModel("scaling-laws", changes, { seed: 1, sampleCount: 1 }) as { ok: true; result: ForecastResult };
const headline = (r: ForecastResult, key: string) => r.headlines.find((h) => h.key === key)!.value as number;

const CLAIMS: Claim[] = [
  // --- Bio Anchors post
  { quote: "where the 2053 median comes from", kind: "computed", check: () => expect(medianOf().value).toBe(2053) },
  { quote: "lands in 2053 (2052.1, reading the curve", kind: "computed", check: () => {
    expect(medianOf().value).toBe(2053);
    expect(round1(medianOf().fractional!)).toBe(2052.1);
  } },
  { quote: "one question per calendar year", kind: "wording", source: "the model's structure: one comparison per modelled year" },
  { quote: "a mixture of six anchors for the 2020 compute requirement", kind: "input", check: () => expect((defaultOf("bio-anchors", "anchors") as unknown[]).length - 1).toBe(6) },
  { quote: "Bio Anchors in one chart", kind: "wording", source: "the post is about one chart" },
  { quote: "| FLOP per dollar, 2020 |", kind: "input", check: () => expect(bioAnchors.inputs.find((d) => d.name === "flop_per_dollar_2020")!.label).toMatch(/2020/) },
  { quote: "| $10^{17}$ |", kind: "input", check: () => expect(defaultOf("bio-anchors", "flop_per_dollar_2020")).toBe(1e17) },
  { quote: "| 2.5 years |", kind: "input", check: () => expect(defaultOf("bio-anchors", "hw_halving_years")).toBe(2.5) },
  { quote: "Largest run in 2025 | $1B", kind: "input", check: () => expect(defaultOf("bio-anchors", "spend_2025")).toBe(1e9) },
  { quote: "| 1% of GDP |", kind: "input", check: () => expect(defaultOf("bio-anchors", "max_gdp_fraction")).toBe(0.01) },
  { quote: "the hardware halving time (1.5 to 3.5 years) moves it by 19 years", kind: "computed", check: () => {
    const bar = swing("hw_halving_years");
    expect(bar.ends.map((e) => e.text)).toEqual(["1.5 years", "3.5 years"]);
    expect(Math.round(bar.swing)).toBe(19);
  } },
  { quote: "the 2020 price of compute ($10^{16}$ to $10^{18}$ FLOP/\\$) by 12", kind: "computed", check: () => {
    const bar = swing("flop_per_dollar_2020");
    expect(bar.ends.map((e) => e.text)).toEqual(["1e16 FLOP/$", "1e18 FLOP/$"]);
    expect(Math.round(bar.swing)).toBe(12);
  } },
  { quote: "the short-horizon anchor's weight (10% to 40%) moves it by 5", kind: "computed", check: () => {
    const bar = swing("anchors.0");
    expect(bar.ends.map((e) => e.text)).toEqual(["10%", "40%"]);
    expect(Math.round(bar.swing)).toBe(5);
  } },
  // Tomás, Ada, Priya, Tomás in the hardware sub-thread
  { quote: "closer to 2 years than 2.5", kind: "input", check: () => expect(defaultOf("bio-anchors", "hw_halving_years")).toBe(2.5) },
  { quote: "a 2–3× jump in price-performance", kind: "cited", source: "Cotra, two-year update (2022): the A100 was 2–3× better than the V100 basis" },
  { quote: "Cotra's own 2022 update", kind: "cited", source: "Cotra, \"Two-year update on my personal AI timelines\" (2022)" },
  { quote: "The 2022 update", kind: "cited", source: "Cotra (2022)" },
  { quote: "about one OOM higher", kind: "cited", source: "Cotra (2022): FLOP/$ about 1 OOM higher than assumed", check: () => expect(bioAnchors.presets.find((p) => p.id === "cotra-2022")!.values.flop_per_dollar_2020).toBe(1e18) },
  { quote: "A one-off jump", kind: "wording", source: "a kind of change, not a count" },
  { quote: "$10^{18}$ FLOP/\\$ in 2020-equivalent terms, not $10^{17}$", kind: "input", check: () => expect(defaultOf("bio-anchors", "flop_per_dollar_2020")).toBe(1e17) },
  { quote: "~50% utilisation", kind: "cited", source: "Cotra (2022): utilisation reached ~50%" },
  { quote: "split the difference at $3 \\times 10^{17}$", kind: "computed", check: () => expect(Math.round(Math.sqrt(1e17 * 1e18) / 1e17)).toBe(3) },
  { quote: "about three times apart, and that is worth two and a half years of median (2049.5 at $3 \\times 10^{17}$ against 2047.0 at $10^{18}$): half of what the short-horizon weight moves it", kind: "computed", check: () => {
    const a = medianOf({ flop_per_dollar_2020: 3e17 }).fractional!;
    const b = medianOf({ flop_per_dollar_2020: 1e18 }).fractional!;
    expect(round1(a)).toBe(2049.5);
    expect(round1(b)).toBe(2047.0);
    expect(Math.round((a - b) * 2) / 2).toBe(2.5);
    expect(Math.round(swing("anchors.0").swing / (a - b))).toBe(2);
  } },
  // Priya's short-horizon fork
  { quote: "20% feels low", kind: "input", check: () => expect((defaultOf("bio-anchors", "anchors") as { weight: number }[])[0]!.weight).toBe(20) },
  { quote: "At 40% (taken from the medium and long horizons and the genome) the median moves from 2053 to 2049: three years on the continuous scale (2052.1 to 2048.9)", kind: "computed", check: () => {
    const fork = medianOf({ anchors: weights([40, 20, 10, 5, 10, 5, 10]) });
    expect([medianOf().value, fork.value]).toEqual([2053, 2049]);
    expect([round1(medianOf().fractional!), round1(fork.fractional!)]).toEqual([2052.1, 2048.9]);
    expect(Math.round(medianOf().fractional! - fork.fractional!)).toBe(3);
  } },
  { quote: "A one-line reason", kind: "wording", source: "a request about replies, not a figure" },
  { quote: "$\\sum_i w_i = 0.9$", kind: "input", check: () => {
    const w = (defaultOf("bio-anchors", "anchors") as { weight: number }[]).map((r) => r.weight);
    expect(w.slice(0, 6).reduce((s, x) => s + x, 0) / 100).toBe(0.9);
  } },
  // --- GPT-N post
  { quote: "GPT-3's few-shot scores", kind: "wording", source: "a model name" },
  { quote: "every GPT-3 size was trained on the same 300B tokens", kind: "cited", source: "Brown et al. 2020, Table 2.1/D.1" },
  { quote: "1. Normalise", kind: "wording", source: "list numbering" },
  { quote: "2. Fit a line", kind: "wording", source: "list numbering" },
  { quote: "3. Map loss back", kind: "wording", source: "list numbering" },
  { quote: "$L(C) = 2.57\\,C^{-0.048}$", kind: "cited", source: "GPT-3 paper Fig. 3.1, the model's default loss law", check: () => expect(gpt().result.series.points!.length).toBe(8) },
  { quote: "Averaged over eight smooth benchmarks", kind: "input", check: () => {
    const rows = defaultOf("gpt-extrapolation", "benchmarks") as { weight: number }[];
    expect(rows.filter((r) => r.weight > 0).length).toBe(8);
  } },
  { quote: "the logistic fit reaches 90% of the way from chance to the maximum at about $4 \\times 10^{26}$ FLOP, while the straight line gets there about fifteen times sooner, at $2.5 \\times 10^{25}$ FLOP", kind: "computed", check: () => {
    const r = gpt().result;
    const logistic = headline(r, "flop_90");
    const linear = headline(r, "alt_flop_90");
    expect(Math.round(logistic / 1e26)).toBe(4);
    expect(Math.round((linear / 1e25) * 2) / 2).toBe(2.5);
    expect(Math.round(logistic / linear / 5) * 5).toBe(15);
  } },
  { quote: "which family people think is right past 80%", kind: "wording", source: "a level the model reports (flop_80)", check: () => expect(headline(gpt().result, "flop_80")).toBeGreaterThan(0) },
  { quote: "The choice between the two curves", kind: "wording", source: "the two fits, linear and logistic" },
  { quote: "not pick one", kind: "wording", source: "not a figure" },
  { quote: "with eight points all below 0.63", kind: "computed", check: () => {
    const pts = gpt().result.series.points!;
    expect(pts.length).toBe(8);
    expect(Math.max(...pts.map((p) => p.perf as number))).toBeLessThan(0.63);
    expect(Math.max(...pts.map((p) => p.perf as number))).toBeGreaterThan(0.62);
  } },
  { quote: "the ceiling on HellaSwag is 95 rather than 100", kind: "input", check: () => {
    const rows = defaultOf("gpt-extrapolation", "benchmarks") as { max: number }[];
    expect(rows[0]!.max).toBe(100);
  } },
  { quote: "a Chinchilla-style $E > 0$", kind: "cited", source: "Hoffmann et al. 2022 eq. 10: E = 1.69", check: () => expect(CHINCHILLA_EQ10.E).toBeGreaterThan(0) },
  { quote: "push the 95% point out", kind: "wording", source: "a level the model reports (flop_95)" },
  // --- Scaling post
  { quote: "Chinchilla vs Kaplan: what 20 tokens per parameter changes", kind: "input", check: () => expect(defaultOf("scaling-laws", "tokens_per_param")).toBe(20) },
  { quote: "Kaplan et al. (2020)", kind: "cited", source: "publication year" },
  { quote: "$N_{opt} \\propto C^{0.73}$", kind: "cited", source: "Kaplan et al. 2020 Fig. 14", check: () => expect(headline(scaling({ allocation: "kaplan" }).result, "n_opt")).toBeGreaterThan(0) },
  { quote: "Hoffmann et al. (2022)", kind: "cited", source: "publication year" },
  { quote: "the famous **20 tokens per parameter**", kind: "input", check: () => expect(headline(scaling({}).result, "tokens_per_param_opt")).toBe(20) },
  { quote: "E = 1.69,\\ A = 406.4,\\ B = 410.7,\\ \\alpha = 0.34,\\ \\beta = 0.28", kind: "cited", source: "Hoffmann et al. 2022 eq. 10", check: () => expect(CHINCHILLA_EQ10).toEqual({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }) },
  { quote: "gives about 32B parameters on 3T tokens, not 70B on 1.4T", kind: "computed", check: () => {
    const r = scaling({ allocation: "chinchilla_closed" }).result;
    expect(Math.round(headline(r, "n_opt") / 1e9)).toBe(32);
    expect(Math.round(headline(r, "d_opt") / 1e12)).toBe(3);
    expect([defaultOf("scaling-laws", "N"), defaultOf("scaling-laws", "D")]).toEqual([7e10, 1.4e12]);
  } },
  { quote: "Besiroglu et al. (2024) refits the constants and lands near 18 tokens per parameter", kind: "computed", check: () => expect(Math.round(headline(scaling({ allocation: "epoch_closed" }).result, "tokens_per_param_opt"))).toBe(18) },
  { quote: "the GPT-3 extrapolation thread", kind: "wording", source: "a model name" },
  // --- The quick question: claims about the world, checked by arithmetic where they can be
  { quote: "Quick question: a 1e27 FLOP training run by the end of 2028?", kind: "input", check: () => {
    const q = DEMO_POSTS.find((p) => p.forecast?.modelId === "quick-probability")!.forecast!.inputs;
    expect(q.question).toMatch(/at least 1e27 FLOP .* by the end of 2028\?$/);
    expect(q.deadline).toBe("2028-12-31");
  } },
  { quote: "the largest publicly reported training runs of 2024 around $5 \\times 10^{25}$ FLOP", kind: "cited", source: "Epoch AI's notable-models database (2024 frontier runs of about 5e25 FLOP)" },
  { quote: "Runs have grown roughly 4–5× a year since 2010", kind: "cited", source: "Epoch AI, training compute of frontier models grows 4–5× a year (2010–2024)" },
  { quote: "which would cross $10^{27}$ FLOP around 2026", kind: "computed", check: () => {
    // From 5e25 in 2024 at 4× to 5× a year: 2024 + log(20)/log(g).
    const years = [4, 5].map((g) => 2024 + Math.log(1e27 / 5e25) / Math.log(g));
    for (const y of years) expect(Math.round(y)).toBe(2026);
  } },
  { quote: "Two things cut against it", kind: "wording", source: "the two reasons that follow" },
  { quote: "a cluster of a few hundred thousand accelerators", kind: "computed", check: () => {
    // 1e27 FLOP in about three months on accelerators of ~1e15 FLOP/s at ~40% utilisation.
    const accelerators = 1e27 / (1e15 * 0.4 * 90 * 86_400);
    expect(accelerators).toBeGreaterThan(2e5);
    expect(accelerators).toBeLessThan(9e5);
  } },
  { quote: "at least $10^{27}$ FLOP for one training run", kind: "input", check: () => expect(DEMO_POSTS.find((p) => p.forecast?.modelId === "quick-probability")!.forecast!.inputs.question).toMatch(/1e27 FLOP/) },
  { quote: "the last two frontier releases gave no compute figure", kind: "cited", source: "Tomás's reading of recent model cards (an argument, not a model figure)" },
  { quote: "big enough for $10^{27}$ in a few months", kind: "cited", source: "Priya's reading of announced clusters; the arithmetic above gives the cluster size" },
  { quote: "the resolution needs one credible number", kind: "wording", source: "the question's resolution rule (\"a … statement … or estimate\")" },
  { quote: "Extrapolating GPT-3 benchmarks against loss", kind: "wording", source: "a model name (a post title)" },
  // --- The Squiggle post (its numbers are the program's own literals, server/seed/squiggle.ts)
  { quote: "1e28 FLOP", kind: "input", check: () => expect(COMPUTE_SUPPLY).toContain("target :: flop = 1e28") },
  { quote: "one run", kind: "wording", source: "a single training run, not a count" },
  { quote: "This one is about supply", kind: "wording", source: "refers to the post" },
  { quote: "The two numbers I'm least sure of", kind: "wording", source: "the list below has two items" },
  { quote: "1. **Shipment growth.**", kind: "wording", source: "list numbering" },
  { quote: "2. **Share of the stock on one run.**", kind: "wording", source: "list numbering" },
  { quote: "1.3–2× a year", kind: "input", check: () => expect(COMPUTE_SUPPLY).toContain("shipmentGrowth = 1.3 to 2") },
  { quote: "for 2025–2030", kind: "wording", source: "the years the author's range is about" },
  { quote: "0.5–2% of all installed accelerators", kind: "input", check: () => expect(COMPUTE_SUPPLY).toContain("runShare = 0.005 to 0.02") },
  { quote: "roughly 50k–250k H100-equivalents today", kind: "computed", check: () => {
    // The installed stock is 2.5 years of shipments; at the geometric middle of 3M–6M shipped in 2025:
    expect(COMPUTE_SUPPLY).toContain("chips2025 :: chips = 3M to 6M");
    const stock = Math.sqrt(3e6 * 6e6) * 2.5;
    expect(stock * 0.005).toBeGreaterThan(40e3);
    expect(stock * 0.005).toBeLessThan(60e3);
    expect(stock * 0.02).toBeGreaterThan(200e3);
    expect(stock * 0.02).toBeLessThan(300e3);
  } },
  { quote: "through 2027 at least", kind: "wording", source: "the replier's view of a period, not a modelled figure" },
  { quote: "draw 1.5× more each year", kind: "input", check: () => {
    expect(COMPUTE_SUPPLY_WITH_POWER).toContain("powerGrowth = 1.2 to 1.6");
    expect(1.5).toBeGreaterThan(1.2);
  } },
  { quote: "the two growth rates", kind: "wording", source: "shipments and power" },
];

/** Every text a reader sees in the seeded threads: titles, posts, replies. */
function texts(): string[] {
  const out: string[] = [];
  const walk = (cs: DemoComment[]) => cs.forEach((c) => {
    out.push(c.markdown);
    walk(c.replies ?? []);
  });
  for (const p of DEMO_POSTS) {
    out.push(p.title, p.markdown);
    walk(p.comments);
  }
  return out;
}

const NUMBER = /(?<![\w.])(\d+(?:[.,]\d+)*(?:\s*\\times\s*10\^\{\d+\})?|10\^\{\d+\})/g;
const WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|half|decade|dozen|hundred|thousand)\b/gi;

describe("seeded prose", () => {
  it.each(CLAIMS.map((c) => [c.quote, c] as const))("states a checked figure: %s", (quote, claim) => {
    expect(texts().some((t) => t.includes(quote)), `"${quote}" is not in the seeded prose`).toBe(true);
    if (claim.kind === "computed" || claim.kind === "input") expect(claim.check, "computed and input claims need a check").toBeDefined();
    if (claim.kind === "cited" || claim.kind === "wording") expect(claim.source).toBeTruthy();
    claim.check?.();
  });

  it("has no number that a claim above does not cover", () => {
    const uncovered: string[] = [];
    for (const text of texts()) {
      const covered = new Array<boolean>(text.length).fill(false);
      for (const c of CLAIMS) {
        for (let i = text.indexOf(c.quote); i >= 0; i = text.indexOf(c.quote, i + 1)) covered.fill(true, i, i + c.quote.length);
      }
      for (const re of [NUMBER, WORDS]) {
        for (const m of text.matchAll(re)) {
          if (!covered[m.index!]) uncovered.push(`"${m[0]}" in: ${text.slice(Math.max(0, m.index! - 40), m.index! + 40).replace(/\n/g, " ")}`);
        }
      }
    }
    expect(uncovered).toEqual([]);
  });
});
