// The open API (docs/decisions/027) walked from its own document: /api/openapi.json must be a
// valid OpenAPI 3.1 document, and every GET it lists must answer as it says, on the seeded site.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { COMPONENTS } from "../../app/discussion/openapi-document";
import { RATE_LIMITS } from "../../app/discussion/rate-limits";
import { postAction } from "../support/actions";
import { Client } from "../support/client";
import { queryOne } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

type Json = Record<string, unknown>;
interface Operation {
  parameters: { name: string; in: "path" | "query"; required: boolean; schema: Json; example?: unknown }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

const SLUG = "bio-anchors-in-one-chart-where-the-2053-median-comes-from";
const schemas = new Map<string, z.ZodType>(COMPONENTS);

let server: TestServer;
let anon: Client;
let doc: { openapi: string; paths: Record<string, { get: Operation }>; components: { schemas: Record<string, Json> } };
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  anon = new Client(server.url);
  doc = JSON.parse((await anon.get("/api/openapi.json")).text);
});
afterAll(() => server.stop());

async function getJson(path: string, headers: Record<string, string> = {}) {
  const res = await anon.get(path, headers);
  return { ...res, body: JSON.parse(res.text) as Json };
}

/** The documented schema of a 200 answer, as the zod schema it was generated from. */
function answerSchema(op: Operation): z.ZodType {
  const ref = op.responses["200"]!.content!["application/json"]!.schema.$ref!;
  return schemas.get(ref.replace("#/components/schemas/", ""))!;
}

describe("/api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc as Json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // Every $ref points at a schema the document has.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("lists the read endpoints for posts, comments, users and forecasts", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/forecasts/{id}", "/api/v1/posts", "/api/v1/posts/{id}", "/api/v1/posts/{id}/comments", "/api/v1/users/{handle}"]);
  });

  it("is rendered for people at /api, every endpoint and schema named", async () => {
    const page = await anon.get("/api");
    expect(page.status).toBe(200);
    for (const path of Object.keys(doc.paths)) expect(page.text).toContain(`<code>${path}</code>`);
    for (const name of Object.keys(doc.components.schemas)) expect(page.text).toContain(`id="schema-${name}"`);
    // No script from anywhere but this site (the CSP would refuse it anyway).
    expect(page.text).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe("every documented GET", () => {
  it("answers 200 with a body its schema accepts, for real ids, and with its query parameters at their limits", async () => {
    const first = await getJson("/api/v1/posts?limit=100");
    const posts = first.body.items as { id: number; forecastId: number | null; author: { handle: string } }[];
    const post = posts.find((p) => p.forecastId !== null)!;
    const values: Record<string, string> = { id: String(post.id), handle: post.author.handle };
    let walked = 0;
    for (const [template, { get: op }] of Object.entries(doc.paths)) {
      const ids = template.startsWith("/api/v1/forecasts/") ? { ...values, id: String(post.forecastId) } : values;
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);
      const queries = [""];
      for (const p of op.parameters.filter((q) => q.in === "query")) {
        if (p.name === "limit") queries.push(`limit=${String(p.schema.maximum)}`, "limit=1");
        if (p.name === "author") queries.push(`author=${post.author.handle}`);
      }
      for (const q of queries) {
        const url = q ? `${path}?${q}` : path;
        const res = await getJson(url);
        expect(res.status, url).toBe(200);
        expect(res.headers.get("access-control-allow-origin"), url).toBe("*");
        const parsed = answerSchema(op).safeParse(res.body);
        expect(parsed.success ? null : parsed.error.issues, url).toBeNull();
        walked++;
      }
      // A parameter it does not take is refused, naming it.
      const unknown = await getJson(`${path}?colour=blue`);
      expect(unknown.status, template).toBe(400);
      expect((unknown.body.errors as { path: string }[])[0]!.path).toBe("colour");
      expect(schemas.get("Error")!.safeParse(unknown.body).success).toBe(true);
    }
    expect(walked).toBeGreaterThanOrEqual(9);
  });

  it("answers 400 naming a malformed parameter, and 404 for what does not exist", async () => {
    const badLimit = await getJson("/api/v1/posts?limit=0");
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error).toContain("limit: at least 1");
    const badCursor = await getJson("/api/v1/posts?cursor=not-ours");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error).toContain("follow each page's `next` link");
    expect((await getJson("/api/v1/posts/abc")).status).toBe(400);
    expect((await getJson("/api/v1/posts/999999")).status).toBe(404);
    expect((await getJson("/api/v1/posts/999999/comments")).status).toBe(404);
    expect((await getJson("/api/v1/users/nobody-here")).status).toBe(404);
    expect((await getJson("/api/v1/forecasts/999999")).status).toBe(404);
    const tags = await getJson("/api/v1/tags");
    expect(tags.status).toBe(404);
    expect(tags.body.error).toContain("Tags are not in the API yet");
  });
});

