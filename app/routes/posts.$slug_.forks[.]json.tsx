import type { LoaderFunctionArgs } from "@remix-run/node";
import { runApi } from "~/actions/http.server";

// GET /posts/:slug/forks.json — every fork in the thread: inputs, outputs, author, time, lineage.
export async function loader({ params, context }: LoaderFunctionArgs) {
  return runApi(async () => {
    const post = context.services.posts.bySlug(params.slug ?? "", null);
    const forks = await context.services.forks.exportForPost(post.id);
    // Quick questions: every author's latest answer (the asker's included) and the aggregate.
    const questions = context.services.questions.forExport(post.id, post.forecastId);
    return Response.json(
      { post: { slug: post.slug, title: post.title, forecastId: post.forecastId }, forks, questions },
      { headers: { "Content-Disposition": `inline; filename="${post.slug}-forks.json"` } },
    );
  });
}
