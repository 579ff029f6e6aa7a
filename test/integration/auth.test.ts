import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/client";
import { countRows } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("accounts and sessions", () => {
  it("signs up with an httpOnly, SameSite=Lax cookie holding a 256-bit random id", async () => {
    const client = new Client(server.url);
    const res = await client.post("/signup", { handle: "Alice", displayName: "Alice A.", password: "a long passphrase" });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^fc_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await client.get("/");
    expect(home.text).toContain("Alice A.");
    // The database stores a hash of the id, never the id itself.
    const token = client.cookies.get("fc_session")!;
    expect(await countRows(server, "sessions", "id_hash = ?", token)).toBe(0);
    expect(await countRows(server, "users", "handle = 'alice' AND password_hash LIKE '$argon2id$%'")).toBe(1);
  });

  it("issues a new session id on every login", async () => {
    const client = await signedUpClient(server.url, "bob");
    const first = client.cookies.get("fc_session");
    const res = await client.login("bob");
    expect(res.status).toBe(302);
    const second = client.cookies.get("fc_session");
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // The old id no longer works.
    const stale = new Client(server.url);
    stale.cookies.set("fc_session", first!);
    expect((await stale.get("/")).text).not.toContain("Log out");
  });

  it("gives one generic message for an unknown handle and a wrong password", async () => {
    await signedUpClient(server.url, "carol");
    const unknown = await new Client(server.url).login("nobody-here", "whatever-password");
    const wrong = await new Client(server.url).login("carol", "not the password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = "That handle and password do not match an account.";
    expect(unknown.text).toContain(message);
    expect(wrong.text).toContain(message);
  });

  it("refuses a duplicate handle with 409 and keeps what was typed", async () => {
    await new Client(server.url).signup("dave");
    const before = await countRows(server, "users");
    const res = await new Client(server.url).post("/signup", { handle: "DAVE", displayName: "Another Dave", password: "a long passphrase" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("That handle is taken");
    expect(res.text).toContain('value="Another Dave"');
    expect(await countRows(server, "users")).toBe(before);
  });

  it("refuses short passwords and bad handles with field errors", async () => {
    const res = await new Client(server.url).post("/signup", { handle: "x", displayName: "X", password: "short" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Handles have at least 3 characters.");
    expect(res.text).toContain("Use at least 10 characters.");
  });

  it("treats forged and malformed session cookies as signed out, never a 500", async () => {
    for (const value of ["forged", "A".repeat(43), "%E0%A4%A", "x".repeat(5000), "'; DROP TABLE users; --"]) {
      const client = new Client(server.url);
      client.cookies.set("fc_session", encodeURIComponent(value));
      const page = await client.get("/");
      expect(page.status).toBe(200);
      expect(page.text).toContain("Log in");
      const write = await client.post("/posts/new", { title: "t", markdown: "b" });
      expect(write.status).toBe(401);
      expect(write.text).toContain("You are not logged in");
    }
    expect(await countRows(server, "posts")).toBe(0);
  });

  it("logs out only by POST, and the session is gone afterwards", async () => {
    const client = await signedUpClient(server.url, "erin");
    const token = client.cookies.get("fc_session")!;
    const get = await client.get("/logout");
    expect(get.status).toBe(200);
    expect((await client.get("/")).text).toContain("Log out");
    const post = await client.post("/logout", {});
    expect(post.status).toBe(302);
    const reuse = new Client(server.url);
    reuse.cookies.set("fc_session", token);
    expect((await reuse.get("/")).text).not.toContain("Log out");
  });

  it("refuses cross-site form posts with 403", async () => {
    const client = await signedUpClient(server.url, "frank");
    const res = await client.post("/posts/new", { title: "Forged", markdown: "body" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const site = await client.post("/posts/new", { title: "Forged", markdown: "body" }, { "sec-fetch-site": "cross-site" });
    expect(site.status).toBe(403);
    expect(await countRows(server, "posts", "title = 'Forged'")).toBe(0);
  });

  it("offers signed-out readers of /posts/new a way to log in and come back", async () => {
    const res = await new Client(server.url).get("/posts/new");
    expect(res.status).toBe(200);
    expect(res.text).toContain('href="/login?redirectTo=%2Fposts%2Fnew"');
  });
});

describe("the redirect after log-in", () => {
  const phish = "/\t/evil.example/phish";

  it("never leaves our origin, however the target is disguised", async () => {
    const client = await signedUpClient(server.url, "redirected");
    await client.post("/logout", {});
    for (const redirectTo of [phish, "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/.//evil.example"]) {
      const res = await client.post("/login", { handle: "redirected", password: "correct horse battery", redirectTo });
      expect(res.status).toBe(302);
      expect(res.location).toBe("/");
    }
  });

  it("bounces an already logged-in reader only to a path of ours", async () => {
    const client = await signedUpClient(server.url, "bounced");
    const res = await client.get(`/login?redirectTo=${encodeURIComponent(phish)}`);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    const fine = await client.get(`/login?redirectTo=${encodeURIComponent("/posts/new?x=1")}`);
    expect(fine.location).toBe("/posts/new?x=1");
  });

  it("answers a newline or a non-Latin-1 target with a redirect, never a 500 after the session was made", async () => {
    const client = await signedUpClient(server.url, "unicode-target");
    await client.post("/logout", {});
    const newline = await client.post("/login", { handle: "unicode-target", password: "correct horse battery", redirectTo: "/posts\r\nSet-Cookie: x=1" });
    expect(newline.status).toBe(302);
    expect(newline.location).toBe("/postsSet-Cookie:%20x=1");
    expect(newline.headers.getSetCookie().some((c) => c.startsWith("x="))).toBe(false);
    const unicode = await client.post("/login", { handle: "unicode-target", password: "correct horse battery", redirectTo: "/posts/überlegung" });
    expect(unicode.status).toBe(302);
    expect(unicode.location).toBe("/posts/%C3%BCberlegung");
  });
});
