// Quick quantity: "how much / how many?", a 90% interval or a few percentiles of a number in
// the asker's unit, read on a linear or a log axis (the asker chooses; answers keep it).
import type { ForecastModel, InputIssue, Inputs, QuantilePoint } from "../types";
import { questionInput, requireQuestion } from "./common";
import { PERCENTILE_LEVELS } from "./date";
import { statedCdfAxis, statedDistribution, statedQuantileAxis, type Scale } from "./quantiles";
import { statedHeadlines, valueCdfRows } from "./stated-result";

export const QUICK_QUANTITY = "quick-quantity";
const BOUND = 1e300;

export const quickQuantityModel: ForecastModel = {
  id: QUICK_QUANTITY,
  version: 1,
  title: "Quick quantity",
  summary: "How much, how many? A 90% interval in your unit, on a linear or log axis.",
  description:
    "A question whose answer is a number, answered with a 90% interval (the 5th and 95th percentiles) or a few percentiles. " +
    "On a log axis the percentiles are joined in orders of magnitude (a lognormal for a 90% interval); on a linear axis, " +
    "in plain units (a normal). The thread pools every author's latest answer with equal weight.",
  sources: [],
  sampled: false,
  quick: "quantity",
  presets: [],
  inputs: [
    questionInput("How many FLOP will the largest training run of 2027 use?", "What is measured, and when, stated so that anyone could check the number afterwards. Answers keep the question as you asked it."),
    {
      kind: "text",
      name: "unit",
      label: "Unit",
      unit: "",
      default: "",
      maxLength: 40,
      optional: true,
      placeholder: "FLOP",
      help: "What the number counts (optional).",
      fixedInForks: true,
    },
    {
      kind: "choice",
      name: "scale",
      label: "Axis",
      unit: "",
      default: "log",
      options: [
        { value: "log", label: "Log", help: "For numbers that span orders of magnitude." },
        { value: "linear", label: "Linear", help: "For numbers that could be negative or stay within one order of magnitude." },
      ],
      help: "How answers are joined and drawn.",
      fixedInForks: true,
    },
    {
      kind: "quantiles",
      name: "answer",
      label: "Answer",
      unit: "",
      min: -BOUND,
      max: BOUND,
      levels: PERCENTILE_LEVELS,
      default: [
        { p: 0.05, value: 1 },
        { p: 0.95, value: 100 },
      ],
      help: "The value you are that sure it stays below. Fill the 5th and 95th for a 90% interval; add others if you like.",
    },
  ],
  validate(inputs: Inputs): InputIssue[] {
    const missing = requireQuestion(inputs);
    if (missing.length || inputs.scale !== "log") return missing;
    const points = inputs.answer as QuantilePoint[];
    const bad = points.findIndex((pt) => !(pt.value > 0));
    return bad < 0 ? [] : [{ path: `answer.${bad}.value`, message: "Answer: on a log axis every value must be above 0 (choose the linear axis for zero or negative numbers)" }];
  },
  compute(inputs: Inputs) {
    const points = inputs.answer as QuantilePoint[];
    const scale = inputs.scale as Scale;
    const unit = inputs.unit as string;
    const d = statedDistribution(points, scale);
    if (!d) throw new Error("the percentiles must rise with the values");
    const source = { scale, cdfAxis: (t: number) => statedCdfAxis(d, t), quantileAxis: (p: number) => statedQuantileAxis(d, p) };
    return {
      modelId: QUICK_QUANTITY,
      modelVersion: 1,
      headlines: statedHeadlines(source, "number", "Median", unit ? ` (${unit})` : ""),
      series: {
        question: [{ text: inputs.question as string, unit, scale }],
        distribution: valueCdfRows(source),
        stated: points.map((pt) => ({ p: pt.p, x: pt.value })),
      },
      notes: [],
    };
  },
};