describe("paging", () => {
  it("walks every post exactly once, newest first, by following `next` (also sent as a Link header)", async () => {
    const total = (await queryOne<{ n: number }>(server, "SELECT count(*) AS n FROM posts"))!.n;
    const seen: { id: number; createdAt: string }[] = [];
    let next: string | null = "/api/v1/posts?limit=2";
    let pages = 0;
    while (next && pages < 50) {
      const res = await getJson(next.replace(server.url, ""));
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as { id: number; createdAt: string }[]));
      const link = res.headers.get("link");
      next = res.body.next as string | null;
      expect(link).toBe(next ? `<${next}>; rel="next"` : null);
      pages++;
    }
    expect(pages).toBe(Math.ceil(total / 2));
    expect(new Set(seen.map((p) => p.id)).size).toBe(total);
    const times = seen.map((p) => Date.parse(p.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("walks a thread oldest first", async () => {
    const postId = (await queryOne<{ id: number }>(server, "SELECT id FROM posts WHERE slug = ?", SLUG))!.id;
    const total = (await queryOne<{ n: number }>(server, "SELECT count(*) AS n FROM comments WHERE post_id = ?", postId))!.n;
    const ids: number[] = [];
    let next: string | null = `/api/v1/posts/${postId}/comments?limit=3`;
    while (next) {
      const res = await getJson(next.replace(server.url, ""));
      ids.push(...(res.body.items as { id: number }[]).map((c) => c.id));
      next = res.body.next as string | null;
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});

describe("CORS", () => {
  it("lets any site read the API, its document and oEmbed, without credentials, and answers preflights", async () => {
    for (const path of ["/api/v1/posts", "/api/openapi.json", `/oembed?url=${encodeURIComponent(`${server.url}/posts/${SLUG}`)}`, "/api/v1/posts/999999"]) {
      const res = await anon.get(path, { origin: "https://elsewhere.example" });
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(res.headers.get("access-control-allow-credentials"), path).toBeNull();
    }
    const preflight = await anon.request("OPTIONS", "/api/v1/posts", { headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("If-None-Match");
    const write = await anon.request("POST", "/api/v1/posts", { headers: { "content-type": "application/json" }, body: "{}" });
    expect(write.status).toBe(405);
    // Pages are not opened to other sites.
    expect((await anon.get(`/posts/${SLUG}`, { origin: "https://elsewhere.example" })).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a current copy with 304", async () => {
    const first = await anon.get("/api/v1/posts");
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await anon.get("/api/v1/posts", { "if-none-match": etag })).status).toBe(304);
  });
});

describe("removed and deleted writing", () => {
  it("never leaves through the API: the comment keeps its place and nothing else, its fork is not found", async () => {
    const postId = (await queryOne<{ id: number; forecast_id: number }>(server, "SELECT id, forecast_id FROM posts WHERE slug = ?", SLUG))!;
    const author = new Client(server.url);
    await author.login("tomas", "forkcast-tomas-demo");
    const fork = await postAction(author, `/posts/${SLUG}`, { intent: "reply", markdown: "Secret-removed-words about chips.", parentId: "", forkOf: postId.forecast_id, "fork.$model": "bio-anchors", "fork.hw_halving_years": "1.9" });
    const removedId = fork.data!.commentId as number;
    const deleted = await postAction(author, `/posts/${SLUG}`, { intent: "reply", markdown: "Secret-deleted-words.", parentId: "" });
    const deletedId = deleted.data!.commentId as number;
    const reply = await postAction(author, `/posts/${SLUG}`, { intent: "reply", markdown: "A reply under the removed one.", parentId: removedId });
    expect(reply.status).toBe(200);
    const forkForecast = (await queryOne<{ forecast_id: number }>(server, "SELECT forecast_id FROM comments WHERE id = ?", removedId))!.forecast_id;
    expect((await getJson(`/api/v1/forecasts/${forkForecast}`)).status).toBe(200);

    const mod = new Client(server.url);
    await mod.login("moss", "forkcast-moderator-demo");
    expect((await postAction(mod, `/posts/${SLUG}`, { intent: "remove-comment", commentId: removedId, reason: "Off-topic" })).status).toBe(200);
    expect((await postAction(author, `/posts/${SLUG}`, { intent: "delete-comment", commentId: deletedId })).status).toBe(200);

    let text = "";
    const items: Json[] = [];
    let next: string | null = `/api/v1/posts/${postId.id}/comments?limit=200`;
    while (next) {
      const res = await getJson(next.replace(server.url, ""));
      text += res.text;
      items.push(...(res.body.items as Json[]));
      next = res.body.next as string | null;
    }
    expect(text).not.toContain("Secret-removed-words");
    expect(text).not.toContain("Secret-deleted-words");
    expect(items.find((c) => c.id === removedId)).toMatchObject({ status: "removed", removalReason: "Off-topic", author: null, html: null, score: null, forecastId: null });
    expect(items.find((c) => c.id === deletedId)).toMatchObject({ status: "deleted", author: null, html: null, forecastId: null });
    // Its reply still has its parent in the list.
    expect(items.find((c) => (c.html as string | null)?.includes("A reply under the removed one"))).toMatchObject({ parentId: removedId });
    expect((await getJson(`/api/v1/forecasts/${forkForecast}`)).status).toBe(404);
    // The same for a moderator: the API is the signed-out view, whoever asks.
    expect((await mod.get(`/api/v1/forecasts/${forkForecast}`)).status).toBe(404);
    expect((await mod.get(`/api/v1/posts/${postId.id}/comments?limit=200`)).text).not.toContain("Secret-removed-words");
  });
});

describe("the read budget", () => {
  it("refuses reads past the address's budget with 429, Retry-After and the limit's name, still readable cross-origin", async () => {
    const limited = await startTestServer({ rateLimits: true });
    try {
      const client = new Client(limited.url);
      const budget = RATE_LIMITS["api-read"].points;
      for (let sent = 0; sent < budget; sent += 20) {
        const replies = await Promise.all(Array.from({ length: Math.min(20, budget - sent) }, () => client.get("/api/v1/posts")));
        for (const r of replies) expect(r.status).toBe(200);
      }
      const refused = await client.get("/api/v1/posts");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("access-control-allow-origin")).toBe("*");
      expect(JSON.parse(refused.text).error).toContain(RATE_LIMITS["api-read"].label);
      // Pages are read at a person's pace and not counted.
      expect((await client.get("/")).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
