// Embeds, social cards and feeds (docs/decisions/027, 029): the embed page and an oEmbed answer as a
// reader's browser and an unfurler get them, and the PNG card drawn afresh (the LRU bypassed)
// by resvg. Rate limits off: this measures rendering, not the limits.
import { startApp } from "../test/support/process";
import { summarize, time, timePageGets, type Row } from "./lib";

const RUNS = 50;
const CARD_RUNS = 20;
const POST = "/posts/bio-anchors-in-one-chart-where-the-2053-median-comes-from";

export async function benchEmbed(): Promise<Row[]> {
  const app = await startApp({ seed: true, env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1" } });
  try {
    const get = async (path: string) => {
      const res = await fetch(app.url + path);
      return { status: res.status, text: await res.text() };
    };
    const discovery = JSON.parse((await get(`/oembed?url=${encodeURIComponent(app.url + POST)}`)).text) as { html: string };
    const id = Number(/\/embed\/forecasts\/(\d+)/.exec(discovery.html)![1]);
    const rows: Row[] = [];
    const embed = await timePageGets({ get }, `/embed/forecasts/${id}`, 5, RUNS);
    rows.push({ group: "embed", case: "GET /embed/forecasts/:id (Bio Anchors, warm)", median: embed.median, p95: embed.p95, value: `${embed.bytes} chars` });
    const oembed = await timePageGets({ get }, `/oembed?url=${encodeURIComponent(app.url + POST)}&format=json`, 5, RUNS);
    rows.push({ group: "embed", case: "GET /oembed for a post URL", median: oembed.median, p95: oembed.p95 });
    // Atom feeds (docs/decisions/029): what a feed reader polls.
    for (const [label, path] of [
      ["site", "/feed.atom"],
      ["a post's comments", `${POST}/comments.atom`],
      ["a tag", "/tags/ai-timelines/feed.atom"],
    ] as const) {
      const feed = await timePageGets({ get }, path, 5, RUNS);
      rows.push({ group: "embed", case: `GET Atom feed: ${label} (${path.split("/").slice(-1)[0]})`, median: feed.median, p95: feed.p95, value: `${feed.bytes} chars` });
    }

    // The card drawn from distinct SVG bytes each time, as after a forecast changes.
    const { cardPng } = await import("../app/utils/chart-png.server");
    const svg = await (await fetch(`${app.url}/api/forecasts/${id}.svg`)).text();
    await cardPng(svg);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < CARD_RUNS; i++) {
      const [ms, png] = await time(() => cardPng(svg.replace(/<\/svg>$/, `<!--${i}--></svg>`)));
      samples.push(ms);
      bytes = png.length;
    }
    const card = summarize(samples);
    rows.push({ group: "embed", case: "PNG social card 1200×630, drawn afresh (resvg)", median: card.median, p95: card.p95, value: `${bytes} bytes`, target: "p95 ≤ 150", ok: card.p95 <= 150 });
    return rows;
  } finally {
    await app.stop();
  }
}
