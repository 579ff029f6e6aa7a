// Chart spec builders: the only entry point other code imports. Pure functions from a
// ForecastResult to a vega-lite spec (type-only vega-lite import), so they are safe in the
// browser bundle; rendering lives in utils/chart-svg.server.ts and components/forecast-chart.
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { bioAnchorsSpec } from "./bio-anchors";
import { gptSpec } from "./gpt-extrapolation";
import { scalingSpec } from "./scaling-laws";
import { squiggleSpec } from "./squiggle";
import type { ChartOptions } from "./theme";
import { quickAnswerSpec } from "./quick-specs";

export type { ChartOptions } from "./theme";
export { COLORS, FONT, PHONE, phoneSpec, raiseFonts } from "./theme";
export { bioAnchorsSpec } from "./bio-anchors";
export { gptSpec } from "./gpt-extrapolation";
export { scalingSpec } from "./scaling-laws";
export { squiggleSpec, squiggleOverlay } from "./squiggle";
export { overlaySpec, communitySpec, type OverlayLabels } from "./compare";
export { describeResult, describeShift, shiftSubtitle } from "./text";
export { resultTable, type ResultTable } from "./table";
export * as axisFormat from "./axis-format";
export { quickAnswerSpec, quickOverlaySpec, quickCommunitySpec, type CommunityAnswer } from "./quick-specs";
export { describeQuick, isQuick, quickShiftParts, quickTable, quickValue, pct as quickPct } from "./quick-text";

/** The main chart of a result, chosen by its model. Unknown models with a CDF get the CDF chart. */
export function forecastSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  switch (result?.modelId) {
    case "gpt-extrapolation":
      return gptSpec(result, options);
    case "scaling-laws":
      return scalingSpec(result, options);
    case "quick-probability":
    case "quick-date":
    case "quick-quantity":
      return quickAnswerSpec(result, options);
    case "squiggle":
      return squiggleSpec(result, options);
    default:
      return bioAnchorsSpec(result, options);
  }
}
