import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

// Where a browser would land after following `Location: <to>` from a page on our origin.
const OURS = "https://forkcast.example";
const landing = (to: string) => new URL(to, `${OURS}/login`);

/** What a redirect target must be to be safe in a Location header and in a browser. */
function assertSameOriginPath(out: string) {
  expect(out.startsWith("/")).toBe(true);
  expect(out.startsWith("//")).toBe(false);
  expect(out.startsWith("/\\")).toBe(false);
  // Headers take only visible ASCII here: anything else is a 500 (non-Latin-1) or header injection.
  expect(out).toMatch(/^[\x21-\x7e]*$/);
  expect(landing(out).origin).toBe(OURS);
}

describe("safeRedirect", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirect("/posts/some-slug?sort=new#comments")).toBe("/posts/some-slug?sort=new#comments");
    expect(safeRedirect("/")).toBe("/");
  });

  const hostile: [string, unknown][] = [
    ["tab between the slashes", "/\t/evil.example/phish"],
    ["newline between the slashes", "/\n/evil.example/phish"],
    ["carriage return between the slashes", "/\r/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["leading space then slashes", " //evil.example"],
    ["dot segment that collapses to //", "/.//evil.example"],
    ["encoded dot segment", "/%2e//evil.example"],
    ["not a string", { to: "/x" }],
    ["empty", ""],
    ["relative path", "posts/x"],
  ];
  for (const [name, to] of hostile) {
    it(`sends ${name} to / (or a path on our origin)`, () => {
      const out = safeRedirect(to);
      assertSameOriginPath(out);
      if (typeof to === "string" && /evil/.test(to)) expect(out).not.toMatch(/^\/\/|evil\.example\/phish$/);
    });
  }

  it("percent-encodes what a header cannot carry instead of failing", () => {
    expect(safeRedirect("/posts/überlegung")).toBe("/posts/%C3%BCberlegung");
    expect(safeRedirect("/a\nb")).toBe("/ab");
    expect(safeRedirect("/a b")).toBe("/a%20b");
  });

  it("always answers a same-origin path, over random strings with controls, slashes, escapes and Unicode", () => {
    const piece = fc.oneof(
      fc.constantFrom("/", "//", "\\", "/\\", "\t", "\n", "\r", "\0", "\x1f", "\x7f", " ", ".", "..", ":", "@", "?", "#", "%", "%2f", "%5c", "%2e", "%0a", "%09", "http:", "https:", "javascript:", "evil.example", "\u2028", "\u3002", "\uff0f", "\ufeff", "\ud800"),
      fc.string({ unit: "grapheme", maxLength: 4 }),
      fc.string({ unit: "binary", maxLength: 4 }),
    );
    const target = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(target, (to) => {
        const out = safeRedirect(to);
        assertSameOriginPath(out);
        // Deciding again changes nothing: the answer is already in its final form.
        expect(safeRedirect(out)).toBe(out);
      }),
      { numRuns: 5000 },
    );
  });
});
