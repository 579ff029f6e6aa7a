// Analyses over any model: sensitivity, attribution, solving, and reading a result's CDF.
export * from "./metric";
export * from "./dist-tools";
export * from "./factors";
export * from "./tornado";
export * from "./shapley";
export * from "./solve";
export * from "./evaluate";
