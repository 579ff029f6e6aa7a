// Markdown rendering for posts and comments, run in the worker pool: a hostile 100 KB text
// can take seconds to parse, which must never stall the request loop.
import { inArray } from "drizzle-orm";
import { type Store } from "../../db/store";
import { renderMarkdown, renderPlainText } from "../utils/markdown.server";
import { scanCrosspostTitles } from "../utils/markdown/crosspost.server";

export interface MarkdownTask {
  markdown: string;
  /** Cross-post targets found by title, looked up before the render leaves the main thread. */
  titles: [string, { slug: string; title: string }][];
}
export interface RenderedMarkdown {
  html: string;
  excerpt: string;
}

/** The render itself; runs inside a worker (server/compute.worker.ts) or in-process for scripts. */
export function renderTask(task: MarkdownTask): RenderedMarkdown {
  const titles = new Map(task.titles);
  const html = renderMarkdown(task.markdown, { resolvePostTitle: (t) => titles.get(t) ?? null }).html;
  return { html, excerpt: renderPlainText(task.markdown) };
}

export function createMarkdownRenderer(store: Store, run: (task: MarkdownTask) => Promise<RenderedMarkdown>) {
  const { db, t } = store;
  const { posts } = t;
  return async (markdown: string): Promise<RenderedMarkdown> => {
    const wanted = scanCrosspostTitles(markdown);
    const found = wanted.length ? await db.select({ slug: posts.slug, title: posts.title }).from(posts).where(inArray(posts.title, wanted)) : [];
    return run({ markdown, titles: found.map((p) => [p.title, p] as [string, { slug: string; title: string }]) });
  };
}
export type MarkdownRenderer = ReturnType<typeof createMarkdownRenderer>;
