export * from "./users";
export * from "./posts";
export * from "./comments";
export * from "./votes";
export * from "./forecasts";
export * from "./moderation";
export * from "./tags";
export * from "./generation";
