// The Assumptions view on the post page: real server, real forks, values read from the HTML.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let host: Client;
let slug: string;
let postForecast: number;

const fork = async (who: Client, fields: Record<string, string>, markdown: string) => {
  const res = await who.post(`/posts/${slug}`, {
    intent: "reply",
    markdown,
    parentId: "",
    forkOf: postForecast,
    "fork.$model": "bio-anchors",
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`fork.${k}`, v])),
  });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE markdown = ?", markdown))!.id;
};

/** The Assumptions section of the page, with React's attribute escaping undone for matching. */
const spreadHtml = async (who: Client) => {
  const page = await who.get(`/posts/${slug}`);
  expect(page.status).toBe(200);
  const start = page.text.indexOf('id="spread-heading"');
  expect(start).toBeGreaterThan(0);
  return page.text.slice(start, page.text.indexOf("</section>", start)).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
};
const labels = (html: string) => [...html.matchAll(/class="spread__label">([^<]*)</g)].map((m) => m[1]);
/** Every author dot as "#c-<comment>: <title>". */
const dots = (html: string) => [...html.matchAll(/class="spread__dot" href="(#c-\d+)"[^>]*?title="([^"]*)"/g)].map((m) => `${m[1]}: ${m[2]}`);

beforeAll(async () => {
  server = await startTestServer();
  host = await signedUpClient(server.url, "host");
  const res = await host.post("/posts/new", { title: "Spread", markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors" });
  expect(res.status).toBe(302);
  slug = "spread";
  postForecast = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", slug))!.forecast_id;
});
afterAll(() => server.stop());

describe("the Assumptions view", () => {
  it("shows each changed input with every author's latest value and the post's", async () => {
    const ann = new Client(server.url);
    const ben = new Client(server.url);
    const cat = new Client(server.url);
    await ann.signup("ann");
    await ben.signup("ben");
    await cat.signup("cat");
    const annFirst = await fork(ann, { flop_per_dollar_2020: "1e18" }, "ann first");
    const annLatest = await fork(ann, { flop_per_dollar_2020: "3e17", hw_halving_years: "2" }, "ann changed her mind");
    const benFork = await fork(ben, { flop_per_dollar_2020: "1e19", "genome_params.kind": "ci90", "genome_params.shape": "lognormal", "genome_params.p5": "1e8", "genome_params.p95": "1e10" }, "ben");
    // The plain form sends every row of a table; only the first differs from the post.
    const weights = Object.fromEntries([40, 30, 15, 5, 10, 10, 10].map((w, i) => [`anchors.${i}.weight`, String(w)]));
    const catFork = await fork(cat, weights, "cat");

    const html = await spreadHtml(host);
    expect(html).toContain("3 authors, 4 forks.");
    // Two authors on FLOP/$ come first; the one-author rows follow in the model's order.
    expect(labels(html)).toEqual(["FLOP per dollar in 2020", "Anchor weights: Short-horizon NN", "Genome as parameters", "Hardware cost halving time"]);
    expect(html).toContain("2 authors: 3e17 – 1e19 FLOP/$ (post: 1e17 FLOP/$)");
    expect(html).toContain("1 author: 40% (post: 20%)");
    expect(html).toContain("1 author: 1e9 params (post: 7.5e8 params)");
    expect(html).toContain("ranges placed at their medians");
    expect(html).toContain("1 author: 2 years (post: 2.5 years)");

    // One dot per author at their latest fork, linked to the comment that carries it.
    expect(dots(html)).toEqual([
      `#c-${annLatest}: ANN: 3e17 FLOP/$`,
      `#c-${benFork}: BEN: 1e19 FLOP/$`,
      `#c-${catFork}: CAT: 40%`,
      `#c-${benFork}: BEN: 1e9 params (90% CI 1e8 to 1e10 params)`,
      `#c-${annLatest}: ANN: 2 years`,
    ]);
    expect(html).not.toContain(`#c-${annFirst}"`);
    expect(html).not.toContain("1e18 FLOP/$");
    expect(html).toContain('title="Post: 1e17 FLOP/$"');
  });

  it("drops a deleted fork's values", async () => {
    const cat = (await queryOne<{ id: number }>(server, "SELECT id FROM comments WHERE markdown = 'cat'"))!.id;
    const catClient = new Client(server.url);
    await catClient.login("cat");
    expect((await catClient.post(`/posts/${slug}`, { intent: "delete-comment", commentId: cat })).status).toBe(200);
    const html = await spreadHtml(host);
    expect(labels(html)).not.toContain("Anchor weights: Short-horizon NN");
    expect(html).toContain("2 authors, 3 forks.");
  });
});
