// Bodies of the forecast API, shared by the editor (client) and the routes (server). Inputs
// themselves are validated by each model's own schema (schema.ts), which names each field.
import { z } from "zod";
import { MAX_SAMPLE_COUNT, parseMetric } from "./index";

export const previewRequestSchema = z.strictObject({
  modelId: z.string().min(1, "Choose a model.").max(64),
  // Left to each model's own schema, which also refuses __proto__ and constructor keys (a
  // record schema here would silently drop them).
  inputs: z.unknown().optional(),
  /** When previewing a fork: the parent's inputs, so the answer can say what the change does. */
  parentInputs: z.unknown().optional(),
  /** When previewing a fork: the stored parent, whose seed and sample count the preview uses and whose curve it overlays. */
  parentForecastId: z.number().int().positive().optional(),
  sampleCount: z.number().int().min(1000, "Use at least 1,000 samples.").max(MAX_SAMPLE_COUNT, `Use at most ${MAX_SAMPLE_COUNT.toLocaleString("en-US")} samples.`).optional(),
  /** Squiggle: the program. Its size cap answers 413, so it is checked by the service, not here. */
  source: z.string().optional(),
});
export type PreviewRequest = z.infer<typeof previewRequestSchema>;

const metricText = z
  .string()
  .max(80)
  .refine((t) => parseMetric(t) !== null, 'Use "median", "year@0.25" (the year at 25%), "p@2036" (P by 2036) or "headline:<key>".');

/** GET /api/forecasts/:id/sensitivity?metric=… */
export const sensitivityQuerySchema = z.strictObject({ metric: metricText.optional() });

/** "Your own question": ?year=2035 (P by that year) and/or ?p=0.25 (the year at 25%). */
export const questionQuerySchema = z.strictObject({
  year: z.coerce.number({ error: "The year must be a number, such as 2035." }).int("The year must be a whole year, such as 2035.").min(1900, "The year must be 1900 or later.").max(2300, "The year must be 2300 or earlier.").optional(),
  p: z.coerce.number({ error: "The probability must be a number between 0 and 1, such as 0.25." }).gt(0, "The probability must be above 0 (0.25 is 25%).").lt(1, "The probability must be below 1 (0.25 is 25%).").optional(),
});
export type Question = z.infer<typeof questionQuerySchema>;

/** A forecast id ("12"), or a thread's community aggregate ("aggregate-3": post 3). */
export const compareRefSchema = z.string().regex(/^(\d{1,12}|aggregate-\d{1,12})$/, 'Give a forecast id (such as 12) or a thread\'s aggregate (such as "aggregate-3").');
export const compareQuerySchema = z.strictObject({ a: compareRefSchema, b: compareRefSchema, year: questionQuerySchema.shape.year, p: questionQuerySchema.shape.p });

/** POST /api/forecasts/solve: which input, what target, on which inputs (the editor's draft). */
export const solveRequestSchema = z
  .strictObject({
    modelId: z.string().min(1, "Choose a model.").max(64),
    inputs: z.unknown().optional(),
    /** The forecast being forked: its seed and sample count are used, so the answer matches its chart. */
    parentForecastId: z.number().int().positive().optional(),
    input: z.string().min(1, "Choose an input to solve for.").max(100).regex(/^[A-Za-z0-9_]+(\.\d{1,3})?$/, "Choose one of the model's inputs."),
    target: z.strictObject({ metric: metricText, value: z.number({ error: "The target must be a number." }).finite("The target must be a finite number.") }),
  })
  .superRefine((body, ctx) => {
    const metric = parseMetric(body.target.metric);
    if (metric?.kind === "yearAt" && !(body.target.value >= 1900 && body.target.value <= 2300)) {
      ctx.addIssue({ code: "custom", path: ["target", "value"], message: "The target year must be between 1900 and 2300, such as 2035." });
    }
    if (metric?.kind === "probBy" && !(body.target.value >= 0 && body.target.value <= 1)) {
      ctx.addIssue({ code: "custom", path: ["target", "value"], message: "The target probability must be between 0 and 1 (0.35 is 35%)." });
    }
  });
export type SolveRequest = z.infer<typeof solveRequestSchema>;
