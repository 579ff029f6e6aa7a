// A Squiggle post, a parameter fork and a code fork, end to end in Chromium, with a second
// reader who watches both forks (their diffs and overlay charts) arrive without a reload.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { forkOneInput, loadedImage, memberPage, openForkForm, postFork, textOf, useAppAndBrowser, visible, waitForHydration, watchErrors } from "./harness";

const e2e = useAppAndBrowser();

async function newUser(handle: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { page } = await memberPage(e2e, handle);
  return { page, close: () => page.context().close() };
}

describe("Squiggle models", () => {
  it("a post with a Squiggle model, a parameter fork and a code fork, live for a second reader", async () => {
    const author = await newUser("sofia");
    const errors = watchErrors(author.page);
    const a = author.page;
    await a.goto(`${e2e.app.url}/posts/new`);
    await waitForHydration(a);
    await a.getByLabel("Title").fill("When does one run reach 1e28 FLOP?");
    await a.getByLabel("Body").fill("A small supply model; fork the growth rate.");
    await a.getByLabel(/Attach a forecast/).check();
    await a.getByRole("button", { name: /Squiggle model/ }).click();

    // The template runs; its parameters become the form.
    const editor = a.locator(".fe--squiggle");
    await textOf(editor.locator(".fe-status")).toContain("Up to date");
    await visible(editor.getByLabel("Target run size"));
    await visible(editor.locator(".fe-chart:visible svg"));

    // An error is shown at its line; fixing it brings the preview back.
    const code = editor.getByLabel("Squiggle program");
    const template = await code.inputValue();
    await code.fill(template.replace("target :: flop = 1e28", "target :: flop = 1e28 *"));
    await textOf(editor.locator(".sq-code__error")).toMatch(/Line \d+/);
    await visible(editor.locator(".sq-code__numbers .is-error"));
    await code.fill(template);
    await textOf(editor.locator(".fe-status")).toContain("Up to date");
    expect(await editor.locator(".sq-code__error").count()).toBe(0);

    await a.getByRole("button", { name: "Publish" }).click();
    await a.waitForURL(/\/posts\/when-does-one-run-reach-1e28-flop$/);
    const postUrl = a.url();
    await visible(a.locator(".forecast-panel .forecast-chart svg"));
    await textOf(a.locator(".forecast-panel__title")).toContain("Year of the first 1e28 FLOP training run");
    // The browser logs the preview's 422 for the deliberate error; nothing else may go wrong.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);

    // A second reader has the post open when the forks come in.
    const watcher = await newUser("wendell");
    const w = watcher.page;
    await w.goto(postUrl);
    await waitForHydration(w);
    await textOf(w.locator(".live-status")).toContain("Live");

    // A parameter fork through the same input form the built-in models use.
    const forker = await newUser("felix");
    const f = forker.page;
    const forkErrors = watchErrors(f);
    await f.goto(postUrl);
    await waitForHydration(f);
    const form = await forkOneInput(f, "Target run size", "1e29");
    await textOf(form.locator(".fe-shift")).toMatch(/median arrival 20\d\d → 20\d\d/);
    await postFork(form, "The question should be about 1e29.");
    const paramFork = w.locator("article.comment", { hasText: "about 1e29" }).first();
    await visible(paramFork.locator(".fork-card"));
    await textOf(paramFork.locator(".fork-diff")).toContain("Target run size");
    await loadedImage(paramFork.locator(".fork-card__chart img"));

    // A code fork: the program itself changes, and the card shows the diff.
    await f.reload();
    await waitForHydration(f);
    const codeForm = await openForkForm(f);
    await codeForm.locator("summary", { hasText: "Change the code too" }).click();
    const forkCode = codeForm.getByLabel(/The program/);
    const parentCode = await forkCode.inputValue();
    await forkCode.fill(parentCode.replace("yearsNeeded = log10", "// Growth halves after the first doubling.\nyearsNeeded = 1.5 * log10"));
    await textOf(codeForm.locator(".sq-diff__caption")).toContain("2 lines added");
    await codeForm.getByLabel(/Why this change to the code/).fill("growth slows down");
    await postFork(codeForm, "Growth will not stay this fast.");
    const codeFork = w.locator("article.comment", { hasText: "Growth will not stay this fast" }).first();
    await visible(codeFork.locator(".fork-card .sq-diff"));
    await textOf(codeFork.locator(".sq-diff")).toContain("// Growth halves after the first doubling.");
    await textOf(codeFork.locator(".fork-card")).toContain("growth slows down");
    await loadedImage(codeFork.locator(".fork-card__chart img"));
    expect(forkErrors).toEqual([]);

    await author.close();
    await watcher.close();
    await forker.close();
  }, 120_000);
});
