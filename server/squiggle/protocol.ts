// The messages between the server and a Squiggle sandbox process, validated on both sides:
// the sandbox refuses malformed requests, the server refuses (and kills) a sandbox whose
// answers do not match, so a confused child can never feed the server arbitrary shapes.
import { z } from "zod";

/** Longest interpreter message passed on (its detailed form lists every frame and can reach megabytes). */
export const MAX_MESSAGE_CHARS = 600;

const text = (max: number) => z.string().max(max);

export const requestSchema = z.discriminatedUnion("op", [
  z.strictObject({ id: z.number().int(), op: z.literal("analyze"), source: z.string() }),
  z.strictObject({
    id: z.number().int(),
    op: z.literal("run"),
    code: z.string(),
    output: z.strictObject({ name: z.string(), label: z.string(), description: z.string(), unit: z.string(), line: z.number() }),
    seed: z.string().max(32),
    sampleCount: z.number().int().positive(),
  }),
]);
export type SandboxRequest = z.infer<typeof requestSchema>;

export const problemSchema = z.strictObject({
  kind: z.enum(["compile", "runtime", "convention", "budget", "memory", "crash"]),
  message: text(MAX_MESSAGE_CHARS * 2),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});

const distributionSchema: z.ZodType = z.lazy(() =>
  z.union([
    z.strictObject({ kind: z.literal("point"), value: z.number() }),
    z.strictObject({ kind: z.literal("normal"), mean: z.number(), sd: z.number() }),
    z.strictObject({ kind: z.literal("lognormal"), median: z.number(), sdOom: z.number() }),
    z.strictObject({ kind: z.literal("uniform"), min: z.number(), max: z.number() }),
    z.strictObject({ kind: z.literal("ci90"), shape: z.enum(["normal", "lognormal"]), p5: z.number(), p95: z.number() }),
  ]),
);

const spanSchema = z.strictObject({ start: z.number().int(), end: z.number().int(), line: z.number().int(), column: z.number().int() });

export const analysisSchema = z.strictObject({
  parameters: z
    .array(
      z.strictObject({
        name: text(200),
        label: text(2000),
        description: text(10_000),
        unit: text(200),
        value: z.union([z.number(), distributionSchema]),
        span: spanSchema,
      }),
    )
    .max(100),
  output: z.strictObject({ name: text(200), label: text(2000), description: text(10_000), unit: text(200), line: z.number().int() }),
});

const cell = z.union([z.number(), z.string().max(500), z.null()]);

export const resultSchema = z.strictObject({
  modelId: z.string().max(64),
  modelVersion: z.number().int(),
  headlines: z
    .array(
      z.strictObject({
        key: text(64),
        label: text(2000),
        format: z.enum(["year", "probability", "flop", "number", "loss"]),
        value: z.number().nullable(),
        fractional: z.number().optional(),
        se: z.number().optional(),
      }),
    )
    .max(32),
  series: z.record(z.string().max(64), z.array(z.record(z.string().max(64), cell)).max(2000)),
  notes: z.array(text(2000)).max(16),
  output: z.strictObject({ kind: z.enum(["year", "quantity", "probability"]), label: text(2000), unit: text(200), scale: z.enum(["linear", "log"]).optional() }).optional(),
});

export const replySchema = z.union([
  z.strictObject({ id: z.number().int(), ok: z.literal(true), analysis: analysisSchema, heapMb: z.number() }),
  z.strictObject({ id: z.number().int(), ok: z.literal(true), result: resultSchema, heapMb: z.number() }),
  z.strictObject({ id: z.number().int(), ok: z.literal(false), problem: problemSchema, heapMb: z.number() }),
  z.strictObject({ ready: z.literal(true) }),
]);
export type SandboxReply = z.infer<typeof replySchema>;
