import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/discussion/csv";
import { questionQuerySchema } from "~/forecast/api-schemas";
import { parseQuery, runApi } from "~/actions/http.server";

// GET /posts/:slug/forks.csv — one row per fork; each input and each headline is a column.
// Year headlines also as fractional years (`headline_median_fractional`); ?year=2035&p=0.25
// adds each fork's answer to the reader's own question (`p_by_2035`, `year_at_0.25`).
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const asked = parseQuery(request, questionQuerySchema);
    const post = await context.services.posts.bySlug(params.slug ?? "", null);
    const forks = await context.services.forks.exportForPost(post.id, asked);
    const inputNames = [...new Set(forks.flatMap((f) => Object.keys(f.inputs)))];
    const headlineKeys = [...new Set(forks.flatMap((f) => Object.keys(f.headlines)))];
    const fractionalKeys = [...new Set(forks.flatMap((f) => Object.keys(f.fractional)))];
    const askedColumns = [...(asked.year !== undefined ? [`p_by_${asked.year}`] : []), ...(asked.p !== undefined ? [`year_at_${asked.p}`] : [])];
    // Quick questions add their aggregates as rows (author "aggregate") after the forks.
    const questions = await context.services.questions.forExport(post.id, post.forecastId);
    for (const q of questions) for (const k of Object.keys(q.aggregate)) if (!headlineKeys.includes(k)) headlineKeys.push(k);
    const header = [
      "forecast_id", "comment_id", "author", "created_at", "parent_forecast_id", "model_id", "model_version", "seed", "sample_count", "changed_inputs",
      ...headlineKeys.map((k) => `headline_${k}`), ...fractionalKeys.map((k) => `headline_${k}_fractional`), ...askedColumns,
      ...inputNames.map((n) => `input_${n}`), "question_forecast_id", "answer",
    ];
    const rows = forks.map((f) => [
      f.forecastId,
      f.commentId,
      f.author.handle,
      f.createdAt,
      f.parentForecastId,
      f.model.id,
      f.model.version,
      f.provenance.seed,
      f.provenance.sampleCount,
      f.changed.join(" "),
      ...headlineKeys.map((k) => f.headlines[k] ?? null),
      ...fractionalKeys.map((k) => f.fractional[k] ?? null),
      ...(asked.year !== undefined ? [f.yourQuestion?.pByYear ?? null] : []),
      ...(asked.p !== undefined ? [f.yourQuestion?.yearAtP ?? null] : []),
      ...inputNames.map((n) => {
        const v = f.inputs[n];
        return typeof v === "number" || typeof v === "string" ? v : JSON.stringify(v);
      }),
      f.question?.forecastId ?? null,
      f.question?.answer ?? null,
    ]);
    const blank = (n: number) => Array.from({ length: n }, () => null);
    for (const q of questions) {
      rows.push([null, q.commentId, "aggregate", null, null, q.modelId, null, null, null, null, ...headlineKeys.map((k) => q.aggregate[k] ?? null), ...blank(fractionalKeys.length + askedColumns.length + inputNames.length), q.rootForecastId, q.summary]);
    }
    return new Response(toCsv([header, ...rows]), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${post.slug}-forks.csv"` },
    });
  });
}
