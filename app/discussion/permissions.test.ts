import { describe, expect, it } from "vitest";
import { ACTIONS, banText, commentVisibility, decide, exemptFromLimits, GRANTS, slowModeWait, type Actor, type ThreadFacts } from "./permissions";

const NOW = 1_800_000_000_000;
const member: Actor = { id: 1, role: "member", bannedUntil: null };
const author: Actor = { id: 2, role: "member", bannedUntil: null };
const mod: Actor = { id: 3, role: "moderator", bannedUntil: null };
const admin: Actor = { id: 4, role: "admin", bannedUntil: null };
const open: ThreadFacts = { authorId: 2, lockedAt: null, lockReason: null, forkingDisabled: false, actorBannedHere: false };

describe("decide", () => {
  it("refuses the signed-out with a 401 for every action", () => {
    for (const action of ACTIONS) expect(decide(null, action, {}, NOW)).toMatchObject({ ok: false, status: 401 });
  });

  it("lets a banned user do nothing until the ban ends, and says until when", () => {
    const banned: Actor = { ...member, bannedUntil: NOW + 3_600_000 };
    for (const action of ACTIONS) expect(decide(banned, action, { ownerId: 1, thread: open }, NOW).ok).toBe(false);
    expect(decide(banned, "create:comment", { thread: open }, NOW)).toMatchObject({ status: 403, reason: expect.stringContaining("banned until") });
    expect(decide(banned, "create:comment", { thread: open }, NOW + 3_600_001).ok).toBe(true);
  });

  it("gives members their own things and staff everyone's", () => {
    expect(decide(member, "edit:comment", { ownerId: 1 }, NOW).ok).toBe(true);
    expect(decide(member, "edit:comment", { ownerId: 9 }, NOW)).toMatchObject({ ok: false, status: 403, reason: "Only the author can edit this comment." });
    expect(decide(member, "remove:comment", { ownerId: 9 }, NOW).ok).toBe(false);
    expect(decide(mod, "remove:comment", { ownerId: 9 }, NOW).ok).toBe(true);
    expect(decide(mod, "grant:moderator", { ownerId: 9 }, NOW).ok).toBe(false);
    expect(decide(admin, "grant:moderator", { ownerId: 9 }, NOW).ok).toBe(true);
  });

  it("treats thread settings as the post author's own, whoever wrote the target", () => {
    expect(decide(author, "collapse:comment", { ownerId: 1, thread: open }, NOW).ok).toBe(true);
    expect(decide(member, "collapse:comment", { ownerId: 1, thread: open }, NOW).ok).toBe(false);
    expect(decide(author, "disable-forking:post", { ownerId: 2, thread: open }, NOW).ok).toBe(true);
    expect(decide(author, "lock:post", { ownerId: 2, thread: open }, NOW).ok).toBe(false);
  });

  it("closes a locked thread to members, with the reason, but not to moderators", () => {
    const locked = { ...open, lockedAt: NOW, lockReason: "Cooling off" };
    expect(decide(member, "create:comment", { thread: locked }, NOW)).toMatchObject({ ok: false, reason: "This thread is locked: Cooling off" });
    expect(decide(author, "create:fork", { thread: locked }, NOW).ok).toBe(false);
    expect(decide(mod, "create:comment", { thread: locked }, NOW).ok).toBe(true);
  });

  it("honours a per-post bar and forking switched off", () => {
    expect(decide(member, "create:comment", { thread: { ...open, actorBannedHere: true } }, NOW).ok).toBe(false);
    const noForks = { ...open, forkingDisabled: true };
    expect(decide(member, "create:comment", { thread: noForks }, NOW).ok).toBe(true);
    expect(decide(mod, "create:fork", { thread: noForks }, NOW).ok).toBe(false);
  });

  it("never bans staff or oneself", () => {
    expect(decide(mod, "ban:user", { ownerId: 5, subjectRole: "moderator" }, NOW).ok).toBe(false);
    expect(decide(mod, "ban:user", { ownerId: 3, subjectRole: "member" }, NOW).ok).toBe(false);
    expect(decide(mod, "ban:user", { ownerId: 5, subjectRole: "member" }, NOW).ok).toBe(true);
  });

  it("grants strictly more to each role up the ladder", () => {
    for (const p of GRANTS.member) expect(GRANTS.moderator.has(p)).toBe(true);
    for (const p of GRANTS.moderator) expect(GRANTS.admin.has(p)).toBe(true);
  });
});

describe("limits and slow mode", () => {
  it("exempts staff everywhere and authors in their own thread", () => {
    expect(exemptFromLimits(mod)).toBe(true);
    expect(exemptFromLimits(author, { authorId: 2 })).toBe(true);
    expect(exemptFromLimits(member, { authorId: 2 })).toBe(false);
  });

  it("counts the wait from the last reply", () => {
    expect(slowModeWait(0, NOW, NOW)).toBe(0);
    expect(slowModeWait(300, null, NOW)).toBe(0);
    expect(slowModeWait(300, NOW - 60_000, NOW)).toBe(240);
    expect(slowModeWait(300, NOW - 301_000, NOW)).toBe(0);
  });

  it("words a ban for good without a date", () => {
    expect(banText(253402300799000)).toBe("Your account is banned");
    expect(banText(Date.UTC(2027, 0, 2, 3, 4))).toBe("Your account is banned until 2027-01-02 03:04 UTC");
  });
});

describe("commentVisibility", () => {
  it("shows visible comments to everyone and gone ones only to staff", () => {
    for (const viewer of [null, member, author, mod, admin]) expect(commentVisibility(viewer, { status: "visible" })).toBe("shown");
    for (const status of ["removed", "deleted"] as const) {
      // The author of a deleted or removed comment is a reader like any other.
      for (const viewer of [null, member, author]) expect(commentVisibility(viewer, { status })).toBe("hidden");
      for (const viewer of [mod, admin]) expect(commentVisibility(viewer, { status })).toBe("staff");
    }
  });
});
