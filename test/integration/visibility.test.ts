// Removed and deleted writing stays out of every read channel: the JSON API, the pages' HTML
// and hydration data, their single-fetch .data, edit history, lineage and exports. Only
// moderators still see it (marked as removed), so they can review and restore.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { queryOne, execute } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let host: Client;
let forker: Client;
let member: Client;
let mod: Client;
const anon = () => new Client(server.url);
let slug = "";
let postForecast = 0;

beforeAll(async () => {
  server = await startTestServer();
  host = new Client(server.url);
  forker = new Client(server.url);
  member = new Client(server.url);
  mod = new Client(server.url);
  await host.signup("vis-host");
  await forker.signup("vis-forker");
  await member.signup("vis-member");
  await mod.signup("vis-mod");
  await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = 'vis-mod'");
  const res = await host.post("/posts/new", { title: "Visibility", markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors" });
  expect(res.status).toBe(302);
  slug = res.location!.replace("/posts/", "");
  postForecast = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM posts WHERE slug = ?", slug))!.forecast_id;
});
afterAll(() => server.stop());

/** A fork reply with a reason, edited once, so its words sit in the reply, the fork and the history. */
async function forkReply(secret: string, halving: string): Promise<{ commentId: number; forecastId: number }> {
  const created = await postAction(forker, `/posts/${slug}`, {
    intent: "reply",
    markdown: `Reply text ${secret} first draft`,
    parentId: "",
    forkOf: postForecast,
    "fork.$model": "bio-anchors",
    "fork.hw_halving_years": halving,
    "fork.$why.hw_halving_years": `Rationale ${secret}`,
  });
  expect(created.status).toBe(200);
  const commentId = created.data!.commentId as number;
  const edited = await postAction(forker, `/posts/${slug}`, { intent: "edit-comment", commentId, markdown: `Reply text ${secret} final` });
  expect(edited.status).toBe(200);
  const forecastId = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM comments WHERE id = ?", commentId))!.forecast_id;
  return { commentId, forecastId };
}

function channels(commentId: number, forecastId: number): string[] {
  const c = `/posts/${slug}/comments/${commentId}`;
  return [
    `/api/forecasts/${forecastId}`,
    `/api/forecasts/${forecastId}.csv`,
    `/api/forecasts/${forecastId}.svg`,
    `/api/forecasts/${forecastId}.overlay.svg`,
    `/forecasts/${forecastId}`,
    `/forecasts/${forecastId}.data`,
    `/posts/${slug}`,
    `/posts/${slug}.data`,
    c,
    `${c}.data`,
    `${c}/history`,
    `${c}/history.data`,
    `/posts/${slug}/forks.json`,
    `/posts/${slug}/forks.csv`,
    `/api/forecasts/${forecastId}/sensitivity`,
    `/api/compare?a=${postForecast}&b=${forecastId}`,
    `/compare?a=${postForecast}&b=${forecastId}`,
  ];
}

/** The analyses that take a forecast by id: each must treat a fork the reader may not see as missing. */
async function byIdStatuses(client: Client, forecastId: number) {
  const json = { "content-type": "application/json" };
  return {
    document: (await client.get(`/api/forecasts/${forecastId}`)).status,
    sensitivity: (await client.get(`/api/forecasts/${forecastId}/sensitivity`)).status,
    compare: (await client.get(`/api/compare?a=${postForecast}&b=${forecastId}`)).status,
    forkPreview: (await client.request("POST", "/api/forecasts/preview", { headers: json, body: JSON.stringify({ modelId: "bio-anchors", inputs: { hw_halving_years: 1.5 }, parentForecastId: forecastId }) })).status,
    solve: (await client.request("POST", "/api/forecasts/solve", { headers: json, body: JSON.stringify({ modelId: "bio-anchors", inputs: {}, parentForecastId: forecastId, input: "hw_halving_years", target: { metric: "median", value: 2045 } }) })).status,
  };
}
const ALL_404 = { document: 404, sensitivity: 404, compare: 404, forkPreview: 404, solve: 404 };

/** Every channel each reader can reach, with any that answered with the secret or a 5xx. */
async function leaks(readers: [string, Client][], commentId: number, forecastId: number, secret: string) {
  const found: string[] = [];
  for (const [who, client] of readers) {
    for (const path of channels(commentId, forecastId)) {
      const res = await client.get(path);
      if (res.status >= 500 || res.text.includes(secret)) found.push(`${who} ${path} → ${res.status}`);
    }
  }
  return found;
}

describe("removed and deleted fork replies", () => {
  it("are in every channel while visible (the channels are the right ones)", async () => {
    const { commentId, forecastId } = await forkReply("CANARY", "1.9");
    for (const path of channels(commentId, forecastId).filter((p) => !/\.(csv|svg)$/.test(p))) {
      const res = await anon().get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const page = await anon().get(`/posts/${slug}`);
    expect(page.text).toContain("Reply text CANARY final");
    expect(page.text).toContain("Rationale CANARY");
    expect((await anon().get(`/posts/${slug}/comments/${commentId}/history`)).text).toContain("CANARY first draft");
  });

  it("leave nothing of a removed reply for anonymous readers, members or its author; the moderator sees it marked and restores it", async () => {
    const { commentId, forecastId } = await forkReply("REMOVEDSECRET", "1.7");
    const removed = await postAction(mod, `/posts/${slug}`, { intent: "remove-comment", commentId, reason: "Off-topic" });
    expect(removed.status).toBe(200);
    expect(await leaks([["anonymous", anon()], ["member", member], ["author", forker]], commentId, forecastId, "REMOVEDSECRET")).toEqual([]);
    for (const reader of [anon(), member, forker]) expect(await byIdStatuses(reader, forecastId)).toEqual(ALL_404);
    expect((await anon().get(`/posts/${slug}/comments/${commentId}/history`)).status).toBe(404);
    // The thread still says where it was and why.
    expect((await anon().get(`/posts/${slug}`)).text).toContain("Removed by a moderator: Off-topic");

    const seen = await mod.get(`/posts/${slug}`);
    expect(seen.text).toContain("Reply text REMOVEDSECRET final");
    expect(seen.text).toContain("Rationale REMOVEDSECRET");
    expect(seen.text).toContain("Removed by a moderator: Off-topic");
    expect(seen.text).toContain("Only moderators see this removed text");
    expect(await byIdStatuses(mod, forecastId)).toEqual({ document: 200, sensitivity: 200, compare: 200, forkPreview: 200, solve: 200 });
    expect((await mod.get(`/posts/${slug}/comments/${commentId}/history`)).text).toContain("REMOVEDSECRET first draft");

    const restored = await postAction(mod, `/posts/${slug}`, { intent: "restore-comment", commentId, reason: "On reflection, fine" });
    expect(restored.status).toBe(200);
    expect((await anon().get(`/posts/${slug}`)).text).toContain("Reply text REMOVEDSECRET final");
    expect((await anon().get(`/api/forecasts/${forecastId}`)).status).toBe(200);
  });

  it("leave nothing of a reply its author deleted, for anyone but moderators", async () => {
    const { commentId, forecastId } = await forkReply("DELETEDSECRET", "1.6");
    const deleted = await postAction(forker, `/posts/${slug}`, { intent: "delete-comment", commentId });
    expect(deleted.status).toBe(200);
    expect(await leaks([["anonymous", anon()], ["member", member], ["author", forker]], commentId, forecastId, "DELETEDSECRET")).toEqual([]);
    expect(await byIdStatuses(forker, forecastId)).toEqual(ALL_404);
    const seen = await mod.get(`/posts/${slug}`);
    expect(seen.text).toContain("Reply text DELETEDSECRET final");
    expect(seen.text).toContain("This comment was deleted by its author.");
  });
});
