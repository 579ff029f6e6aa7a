// Shared types of the pure forecast engine. Everything here is plain data so that a
// model definition, its inputs and its result can cross a worker boundary, be stored as
// JSON and be rendered by the browser without any class instances.

/** A probability distribution as a user states it. Values are in the input's own unit. */
export type Distribution =
  | { kind: "point"; value: number }
  | { kind: "normal"; mean: number; sd: number }
  /** lognormal stated by its median and the sd of log10(x) (OOM spread): natural for FLOP. */
  | { kind: "lognormal"; median: number; sdOom: number }
  | { kind: "uniform"; min: number; max: number }
  /** "90% CI" form, as Guesstimate and Squiggle users write `5 to 95`. */
  | { kind: "ci90"; shape: "normal" | "lognormal"; p5: number; p95: number }
  | { kind: "mixture"; components: { weight: number; dist: Distribution }[] };

export type InputValue = number | string | Distribution | TableRow[];
export type TableRow = Record<string, number>;
/** A full or partial set of input values keyed by input name. */
export type Inputs = Record<string, InputValue>;

interface InputBase {
  name: string;
  label: string;
  /** Unit shown next to the value, e.g. "FLOP/s", "years", "OOM". */
  unit: string;
  /** One or two sentences a reader sees when deciding whether to fork this input. */
  help: string;
  /** Optional grouping for the editor ("Requirements", "Hardware", ...). */
  group?: string;
  /**
   * Set once by whoever states the forecast and kept by every fork (a quick forecast's
   * question): a fork that changes it is refused, and the fork editor shows it read-only.
   */
  fixedInForks?: boolean;
  /** The bounds are a technical limit, not advice: the editor does not print them. */
  hideBounds?: boolean;
}

export interface NumberInputDef extends InputBase {
  kind: "number";
  default: number;
  min: number;
  max: number;
  /** "log" means the value is shown and edited in scientific notation. */
  scale?: "linear" | "log";
  integer?: boolean;
  /**
   * A sourced plausible range (low, high): the ends of this input's sensitivity bar. Without
   * one, analyses move it by half an order of magnitude (log scale) or 20% (linear) either way.
   */
  plausible?: [number, number];
}

export interface DistributionInputDef extends InputBase {
  kind: "distribution";
  default: Distribution;
  /** Bounds on every parameter value that lives in the input's unit (p5, p95, mean, median, min, max, value). */
  min: number;
  max: number;
  /** Which distribution kinds the editor offers. */
  allowed: Distribution["kind"][];
  /** "log": parameters are written in scientific notation (default: when max ≥ 1e6). */
  scale?: "linear" | "log";
}

export interface ChoiceInputDef extends InputBase {
  kind: "choice";
  default: string;
  options: { value: string; label: string; help?: string }[];
}

export interface TableInputDef extends InputBase {
  kind: "table";
  columns: { key: string; label: string; unit: string; min: number; max: number }[];
  /** Row labels, fixed by the model (e.g. one row per anchor). */
  rows: { key: string; label: string }[];
  default: TableRow[];
}

/** Free text, e.g. the question a quick forecast answers. format "date": an ISO day, YYYY-MM-DD. */
export interface TextInputDef extends InputBase {
  kind: "text";
  default: string;
  maxLength: number;
  /** Whether an empty text is acceptable. */
  optional?: boolean;
  format?: "date";
  /** Shown in the empty box, e.g. "Will …?" */
  placeholder?: string;
}

/** One stated percentile: P(value ≤ `value`) = `p`. */
export interface QuantilePoint extends TableRow {
  p: number;
  value: number;
}

/**
 * A distribution stated as a few percentiles (a 90% interval is the 5th and the 95th), in
 * ascending order. The value is a list of QuantilePoint rows.
 */
export interface QuantilesInputDef extends InputBase {
  kind: "quantiles";
  default: QuantilePoint[];
  /** Bounds on every stated value, in the input's unit. */
  min: number;
  max: number;
  /** The percentiles the editor offers as fields, as shares (0.05, 0.5, 0.95). */
  levels: number[];
}

export type InputDef = NumberInputDef | DistributionInputDef | ChoiceInputDef | TableInputDef | TextInputDef | QuantilesInputDef;

export interface Source {
  title: string;
  url?: string;
  note?: string;
}

export interface Preset {
  id: string;
  label: string;
  description: string;
  /** Only the inputs that differ from the model defaults. */
  values: Inputs;
}

export type HeadlineFormat = "year" | "probability" | "flop" | "number" | "loss";

export interface Headline {
  key: string;
  label: string;
  format: HeadlineFormat;
  /** null when the quantity is not reached in the modelled range (e.g. median "> 2100"). */
  value: number | null;
  /** Monte Carlo standard error of a sampled headline (same unit as value). */
  se?: number;
  /**
   * Year headlines: the year as a fraction (2052.8), read on a straight line between whole
   * years. `value` is the whole year, the fraction rounded up: the first year by which the
   * probability is reached.
   */
  fractional?: number;
}

/** A chart series is a list of flat rows, ready to become vega-lite inline data. */
export type SeriesRow = Record<string, number | string | null>;

export interface ForecastResult {
  modelId: string;
  modelVersion: number;
  headlines: Headline[];
  series: Record<string, SeriesRow[]>;
  notes: string[];
  /** Models whose output is chosen by their author (Squiggle): what it is and how to draw it. */
  output?: { kind: "year" | "quantity" | "probability"; label: string; unit: string; scale?: "linear" | "log" };
}

export type QuickKind = "probability" | "date" | "quantity";

export interface ComputeOptions {
  seed: number;
  sampleCount: number;
}

export interface ForecastModel {
  id: string;
  /** Bumped (reviewed) whenever compute() can return different numbers for the same inputs. */
  version: number;
  title: string;
  /** One line for pickers. */
  summary: string;
  /** Markdown, shown on the post page under the chart. */
  description: string;
  sources: Source[];
  inputs: InputDef[];
  presets: Preset[];
  /** Deterministic models ignore sampleCount; sampled ones must honour it. */
  sampled: boolean;
  /**
   * Quick forecasts (a probability, a date, a quantity) stated in one line: the thread shows
   * every author's answer and their aggregate, and a fork is an answer (ADR 015).
   */
  quick?: QuickKind;
  compute(inputs: Inputs, options: ComputeOptions): ForecastResult;
  /**
   * Optional: a compute function for many runs with one seed and sample count (sensitivity,
   * attribution, solving), free to reuse work between runs. Must return exactly what
   * compute returns for the same inputs.
   */
  session?(options: ComputeOptions): (inputs: Inputs) => ForecastResult;
  /**
   * Optional: inputs stored by an older version of this model, restated for this version
   * (renamed inputs, changed units) without changing what they assume. Unknown keys are
   * dropped by validation anyway; this keeps the values they carried.
   */
  migrate?(inputs: Inputs, fromVersion: number): Inputs;
  /** What changed in each version, for readers of results computed by an older one. */
  versionNotes?: Record<number, string>;
  /**
   * Optional cross-input checks that per-input bounds cannot express (e.g. "some anchor
   * weight must be above 0"). Receives resolved, individually valid inputs; returns
   * forecaster-readable problems (empty when fine). runModel calls it before compute.
   */
  validate?(inputs: Inputs): InputIssue[];
}

/** A problem with one input, for display next to it. path: input name, then nested keys joined by ".". */
export interface InputIssue {
  path: string;
  message: string;
}
