// What the three quick forecasts share: the question input, dates in words, and the
// question as it travels with a result (so charts and their text alternatives can say it).
import { formatDay } from "../format";
import type { ForecastModel, ForecastResult, InputDef, InputIssue, Inputs, TextInputDef } from "../types";

export { formatDay };

export const QUESTION_MAX = 300;

/** Every quick forecast needs its question: the model default is empty, so it is checked here. */
export function requireQuestion(inputs: Inputs): InputIssue[] {
  return typeof inputs.question === "string" && inputs.question.trim() !== "" ? [] : [{ path: "question", message: "Question: write the question others will answer" }];
}

export function questionInput(placeholder: string, help: string): TextInputDef {
  return {
    kind: "text",
    name: "question",
    label: "Question",
    unit: "",
    help,
    default: "",
    maxLength: QUESTION_MAX,
    placeholder,
    fixedInForks: true,
  };
}


/** The question as stored in a result's `question` series (one row). */
export interface QuestionRow {
  text: string;
  /** Probability questions: the ISO day the event must happen by. */
  deadline?: string;
  /** Quantity questions: the unit of the answer and the axis it is read on. */
  unit?: string;
  scale?: "linear" | "log";
}

export function questionRow(result: ForecastResult | null | undefined): QuestionRow | null {
  const row = result?.series?.question?.[0];
  if (!row || typeof row.text !== "string") return null;
  const out: QuestionRow = { text: row.text };
  if (typeof row.deadline === "string") out.deadline = row.deadline;
  if (typeof row.unit === "string") out.unit = row.unit;
  if (row.scale === "linear" || row.scale === "log") out.scale = row.scale;
  return out;
}

/** "Will X? (by 31 December 2028)" — the question as one line a reader can act on. */
export function questionLine(q: QuestionRow): string {
  return q.deadline ? `${q.text} (by ${formatDay(q.deadline)})` : q.text;
}

/** The input an answer states (a probability, or the stated percentiles); undefined for other models. */
export function answerInputOf(model: ForecastModel): InputDef | undefined {
  if (!model.quick) return undefined;
  return model.inputs.find((d) => d.name === (model.quick === "probability" ? "probability" : "answer"));
}
