// Quick date: "when will X happen?", stated as a 90% interval or a few percentiles of the
// year. The CDF is drawn by year, as Bio Anchors draws its arrival year.
import type { ForecastModel, Inputs, QuantilePoint } from "../types";
import { questionInput, requireQuestion } from "./common";
import { statedCdfAxis, statedDistribution, statedQuantileAxis } from "./quantiles";
import { statedHeadlines, yearCdfRows } from "./stated-result";

export const QUICK_DATE = "quick-date";

export const PERCENTILE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

export const quickDateModel: ForecastModel = {
  id: QUICK_DATE,
  version: 1,
  title: "Quick date",
  summary: "When will it happen? A 90% interval of years, or a few percentiles.",
  description:
    "A question about when something happens, answered with the years by which you are 5% and 95% sure (a 90% interval), " +
    "or with more percentiles. Between two stated percentiles the curve follows the normal through both; past the outer ones, " +
    "the nearest pair's normal carries on. The thread pools every author's latest answer with equal weight.",
  sources: [],
  sampled: false,
  quick: "date",
  presets: [],
  inputs: [
    questionInput("When will a model score 90% on MMLU-Pro?", "What has to happen, stated so that anyone could tell afterwards when it did. Answers keep the question as you asked it."),
    {
      kind: "quantiles",
      name: "answer",
      label: "Year",
      unit: "year",
      min: 1900,
      max: 2300,
      levels: PERCENTILE_LEVELS,
      default: [
        { p: 0.05, value: 2027 },
        { p: 0.95, value: 2045 },
      ],
      help: "The year by which it has happened with that probability. Fill the 5th and 95th for a 90% interval; add others if you like.",
    },
  ],
  validate: requireQuestion,
  compute(inputs: Inputs) {
    const points = inputs.answer as QuantilePoint[];
    const d = statedDistribution(points, "linear");
    if (!d) throw new Error("the percentiles must rise with the years");
    const source = { scale: "linear" as const, cdfAxis: (t: number) => statedCdfAxis(d, t), quantileAxis: (p: number) => statedQuantileAxis(d, p) };
    return {
      modelId: QUICK_DATE,
      modelVersion: 1,
      headlines: statedHeadlines(source, "year", "Median year"),
      series: {
        question: [{ text: inputs.question as string }],
        cdf: yearCdfRows(source),
        stated: points.map((pt) => ({ p: pt.p, year: pt.value })),
      },
      notes: [],
    };
  },
};
