import { describe, expect, it } from "vitest";
import { EMBED_DEFAULT, embedSize, embeddableTarget, iframeSnippet } from "./embed";

describe("embedSize", () => {
  it("is the wide frame by default, and never exceeds what the consumer allows", () => {
    expect(embedSize()).toEqual(EMBED_DEFAULT);
    for (const maxwidth of [200, 320, 400, 601, 680, 2000]) {
      for (const maxheight of [undefined, 150, 500, 5000]) {
        const size = embedSize({ maxwidth, maxheight });
        expect(size.width).toBeLessThanOrEqual(Math.max(280, Math.min(maxwidth, EMBED_DEFAULT.width)));
        if (maxheight !== undefined) expect(size.height).toBeLessThanOrEqual(maxheight);
      }
    }
  });

  it("is taller than wide at phone widths, where the page draws the phone chart", () => {
    const { width, height } = embedSize({ maxwidth: 360 });
    expect(width).toBe(360);
    expect(height).toBeGreaterThan(width);
  });
});

describe("iframeSnippet", () => {
  it("escapes the title into its attribute", () => {
    const html = iframeSnippet("https://forkcast.example", 7, 'A "quoted" <title> & more');
    expect(html).toBe(
      '<iframe src="https://forkcast.example/embed/forecasts/7" width="680" height="556" title="A &quot;quoted&quot; &lt;title&gt; &amp; more" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });
});

describe("embeddableTarget", () => {
  it("reads the pages that carry a forecast", () => {
    expect(embeddableTarget("/posts/some-slug")).toEqual({ kind: "post", slug: "some-slug" });
    expect(embeddableTarget("/posts/some-slug/")).toEqual({ kind: "post", slug: "some-slug" });
    expect(embeddableTarget("/posts/some-slug/comments/42")).toEqual({ kind: "comment", slug: "some-slug", commentId: 42 });
    expect(embeddableTarget("/forecasts/9")).toEqual({ kind: "forecast", id: 9 });
    expect(embeddableTarget("/embed/forecasts/9")).toEqual({ kind: "forecast", id: 9 });
  });

  it("refuses everything else, malformed escapes included", () => {
    for (const path of ["/", "/users/ada", "/posts/a/history", "/forecasts/x", "/posts/%E0%A4%A", "/api/v1/posts/1"]) expect(embeddableTarget(path), path).toBeNull();
  });
});
