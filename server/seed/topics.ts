// The demo's tags (with their wiki pages) and its one sequence, written by us. Kept apart from
// content.ts, whose prose test checks every number: these pages state none.
export const DEMO_TAGS: { slug: string; name: string; editor: string; wiki: string }[] = [
  {
    slug: "ai-timelines",
    name: "AI timelines",
    editor: "moss",
    wiki: `Forecasts of **when** AI systems reach a stated capability: a benchmark score, a share of remote work automated, a training run of a given size.

A good timelines post says which event it forecasts and how that event would be recognised, and gives a distribution rather than a single year. Most of the disagreement sits in a few inputs, so fork the forecast and change the one you doubt instead of arguing about the headline.

See also [forecasting methods](/tags/forecasting-methods) and [compute](/tags/compute).`,
  },
  {
    slug: "scaling-laws",
    name: "Scaling laws",
    editor: "moss",
    wiki: `Empirical regularities relating a model's loss to its parameter count, its training data and the compute spent on it. Within the range they were fitted on, loss falls smoothly as a power law in each.

Two questions recur here: how to split a fixed compute budget between parameters and tokens (the Kaplan and Chinchilla fits answer differently), and how far a fit made on small runs can be trusted for much larger ones. Posts that extrapolate should show the fitted range next to the extrapolated one.`,
  },
  {
    slug: "forecasting-methods",
    name: "Forecasting methods",
    editor: "admin",
    wiki: `How to build a forecast that others can check and change: reference classes, trend extrapolation, biological anchors, Fermi decompositions, and aggregating several people's answers.

On Forkcast a method is judged by what its inputs are and how sensitive the answer is to each. A tornado chart ranks the inputs; a fork shows what one changed assumption does. Prefer wide, honest distributions to precise ones, and say what evidence would move you.`,
  },
  {
    slug: "compute",
    name: "Compute",
    editor: "admin",
    wiki: `Training compute (floating-point operations spent on one run) and what limits its growth: spending, chip supply, power and the efficiency of hardware and algorithms.

Posts here usually forecast when a run of some size happens, or what a given size buys. State whether a figure counts one run or a whole developer's fleet, and cite where disclosed figures come from.`,
  },
];

export const DEMO_SEQUENCES: { author: string; title: string; markdown: string; posts: string[] }[] = [
  {
    author: "ada",
    title: "Timelines from compute",
    markdown: "Three posts that build one argument: what the biological anchors say, how fast one training run can grow, and a question to check the model against.",
    posts: [
      "Bio Anchors in one chart: where the 2053 median comes from",
      "A compute-supply Fermi model: when does one run reach 1e28 FLOP?",
      "Quick question: a 1e27 FLOP training run by the end of 2028?",
    ],
  },
];
