import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { countOf, hidden, logIn as logInAs, openPage, screenshotPath, signUp, textOf, useAppAndBrowser, valueOf, visible, waitForHydration, watchErrors } from "./harness";

// Two seeded posts, one per test, so the lock of the first does not close the second.
const LOCKED_POST = "/posts/extrapolating-gpt-3-benchmarks-against-loss";
const BAN_POST = "/posts/chinchilla-vs-kaplan-what-20-tokens-per-parameter-changes";
const LOCK_REASON = "Cooling off: personal attacks";
const BAN_REASON = "Repeated personal attacks after warnings";
const MODERATOR = { handle: "moss", password: "forkcast-moderator-demo", name: "Moss Lindqvist" };

const e2e = useAppAndBrowser({ seed: true });

const newPage = () => openPage(e2e.browser);

const logIn = (page: Page, handle: string, password: string) => logInAs(page, e2e.app.url, handle, password);

/** Opens a post and waits until its live channel has joined the post's room. */
async function openPost(page: Page, path: string) {
  await page.goto(`${e2e.app.url}${path}`);
  await waitForHydration(page);
  await textOf(page.locator(".live-status")).toContain("Live");
}

const commentCount = async (page: Page) => Number(/^(\d+) comments?$/.exec(await page.locator("#comments-heading").innerText())?.[1]);

/** Inside the viewport and below the sticky site header, so a reader actually sees it. */
async function expectOnScreen(page: Page, selector: string) {
  const header = (await page.locator(".site-header").boundingBox())!;
  const box = (await page.locator(selector).boundingBox())!;
  expect(box.y, `${selector} under the header`).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.y + box.height, `${selector} below the fold`).toBeLessThanOrEqual(page.viewportSize()!.height);
}

/** The public moderation log's row for an action: by the moderator, saying what and why. */
async function expectLogged(page: Page, rowText: string, what: string, reason: string) {
  await page.goto(`${e2e.app.url}/moderation`);
  const row = page.locator(".modlog__table tbody tr", { hasText: rowText }).first();
  await textOf(row).toContain(MODERATOR.name);
  await textOf(row).toContain(what);
  await textOf(row.locator("td").last()).toBe(reason);
}

