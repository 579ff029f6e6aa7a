// Quick questions in a thread (docs/decisions/015): which forecasts ask one, which replies
// answer it, and the aggregate of each author's latest answer, drawn for desktop and phone.
// A question is asked by a post's forecast (every version of it) or by a reply's; every fork
// below it that keeps its question is an answer, and so is the asker's own forecast.
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Store } from "../../db/store";
import { commentVisibility, type CommentStatus } from "../discussion/permissions";
import { quickCommunitySpec, type CommunityAnswer } from "../charts/index";
import {
  aggregateAnswers,
  answerInputOf,
  formatDay,
  formatInputValue,
  getModel,
  listModels,
  questionKey,
  type ForecastModel,
  type Inputs,
  type QuickAggregate,
  type QuickAnswerSource,
} from "../forecast/index";
import { renderSvgCached } from "../utils/chart-svg.server";
import type { ForecastService } from "./forecasts.server";
import type { QuestionExport, QuestionView } from "./types";
export type { QuestionExport, QuestionView } from "./types";

/**
 * Drawing widths, no wider than the chart is shown, so its 12 px text stays 12 px or more:
 * the post's column on a desktop (642 px), a reply's (narrower, indented), and a phone's
 * (327 px on a 390 px phone, less in nested replies; wider screens cap it, see quick.css).
 */
export const QUESTION_CHART_WIDTHS = { post: 640, reply: 520, narrow: 300 } as const;

interface Row {
  id: number;
  modelId: string;
  inputs: string;
  parentForecastId: number | null;
  commentId: number | null;
  authorId: number;
  createdAt: number;
  handle: string;
  name: string;
  status: string | null;
}

const QUICK_IDS = listModels().filter((m) => m.quick).map((m) => m.id);

function detailOf(model: ForecastModel, inputs: Inputs): string {
  if (model.quick === "probability") return `By ${formatDay(String(inputs.deadline))}`;
  if (model.quick === "date") return "Answered in years";
  const unit = String(inputs.unit ?? "");
  return `${unit ? `In ${unit}` : "A number"}, on a ${inputs.scale === "linear" ? "linear" : "log"} axis`;
}

interface Group {
  root: Row;
  model: ForecastModel;
  inputs: Inputs;
  members: Row[];
}

