// Bodies of the forecast API, shared by the editor (client) and the routes (server). Inputs
// themselves are validated by each model's own schema (schema.ts), which names each field.
import { z } from "zod";
import { MAX_SAMPLE_COUNT } from "./index";

export const previewRequestSchema = z.strictObject({
  modelId: z.string().min(1, "Choose a model.").max(64),
  // Left to each model's own schema, which also refuses __proto__ and constructor keys (a
  // record schema here would silently drop them).
  inputs: z.unknown().optional(),
  /** When previewing a fork: the parent's inputs, so the answer can say what the change does. */
  parentInputs: z.unknown().optional(),
  sampleCount: z.number().int().min(1000, "Use at least 1,000 samples.").max(MAX_SAMPLE_COUNT, `Use at most ${MAX_SAMPLE_COUNT.toLocaleString("en-US")} samples.`).optional(),
});
export type PreviewRequest = z.infer<typeof previewRequestSchema>;