/** A refused write answers 403; Chromium logs that as a console error, which is expected here. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 403/.test(e));

describe("moderation, live", () => {
  it("a moderator locks a thread while a member has a reply open; the member's submit is refused with the reason, and the lock banner appears live for everyone on the page", async () => {
    // A, a member, starts a top-level comment and a reply to the first comment.
    const a = await newPage();
    const aErrors = watchErrors(a);
    await signUp(a, e2e.app.url, "anya");
    await openPost(a, LOCKED_POST);
    const before = await commentCount(a);
    expect(before).toBeGreaterThan(0);
    const topLevel = a.locator(".thread__new .comment-form");
    const topText = "You are all wrong about the logistic fit, and here is why.";
    await topLevel.locator("textarea[name=markdown]").fill(topText);
    const first = a.locator("article.comment").first();
    await first.locator(".comment__actions").first().getByRole("link", { name: "Reply", exact: true }).click();
    const replyForm = first.locator(".comment__reply .comment-form").first();
    const replyText = "A reply typed before the lock arrived.";
    await replyForm.locator("textarea[name=markdown]").fill(replyText);
    expect(await a.getByTestId("lock-banner").count()).toBe(0);

    // C reads anonymously.
    const c = await newPage();
    const cErrors = watchErrors(c);
    await openPost(c, LOCKED_POST);
    expect(await c.getByTestId("lock-banner").count()).toBe(0);

    // M locks the thread through "Moderate this thread".
    const m = await newPage();
    const mErrors = watchErrors(m);
    await logIn(m, MODERATOR.handle, MODERATOR.password);
    await openPost(m, LOCKED_POST);
    await m.locator(".mod-tools summary", { hasText: "Moderate this thread" }).click();
    const lockForm = m.locator("form.mod-form", { has: m.getByRole("button", { name: "Lock thread" }) });
    await lockForm.getByLabel(/Reason/).fill(LOCK_REASON);
    await lockForm.getByRole("button", { name: "Lock thread" }).click();
    await textOf(m.getByTestId("lock-banner")).toContain(`Reason: ${LOCK_REASON}.`);

    // No reload: A and C both see the banner with the reason.
    for (const page of [a, c]) {
      await textOf(page.getByTestId("lock-banner")).toContain(`Reason: ${LOCK_REASON}.`);
      await textOf(page.getByTestId("lock-banner")).toContain("This thread is locked.");
    }
    // A's open forms stay with their drafts, but nothing new opens: no Reply links, no fork button.
    await valueOf(topLevel.locator("textarea[name=markdown]")).toBe(topText);
    await valueOf(replyForm.locator("textarea[name=markdown]")).toBe(replyText);
    await countOf(a.getByRole("link", { name: "Reply", exact: true })).toBe(0);
    await countOf(a.getByRole("button", { name: "Reply with a fork of this forecast" })).toBe(0);

    // A submits both: each is refused with the reason, and the text stays in the textarea.
    await topLevel.getByRole("button", { name: "Comment" }).click();
    await textOf(topLevel.getByRole("alert")).toBe(`This thread is locked: ${LOCK_REASON}`);
    await valueOf(topLevel.locator("textarea[name=markdown]")).toBe(topText);
    await replyForm.getByRole("button", { name: "Post reply" }).click();
    await textOf(replyForm.getByRole("alert")).toBe(`This thread is locked: ${LOCK_REASON}`);
    await valueOf(replyForm.locator("textarea[name=markdown]")).toBe(replyText);
    await a.locator("#comments").screenshot({ path: screenshotPath("moderation-locked.png") });

    // Nothing was created: same count after a reload, and neither text is in the thread.
    await a.reload();
    await waitForHydration(a);
    await visible(a.getByTestId("lock-banner"));
    expect(await commentCount(a)).toBe(before);
    expect(await a.locator("article.comment", { hasText: topText }).count()).toBe(0);
    expect(await a.locator("article.comment", { hasText: replyText }).count()).toBe(0);
    // A page loaded already locked offers no comment box at all.
    expect(await a.locator(".thread__new").count()).toBe(0);

    // The public moderation log records the lock, who did it, and why.
    await expectLogged(c, "locked the thread", "Extrapolating GPT-3 benchmarks against loss", LOCK_REASON);

    expect(unexpected(aErrors)).toEqual([]);
    expect(cErrors).toEqual([]);
    expect(mErrors).toEqual([]);
    for (const page of [a, c, m]) await page.context().close();
  });

  it("ban → the banned user's open page loses its reply and fork forms live; their next action is refused", async () => {
    // B reads a post with every way to reply open to them, and starts a reply.
    const b = await newPage();
    const bErrors = watchErrors(b);
    await signUp(b, e2e.app.url, "bruno");
    await openPost(b, BAN_POST);
    await visible(b.locator(".thread__new textarea[name=markdown]"));
    await visible(b.getByRole("button", { name: "Reply with a fork of this forecast" }));
    expect(await b.getByRole("link", { name: "Reply with a fork" }).count()).toBeGreaterThan(0);
    const first = b.locator("article.comment").first();
    await first.locator(".comment__actions").first().getByRole("link", { name: "Reply", exact: true }).click();
    await first.locator(".comment__reply textarea[name=markdown]").fill("Something I will not get to post.");
    await first.locator(".comment__reply").scrollIntoViewIfNeeded();
    expect(await b.evaluate(() => window.scrollY)).toBeGreaterThan(400);
    const scoreBefore = await b.locator(".vote--post .vote__score").innerText();

    // M bans B from B's profile.
    const m = await newPage();
    const mErrors = watchErrors(m);
    await logIn(m, MODERATOR.handle, MODERATOR.password);
    await m.goto(`${e2e.app.url}/users/bruno`);
    await waitForHydration(m);
    await m.locator(".mod-tools summary", { hasText: "Moderate @bruno" }).click();
    await m.getByLabel("Length").selectOption("30");
    await m.getByLabel(/Reason/).fill(BAN_REASON);
    await m.getByRole("button", { name: "Ban and log out everywhere" }).click();
    await textOf(m.locator(".profile__header .banner--warn")).toMatch(new RegExp(`^Banned until .*: ${BAN_REASON}\\.$`));

    // No reload on B's side: the session-ended notice arrives and every way to write goes.
    await textOf(b.locator(".session-ended")).toContain(`Your account was banned: ${BAN_REASON}`);
    // B is scrolled down to the thread: the notice must be on screen there, not only at the top.
    await expectOnScreen(b, ".session-ended");
    await hidden(b.locator(".thread__new"));
    await hidden(b.locator(".comment__reply"));
    await visible(b.locator(".thread__login"));
    await countOf(b.getByRole("button", { name: "Reply with a fork of this forecast" })).toBe(0);
    await countOf(b.getByRole("link", { name: "Reply with a fork" })).toBe(0);
    await countOf(b.getByRole("link", { name: "Reply", exact: true })).toBe(0);
    expect(await b.getByRole("link", { name: "Log in to reply" }).count()).toBeGreaterThan(0);
    await visible(b.locator(".site-nav").getByRole("link", { name: "Log in" }));
    expect(await b.locator(".site-nav__me").count()).toBe(0);
    await b.screenshot({ path: screenshotPath("moderation-banned.png") });
    await b.locator("#comments").screenshot({ path: screenshotPath("moderation-banned-thread.png") });

    // B may still log in and read, but the thread says why they cannot write, and a vote is refused.
    await b.locator(".session-ended").getByRole("link", { name: "Log in" }).click();
    await b.waitForURL(`${e2e.app.url}/login`);
    await waitForHydration(b);
    await b.getByLabel("Handle").fill("bruno");
    await b.getByLabel("Password").fill("a long enough passphrase");
    await b.getByRole("button", { name: "Log in" }).click();
    await b.waitForURL(`${e2e.app.url}/`);
    await openPost(b, BAN_POST);
    await textOf(b.locator(".thread .banner--warn")).toMatch(/^Your account is banned until .*: you can read, but not post, reply, vote, fork or report\.$/);
    expect(await b.locator(".thread__new").count()).toBe(0);
    expect(await b.getByRole("link", { name: "Reply", exact: true }).count()).toBe(0);
    // The page offers no vote; a hand-made request from the page (same origin, B's cookie) is refused.
    expect(await b.locator(".vote--post").getByRole("button", { name: "Upvote" }).isDisabled()).toBe(true);
    const refused = await b.evaluate(async () => {
      const body = new URLSearchParams({ intent: "reply", markdown: "Posting anyway.", parentId: "" });
      const res = await fetch(location.pathname, { method: "POST", body });
      return { status: res.status, text: await res.text() };
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/Your account is banned until .*: you can read, but not post, reply, vote, fork or report\./);
    await b.screenshot({ path: screenshotPath("moderation-banned-vote.png"), fullPage: false });
    await b.reload();
    await waitForHydration(b);
    expect(await b.locator(".vote--post .vote__score").innerText()).toBe(scoreBefore);
    expect(await b.locator(".vote--post").getByRole("button", { name: "Retract upvote" }).count()).toBe(0);

    // The public moderation log records the ban, its length, and why.
    await expectLogged(b, "@bruno", "banned @bruno (30 days)", BAN_REASON);

    expect(unexpected(bErrors)).toEqual([]);
    expect(mErrors).toEqual([]);
    for (const page of [b, m]) await page.context().close();
  });
});
