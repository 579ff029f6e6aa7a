import { describe, expect, it } from "vitest";
import { countOf, hidden, memberPage, textOf, useAppAndBrowser, valueOf, visible, waitForHydration } from "./harness";

const e2e = useAppAndBrowser();

describe("a discussion, end to end in Chromium", () => {
  it("sign up → post with formula and quote → reply → reply to reply → collapse → vote → permalink → profile → log out", async () => {
    const { page: alice, errors } = await memberPage(e2e, "alice", {}, "Alice Archer");

    await alice.getByRole("link", { name: "Write", exact: true }).click();
    await alice.getByLabel("Title").fill("Compute requirements, roughly");
    await alice.getByLabel("Body").fill("The lifetime anchor is $10^{15} \\times 10^{9} = 10^{24}$ FLOP.\n\n> Quoting the report: penalize AI by one OOM.\n\nWhat do you think?");
    await alice.getByRole("button", { name: "Publish" }).click();
    await alice.waitForURL(/\/posts\/compute-requirements-roughly$/);
    await visible(alice.locator(".post__body .katex").first());
    await textOf(alice.locator(".post__body blockquote")).toContain("penalize AI by one OOM");
    await waitForHydration(alice);

    // Reply to the post.
    await alice.locator(".thread__new textarea").fill("First reply: the horizon length matters more.");
    await alice.locator(".thread__new").getByRole("button", { name: "Comment" }).click();
    const first = alice.locator("article.comment", { hasText: "First reply" });
    await visible(first);
    await valueOf(alice.locator(".thread__new textarea")).toBe("");

    // Reply to the reply.
    await first.locator(".comment__actions").first().getByRole("link", { name: "Reply", exact: true }).click();
    await first.locator("textarea").first().fill("A nested reply with math: $\\alpha = 0.8$.");
    await first.getByRole("button", { name: "Post reply" }).click();
    const nested = first.locator("article.comment", { hasText: "A nested reply" });
    await visible(nested);
    await visible(nested.locator(".katex"));

    // Collapse the subthread: the nested reply disappears, the count shows.
    await first.locator(":scope > details > summary").click();
    await hidden(nested);
    await textOf(first.locator(".comment__folded-count").first()).toContain("1 reply hidden");
    await first.locator(":scope > details > summary").click();
    await visible(nested);

    // Another reader votes on Alice's comment; the score updates without a reload.
    const { page: bob, errors: bobErrors } = await memberPage(e2e, "bob", {}, "Bob Baker");
    await bob.goto(alice.url());
    await waitForHydration(bob);
    const bobsView = bob.locator("article.comment", { hasText: "First reply" }).first();
    // The score shows at once (optimistically); the reload must wait for the server's answer,
    // or it cancels the vote still in flight.
    const voted = bob.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(".data"));
    await bobsView.locator(".vote--karma").first().getByRole("button", { name: "Upvote" }).click();
    await textOf(bobsView.locator(".vote--karma .vote__score").first()).toBe("1");
    expect((await voted).status()).toBe(200);
    await bob.reload();
    await textOf(bob.locator("article.comment", { hasText: "First reply" }).first().locator(".vote--karma .vote__score").first()).toBe("1");
    await countOf(bob.locator("article.comment", { hasText: "First reply" }).first().locator(".vote--karma").first().getByRole("button", { name: "Retract upvote" })).toBe(1);

    // Permalink of the nested reply shows its parent chain.
    await alice.reload();
    await alice.locator("article.comment", { hasText: "A nested reply" }).last().locator(".comment__date").first().click();
    await alice.waitForURL(/\/comments\/\d+$/);
    await textOf(alice.locator(".context-chain")).toContain("First reply");
    await textOf(alice.locator(".permalink article.comment").first()).toContain("A nested reply");

    // Profile lists the post and the comments, with Alice's karma from Bob's vote.
    await alice.locator(".site-nav__me").click();
    await alice.waitForURL(`${e2e.app.url}/users/alice`);
    await textOf(alice.locator(".profile")).toContain("Compute requirements, roughly");
    await textOf(alice.locator(".profile")).toContain("First reply");
    await textOf(alice.locator(".profile__meta")).toContain("1 karma");

    // Log out.
    await alice.getByRole("button", { name: "Log out" }).click();
    await visible(alice.getByRole("link", { name: "Log in" }));

    expect(errors).toEqual([]);
    expect(bobErrors).toEqual([]);
    await bob.context().close();
  });

  it("collapses threads and shows comments with JavaScript off", async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/posts/compute-requirements-roughly`);
    const first = page.locator("article.comment", { hasText: "First reply" });
    await visible(first.locator("article.comment", { hasText: "A nested reply" }));
    await first.locator(":scope > details > summary").click();
    await hidden(first.locator("article.comment", { hasText: "A nested reply" }));
    await context.close();
  });

  it("replies, votes, edits and deletes with JavaScript off, through plain forms", async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/login`);
    await page.getByLabel("Handle").fill("bob");
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.goto(`${e2e.app.url}/posts/compute-requirements-roughly`);
    const nested = page.locator("article.comment", { hasText: "A nested reply" }).last();
    await nested.locator(".comment__actions").first().getByRole("link", { name: "Reply", exact: true }).click();
    await page.waitForURL(/\/comments\/\d+\?reply=1/);
    await page.locator(".comment__reply textarea").fill("Replying without JavaScript.");
    await page.getByRole("button", { name: "Post reply" }).click();
    await visible(page.locator("article.comment", { hasText: "Replying without JavaScript." }));
    const target = page.locator("article.comment", { hasText: "A nested reply" }).first();
    await target.locator(".vote--agree").first().getByRole("button", { name: "Agree", exact: true }).click();
    await textOf(page.locator("article.comment", { hasText: "A nested reply" }).first().locator(".vote--agree .vote__score").first()).toBe("1");
    // The author's own Edit and Delete are plain forms until scripts open them.
    const mine = page.locator("article.comment--mine", { hasText: "Replying without JavaScript." }).last();
    await mine.locator(".comment__actions summary", { hasText: "Edit" }).first().click();
    await mine.locator(".comment__actions textarea").first().fill("Edited without JavaScript.");
    await mine.getByRole("button", { name: "Save edit" }).click();
    await visible(page.locator("article.comment .comment__body", { hasText: "Edited without JavaScript." }));
    const edited = page.locator("article.comment--mine", { hasText: "Edited without JavaScript." }).last();
    await edited.locator(".comment__actions summary", { hasText: "Delete" }).first().click();
    await edited.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => page.locator(".comment__body", { hasText: "Edited without JavaScript." }).count()).toBe(0);
    await context.close();
  });
});
