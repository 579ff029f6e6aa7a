// The page cache's own rules (server/page-cache.ts), with a clock the test moves: one
// generation at a time, a render begun before a newer write is not kept, pages expire, and a
// kept page comes back with the new reader's nonce wherever the old one stood.
import { describe, expect, it } from "vitest";
import { MAX_AGE_MS, PageCache } from "../../server/page-cache";

const headers = new Headers({ "content-type": "text/html; charset=utf-8" });
const page = (nonce: string, text = "hello") => `<script nonce="${nonce}">x</script><p>${text}</p><script nonce="${nonce}">y</script>`;

function clock() {
  let t = 1_000_000;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

describe("PageCache", () => {
  it("gives a kept page back with the next reader's nonce in every place, and the same ETag", async () => {
    const cache = new PageCache();
    const first = cache.keep("http://x/a", 5, page("N1"), headers, "N1");
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const hit = cache.take("http://x/a", 5, "N2")!;
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(await hit.text()).toBe(page("N2"));
    expect(hit.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(hit.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("drops every page when a newer generation is seen, and never keeps a render from an older one", () => {
    const cache = new PageCache();
    cache.keep("http://x/a", 5, page("N1"), headers, "N1");
    cache.keep("http://x/b", 5, page("N1"), headers, "N1");
    expect(cache.take("http://x/a", 6, "N2")).toBeNull();
    expect(cache.size).toBe(0);
    // A render that read generation 5 before the write finished after it: sent, not kept.
    const late = cache.keep("http://x/b", 5, page("N3", "stale"), headers, "N3");
    expect(late.status).toBe(200);
    expect(cache.take("http://x/b", 6, "N4")).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("expires a kept page after MAX_AGE_MS, as the front page's order moves with the clock", () => {
    const c = clock();
    const cache = new PageCache(c.now);
    cache.keep("http://x/", 1, page("N1"), headers, "N1");
    c.pass(MAX_AGE_MS - 1);
    expect(cache.take("http://x/", 1, "N2")).not.toBeNull();
    c.pass(2);
    expect(cache.take("http://x/", 1, "N3")).toBeNull();
  });

  it("keys pages by their whole URL", () => {
    const cache = new PageCache();
    cache.keep("http://x/a?sort=new", 1, page("N1", "new"), headers, "N1");
    expect(cache.take("http://x/a", 1, "N2")).toBeNull();
    expect(cache.take("https://x/a?sort=new", 1, "N2")).toBeNull();
    expect(cache.take("http://x/a?sort=new", 1, "N2")).not.toBeNull();
  });
});
