// The demo site's users, posts and threads. Passwords are for local use only and are
// printed in the README; a real deployment starts from its own accounts.
import type { Role } from "../../db/schema/users";
import { COMPUTE_SUPPLY, COMPUTE_SUPPLY_POST, COMPUTE_SUPPLY_WITH_POWER } from "./squiggle";

export interface DemoComment {
  author: string;
  markdown: string;
  /**
   * A fork of the nearest forecast up the thread: the inputs it changes (on top of that parent's), with reasons;
   * for a Squiggle parent, `source` makes it a code fork.
   */
  fork?: { inputs: Record<string, unknown>; why?: Record<string, string>; source?: string };
  votes?: Record<string, 1 | -1>;
  agree?: Record<string, 1 | -1>;
  replies?: DemoComment[];
}

export const DEMO_USERS: { handle: string; displayName: string; password: string; role: Role }[] = [
  { handle: "ada", displayName: "Ada Okafor", password: "forkcast-member-demo", role: "member" },
  { handle: "moss", displayName: "Moss Lindqvist", password: "forkcast-moderator-demo", role: "moderator" },
  { handle: "admin", displayName: "Forkcast Admin", password: "forkcast-admin-demo", role: "admin" },
  { handle: "priya", displayName: "Priya Raman", password: "forkcast-priya-demo", role: "member" },
  { handle: "tomas", displayName: "Tomás Ferreira", password: "forkcast-tomas-demo", role: "member" },
];

const timelines = `Cotra's Bio Anchors report asks one question per calendar year: is the largest training run anyone will pay for at least as big as the run a transformative model needs?

$$
P(\\text{TAI by } Y) = P\\big(\\text{Requirement}(Y) \\le \\text{Available}(Y)\\big)
$$

The requirement starts as a mixture of six anchors for the 2020 compute requirement, in log₁₀ FLOP, and falls as algorithms improve. Availability is price-performance times willingness to spend, each growing exponentially and then saturating:

| Input | Best guess | Why it matters |
|---|---|---|
| FLOP per dollar, 2020 | $10^{17}$ | sets where availability starts |
| Hardware halving time | 2.5 years | slope of availability |
| Largest run in 2025 | $1B | the spending level |
| Spending cap | 1% of GDP | where spending saturates |

> The model's best-guess median lands in 2053 (2052.1, reading the curve between whole years). The inputs that move it most are not the ones people argue about most: across their plausible ranges, the hardware halving time (1.5 to 3.5 years) moves it by 19 years and the 2020 price of compute ($10^{16}$ to $10^{18}$ FLOP/\\$) by 12, while the short-horizon anchor's weight (10% to 40%) moves it by 5.

So the interesting disagreements are about *inputs*, not about the arithmetic. Please argue about specific numbers in the replies: which input, what value, and why. "What moves this forecast", under the chart, runs every input at its low and high end.`;

const gpt = `Finnveden's trick: plot GPT-3's few-shot scores against each model's **validation loss** instead of its parameter count, because every GPT-3 size was trained on the same 300B tokens and the small ones are heavily over-trained.

1. Normalise each benchmark between chance and the best achievable score.
2. Fit a line and a logistic curve of performance against loss.
3. Map loss back to training compute with a scaling law, $L(C) = 2.57\\,C^{-0.048}$ (C in PF-days).

Averaged over eight smooth benchmarks, the logistic fit reaches 90% of the way from chance to the maximum at about $4 \\times 10^{26}$ FLOP, while the straight line gets there about fifteen times sooner, at $2.5 \\times 10^{25}$ FLOP.

> Arithmetic, word scrambling and ANLI are the exceptions: they sit flat and then jump.

The choice between the two curves is the whole forecast, so I'd like to hear which family people think is right past 80%.`;

const scaling = `Kaplan et al. (2020) told us to grow parameters much faster than data: $N_{opt} \\propto C^{0.73}$. Hoffmann et al. (2022) found roughly equal exponents, and the famous **20 tokens per parameter**.

Their parametric fit is

$$
L(N, D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}, \\quad E = 1.69,\\ A = 406.4,\\ B = 410.7,\\ \\alpha = 0.34,\\ \\beta = 0.28
$$

A caveat worth repeating: plugging the *rounded* published constants into the closed-form optimum at Gopher's budget gives about 32B parameters on 3T tokens, not 70B on 1.4T. The replication by Besiroglu et al. (2024) refits the constants and lands near 18 tokens per parameter.`;

