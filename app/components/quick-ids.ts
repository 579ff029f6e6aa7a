import type { QuestionView } from "~/services/types";

/** Every forecast that asks or answers one of the thread's quick questions: replying to one is answering. */
export function quickForecasts(questions: { post: QuestionView | null; replies: Record<number, QuestionView> }): ReadonlySet<number> {
  const out = new Set<number>();
  for (const q of [questions.post, ...Object.values(questions.replies)]) {
    if (!q) continue;
    out.add(q.rootForecastId);
    for (const id of q.forecastIds) out.add(id);
  }
  return out;
}
