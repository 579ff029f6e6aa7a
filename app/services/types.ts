// Plain shapes services hand to routes. Type-only for routes: they never import services.
import type { Role } from "../../db/schema/users";
import type { CommentStatus } from "../../db/schema/comments";
import type { CdfPoint, ComputeOptions, ForecastModel, ForecastResult, Headline, Inputs, InputSpread, ProgramAnalysis, QuestionAnswer, QuickKind, Source, Tornado } from "../forecast/index";
import type { CodeDiff } from "../forecast/squiggle/code-diff";
import type { resultTable } from "../charts/index";

export interface SessionUser {
  id: number;
  handle: string;
  displayName: string;
  role: Role;
  karma: number;
  bannedUntil: number | null;
}

/** The signed-in person as a request sees them: read with its session, in the same round trip. */
export interface RequestUser extends SessionUser {
  /** Unread notifications: the header's bell shows the count on every page. */
  unread: number;
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
  /** The viewer is barred from commenting in this thread (never, signed out). */
  viewerBarred: boolean;
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

/** What forks made before Shapley attribution stored: each change alone, in the primary headline. */
export interface LegacyAttribution {
  name: string;
  label: string;
  /** The primary headline with only this input changed from the parent. */
  alone: number | null;
}

/** What a fork stores as its attribution (forecasts.attribution), and what compare computes (ADR 017). */
export interface AttributionRecord {
  v: 2;
  metric: string;
  metricLabel: string;
  unit: string;
  method: "exact" | "sampled";
  methodText: string;
  from: number;
  to: number;
  total: number;
  parts: { name: string; label: string; value: number }[];
  seed: number;
  sampleCount: number;
  modelVersion: number;
}

/** An attribution as a reader sees it: parts rounded to add up to the rounded total, largest first. */
export interface AttributionView {
  metricLabel: string;
  fromText: string;
  toText: string;
  totalText: string;
  parts: { name: string; label: string; value: number; rounded: number; text: string; crux: boolean }[];
  methodText: string;
  /** The largest |part| in display units, for drawing. */
  scaleMax: number;
}

/** A forecast's sensitivity (tornado), as the API returns it and the page draws it. */
export interface SensitivityView {
  forecastId: number;
  modelId: string;
  modelTitle: string;
  /** The model version the analysis ran with (the current one), and the forecast's own. */
  modelVersion: number;
  forecastModelVersion: number;
  seed: number;
  sampleCount: number;
  metric: { key: string; label: string; unit: string };
  base: number | null;
  baseText: string;
  tornado: Tornado;
  method: string;
  description: string;
  table: { caption: string; columns: string[]; rows: (string | number)[][] };
  svg: string | null;
  spec: Record<string, unknown>;
  /** The same chart laid out for phones (names above the bars, the top 8). */
  narrow: { svg: string | null; spec: Record<string, unknown> };
}

/** One drawing of a chart: the server SVG and the spec the browser makes interactive. */
export interface ChartVariant {
  svg: string | null;
  spec: Record<string, unknown> | null;
}

export interface CompareSide {
  ref: string;
  kind: "forecast" | "aggregate";
  forecastId: number | null;
  label: string;
  href: string;
  modelId: string;
  modelTitle: string;
}

export interface CompareView {
  a: CompareSide;
  b: CompareSide;
  /** Headline rows side by side, as text ("2052.2", "18.0%"). */
  headlines: { label: string; a: string; b: string }[];
  diff: { name: string; label: string; from: string; to: string }[] | null;
  attribution: AttributionView | null;
  /** What the comparison rests on, in words (seed, recomputation, what cannot be attributed). */
  notes: string[];
  overlay: { svg: string | null; spec: Record<string, unknown> | null; narrow: ChartVariant | null; description: string };
  question: { a: QuestionAnswer; b: QuestionAnswer } | null;
  /** The headlines include years read off a curve between whole years. */
  fractionalYears: boolean;
}

export interface CommunityView {
  svg: string | null;
  /** Where the same chart is served, versioned by its bytes. */
  svgUrl: string | null;
  /** The same chart drawn for a phone's width (served at `svgNarrowUrl`). */
  svgNarrow: string | null;
  svgNarrowUrl: string | null;
  description: string;
  aggregate: { key: string; label: string; format: string; value: number | null; fractional?: number }[];
  forks: number;
  authors: number;
  /** The aggregate's arrival-year CDF, for the reader's own question. */
  cdf: CdfPoint[] | null;
  postId: number;
}

export interface LineageStep {
  forecastId: number;
  kind: "post" | "fork";
  /** A fork whose comment was removed or deleted: only its place in the chain is shown. */
  hidden: boolean;
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
  /** Each change's share of the shift (Shapley, ADR 017), parts adding up to the total; the crux is the largest. */
  attribution: AttributionView | null;
  /** Forks made before that: each change applied alone, which need not add up (said so on the card). */
  legacyAttribution: { label: string; text: string; crux: boolean }[];
  /**
   * The overlay chart, drawn on the server and fetched as an image: a thread of 200 forks
   * would otherwise ship 200 inline SVGs (7 MB) in every page load and live refetch.
   */
  chartUrl: string;
  description: string;
  /** A Squiggle fork that changed the program: the change to the code, and the author's reason for it. */
  code: { diff: CodeDiff; rationale: string | null } | null;
  /** A Squiggle fork: its changes are measured one at a time (the sandbox is not the engine's pool). */
  squiggle: boolean;
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
  /** This forecast's assets at versioned URLs (services/asset-version.ts); null when there is none. */
  /** Versioned asset URLs; `phone*` are the chart drawn for a phone (docs/decisions/025). */
  urls: { svg: string | null; spec: string | null; csv: string | null; phoneSvg: string | null; phoneSpec: string | null };
  modelId: string;
  modelTitle: string;
  modelVersion: number;
  current: boolean;
  seed: number;
  sampleCount: number;
  /**
   * How its numbers came about: drawn from `sampleCount` samples under `seed`; worked out in
   * closed form (seed and samples play no part); or stated by a person (a quick answer).
   */
  method: "sampled" | "exact" | "stated";
  headlines: Headline[];
  svg: string | null;
  /** The vega-lite spec, so the browser can make the static SVG interactive. */
  spec: Record<string, unknown> | null;
  /** The same chart drawn for a phone's width, with no text under 13 px. */
  narrow: ChartVariant | null;
  description: string;
  table: ReturnType<typeof resultTable> | null;
  inputs: InputRow[];
  modelDescriptionHtml: string;
  sources: Source[];
  /** The arrival-year curve, for the reader's own question (null for other kinds of result). */
  cdf: CdfPoint[] | null;
  /** Computed by an older model version: what has changed since. */
  versionNote: string | null;
  /** Squiggle forecasts: the program as it runs (this forecast's inputs written in) and the interpreter. */
  program?: { code: string; interpreter: string };
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
  /** Squiggle forecasts: the program their inputs are written into. */
  program: StoredProgram | null;
}

/** A Squiggle program as stored: its text, what the sandbox read from it, and the model that makes of it. */
export interface StoredProgram {
  hash: string;
  source: string;
  analysis: ProgramAnalysis;
  model: ForecastModel;
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

// ---- Public reads (services/catalog.server.ts, docs/decisions/027) ----

/** Where a keyset page starts: the last item of the page before, by time and then id. */
export interface Keyset {
  at: number;
  id: number;
}

export interface PublicComment {
  id: number;
  postId: number;
  parentId: number | null;
  status: CommentStatus;
  removalReason: string | null;
  /** Null when the comment is not visible: its words, author, score and fork are gone. */
  author: AuthorRef | null;
  html: string | null;
  score: number | null;
  forecastId: number | null;
  createdAt: number;
  editedAt: number | null;
  postSlug: string;
}

/** A forecast as an embed, an oEmbed answer or the API names it. */
/** A user's public profile (the open API). */
export interface PublicUser {
  handle: string;
  displayName: string;
  role: Role;
  karma: number;
  bio: string;
  createdAt: number;
}

export interface ForecastCard {
  id: number;
  kind: "post" | "fork" | "question";
  modelId: string;
  modelTitle: string;
  modelVersion: number;
  current: boolean;
  author: AuthorRef;
  post: { id: number; slug: string; title: string; forecastId: number | null } | null;
  commentId: number | null;
  parentForecastId: number | null;
  createdAt: number;
  headlines: Headline[];
  description: string;
  inputs: Record<string, unknown>;
  overrides: Record<string, unknown>;
  seed: number;
  sampleCount: number;
}

/** A post or comment as the Atom feeds list it (app/services/feeds.server.ts). */
export interface FeedItem {
  id: number;
  title: string;
  html: string;
  createdAt: number;
  editedAt: number | null;
  author: { handle: string; displayName: string };
  /** Posts: their slug. Comments: the post's slug. */
  slug: string;
}

/** One search hit. `titleHtml` and `snippetHtml` are escaped text with <mark> around matches (discussion/search.ts). */
export interface SearchHit {
  kind: "post" | "comment" | "user";
  id: number;
  /** Where the hit lives: the post, the comment's permalink, the profile. */
  url: string;
  titleHtml: string;
  snippetHtml: string;
  author: { handle: string; displayName: string } | null;
  createdAt: number;
  hasForecast: boolean;
}

export interface SearchResults {
  terms: string[];
  posts: SearchHit[];
  comments: SearchHit[];
  users: SearchHit[];
}

/** One of a person's published forecasts, as their profile lists it. */
export interface AuthoredForecast {
  id: number;
  /** A post's own forecast, a fork in a reply, an answer to a quick question, or a question asked in a reply. */
  kind: "post" | "fork" | "answer" | "question";
  href: string;
  postTitle: string;
  createdAt: number;
  headline: { label: string; format: string; value: number | null } | null;
}