const frontierRun = `Epoch's database puts the largest publicly reported training runs of 2024 around $5 \\times 10^{25}$ FLOP. Runs have grown roughly 4–5× a year since 2010, which would cross $10^{27}$ FLOP around 2026 — if the trend holds and if labs keep saying how big their runs are.

Two things cut against it: disclosure is getting rarer, and a single run that size needs a cluster of a few hundred thousand accelerators.

**Counts:** a developer's own statement, a technical report, or a reliable estimate by Epoch AI of at least $10^{27}$ FLOP for one training run. Answer with your own number and a line on why.`;

export const DEMO_POSTS: {
  author: string;
  title: string;
  markdown: string;
  forecast?: { modelId: string; inputs: Record<string, unknown>; source?: string };
  votes: Record<string, 1 | -1>;
  comments: DemoComment[];
  /** Slugs of DEMO_TAGS. */
  tags?: string[];
}[] = [
  {
    author: "priya",
    title: "Extrapolating GPT-3 benchmarks against loss",
    tags: ["scaling-laws", "forecasting-methods"],
    markdown: gpt,
    forecast: { modelId: "gpt-extrapolation", inputs: {} },
    votes: { ada: 1, moss: 1, tomas: 1 },
    comments: [
      {
        author: "tomas",
        markdown: "The logistic is bounded, so of course it looks saner at the top. But with eight points all below 0.63 the fit has almost no information about the asymptote. I'd report both and a range, not pick one.",
        votes: { ada: 1, priya: 1 },
        agree: { ada: 1 },
        replies: [
          {
            author: "priya",
            markdown: "Agreed that the asymptote is weakly identified. That's why the per-benchmark maximum is an input: if you think the ceiling on HellaSwag is 95 rather than 100, you can say so and watch the curve move.",
            votes: { tomas: 1 },
          },
        ],
      },
      {
        author: "ada",
        markdown: "Worth remembering the loss law here has no irreducible term. Far extrapolations in loss are optimistic — a Chinchilla-style $E > 0$ would push the 95% point out a lot.",
        votes: { priya: 1, moss: 1 },
        agree: { tomas: 1, moss: 1 },
      },
    ],
  },
  {
    author: "ada",
    title: "Bio Anchors in one chart: where the 2053 median comes from",
    tags: ["ai-timelines", "forecasting-methods"],
    markdown: timelines,
    forecast: { modelId: "bio-anchors", inputs: {} },
    votes: { priya: 1, tomas: 1, moss: 1, admin: 1 },
    comments: [
      {
        author: "tomas",
        markdown: "I'd put the hardware halving time closer to 2 years than 2.5 — the A100 alone was a 2–3× jump in price-performance over the V100 basis the report used. That's the same direction as Cotra's own 2022 update.",
        fork: { inputs: { hw_halving_years: 2 }, why: { hw_halving_years: "A100 over V100 was a 2–3× jump" } },
        votes: { ada: 1, priya: 1 },
        agree: { priya: 1, ada: -1 },
        replies: [
          {
            author: "ada",
            markdown: "The 2022 update mostly moved the *level* (FLOP/\\$ about one OOM higher), not the slope. A one-off jump and a faster trend have very different long-run effects.",
            votes: { tomas: 1, moss: 1 },
            replies: [
              {
                author: "tomas",
                markdown: "Fair. Then my real claim is about the level: $10^{18}$ FLOP/\\$ in 2020-equivalent terms, not $10^{17}$.",
                fork: { inputs: { hw_halving_years: 2.5, flop_per_dollar_2020: 1e18 }, why: { flop_per_dollar_2020: "discounts and ~50% utilisation" } },
                votes: { ada: 1 },
                replies: [
                  {
                    author: "priya",
                    markdown: "Large buyers' discounts and ~50% utilisation are both in that number. I'd split the difference at $3 \\times 10^{17}$.",
                    replies: [
                      {
                        author: "tomas",
                        markdown: "Splitting the difference in log space, I assume? Then we are about three times apart, and that is worth two and a half years of median (2049.5 at $3 \\times 10^{17}$ against 2047.0 at $10^{18}$): half of what the short-horizon weight moves it.",
                        agree: { priya: 1 },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        author: "priya",
        markdown: "The crux for me is the short-horizon anchor's weight. 20% feels low given how far next-token prediction has got. At 40% (taken from the medium and long horizons and the genome) the median moves from 2053 to 2049: three years on the continuous scale (2052.1 to 2048.9), less than I expected.",
        fork: {
          inputs: { anchors: [{ weight: 40 }, { weight: 20 }, { weight: 10 }, { weight: 5 }, { weight: 10 }, { weight: 5 }, { weight: 10 }] },
          why: { anchors: "next-token prediction went further than expected" },
        },
        votes: { ada: 1, tomas: 1, moss: 1 },
        agree: { tomas: 1 },
        replies: [
          {
            author: "moss",
            markdown: "Please keep replies to specific inputs — that's what makes these threads useful. A one-line reason per changed number is plenty.",
          },
        ],
      },
      {
        author: "admin",
        markdown: "Welcome to the demo thread. Markdown, tables and math like $\\sum_i w_i = 0.9$ all work in comments.",
      },
    ],
  },
  {
    author: "ada",
    title: "Quick question: a 1e27 FLOP training run by the end of 2028?",
    tags: ["ai-timelines", "compute"],
    markdown: frontierRun,
    forecast: {
      modelId: "quick-probability",
      inputs: { question: "Will a training run of at least 1e27 FLOP be publicly reported by the end of 2028?", deadline: "2028-12-31", probability: 0.35 },
    },
    votes: { tomas: 1, priya: 1 },
    comments: [
      {
        author: "tomas",
        markdown: "Lower. The trend is real, but the *reporting* is the binding constraint: the last two frontier releases gave no compute figure at all.",
        fork: { inputs: { probability: 0.22 }, why: { probability: "labs stopped publishing compute" } },
        votes: { ada: 1 },
      },
      {
        author: "priya",
        markdown: "Higher. Several announced clusters are big enough for $10^{27}$ in a few months, and Epoch's estimates count even when the lab stays quiet.",
        fork: { inputs: { probability: 0.6 }, why: { probability: "Epoch estimates count, and the clusters exist" } },
        votes: { tomas: 1 },
        agree: { moss: 1 },
      },
      {
        author: "moss",
        markdown: "Somewhere in between, but nearer Tomás: the resolution needs one credible number, and those have been getting scarce.",
        fork: { inputs: { probability: 0.3 } },
      },
    ],
  },
  {
    author: "moss",
    title: "Chinchilla vs Kaplan: what 20 tokens per parameter changes",
    tags: ["scaling-laws", "compute"],
    markdown: scaling,
    forecast: { modelId: "scaling-laws", inputs: {} },
    votes: { ada: 1, priya: 1 },
    comments: [
      {
        author: "ada",
        markdown: "Cross-reference for the GPT-3 extrapolation thread: <@Priya's post@>(@Extrapolating GPT-3 benchmarks against loss@) uses the Kaplan-era loss law, so its compute numbers inherit the old allocation.",
        votes: { moss: 1 },
      },
    ],
  },
  {
    author: "ada",
    title: "A compute-supply Fermi model: when does one run reach 1e28 FLOP?",
    tags: ["ai-timelines", "compute", "forecasting-methods"],
    markdown: COMPUTE_SUPPLY_POST,
    forecast: { modelId: "squiggle", inputs: {}, source: COMPUTE_SUPPLY },
    votes: { priya: 1, tomas: 1, moss: 1 },
    comments: [
      {
        author: "priya",
        markdown: "Packaging is the binding constraint through 2027 at least, and the largest runs get a *smaller* share of the stock as inference eats it. Forking both.",
        fork: {
          inputs: { shipmentGrowth: { kind: "ci90", shape: "lognormal", p5: 1.15, p95: 1.5 }, runShare: { kind: "ci90", shape: "lognormal", p5: 0.003, p95: 0.01 } },
          why: { shipmentGrowth: "CoWoS capacity grows about 1.3× a year", runShare: "inference takes a growing share of the stock" },
        },
        votes: { ada: 1, tomas: 1 },
        agree: { tomas: 1 },
      },
      {
        author: "tomas",
        markdown: "The structure misses power. A campus that can draw 1.5× more each year caps how fast one run grows, however many chips ship. I added it as a parameter and take the slower of the two growth rates.",
        fork: { inputs: {}, source: COMPUTE_SUPPLY_WITH_POWER, why: { $code: "one run grows no faster than the power behind it" } },
        votes: { ada: 1, priya: 1, moss: 1 },
        agree: { ada: 1 },
      },
    ],
  },
];
