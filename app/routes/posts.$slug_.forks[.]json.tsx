import type { LoaderFunctionArgs } from "@remix-run/node";
import { questionQuerySchema } from "~/forecast/api-schemas";
import { parseQuery, runApi } from "~/actions/http.server";

// GET /posts/:slug/forks.json — every fork in the thread: inputs, outputs, author, time, lineage.
// ?year=2035&p=0.25 answers the reader's own question for every fork (`yourQuestion`).
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const asked = parseQuery(request, questionQuerySchema);
    const post = await context.services.posts.bySlug(params.slug ?? "", null);
    const forks = await context.services.forks.exportForPost(post.id, asked);
    // Quick questions: every author's latest answer (the asker's included) and the aggregate.
    const questions = await context.services.questions.forExport(post.id, post.forecastId);
    return Response.json(
      { post: { slug: post.slug, title: post.title, forecastId: post.forecastId }, forks, questions },
      { headers: { "Content-Disposition": `inline; filename="${post.slug}-forks.json"` } },
    );
  });
}
