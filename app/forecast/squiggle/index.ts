export * from "./types";
export { applyInputs, labelFromName, literalInputs, parameterInput, renderSquiggleValue, skeleton, squiggleNumber } from "./params";
export { prepareSquiggleRun, programHash, squiggleModel, squiggleSeed, type PreparedSquiggleRun } from "./model";
export { summarizeOutput, YEAR_RANGE, type OutputValue, type Summary } from "./result";
export { SQUIGGLE_TEMPLATE } from "./template";
