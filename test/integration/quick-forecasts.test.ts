// Quick forecasts through the real server: asking (plain form fields, as without JavaScript),
// answering from several accounts, the aggregate in the page, the exports and notifications,
// the API, and a reply that asks its own question.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connectSocket, type Socket } from "socket.io-client";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { parseCsv } from "../support/csv";
import { countRows, queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let ada: Client;
let tomas: Client;
let priya: Client;
let slug: string;
let question: number;
const QUESTION = "Will a training run of at least 1e27 FLOP be publicly reported by the end of 2028?";

/** Page text without React's text-boundary comments. */
const plain = (html: string) => html.replace(/<!-- -->/g, "");
const forecastOf = async (s: string) => (await queryOne<{ forecast_id: number; id: number }>(server, "SELECT id, forecast_id FROM posts WHERE slug = ?", s))!;
/** An answer as the fork editor posts it without JavaScript: the model, the asker's question kept in hidden fields, the number. */
const answerForm = (forkOf: number, probability: string, markdown: string, extra: Record<string, string> = {}) => ({
  intent: "reply",
  markdown,
  parentId: "",
  forkOf,
  "fork.$model": "quick-probability",
  "fork.question": QUESTION,
  "fork.deadline": "2028-12-31",
  "fork.probability": probability,
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer();
  ada = new Client(server.url);
  tomas = new Client(server.url);
  priya = new Client(server.url);
  await ada.signup("ada", undefined, "Ada");
  await tomas.signup("tomas", undefined, "Tomás");
  await priya.signup("priya", undefined, "Priya");
});
afterAll(async () => {
  await server.live.close();
  await server.stop();
});

describe("asking a quick question", () => {
  it("refuses a question left empty, naming the field, and stores nothing", async () => {
    const before = await countRows(server, "posts");
    const res = await postAction(ada, "/posts/new", {
      title: "An empty question",
      markdown: "Body.",
      attachForecast: "on",
      "forecast.$model": "quick-probability",
      "forecast.question": "   ",
      "forecast.deadline": "2028-12-31",
      "forecast.probability": "35%",
    });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ ok: false, fields: { "forecast.question": "Question: write the question others will answer" } });
    expect(await countRows(server, "posts")).toBe(before);
  });

  it("publishes a post that asks, from the plain fields the editor has without JavaScript", async () => {
    const res = await ada.post("/posts/new", {
      title: "A 1e27 FLOP run by 2028?",
      markdown: "Answer with your own number.",
      attachForecast: "on",
      "forecast.$model": "quick-probability",
      "forecast.question": `  ${QUESTION}\n`,
      "forecast.deadline": "2028-12-31",
      "forecast.probability": "35%",
    });
    expect(res.status).toBe(302);
    slug = res.location!.replace("/posts/", "");
    question = (await forecastOf(slug)).forecast_id;
    const row = (await queryOne<{ model_id: string; inputs: string }>(server, "SELECT model_id, inputs FROM forecasts WHERE id = ?", question))!;
    expect(row.model_id).toBe("quick-probability");
    expect(JSON.parse(row.inputs)).toEqual({ question: QUESTION, deadline: "2028-12-31", probability: 0.35 });
    const page = { text: plain((await tomas.get(`/posts/${slug}`)).text) };
    expect(page.text).toContain('class="question"');
    expect(page.text).toContain(QUESTION);
    expect(page.text).toMatch(/By 31 December 2028 · asked by Ada: <strong>35%<\/strong>/);
    expect(page.text).toContain("Answer with your own number");
  });

  it("the new-post page opens on a quick forecast from the picker's no-JavaScript link", async () => {
    const page = await ada.get("/posts/new?model=quick-date");
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="forecast.$model" value="quick-date"');
    expect(page.text).toContain('name="forecast.answer.5"');
    expect(page.text).toContain('href="/posts/new?model=quick-quantity"');
  });
});

