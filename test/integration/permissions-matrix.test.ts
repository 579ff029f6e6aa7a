// The permission matrix: every role × every mutating action × every channel that can perform
// it, against the real server. Expectations are written out by hand from
// app/discussion/permissions.ts and the services (never computed by calling that module).
// Each cell starts from fresh state (its own post, comment, subject or report). A refusal must
// leave every domain table as it was and push nothing live: a socket sits in the post's room
// and one per person involved sits in their user room. An allowed cell must show its effect.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { execute, queryOne } from "../support/db";
import { postRoom } from "../../app/discussion/live-events";
import { Client, cookieOf, type Reply } from "../support/client";
import { changedTables, connected, LiveWatch, openSocket, snapshot, type Watched } from "../support/matrix";
import { startTestServer, type TestServer } from "../support/server";

const ROLES = ["anonymous", "member", "banned", "author", "moderator", "admin"] as const;
type RoleName = (typeof ROLES)[number];
type SignedIn = Exclude<RoleName, "anonymous">;
/** Expected HTTP status per role, in ROLES order. */
type Row = readonly [anonymous: number, member: number, banned: number, author: number, moderator: number, admin: number];

const PASSWORD = "correct horse battery";

interface Person extends Watched {
  handle: string;
}

interface Ctx {
  slug: string;
  postId: number;
  forecastId?: number | null;
  commentId?: number;
  subject?: Person;
  reportId?: number;
  title?: string;
  /** Set when the cell acts as a fresh person of the role rather than the shared one. */
  actor?: Person;
  before?: unknown;
}

interface Spec {
  action: string;
  channel: string;
  expected: Row;
  arrange(role: RoleName): Promise<Ctx>;
  /** The thread action's form (posted by the channel), or a whole request for the other routes. */
  form?: (ctx: Ctx) => Form;
  act?: (client: Client, ctx: Ctx) => Promise<Reply>;
  /** Also run through the comment permalink, as its page posts with JavaScript (single fetch). */
  permalink?: boolean;
  /** Asserted when the cell is allowed. */
  effect(ctx: Ctx, actor: Person | null): void | Promise<void>;
  /** The live event an allowed cell pushes (to the post room or a person's room). */
  event?: string;
  /** Saves nothing even when allowed: the no-side-effect checks apply to every cell. */
  readOnly?: boolean;
}

let server: TestServer;
let people: Record<SignedIn | "commenter", Person>;
let seq = 0;

