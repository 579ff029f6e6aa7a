// Plain shapes services hand to routes. Type-only for routes: they never import services.
import type { Role } from "../../db/schema/users";
import type { CommentStatus } from "../../db/schema/comments";
import type { ComputeOptions, ForecastModel, ForecastResult, Headline, Inputs, InputSpread, QuickKind, Source } from "../forecast/index";
import type { resultTable } from "../charts/index";

export interface SessionUser {
  id: number;
  handle: string;
  displayName: string;
  role: Role;
  karma: number;
  bannedUntil: number | null;
}

export interface AuthorRef {
  id: number;
  handle: string;
  displayName: string;
}

export interface PostSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  score: number;
  commentCount: number;
  createdAt: number;
  editedAt: number | null;
  forecastId: number | null;
  author: AuthorRef;
  viewerVote: number;
}

export interface PostView extends PostSummary {
  markdown: string;
  html: string;
  lockedAt: number | null;
  lockReason: string | null;
  forkingDisabled: boolean;
  slowModeSeconds: number;
}

export interface CommentView {
  id: number;
  postId: number;
  parentId: number | null;
  depth: number;
  createdAt: number;
  editedAt: number | null;
  status: CommentStatus;
  /** Empty unless status is visible: deleted and removed bodies never leave the server. */
  html: string;
  markdown: string;
  score: number;
  agreeScore: number;
  /** The fork this comment carries, if any. */
  forecastId: number | null;
  /** Set when a moderator removed it: shown in place of the body. */
  removalReason: string | null;
  modNote: string | null;
  /** Folded away by the post's author as off-topic. */
  collapsed: boolean;
  author: AuthorRef;
  viewerVote: number;
  viewerAgree: number;
}

export interface ProfileItem {
  kind: "post" | "comment";
  id: number;
  title: string;
  excerpt: string;
  score: number;
  createdAt: number;
  href: string;
}

export interface Attribution {
  name: string;
  label: string;
  /** The primary headline with only this input changed from the parent. */
  alone: number | null;
}

export interface CommunityView {
  svg: string | null;
  description: string;
  aggregate: { key: string; label: string; format: string; value: number | null }[];
  forks: number;
  authors: number;
}

export interface LineageStep {
  forecastId: number;
  kind: "post" | "fork";
  authorName: string;
  commentId: number | null;
  headline: string;
  changed: string[];
}

export interface ForkPresentation {
  forecastId: number;
  authorId: number;
  authorName: string;
  parentForecastId: number | null;
  modelTitle: string;
  /** The changed assumptions: input, parent → fork, unit, the author's reason. */
  diff: { name: string; label: string; from: string; to: string; rationale: string | null }[];
  /** "median arrival 2052 → 2041; P(by 2036) 17% → 34%" */
  shift: string;
  headline: { label: string; format: string; parent: number | null; fork: number | null };
  attribution: { label: string; text: string; crux: boolean }[];
  /**
   * The overlay chart, drawn on the server and fetched as an image: a thread of 200 forks
   * would otherwise ship 200 inline SVGs (7 MB) in every page load and live refetch.
   */
  chartUrl: string;
  description: string;
  /** True when the parent is a post forecast that the author has since replaced. */
  stale: boolean;
  /** Stale, and its author has already rebased it onto the current version (in a reply below it). */
  rebased: boolean;
  /** An answer to a quick question: which kind (a probability answer needs no chart beyond its number). */
  quick: QuickKind | null;
}

export interface SpreadView {
  inputs: InputSpread[];
  forks: number;
  authors: number;
}

export interface InputRow {
  name: string;
  label: string;
  value: string;
  unit: string;
  group: string;
  changed: boolean;
}

export interface ForecastPresentation {
  id: number;
  modelId: string;
  modelTitle: string;
  modelVersion: number;
  current: boolean;
  seed: number;
  sampleCount: number;
  headlines: Headline[];
  svg: string | null;
  /** The vega-lite spec, so the browser can make the static SVG interactive. */
  spec: Record<string, unknown> | null;
  description: string;
  table: ReturnType<typeof resultTable> | null;
  inputs: InputRow[];
  modelDescriptionHtml: string;
  sources: Source[];
}

export interface ComputedForecast {
  model: ForecastModel;
  inputs: Inputs;
  overrides: Inputs;
  options: ComputeOptions;
  inputsHash: string;
  result: ForecastResult;
  cached: boolean;
  computeMs: number;
}

export interface QuestionView {
  /** The forecast that asks it: the post's current one, or the reply's. */
  rootForecastId: number;
  /** The reply that asks it; null for the post's own question. */
  commentId: number | null;
  modelId: string;
  kind: QuickKind;
  text: string;
  /** "By 31 December 2028", "In FLOP, on a log axis". */
  detail: string;
  askerName: string;
  /** The asker's latest answer, as stated. */
  askerAnswer: string;
  answers: { authorName: string; commentId: number | null; forecastId: number; asker: boolean; text: string }[];
  /** Every forecast that asks or answers it, earlier answers included: forking any of them is answering. */
  forecastIds: number[];
  headlines: Headline[];
  /** "4 answers · median 28.5% · geometric mean of odds 24.9%" */
  summary: string;
  /** The chart's text alternative: the summary and every answer. */
  description: string;
  svg: string | null;
  svgNarrow: string | null;
}

export interface QuestionExport {
  rootForecastId: number;
  commentId: number | null;
  modelId: string;
  question: string;
  detail: string;
  answers: { forecastId: number; commentId: number | null; author: { handle: string; displayName: string }; asker: boolean; answer: string; value: number; createdAt: string }[];
  aggregate: Record<string, number | null>;
  summary: string;
}
