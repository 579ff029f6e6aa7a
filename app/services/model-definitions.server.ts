// What the API says about models and results without touching the database: every model's
// definition (GET /api/models) and a result's chart series as CSV.
import { z } from "zod";
import { toCsv } from "../discussion/csv";
import { inputsSchema, listModels, type ForecastResult } from "../forecast/index";
import { SQUIGGLE_LIMITS, SQUIGGLE_MODEL_ID, SQUIGGLE_TEMPLATE, SQUIGGLE_VERSION } from "../forecast/squiggle/index";

/** Definitions (without code) and a JSON Schema of each built-in model's inputs; Squiggle with its template. */
export function modelDefinitions() {
  const builtIn = listModels().map((m) => {
    let inputSchema: unknown = null;
    try {
      inputSchema = z.toJSONSchema(inputsSchema(m), { unrepresentable: "any" });
    } catch {
      inputSchema = null;
    }
    const { compute: _compute, validate: _validate, ...definition } = m;
    return { ...definition, kind: m.quick ? ("quick" as const) : ("built-in" as const), inputSchema };
  });
  const squiggleModel = {
    id: SQUIGGLE_MODEL_ID,
    kind: "squiggle" as const,
    title: "Squiggle model",
    summary: "Your own model in Squiggle: its top-level numbers and distributions are the inputs, the binding marked `export` is the forecast.",
    interpreter: { name: "@quri/squiggle-lang", version: SQUIGGLE_VERSION },
    limits: SQUIGGLE_LIMITS,
    template: SQUIGGLE_TEMPLATE,
    inputSchema: null,
  };
  return [...builtIn, squiggleModel];
}

/** Every series of a result in long form: one row per point, a `series` column naming its series. */
export function seriesCsv(result: ForecastResult): string {
  const columns = new Set<string>();
  for (const rows of Object.values(result.series)) for (const r of rows) for (const k of Object.keys(r)) columns.add(k);
  const cols = [...columns];
  const rows: unknown[][] = [["series", ...cols]];
  for (const [name, points] of Object.entries(result.series)) for (const r of points) rows.push([name, ...cols.map((c) => r[c])]);
  return toCsv(rows);
}
