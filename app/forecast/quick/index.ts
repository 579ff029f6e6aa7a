// Quick forecasts: a probability, a date or a quantity stated in one line, no model behind it.
// They are ordinary models of the registry (stored, cached, forked, diffed and exported like
// the built-ins); what is particular to them is the question their inputs fix, and the
// thread's aggregate of its answers (aggregate.ts, docs/decisions/015).
import { quickDateModel } from "./date";
import { quickProbabilityModel } from "./probability";
import { quickQuantityModel } from "./quantity";

export { quickProbabilityModel, QUICK_PROBABILITY, MIN_PROBABILITY, MAX_PROBABILITY } from "./probability";
export { quickDateModel, QUICK_DATE, PERCENTILE_LEVELS } from "./date";
export { quickQuantityModel, QUICK_QUANTITY } from "./quantity";
export { answerInputOf, formatDay, questionLine, questionRow, QUESTION_MAX, type QuestionRow } from "./common";
export { normalCdf, normalQuantile } from "./normal";
export { statedCdf, statedDistribution, statedQuantile, type StatedDistribution } from "./quantiles";
export {
  aggregateAnswers,
  geometricMeanOfOdds,
  latestByAuthor,
  median as medianOf,
  poolStated,
  questionKey,
  type QuickAggregate,
  type QuickAnswer,
  type QuickAnswerSource,
} from "./aggregate";

export const quickModels = [quickProbabilityModel, quickDateModel, quickQuantityModel];
