import { describe, expect, it } from "vitest";
import { fts5Query, plainText, searchFilters, searchQuerySchema, searchTerms, snippetHtml, tsQuery } from "./search";

describe("searchTerms", () => {
  it("keeps letters and digits only, lower-cased and distinct, so no operator survives", () => {
    expect(searchTerms('Fork "rates" AND OR ( NEAR(a b) col:x ^y -z * fork')).toEqual(["fork", "rates", "and", "or", "near", "a", "b", "col"]); // at most eight
    expect(searchTerms('" \' ( ) * : ^ - \\')).toEqual([]);
    expect(searchTerms("Café ＦＵＬＬ")).toEqual(["café", "full"]);
  });

  it("become quoted prefixes for each engine", () => {
    expect(fts5Query(["fork", "rate"])).toBe('"fork"* "rate"*');
    expect(tsQuery(["fork", "rate"])).toBe("'fork':* & 'rate':*");
  });
});

describe("snippetHtml", () => {
  it("escapes everything and marks whole words that start with a term", () => {
    expect(snippetHtml('<img src=x onerror="alert(1)"> forking & forks', ["fork"])).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>forking</mark> &amp; <mark>forks</mark>");
  });

  it("marks only at word starts", () => {
    expect(snippetHtml("unforked fork", ["fork"])).toBe("unforked <mark>fork</mark>");
  });

  it("centres a long text on its first match, with ellipses", () => {
    const text = `${"lead ".repeat(60)}target ${"tail ".repeat(60)}`.trim();
    const html = snippetHtml(text, ["target"], 120);
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("<mark>target</mark>");
    expect(html.length).toBeLessThan(160);
  });
});

describe("plainText", () => {
  it("drops link targets and markup but keeps comparison signs in running text", () => {
    expect(plainText("# Title\n> quoted **bold** [link](https://x.test) and 3 > 2")).toBe("Title quoted bold link and 3 > 2");
  });
});

describe("searchQuerySchema", () => {
  it("reads filters, with `to` through the end of its day", () => {
    const q = searchQuerySchema.parse({ q: " fork ", author: "Ada", forecast: "1", from: "2026-01-01", to: "2026-01-31", type: "" });
    expect(q).toEqual({ q: "fork", author: "ada", forecast: true, from: "2026-01-01", to: "2026-01-31", type: "all" });
    const f = searchFilters(q);
    expect(f.until! - f.since!).toBe(31 * 86_400_000);
  });

  it("refuses a wordless or overlong query with a sentence", () => {
    expect(searchQuerySchema.safeParse({ q: "!!!" }).error?.issues[0]?.message).toBe("Search for at least one word or number.");
    expect(searchQuerySchema.safeParse({ q: "a".repeat(201) }).error?.issues[0]?.message).toBe("Searches are at most 200 characters.");
  });
});