describe("answering", () => {
  let live: Socket;

  beforeAll(async () => {
    live = connectSocket(server.url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { origin: server.url }, forceNew: true, reconnection: false });
    await new Promise<void>((ok, fail) => {
      live.once("connect", ok);
      live.once("connect_error", fail);
    });
    const joined = await live.timeout(3000).emitWithAck("join", { postId: (await forecastOf(slug)).id });
    expect(joined).toEqual({ ok: true });
  });
  afterAll(() => live.close());

  it("an answer is a fork that keeps the question; the asker hears of it with both numbers", async () => {
    const changed = new Promise((ok) => live.once("aggregate.changed", ok));
    const res = await tomas.post(`/posts/${slug}`, { ...answerForm(question, "22%", "Lower: labs stopped publishing compute."), "fork.$why.probability": "labs stopped publishing compute" });
    expect(res.status).toBe(200);
    expect(await changed).toEqual({ postId: (await forecastOf(slug)).id });
    const notice = (await queryOne<{ text: string }>(server, "SELECT text FROM notifications WHERE user_id = (SELECT id FROM users WHERE handle = 'ada') ORDER BY id DESC LIMIT 1"))!;
    expect(notice.text).toBe(`answered your question “${QUESTION}”: 35% → 22%`);
    const list = await ada.get("/notifications");
    expect(list.text).toContain("Tomás");
    expect(list.text).toContain("35% → 22%");
  });

  it("takes the question from the parent when an answer (the JSON the editor sends) leaves it out", async () => {
    const res = await postAction(priya, `/posts/${slug}`, { intent: "reply", markdown: "Higher.", parentId: "", forkOf: question, fork: JSON.stringify({ modelId: "quick-probability", inputs: { probability: 0.6 } }) });
    expect(res.status).toBe(200);
    const row = (await queryOne<{ inputs: string }>(server, "SELECT inputs FROM forecasts WHERE comment_id = ?", res.data!.commentId))!;
    expect(JSON.parse(row.inputs)).toEqual({ question: QUESTION, deadline: "2028-12-31", probability: 0.6 });
  });

  it("refuses an answer that changes the question, and keeps nothing", async () => {
    const before = await countRows(server, "comments");
    const res = await postAction(priya, `/posts/${slug}`, answerForm(question, "50%", "Different question.", { "fork.deadline": "2031-06-30" }));
    expect(res.status).toBe(400);
    expect(String(res.data!.error)).toMatch(/An answer keeps the question as it was asked, so its by cannot change/);
    expect(res.data!.fields).toMatchObject({ "fork.deadline": "Keep the by as asked." });
    expect(await countRows(server, "comments")).toBe(before);
  });

  it("shows everyone's latest answer and the median and geometric mean of odds, labelled", async () => {
    // Tomás thinks again: only his latest answer (30%) counts, once.
    expect((await tomas.post(`/posts/${slug}`, answerForm(question, "30%", "On reflection, 30%."))).status).toBe(200);
    const page = { text: plain((await ada.get(`/posts/${slug}`)).text) };
    // Answers 35% (Ada, asked), 30% (Tomás), 60% (Priya): the median is 35%.
    // Odds 7/13 × 3/7 × 3/2 = 63/182 = 0.34615; cube root 0.70214; 0.70214 / 1.70214 = 0.41250 → 41.3%.
    expect(page.text).toContain("3 answers · median 35% · geometric mean of odds 41.3%");
    expect(page.text).toContain("Geometric mean of odds");
    expect(page.text).toMatch(/<dt>Median<\/dt><dd>35%<\/dd>/);
    expect(page.text).toMatch(/Tomás.*30%/s);
    expect(page.text).toContain('class="question__chart question__chart--narrow"');
    expect(page.text).toContain("Answers (3)");
  });

  it("accepts an answer that agrees with its parent (no number changed)", async () => {
    const res = await postAction(tomas, `/posts/${slug}`, answerForm(question, "35%", "Agree with Ada after all."));
    expect(res.status).toBe(200);
    const page = { text: plain((await ada.get(`/posts/${slug}`)).text) };
    expect(page.text).toContain("3 answers · median 35%");
  });

  it("exports every answer with the aggregate, as JSON and CSV", async () => {
    const json = JSON.parse((await ada.get(`/posts/${slug}/forks.json`)).text) as { questions: { rootForecastId: number; answers: { answer: string; asker: boolean; author: { handle: string } }[]; aggregate: Record<string, number>; summary: string }[]; forks: { question: { forecastId: number; answer: string } | null }[] };
    expect(json.questions).toHaveLength(1);
    const q = json.questions[0]!;
    expect(q.rootForecastId).toBe(question);
    expect(q.answers.map((a) => [a.author.handle, a.answer, a.asker])).toEqual([
      ["ada", "35%", true],
      ["tomas", "35%", false],
      ["priya", "60%", false],
    ]);
    expect(q.aggregate.median).toBe(0.35);
    // Odds 7/13 × 7/13 × 3/2 = 147/338 = 0.43491; cube root 0.75765; 0.75765 / 1.75765 = 0.43106.
    expect(q.aggregate.geo_mean_odds).toBeCloseTo(0.43106, 5);
    expect(json.forks.every((f) => f.question?.forecastId === question)).toBe(true);
    const rows = parseCsv((await ada.get(`/posts/${slug}/forks.csv`)).text);
    const header = rows[0]!;
    const aggregate = rows.find((r) => r[header.indexOf("author")] === "aggregate")!;
    expect(Number(aggregate[header.indexOf("headline_median")])).toBe(0.35);
    expect(aggregate[header.indexOf("answer")]).toBe(q.summary);
    expect(rows.filter((r) => r[header.indexOf("question_forecast_id")] === String(question))).toHaveLength(5);
  });
});

