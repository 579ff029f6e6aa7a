// The demo seed's tags, wiki pages and sequence, as a visitor to a fresh site sees them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEQUENCES, DEMO_TAGS } from "../../server/seed/topics";
import { countRows, queryAll } from "../support/db";
import { startWithReader, type TestServer } from "../support/server";
import type { Client } from "../support/client";

let server: TestServer;
let reader: Client;
beforeAll(async () => {
  ({ server, reader } = await startWithReader({ seed: true }));
}, 120_000);
afterAll(() => server.stop());

describe("seeded topics", () => {
  it("every tag has a wiki page, an edit in the moderation log, and posts", async () => {
    const index = (await reader.get("/tags")).text;
    for (const tag of DEMO_TAGS) {
      expect(index).toContain(`href="/tags/${tag.slug}"`);
      const page = await reader.get(`/tags/${tag.slug}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<h1>${tag.name}</h1>`);
      expect(page.text).toContain('class="post-list__item"');
    }
    expect((await reader.get("/tags/scaling-laws")).text).toContain("loss falls smoothly as a power law in each");
    expect(await countRows(server, "moderation_log", "action = ?", "edit-tag-wiki")).toBe(DEMO_TAGS.length);
  });

  it("the sequence's three posts show their parts in order", async () => {
    const seq = DEMO_SEQUENCES[0]!;
    const rows = await queryAll<{ slug: string; position: number }>(server, "SELECT p.slug, sp.position FROM sequence_posts sp JOIN posts p ON p.id = sp.post_id ORDER BY sp.position");
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3]);
    for (const [i, row] of rows.entries()) {
      const page = (await reader.get(`/posts/${row.slug}`)).text.replaceAll("<!-- -->", "");
      expect(page).toContain(`Part ${i + 1} of 3 in`);
      expect(page).toContain(`>${seq.title}</a>`);
    }
    expect((await reader.get("/users/ada")).text).toContain(seq.title);
  });
});
