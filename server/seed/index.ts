// Demo content for a fresh database, written by us. Deterministic: fixed clock, fixed text.
import { count } from "drizzle-orm";
import { single, type Store } from "../../db/store";
import { createServices } from "../../app/services/index.server";
import type { ComputeRunner } from "../../app/services/forecasts.server";
import type { SquiggleRunner } from "../../app/services/squiggle.server";
import { DEMO_USERS, DEMO_POSTS, type DemoComment } from "./content";
import { DEMO_SEQUENCES, DEMO_TAGS } from "./topics";

/** Seeds only an empty database; returns whether it did. */
export async function seedIfEmpty(store: Store, runner?: ComputeRunner, squiggle?: SquiggleRunner): Promise<boolean> {
  if ((await store.db.select({ n: count() }).from(store.t.users).then(single)).n > 0) return false;
  let t = Date.UTC(2026, 9, 1, 9, 0, 0);
  // Each write advances the clock a little, so the demo threads have a believable order.
  const services = createServices(store, { now: () => (t += 7 * 60_000), runner, squiggle });
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const user = await services.users.signup({ handle: u.handle, displayName: u.displayName, password: u.password, role: u.role });
    ids.set(u.handle, user.id);
  }
  const uid = (handle: string) => ids.get(handle)!;
  // Tags and sequences keep a clock of their own, so the posts' times stay as they were.
  let topicTime = t;
  const topics = createServices(store, { now: () => (topicTime += 60_000), runner, squiggle });
  for (const tag of DEMO_TAGS) {
    await topics.tags.create(uid("admin"), tag.slug, tag.name);
    await topics.tags.editWiki(tag.slug, uid(tag.editor), tag.wiki);
  }

  const postIds = new Map<string, number>();
  for (const p of DEMO_POSTS) {
    t += 26 * 3600_000;
    const forecast = p.forecast ? await services.forecasts.compute(p.forecast.modelId, p.forecast.inputs, { source: p.forecast.source }) : null;
    const post = await services.posts.create({ authorId: uid(p.author), title: p.title, markdown: p.markdown, tags: p.tags, forecast });
    postIds.set(p.title, post.id);
    const addThread = async (items: DemoComment[], parentId: number | null, nearest: { id: number; inputs: Record<string, unknown> } | null) => {
      for (const c of items) {
        let fork = null;
        if (c.fork && nearest) {
          const inputs = { ...nearest.inputs, ...c.fork.inputs };
          fork = await services.forks.prepare(post.id, nearest.id, inputs, c.fork.why ?? {}, { source: c.fork.source });
        }
        const { id } = await services.comments.create({ postId: post.id, parentId, authorId: uid(c.author), markdown: c.markdown, fork });
        for (const [voter, value] of Object.entries(c.votes ?? {})) {
          await services.votes.cast({ userId: uid(voter), targetType: "comment", targetId: id, kind: "karma", value });
        }
        for (const [voter, value] of Object.entries(c.agree ?? {})) {
          await services.votes.cast({ userId: uid(voter), targetType: "comment", targetId: id, kind: "agree", value });
        }
        const forkId = fork ? await services.comments.forecastIdOf(id) : null;
        await addThread(c.replies ?? [], id, forkId ? { id: forkId, inputs: fork!.computed.inputs } : nearest);
      }
    };
    const postForecastId = forecast ? await services.posts.forecastIdOf(post.id) : null;
    await addThread(p.comments, null, postForecastId && forecast ? { id: postForecastId, inputs: forecast.inputs } : null);
    for (const [voter, value] of Object.entries(p.votes)) {
      await services.votes.cast({ userId: uid(voter), targetType: "post", targetId: post.id, kind: "karma", value });
    }
  }
  topicTime = t;
  for (const seq of DEMO_SEQUENCES) {
    await topics.sequences.create(uid(seq.author), { title: seq.title, markdown: seq.markdown, postIds: seq.posts.map((title) => postIds.get(title)!) });
  }
  return true;
}