describe("a reply that asks", () => {
  it("carries its own question, which replies below it answer", async () => {
    const ask = await postAction(tomas, `/posts/${slug}`, {
      intent: "reply",
      markdown: "A follow-up for the thread.",
      parentId: "",
      ask: "on",
      "question.$model": "quick-date",
      "question.question": "When will a 1e27 FLOP run be reported?",
      "question.answer.5": "2026",
      "question.answer.50": "2027.5",
      "question.answer.95": "2031",
    });
    expect(ask.status).toBe(200);
    const commentId = ask.data!.commentId as number;
    const root = (await queryOne<{ id: number; parent_forecast_id: number | null; model_id: string }>(server, "SELECT id, parent_forecast_id, model_id FROM forecasts WHERE comment_id = ?", commentId))!;
    expect(root).toMatchObject({ parent_forecast_id: null, model_id: "quick-date" });
    const answer = await postAction(priya, `/posts/${slug}`, { intent: "reply", markdown: "Later.", parentId: commentId, forkOf: root.id, fork: JSON.stringify({ modelId: "quick-date", inputs: { answer: [{ p: 0.05, value: 2027 }, { p: 0.95, value: 2035 }] } }) });
    expect(answer.status).toBe(200);
    const page = { text: plain((await ada.get(`/posts/${slug}`)).text) };
    expect(page.text).toContain("When will a 1e27 FLOP run be reported?");
    expect(page.text).toMatch(/2 answers · pooled median 20\d\d · 90% interval 20\d\d to 20\d\d/);
    expect(page.text).toContain("question--compact");
    const notice = (await queryOne<{ text: string }>(server, "SELECT text FROM notifications WHERE user_id = (SELECT id FROM users WHERE handle = 'tomas') ORDER BY id DESC LIMIT 1"))!;
    expect(notice.text).toMatch(/^answered your question “When will a 1e27 FLOP run be reported\?”: median 2028 → 2031/);
  });

  it("without JavaScript, a reply's \"Ask a question\" link opens the form on its permalink, with the kind its picker link chose", async () => {
    const comment = (await queryOne<{ id: number }>(server, "SELECT id FROM comments ORDER BY id LIMIT 1"))!.id;
    const page = (await tomas.get(`/posts/${slug}/comments/${comment}?reply=1&ask=1&model=quick-quantity`)).text;
    expect(page).toContain('name="question.$model" value="quick-quantity"');
    expect(page).toContain('name="question.answer.95"');
    expect(page).toContain(`href="/posts/${slug}/comments/${comment}?reply=1&amp;ask=1&amp;model=quick-date#c-${comment}"`);
  });

  it("refuses a reply that both answers and asks, or asks with a built-in model", async () => {
    const both = await postAction(priya, `/posts/${slug}`, { intent: "reply", markdown: "Both.", parentId: "", forkOf: question, ask: "on", "question.$model": "quick-probability" });
    expect(both.status).toBe(400);
    expect(String(both.data!.error)).toMatch(/either answers a forecast or asks a question of its own/);
    const builtIn = await postAction(priya, `/posts/${slug}`, { intent: "reply", markdown: "Bio.", parentId: "", ask: "on", "question.$model": "bio-anchors" });
    expect(builtIn.status).toBe(400);
    expect(String(builtIn.data!.error)).toMatch(/a quick question: a probability, a date or a quantity/);
  });
});

