// Quick probability: P(an event happens by a date), stated by the asker and by everyone who
// answers. The result is the number itself; the thread pools answers (aggregate.ts).
import type { ForecastModel, Inputs } from "../types";
import { formatDay, questionInput, requireQuestion } from "./common";

export const QUICK_PROBABILITY = "quick-probability";
/** Answers stay inside (0, 1): a 0 or a 1 has infinite odds and would swamp the geometric mean. */
export const MIN_PROBABILITY = 0.001;
export const MAX_PROBABILITY = 0.999;

export const quickProbabilityModel: ForecastModel = {
  id: QUICK_PROBABILITY,
  version: 1,
  title: "Quick probability",
  summary: "Will it happen by a date? One number, and everyone who replies gives theirs.",
  description:
    "A question with a yes-or-no answer and a deadline, and a probability. Every reply that forks it is an answer. " +
    "The thread shows each author's latest answer and two aggregates: the **median** and the **geometric mean of odds** " +
    "(each answer turned into odds p/(1−p), averaged on a log scale, turned back into a probability). Neither is extremized.",
  sources: [],
  sampled: false,
  quick: "probability",
  presets: [],
  inputs: [
    questionInput(
      "Will a training run of 1e27 FLOP or more be publicly reported?",
      "The event, stated so that anyone could tell afterwards whether it happened. Answers keep the question as you asked it.",
    ),
    {
      kind: "text",
      name: "deadline",
      label: "By",
      unit: "",
      format: "date",
      maxLength: 10,
      default: "2030-12-31",
      help: "The last day on which the event counts.",
      fixedInForks: true,
    },
    {
      kind: "number",
      name: "probability",
      label: "Probability",
      unit: "probability",
      min: MIN_PROBABILITY,
      max: MAX_PROBABILITY,
      default: 0.5,
      help: "How likely you think it is to happen by then.",
    },
  ],
  validate: requireQuestion,
  compute(inputs: Inputs) {
    const p = inputs.probability as number;
    const deadline = inputs.deadline as string;
    return {
      modelId: QUICK_PROBABILITY,
      modelVersion: 1,
      headlines: [{ key: "probability", label: "Probability", format: "probability", value: p }],
      series: {
        question: [{ text: inputs.question as string, deadline }],
        answer: [{ p }],
      },
      notes: [`The probability that it happens by ${formatDay(deadline)}.`],
    };
  },
};