export function createQuestionService(store: Store, forecasts: ForecastService) {
  const { db, t } = store;
  const { users, comments, forecasts: forecastsTable } = t;
  // Every post view asks for its thread's quick questions.
  const quickRows = db
    .select({
      id: forecastsTable.id,
      modelId: forecastsTable.modelId,
      inputs: forecastsTable.inputs,
      parentForecastId: forecastsTable.parentForecastId,
      commentId: forecastsTable.commentId,
      authorId: forecastsTable.authorId,
      createdAt: forecastsTable.createdAt,
      handle: users.handle,
      name: users.displayName,
      status: comments.status,
    })
    .from(forecastsTable)
    .innerJoin(users, eq(users.id, forecastsTable.authorId))
    .leftJoin(comments, eq(comments.id, forecastsTable.commentId))
    .where(and(eq(forecastsTable.postId, sql.placeholder("postId")), inArray(forecastsTable.modelId, QUICK_IDS)))
    .prepare("quick_rows_of_post");
  /** Every quick question of a post's thread, with the rows that answer it. */
  async function groups(postId: number, postForecastId: number | null): Promise<{ post: Group | null; replies: Group[] }> {
    const rows: Row[] = await quickRows.execute({ postId });
    if (rows.length === 0) return { post: null, replies: [] };
    const byId = new Map(rows.map((r) => [r.id, r]));
    const rootOf = (r: Row): Row => {
      let cur = r;
      for (let i = 0; i < 500 && cur.parentForecastId !== null && byId.has(cur.parentForecastId); i++) cur = byId.get(cur.parentForecastId)!;
      return cur;
    };
    const parsed = new Map(rows.map((r) => [r.id, JSON.parse(r.inputs) as Inputs]));
    // A question is its anchor (the post, or the reply that asks it) and the inputs answers keep.
    const keyOf = (r: Row) => {
      const root = rootOf(r);
      const model = getModel(r.modelId);
      return model ? `${root.commentId === null ? "post" : `c${root.commentId}`}|${questionKey(model, parsed.get(r.id)!)}` : null;
    };
    // Answers are public aggregates: only replies anyone may read count (commentVisibility).
    const visible = (r: Row) => r.commentId === null || commentVisibility(null, { status: r.status as CommentStatus }) === "shown";
    const members = new Map<string, Row[]>();
    for (const r of rows) {
      const key = keyOf(r);
      if (key && visible(r)) members.set(key, [...(members.get(key) ?? []), r]);
    }
    const groupFor = (root: Row): Group | null => {
      const model = getModel(root.modelId);
      const key = keyOf(root);
      if (!model || !key) return null;
      return { root, model, inputs: parsed.get(root.id)!, members: members.get(key) ?? [] };
    };
    const postRoot = postForecastId === null ? undefined : byId.get(postForecastId);
    const post = postRoot ? groupFor(postRoot) : null;
    const replies = rows
      .filter((r) => r.commentId !== null && r.parentForecastId === null && visible(r))
      .map(groupFor)
      .filter((g): g is Group => g !== null);
    return { post, replies };
  }

  function aggregateOf(g: Group): QuickAggregate | null {
    const def = answerInputOf(g.model)!;
    const sources: QuickAnswerSource[] = g.members.map((m) => ({
      authorKey: m.authorId,
      authorName: m.name,
      forecastId: m.id,
      commentId: m.commentId,
      createdAt: m.createdAt,
      inputs: JSON.parse(m.inputs) as Inputs,
      asker: m.authorId === g.root.authorId,
    }));
    return aggregateAnswers(g.model, sources, (inputs) => formatInputValue(def, inputs[def.name] ?? def.default));
  }

  async function present(g: Group): Promise<QuestionView | null> {
    const agg = aggregateOf(g);
    if (!agg || !g.model.quick) return null;
    const results: CommunityAnswer[] = [];
    for (const a of agg.answers) {
      const loaded = await forecasts.load(a.forecastId);
      if (loaded.result) results.push({ label: a.authorName, asker: a.asker, result: loaded.result });
    }
    const named = agg.answers.map((a) => `${a.authorName}${a.asker ? " (asked)" : ""} ${a.text}`);
    const description = `${agg.summary}. ${named.slice(0, 30).join("; ")}${named.length > 30 ? `; and ${named.length - 30} more` : ""}.`;
    const draw = async (width: number) => {
      try {
        const spec = quickCommunitySpec(results, agg, description, { width, compact: width < 480 });
        return await renderSvgCached(`question:${g.root.id}:${agg.answers.map((a) => a.forecastId).join(",")}:${width}`, spec, { label: description });
      } catch {
        return null;
      }
    };
    return {
      rootForecastId: g.root.id,
      commentId: g.root.commentId,
      modelId: g.model.id,
      kind: g.model.quick,
      text: String(g.inputs.question ?? ""),
      detail: detailOf(g.model, g.inputs),
      askerName: g.root.name,
      // The question's own forecast is always among its answers, so the asker always has one.
      askerAnswer: agg.answers.find((a) => a.asker)?.text ?? "",
      answers: agg.answers.map((a) => ({ authorName: a.authorName, commentId: a.commentId, forecastId: a.forecastId, asker: a.asker, text: a.text })),
      forecastIds: g.members.map((m) => m.id),
      headlines: agg.headlines,
      summary: agg.summary,
      description,
      svg: await draw(g.root.commentId === null ? QUESTION_CHART_WIDTHS.post : QUESTION_CHART_WIDTHS.reply),
      svgNarrow: await draw(QUESTION_CHART_WIDTHS.narrow),
    };
  }

  return {
    /** The post's own question (if its forecast is one) and the questions replies ask, by comment id. */
    async forPost(postId: number, postForecastId: number | null): Promise<{ post: QuestionView | null; replies: Record<number, QuestionView> }> {
      const { post, replies } = await groups(postId, postForecastId);
      const out: Record<number, QuestionView> = {};
      for (const g of replies) {
        const view = await present(g);
        if (view && g.root.commentId !== null) out[g.root.commentId] = view;
      }
      return { post: post ? await present(post) : null, replies: out };
    },

    /** The question a forecast answers (or asks): its root forecast and text. */
    async rootOf(forecastId: number): Promise<{ id: number; authorId: number; text: string } | null> {
      let row = await forecasts.row(forecastId);
      for (let i = 0; i < 500 && row.parentForecastId !== null; i++) row = await forecasts.row(row.parentForecastId);
      const model = getModel(row.modelId);
      if (!model?.quick) return null;
      return { id: row.id, authorId: row.authorId, text: String((JSON.parse(row.inputs) as Inputs).question ?? "") };
    },

    /** Every question of a thread with its answers and aggregate, for the exports. */
    async forExport(postId: number, postForecastId: number | null): Promise<QuestionExport[]> {
      const { post, replies } = await groups(postId, postForecastId);
      return [post, ...replies]
        .filter((g): g is Group => g !== null)
        .flatMap((g) => {
          const agg = aggregateOf(g);
          if (!agg) return [];
          const byId = new Map(g.members.map((m) => [m.id, m]));
          return [{
            rootForecastId: g.root.id,
            commentId: g.root.commentId,
            modelId: g.model.id,
            question: String(g.inputs.question ?? ""),
            detail: detailOf(g.model, g.inputs),
            answers: agg.answers.map((a) => {
              const m = byId.get(a.forecastId)!;
              return { forecastId: a.forecastId, commentId: a.commentId, author: { handle: m.handle, displayName: m.name }, asker: a.asker, answer: a.text, value: a.value, createdAt: new Date(m.createdAt).toISOString() };
            }),
            aggregate: Object.fromEntries(agg.headlines.map((h) => [h.key, h.value])),
            summary: agg.summary,
          }];
        });
    },
  };
}
export type QuestionService = ReturnType<typeof createQuestionService>;