describe("the forecast API", () => {
  it("lists the quick forecasts beside the built-ins, with their input schemas", async () => {
    const { models } = JSON.parse((await ada.get("/api/models")).text) as { models: { id: string; quick?: string; inputs: { name: string; fixedInForks?: boolean }[]; inputSchema: unknown }[] };
    const ids = models.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["bio-anchors", "quick-probability", "quick-date", "quick-quantity"]));
    const probability = models.find((m) => m.id === "quick-probability")!;
    expect(probability.quick).toBe("probability");
    expect(probability.inputs.find((i) => i.name === "question")!.fixedInForks).toBe(true);
    expect(probability.inputSchema).toBeTruthy();
  });

  it("previews a quick forecast like any model, and says what an answer changes", async () => {
    const res = await ada.request("POST", "/api/forecasts/preview", {
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ modelId: "quick-probability", inputs: { question: QUESTION, probability: 0.22 }, parentInputs: { question: QUESTION, probability: 0.35 } }),
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { headlines: { key: string; value: number }[]; svg: string; description: string; shift: string };
    expect(body.headlines).toEqual([{ key: "probability", label: "Probability", format: "probability", value: 0.22 }]);
    expect(body.svg).toContain("<svg");
    expect(body.description).toBe(`“${QUESTION}”, by 31 December 2030: 22%.`);
    expect(body.shift).toBe("35% → 22%");
  });

  it("answers 400 naming the field for a bad quick forecast", async () => {
    const post = (body: unknown) => ada.request("POST", "/api/forecasts/preview", { headers: { "content-type": "application/json", origin: server.url }, body: JSON.stringify(body) });
    const unordered = await post({ modelId: "quick-date", inputs: { question: "When?", answer: [{ p: 0.05, value: 2030 }, { p: 0.95, value: 2028 }] } });
    expect(unordered.status).toBe(400);
    expect(JSON.parse(unordered.text).errors).toEqual([{ path: "answer.1.value", message: "Year: the 95th percentile (2028) must be above the 5th (2030)" }]);
    const negative = await post({ modelId: "quick-quantity", inputs: { question: "How many?", answer: [{ p: 0.05, value: -1 }, { p: 0.95, value: 10 }] } });
    expect(negative.status).toBe(400);
    expect(negative.text).toMatch(/log axis every value must be above 0/);
    const certain = await post({ modelId: "quick-probability", inputs: { question: "Will it?", probability: 1 } });
    expect(certain.status).toBe(400);
    expect(JSON.parse(certain.text).errors).toEqual([{ path: "probability", message: expect.stringMatching(/at most 99.9%/) }]);
  });
});