const one = async <T>(sql: string, ...params: unknown[]) => (await queryOne<T>(server, sql, ...params))!;
const count = async (sql: string, ...params: unknown[]) => (await one<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`, ...params)).n;

async function signup(handle: string): Promise<Person> {
  const client = new Client(server.url);
  await client.signup(handle, PASSWORD);
  return { label: handle, handle, id: (await one<{ id: number }>("SELECT id FROM users WHERE handle = ?", handle)).id, client };
}

/** A site ban through the real users action; the ban ends their sessions, so they log in again. */
async function banAndRelogin(person: Person): Promise<void> {
  const res = await people.moderator.client.post(`/users/${person.handle}`, { intent: "ban", length: "forever", reason: "Matrix fixture ban" });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(await count("sessions WHERE user_id = ?", person.id)).toBe(0);
  // The ban drops the person's sockets 50 ms later (server/live.ts endUser); a watcher opened
  // before then would be dropped by this fixture ban, not by the cell under test.
  await new Promise((done) => setTimeout(done, 120));
  expect((await person.client.login(person.handle, PASSWORD)).status).toBe(302);
}

/** A new person holding the role (for cells that change the actor's own account). */
async function freshPerson(role: SignedIn): Promise<Person> {
  const person = await signup(`mx-${role.slice(0, 3)}-${++seq}`);
  if (role === "moderator" || role === "admin") await execute(server, "UPDATE users SET role = ? WHERE id = ?", role, person.id);
  if (role === "banned") await banAndRelogin(person);
  return person;
}

const personOf = (role: RoleName): Person | null => (role === "anonymous" ? null : people[role]);
/** Whose "own" comment or fork an own-scope cell acts on: the actor's, or a bystander's for anonymous. */
const ownerFor = (role: RoleName): Person => personOf(role) ?? people.commenter;

/** Fixture writes by the banned person happen with the ban lifted for a moment, in setup only. */
async function asWriter<T>(person: Person, fn: () => Promise<T>): Promise<T> {
  const { banned_until } = await one<{ banned_until: number | null }>("SELECT banned_until FROM users WHERE id = ?", person.id);
  if (banned_until === null) return fn();
  await execute(server, "UPDATE users SET banned_until = NULL WHERE id = ?", person.id);
  try {
    return await fn();
  } finally {
    await execute(server, "UPDATE users SET banned_until = ? WHERE id = ?", banned_until, person.id);
  }
}

async function ok(res: Promise<Reply>, status = 200): Promise<Reply> {
  const r = await res;
  expect(r.status, r.text.slice(0, 300)).toBe(status);
  return r;
}

const forecastForm = (title: string, extra: Record<string, string> = {}) => ({ title, markdown: "Body.", attachForecast: "on", "forecast.$model": "bio-anchors", ...extra });
const forkFields = (forecastId: number) => ({ forkOf: forecastId, "fork.$model": "bio-anchors", "fork.hw_halving_years": "1.5" });

/** A new post by the author: every cell gets its own. */
async function freshPost(withForecast = false): Promise<Ctx> {
  const title = `Matrix post ${++seq}`;
  const res = await ok(people.author.client.post("/posts/new", withForecast ? forecastForm(title) : { title, markdown: "Body." }), 302);
  const slug = res.location!.replace("/posts/", "");
  const row = await one<{ id: number; forecast_id: number | null }>("SELECT id, forecast_id FROM posts WHERE slug = ?", slug);
  return { slug, postId: row.id, forecastId: row.forecast_id, title };
}

async function commentBy(person: Person, ctx: Ctx, extra: Record<string, string | number> = {}): Promise<number> {
  await asWriter(person, () => ok(person.client.post(`/posts/${ctx.slug}`, { intent: "reply", markdown: `A comment by ${person.handle}.`, parentId: "", ...extra })));
  return (await one<{ id: number }>("SELECT max(id) AS id FROM comments WHERE post_id = ? AND author_id = ?", ctx.postId, person.id)).id;
}

type Form = Record<string, string | number>;
const POST_PAGE = "POST /posts/:slug";
const PERMALINK = "POST /posts/:slug/comments/:id.data";
const ACCOUNT_CHANNELS = new Set(["POST /users/:handle", "POST /settings"]);
const byMod = (ctx: Ctx, form: Form) => ok(people.moderator.client.post(`/posts/${ctx.slug}`, form));

/** A post with a comment by the bystander, the usual target of comment actions. */
async function postWithComment(): Promise<Ctx> {
  const ctx = await freshPost();
  return { ...ctx, commentId: await commentBy(people.commenter, ctx) };
}

/** A stale fork by `owner`: forked from the post's forecast, then the author edits that forecast. */
async function staleFork(owner: Person): Promise<Ctx> {
  const ctx = await freshPost(true);
  const commentId = await commentBy(owner, ctx, forkFields(ctx.forecastId!));
  await ok(people.author.client.post(`/posts/${ctx.slug}/edit`, forecastForm(ctx.title!, { "forecast.gdp_growth": "4%" })), 302);
  return { ...ctx, commentId };
}

const postRow = (ctx: Ctx) => one<{ title: string; locked_at: number | null; forking_disabled: number | boolean; slow_mode_seconds: number; forecast_id: number }>("SELECT * FROM posts WHERE id = ?", ctx.postId);
const commentRow = (ctx: Ctx) => one<{ markdown: string; status: string; mod_note: string | null; collapsed: number | boolean }>("SELECT * FROM comments WHERE id = ?", ctx.commentId);
const userRow = (p: Person) => one<{ role: string; banned_until: number | null; password_hash: string }>("SELECT * FROM users WHERE id = ?", p.id);

// ─── The expected table ──────────────────────────────────────────────────────────────────────
//                                   anonymous member banned author moderator admin
const SPECS: Spec[] = [
  {
    action: "create a post",
    channel: "POST /posts/new",
    expected: [401, 302, 403, 302, 302, 302],
    arrange: async () => ({ ...(await freshPost()), title: `Matrix new post ${++seq}` }),
    act: (c, ctx) => c.post("/posts/new", { title: ctx.title!, markdown: "A new post." }),
    effect: async (ctx, actor) => expect(await count("posts WHERE title = ? AND author_id = ?", ctx.title, actor!.id)).toBe(1),
  },
  {
    action: "edit the post",
    channel: "POST /posts/:slug/edit",
    expected: [401, 403, 403, 302, 403, 403],
    arrange: () => freshPost(),
    act: (c, ctx) => c.post(`/posts/${ctx.slug}/edit`, { title: "Edited by the matrix", markdown: "Edited body." }),
    effect: async (ctx) => expect((await postRow(ctx)).title).toBe("Edited by the matrix"),
    event: "post.updated",
  },
  {
    action: "reply",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: () => freshPost(),
    form: () => ({ intent: "reply", markdown: "A matrix reply.", parentId: "" }),
    effect: async (ctx, actor) => expect(await count("comments WHERE post_id = ? AND author_id = ? AND markdown = 'A matrix reply.'", ctx.postId, actor!.id)).toBe(1),
    event: "comment.created",
  },
  {
    action: "reply to a comment",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "reply", markdown: "A matrix answer.", parentId: ctx.commentId! }),
    effect: async (ctx, actor) => {
      expect(await count("comments WHERE parent_id = ? AND author_id = ?", ctx.commentId, actor!.id)).toBe(1);
      expect(await count("notifications WHERE user_id = ? AND kind = 'reply' AND actor_id = ?", people.commenter.id, actor!.id)).toBeGreaterThan(0);
    },
    event: "comment.created",
  },
  {
    action: "fork the post's forecast",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: () => freshPost(true),
    form: (ctx) => ({ intent: "reply", markdown: "A matrix fork.", parentId: "", ...forkFields(ctx.forecastId!) }),
    effect: async (ctx, actor) => expect(await count("forecasts WHERE parent_forecast_id = ? AND author_id = ?", ctx.forecastId, actor!.id)).toBe(1),
    event: "comment.created",
  },
  {
    action: "edit own comment",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: async (role) => {
      const ctx = await freshPost();
      return { ...ctx, commentId: await commentBy(ownerFor(role), ctx) };
    },
    permalink: true,
    form: (ctx) => ({ intent: "edit-comment", commentId: ctx.commentId!, markdown: "Edited by its author." }),
    effect: async (ctx) => expect((await commentRow(ctx)).markdown).toBe("Edited by its author."),
    event: "comment.updated",
  },
  {
    action: "edit another's comment",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 403, 403],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "edit-comment", commentId: ctx.commentId!, markdown: "Words put in their mouth." }),
    effect: () => {},
  },
  {
    action: "delete own comment",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: async (role) => {
      const ctx = await freshPost();
      return { ...ctx, commentId: await commentBy(ownerFor(role), ctx) };
    },
    permalink: true,
    form: (ctx) => ({ intent: "delete-comment", commentId: ctx.commentId! }),
    effect: async (ctx) => expect((await commentRow(ctx)).status).toBe("deleted"),
    event: "comment.removed",
  },
  {
    action: "delete another's comment",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 403, 403],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "delete-comment", commentId: ctx.commentId! }),
    effect: () => {},
  },
  {
    action: "rebase own fork",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: (role) => staleFork(ownerFor(role)),
    form: (ctx) => ({ intent: "rebase-fork", commentId: ctx.commentId! }),
    effect: async (ctx, actor) => expect(await count("forecasts WHERE parent_forecast_id = ? AND author_id = ?", (await postRow(ctx)).forecast_id, actor!.id)).toBe(1),
    event: "comment.created",
  },
  {
    action: "rebase another's fork",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 403, 403],
    arrange: () => staleFork(people.commenter),
    form: (ctx) => ({ intent: "rebase-fork", commentId: ctx.commentId! }),
    effect: () => {},
  },
  {
    // The author is refused for another reason: nobody votes on their own writing.
    action: "vote on the post",
    channel: POST_PAGE,
    expected: [401, 200, 403, 403, 200, 200],
    arrange: () => freshPost(),
    form: () => ({ vote: "vote-post:1" }),
    effect: async (ctx, actor) => expect(await count("votes WHERE target_type = 'post' AND target_id = ? AND user_id = ? AND value = 1", ctx.postId, actor!.id)).toBe(1),
    event: "vote.changed",
  },
  {
    action: "vote on a comment",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ vote: "vote-comment:1", commentId: ctx.commentId! }),
    effect: async (ctx, actor) => expect(await count("votes WHERE target_type = 'comment' AND target_id = ? AND user_id = ? AND kind = 'karma'", ctx.commentId, actor!.id)).toBe(1),
    event: "vote.changed",
  },
  {
    action: "agree with a comment",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ vote: "agree-comment:1", commentId: ctx.commentId! }),
    effect: async (ctx, actor) => expect(await count("votes WHERE target_type = 'comment' AND target_id = ? AND user_id = ? AND kind = 'agree'", ctx.commentId, actor!.id)).toBe(1),
    event: "vote.changed",
  },
  {
    // The author is refused for another reason: you edit or delete your own writing, not report it.
    action: "report the post",
    channel: POST_PAGE,
    expected: [401, 200, 403, 400, 200, 200],
    arrange: () => freshPost(),
    form: (ctx) => ({ intent: "report", targetType: "post", targetId: ctx.postId, reason: "Spam in the post" }),
    effect: async (ctx, actor) => expect(await count("reports WHERE target_type = 'post' AND target_id = ? AND reporter_id = ? AND status = 'open'", ctx.postId, actor!.id)).toBe(1),
  },
  {
    action: "report a comment",
    channel: POST_PAGE,
    expected: [401, 200, 403, 200, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "report", targetType: "comment", targetId: ctx.commentId!, reason: "A personal attack" }),
    effect: async (ctx, actor) => expect(await count("reports WHERE target_type = 'comment' AND target_id = ? AND reporter_id = ?", ctx.commentId, actor!.id)).toBe(1),
  },
  {
    action: "lock the thread",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 200, 200],
    arrange: () => freshPost(),
    form: () => ({ intent: "lock-post", reason: "Heated thread" }),
    effect: async (ctx, actor) => {
      expect((await postRow(ctx)).locked_at).not.toBeNull();
      expect(await count("moderation_log WHERE action = 'lock' AND target_id = ? AND actor_id = ?", ctx.postId, actor!.id)).toBe(1);
    },
    event: "post.locked",
  },
  {
    action: "unlock the thread",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 200, 200],
    arrange: async () => {
      const ctx = await freshPost();
      await byMod(ctx, { intent: "lock-post", reason: "Cooling off" });
      return ctx;
    },
    form: () => ({ intent: "unlock-post", reason: "" }),
    effect: async (ctx) => expect((await postRow(ctx)).locked_at).toBeNull(),
    event: "post.locked",
  },
  {
    action: "disable forking",
    channel: POST_PAGE,
    expected: [401, 403, 403, 200, 200, 200],
    arrange: () => freshPost(),
    form: () => ({ intent: "set-forking", disabled: "1", reason: "" }),
    effect: async (ctx) => expect(Number((await postRow(ctx)).forking_disabled)).toBe(1),
    event: "post.settings",
  },
  {
    action: "set slow mode",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 200, 200],
    arrange: () => freshPost(),
    form: () => ({ intent: "set-slow-mode", minutes: 5, reason: "" }),
    effect: async (ctx) => expect((await postRow(ctx)).slow_mode_seconds).toBe(300),
    event: "post.settings",
  },
  {
    action: "remove a comment",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "remove-comment", commentId: ctx.commentId!, reason: "Personal attack" }),
    effect: async (ctx) => {
      expect((await commentRow(ctx)).status).toBe("removed");
      expect(await count("notifications WHERE user_id = ? AND kind = 'moderation' AND comment_id = ?", people.commenter.id, ctx.commentId)).toBe(1);
    },
    event: "comment.removed",
  },
  {
    action: "restore a comment",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 200, 200],
    arrange: async () => {
      const ctx = await postWithComment();
      await byMod(ctx, { intent: "remove-comment", commentId: ctx.commentId!, reason: "Fixture removal" });
      return ctx;
    },
    permalink: true,
    form: (ctx) => ({ intent: "restore-comment", commentId: ctx.commentId!, reason: "" }),
    effect: async (ctx) => expect((await commentRow(ctx)).status).toBe("visible"),
    event: "comment.updated",
  },
  {
    action: "write a moderator note",
    channel: POST_PAGE,
    expected: [401, 403, 403, 403, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "note-comment", commentId: ctx.commentId!, note: "Please cite sources." }),
    effect: async (ctx) => expect((await commentRow(ctx)).mod_note).toBe("Please cite sources."),
    event: "comment.updated",
  },
  {
    action: "collapse a comment",
    channel: POST_PAGE,
    expected: [401, 403, 403, 200, 200, 200],
    arrange: postWithComment,
    permalink: true,
    form: (ctx) => ({ intent: "collapse-comment", commentId: ctx.commentId!, collapsed: "1" }),
    effect: async (ctx) => expect(Number((await commentRow(ctx)).collapsed)).toBe(1),
    event: "comment.updated",
  },
  {
    action: "bar a user from the post",
    channel: POST_PAGE,
    expected: [401, 403, 403, 200, 200, 200],
    arrange: () => freshPost(),
    form: () => ({ intent: "ban-from-post", handle: people.commenter.handle, reason: "Derails every thread" }),
    effect: async (ctx) => expect(await count("post_bans WHERE post_id = ? AND user_id = ?", ctx.postId, people.commenter.id)).toBe(1),
    event: "post.settings",
  },
  {
    action: "lift a bar from the post",
    channel: POST_PAGE,
    expected: [401, 403, 403, 200, 200, 200],
    arrange: async () => {
      const ctx = await freshPost();
      await ok(people.author.client.post(`/posts/${ctx.slug}`, { intent: "ban-from-post", handle: people.commenter.handle, reason: "" }));
      return ctx;
    },
    form: () => ({ intent: "unban-from-post", handle: people.commenter.handle }),
    effect: async (ctx) => expect(await count("post_bans WHERE post_id = ? AND user_id = ?", ctx.postId, people.commenter.id)).toBe(0),
    event: "post.settings",
  },
  {
    action: "ban a user",
    channel: "POST /users/:handle",
    expected: [401, 403, 403, 403, 200, 200],
    arrange: async () => ({ ...(await freshPost()), subject: await signup(`mx-subj-${++seq}`) }),
    act: (c, ctx) => c.post(`/users/${ctx.subject!.handle}`, { intent: "ban", length: "7", reason: "Spamming links" }),
    effect: async (ctx) => {
      expect((await userRow(ctx.subject!)).banned_until).toBeGreaterThan(Date.now());
      expect(await count("sessions WHERE user_id = ?", ctx.subject!.id)).toBe(0);
    },
    event: "session.ended",
  },
  {
    action: "unban a user",
    channel: "POST /users/:handle",
    expected: [401, 403, 403, 403, 200, 200],
    arrange: async () => {
      const subject = await signup(`mx-subj-${++seq}`);
      await banAndRelogin(subject);
      return { ...(await freshPost()), subject };
    },
    act: (c, ctx) => c.post(`/users/${ctx.subject!.handle}`, { intent: "unban", reason: "" }),
    effect: async (ctx) => expect((await userRow(ctx.subject!)).banned_until).toBeNull(),
    event: "notifications.changed",
  },
  {
    action: "grant the moderator role",
    channel: "POST /users/:handle",
    expected: [401, 403, 403, 403, 403, 200],
    arrange: async () => ({ ...(await freshPost()), subject: await signup(`mx-subj-${++seq}`) }),
    act: (c, ctx) => c.post(`/users/${ctx.subject!.handle}`, { intent: "set-role", role: "moderator", reason: "" }),
    effect: async (ctx) => expect((await userRow(ctx.subject!)).role).toBe("moderator"),
  },
  {
    action: "revoke the moderator role",
    channel: "POST /users/:handle",
    expected: [401, 403, 403, 403, 403, 200],
    arrange: async () => {
      const subject = await signup(`mx-subj-${++seq}`);
      await ok(people.admin.client.post(`/users/${subject.handle}`, { intent: "set-role", role: "moderator", reason: "" }));
      return { ...(await freshPost()), subject };
    },
    act: (c, ctx) => c.post(`/users/${ctx.subject!.handle}`, { intent: "set-role", role: "member", reason: "" }),
    effect: async (ctx) => expect((await userRow(ctx.subject!)).role).toBe("member"),
  },
  {
    action: "resolve a report",
    channel: "POST /moderation/reports",
    expected: [401, 403, 403, 403, 200, 200],
    arrange: async () => {
      const ctx = await freshPost();
      await ok(people.commenter.client.post(`/posts/${ctx.slug}`, { intent: "report", targetType: "post", targetId: ctx.postId, reason: "Fixture report" }));
      return { ...ctx, reportId: (await one<{ id: number }>("SELECT max(id) AS id FROM reports WHERE post_id = ?", ctx.postId)).id };
    },
    act: (c, ctx) => c.post("/moderation/reports", { reportId: ctx.reportId!, outcome: "dismissed", note: "" }),
    effect: async (ctx) => {
      expect((await one<{ status: string }>("SELECT status FROM reports WHERE id = ?", ctx.reportId)).status).toBe("dismissed");
      expect(await count("notifications WHERE user_id = ? AND kind = 'report'", people.commenter.id)).toBeGreaterThan(0);
    },
    event: "notifications.changed",
  },
  {
    action: "preview a forecast (saves nothing)",
    channel: "POST /api/forecasts/preview",
    expected: [200, 200, 200, 200, 200, 200],
    arrange: () => freshPost(),
    act: (c) =>
      c.request("POST", "/api/forecasts/preview", {
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ modelId: "bio-anchors", inputs: { hw_halving_years: 1.5 }, sampleCount: 1000 }),
      }),
    effect: () => {},
    readOnly: true,
  },
  {
    action: "mark own notifications read",
    channel: "POST /notifications",
    expected: [401, 200, 200, 200, 200, 200],
    arrange: async (role) => {
      const ctx = await freshPost();
      const person = personOf(role);
      if (person) await execute(server, "INSERT INTO notifications (user_id, kind, text, created_at) VALUES (?, 'moderation', 'Fixture notice', ?)", person.id, Date.now());
      return ctx;
    },
    act: (c) => c.post("/notifications", { read: "all" }),
    effect: async (_ctx, actor) => expect(await count("notifications WHERE user_id = ? AND read_at IS NULL", actor!.id)).toBe(0),
    event: "notifications.changed",
  },
  {
    // A fresh person per cell: the change ends every session the person has.
    action: "change own password",
    channel: "POST /settings",
    expected: [401, 302, 302, 302, 302, 302],
    arrange: async (role) => {
      const ctx = await freshPost();
      if (role === "anonymous") return ctx;
      const actor = await freshPerson(role);
      return { ...ctx, actor, before: (await userRow(actor)).password_hash };
    },
    act: (c) => c.post("/settings", { current: PASSWORD, next: "a brand new passphrase", confirm: "a brand new passphrase" }),
    effect: async (ctx, actor) => {
      expect((await userRow(actor!)).password_hash).not.toBe(ctx.before);
      expect(await count("sessions WHERE user_id = ?", actor!.id)).toBe(1);
    },
    event: "session.ended",
  },
];

beforeAll(async () => {
  server = await startTestServer();
  const [member, banned, author, moderator, admin, commenter] = await Promise.all(["mx-member", "mx-banned", "mx-author", "mx-moderator", "mx-admin", "mx-commenter"].map(signup));
  people = { member: member!, banned: banned!, author: author!, moderator: moderator!, admin: admin!, commenter: commenter! };
  // Roles are set in the database in setup only; everything after goes through the app.
  await execute(server, "UPDATE users SET role = 'moderator' WHERE id = ?", moderator!.id);
  await execute(server, "UPDATE users SET role = 'admin' WHERE id = ?", admin!.id);
  await banAndRelogin(people.banned);
  expect((await userRow(people.banned)).banned_until).toBeGreaterThan(Date.now());
});

afterAll(async () => {
  await server?.stop();
});

/** Comment-scoped intents run twice: from the post page's form and from the comment's permalink. */
const CHANNELS: Spec[] = SPECS.flatMap((s) => (s.permalink ? [s, { ...s, channel: PERMALINK }] : [s]));

function send(spec: Spec, client: Client, ctx: Ctx): Promise<Reply> {
  if (spec.act) return spec.act(client, ctx);
  const path = spec.channel === PERMALINK ? `/posts/${ctx.slug}/comments/${ctx.commentId}.data` : `/posts/${ctx.slug}`;
  return client.post(path, spec.form!(ctx));
}

describe.each(CHANNELS)("$action via $channel", (spec) => {
  test.each(ROLES.map((role, i) => [role, spec.expected[i]!] as const))("%s → %i", async (role, status) => {
    const ctx = await spec.arrange(role);
    const actor = ctx.actor ?? personOf(role);
    const client = actor?.client ?? new Client(server.url);
    const watched = [actor, people.author, people.commenter, ctx.subject].filter((p): p is Person => p != null);
    const watch = await LiveWatch.open(server, ctx.postId, watched);
    try {
      const before = await snapshot(server);
      const res = await send(spec, client, ctx);
      expect(res.status, res.text.slice(0, 300)).toBe(status);
      // Only account actions push on a timer (server/live.ts endUser drops sockets 50 ms later).
      const seen = await watch.settle(ACCOUNT_CHANNELS.has(spec.channel) ? 120 : 10);
      if (status >= 400 || spec.readOnly) {
        expect(changedTables(before, await snapshot(server)), "a refused request wrote to the database").toEqual([]);
        expect(seen, "a refused request pushed a live event").toEqual([]);
      } else {
        // The same snapshot sees an allowed write, so its silence on refusals means something.
        expect(changedTables(before, await snapshot(server)).length).toBeGreaterThan(0);
        await spec.effect(ctx, actor);
        if (spec.event) expect(seen.map((s) => s.event)).toContain(spec.event);
      }
    } finally {
      watch.close();
    }
  });
});

// The socket channel is push-only: anyone may join an existing post's room to read; every
// other event is refused and reaches nobody.
const SOCKET_SPECS: { action: string; expected: readonly [string, string, string, string, string, string] }[] = [
  { action: "join an existing post room", expected: ["ok", "ok", "ok", "ok", "ok", "ok"] },
  { action: "emit any other event", expected: ["refused", "refused", "refused", "refused", "refused", "refused"] },
];

describe.each(SOCKET_SPECS)("$action via the socket", (spec) => {
  test.each(ROLES.map((role, i) => [role, spec.expected[i]!] as const))("%s → %s", async (role, outcome) => {
    const ctx = await freshPost();
    const actor = personOf(role);
    const watch = await LiveWatch.open(server, ctx.postId, [people.author, people.commenter]);
    const socket = await connected(openSocket(server, actor ? cookieOf(actor.client) : undefined));
    try {
      const before = await snapshot(server);
      const request = (event: string, ...args: unknown[]) => socket.timeout(3000).emitWithAck(event, ...args) as Promise<{ ok: boolean; error?: string }>;
      if (spec.action.startsWith("join")) {
        expect(await request("join", { postId: ctx.postId })).toEqual({ ok: outcome === "ok" });
        const inRoom = (await server.live.io.in(postRoom(ctx.postId)).fetchSockets()).map((s) => s.id);
        expect(inRoom).toContain(socket.id);
      } else {
        // Inside the room first, so a relayed event would reach the watcher.
        expect(await request("join", { postId: ctx.postId })).toEqual({ ok: true });
        const forged: [string, unknown][] = [
          ["comment.created", { postId: ctx.postId, commentId: 1, parentId: null, authorId: people.author.id, forkId: null }],
          ["post.locked", { postId: ctx.postId, locked: true, reason: "forged" }],
          ["notifications.changed", { unread: 99 }],
          ["reply", { postId: ctx.postId, markdown: "via the socket" }],
          ["vote", { targetType: "post", targetId: ctx.postId, value: 1 }],
          ["lock-post", { postId: ctx.postId }],
        ];
        for (const [event, payload] of forged) expect(await request(event, payload), event).toEqual({ ok: false, error: "unknown event" });
        expect(outcome).toBe("refused");
      }
      const seen = await watch.settle();
      expect(seen, "the socket channel pushed something").toEqual([]);
      expect(changedTables(before, await snapshot(server))).toEqual([]);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
      watch.close();
    }
  });
});
