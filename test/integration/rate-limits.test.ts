import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../app/discussion/rate-limits";
import { postAction } from "../support/actions";
import { Client, signedUpClient } from "../support/client";
import { queryOne, execute } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

// The one suite that runs with the limits on, as `npm start` does.
let server: TestServer;
let host: Client;
let slug: string;
const count = async (sql: string) => (await queryOne<{ n: number }>(server, sql))!.n;
// Sign-ups over HTTP are limited per address too; these accounts are made behind that door.
const member = (handle: string) => server.services.users.signup({ handle, displayName: handle, password: "correct horse battery" });

beforeAll(async () => {
  server = await startTestServer({ rateLimits: true });
  host = await signedUpClient(server.url, "limits-host");
  slug = await host.createPost("Rate limited thread");
});
afterAll(() => server.stop());

describe("rate limits", () => {
  it("stops the eleventh reply in a minute with a 429 that names the limit and when it resets, and writes nothing", async () => {
    const talker = await signedUpClient(server.url, "talker");
    for (let i = 0; i < RATE_LIMITS.reply.points; i++) {
      expect((await talker.post(`/posts/${slug}`, { intent: "reply", markdown: `Reply ${i}`, parentId: "" })).status).toBe(200);
    }
    const before = await count("SELECT count(*) AS n FROM comments");
    const refused = await talker.post(`/posts/${slug}`, { intent: "reply", markdown: "One too many", parentId: "" });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Rate limit reached: 10 replies a minute. It resets in");
    const retry = Number(refused.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await count("SELECT count(*) AS n FROM comments")).toBe(before);
  });

  it("limits edits per person, counting only edits the person may make, even in their own thread", async () => {
    const editor = await signedUpClient(server.url, "editor");
    const own = await postAction(editor, `/posts/${slug}`, { intent: "reply", markdown: "Draft 0", parentId: "" });
    const theirs = await postAction(host, `/posts/${slug}`, { intent: "reply", markdown: "Not yours", parentId: "" });
    // Refused before the limit counts (and before any render).
    for (let i = 0; i < RATE_LIMITS.edit.points + 2; i++) {
      expect((await postAction(editor, `/posts/${slug}`, { intent: "edit-comment", commentId: theirs.data!.commentId as number, markdown: `Hijack ${i}` })).status).toBe(403);
    }
    for (let i = 1; i <= RATE_LIMITS.edit.points; i++) {
      expect((await postAction(editor, `/posts/${slug}`, { intent: "edit-comment", commentId: own.data!.commentId as number, markdown: `Draft ${i}` })).status).toBe(200);
    }
    const refused = await editor.post(`/posts/${slug}`, { intent: "edit-comment", commentId: own.data!.commentId as number, markdown: "One edit too many" });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Rate limit reached: 10 edits a minute.");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM comments WHERE markdown = 'Draft ${RATE_LIMITS.edit.points}'`)).toBe(1);
    // A post's author is exempt from reply limits in their thread, not from edit limits.
    const mine = await host.createPost("The host's own thread");
    const hostComment = await postAction(host, `/posts/${mine}`, { intent: "reply", markdown: "Host draft", parentId: "" });
    let status = 200;
    for (let i = 0; i <= RATE_LIMITS.edit.points && status === 200; i++) {
      status = (await postAction(host, `/posts/${mine}`, { intent: "edit-comment", commentId: hostComment.data!.commentId as number, markdown: `Host draft ${i}` })).status;
    }
    expect(status).toBe(429);
  });

  it("exempts the post's author in their own thread, and moderators everywhere", async () => {
    for (let i = 0; i < RATE_LIMITS.reply.points + 2; i++) {
      expect((await host.post(`/posts/${slug}`, { intent: "reply", markdown: `Host ${i}`, parentId: "" })).status).toBe(200);
    }
    const mod = await signedUpClient(server.url, "limits-mod");
    await execute(server, "UPDATE users SET role = 'moderator' WHERE handle = 'limits-mod'");
    for (let i = 0; i < RATE_LIMITS.reply.points + 2; i++) {
      expect((await mod.post(`/posts/${slug}`, { intent: "reply", markdown: `Mod ${i}`, parentId: "" })).status).toBe(200);
    }
  });

  it("lets a right password through while the address has failed log-ins, when the account itself is not under attack", async () => {
    const victim = new Client(server.url);
    await member("nat-neighbour");
    // Someone at the same address fails more often than one account's limit allows, across accounts.
    const guesser = new Client(server.url);
    for (let i = 0; i < RATE_LIMITS.login.points + 2; i++) {
      expect((await guesser.post("/login", { handle: i % 2 ? "limits-host" : `nobody-${i}`, password: `wrong guess ${i}` })).status).toBe(401);
    }
    const ok = await victim.login("nat-neighbour");
    expect(ok.status).toBe(302);
  });

  it("refuses every log-in to an account under attack, the right password too, and only that account", async () => {
    const target = new Client(server.url);
    await member("attacked");
    const bystander = new Client(server.url);
    await member("bystander");
    const guesser = new Client(server.url);
    for (let i = 0; i < RATE_LIMITS.login.points; i++) {
      expect((await guesser.post("/login", { handle: "ATTACKED", password: `wrong guess ${i}` })).status).toBe(401);
    }
    const blocked = await target.login("attacked");
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain(`Rate limit reached: ${RATE_LIMITS.login.label}.`);
    expect(blocked.headers.get("retry-after")).not.toBeNull();
    expect(blocked.headers.getSetCookie().some((c) => c.startsWith("fc_session="))).toBe(false);
    // An unknown handle is throttled the same way: the refusal says nothing about who exists.
    for (let i = 0; i < RATE_LIMITS.login.points; i++) await guesser.post("/login", { handle: "no-such-person", password: `guess ${i}` });
    expect((await guesser.post("/login", { handle: "no-such-person", password: "guess" })).status).toBe(429);
    expect((await bystander.login("bystander")).status).toBe(302);
  });

  it("counts wrong current passwords on the settings page against the account too", async () => {
    const owner = new Client(server.url);
    await member("pw-changer");
    expect((await owner.login("pw-changer")).status).toBe(302);
    for (let i = 0; i < RATE_LIMITS.login.points; i++) {
      expect((await owner.post("/settings", { current: `not it ${i}`, next: "a brand new passphrase", confirm: "a brand new passphrase" })).status).toBe(400);
    }
    const refused = await owner.post("/settings", { current: "correct horse battery", next: "a brand new passphrase", confirm: "a brand new passphrase" });
    expect(refused.status).toBe(429);
  });

  it("limits sign-ups per address", async () => {
    // Sign-ups above already used some of this address's quota; fill the rest.
    let status = 200;
    for (let i = 0; i < RATE_LIMITS.signup.points + 1 && status !== 429; i++) {
      status = (await new Client(server.url).post("/signup", { handle: `bulk-${i}`, displayName: "Bulk", password: "correct horse battery" })).status;
    }
    expect(status).toBe(429);
    expect(await count("SELECT count(*) AS n FROM users WHERE handle LIKE 'bulk-%'")).toBeLessThan(RATE_LIMITS.signup.points);

    // `npm run limits:reset -- signup` (what the README tells a developer) clears the count;
    // the limit itself stays on and counts again from zero.
    const reset = spawnSync(process.execPath, ["scripts/limits-reset.mjs", "signup"], { env: { ...process.env, DATABASE_PATH: server.databasePath, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) }, encoding: "utf8" });
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/^Cleared [1-9]\d* counters? \(signup\)/);
    const again = await new Client(server.url).post("/signup", { handle: "after-reset", displayName: "After", password: "correct horse battery" });
    expect(again.status).toBe(302);
    expect(await count("SELECT count(*) AS n FROM rate_limits WHERE key LIKE 'signup:%'")).toBe(1);
  });

  it("limits previews per address on the JSON API", async () => {
    const anon = new Client(server.url);
    const body = JSON.stringify({ modelId: "gpt-extrapolation", inputs: {} });
    let last = 200;
    for (let i = 0; i <= RATE_LIMITS.preview.points && last !== 429; i++) {
      last = (await anon.request("POST", "/api/forecasts/preview", { body, headers: { "content-type": "application/json" } })).status;
    }
    expect(last).toBe(429);
  }, 60_000);

  it("limits searches per address, on the JSON door and the page, with a sentence and when to come back", async () => {
    const anon = new Client(server.url);
    let last = await anon.get("/search.json?q=forecast");
    for (let i = 1; i <= RATE_LIMITS.search.points && last.status !== 429; i++) last = await anon.get(`/search.json?q=forecast+${i}`);
    expect(last.status).toBe(429);
    expect((JSON.parse(last.text) as { error: string }).error).toMatch(/^Rate limit reached: 300 searches in 5 minutes from one network address\. It resets in \d+ (s|min)\.$/);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    // The page says the same in its form, and a signed-in reader at that address is counted there too.
    const page = await anon.get("/search?q=anything+else");
    expect(page.status).toBe(429);
    expect(page.text).toContain("Rate limit reached: 300 searches in 5 minutes");
    expect((await host.get("/search?q=forecast")).status).toBe(429);
    // A mistake in the query is still a 400 that says what to fix, not a limit.
    expect((await anon.get(`/search.json?q=${"x".repeat(500)}`)).status).toBe(400);
  }, 120_000);

  // Last: it uses up this address's allowance for every later log-in in the file.
  it("refuses every log-in from an address that has failed a hundred times in an hour", async () => {
    const sprayer = new Client(server.url);
    let status = 401;
    let tries = 0;
    for (; tries < RATE_LIMITS["login-address"].points + 5 && status === 401; tries++) {
      status = (await sprayer.post("/login", { handle: `spray-${tries}`, password: "Password123!" })).status;
    }
    expect(status).toBe(429);
    expect(tries).toBeLessThanOrEqual(RATE_LIMITS["login-address"].points + 1);
    const res = await sprayer.post("/login", { handle: "limits-host", password: "correct horse battery" });
    expect(res.status).toBe(429);
    expect(res.text).toContain(RATE_LIMITS["login-address"].label);
  }, 120_000);
});
