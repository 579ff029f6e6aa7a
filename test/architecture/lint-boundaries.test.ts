// Writes throwaway files that break each layer boundary at depth 1, 2 and 3 below their
// folder, and asserts that `eslint` (the project's own config) reports every one of them,
// while the same files with an allowed import pass.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const PROBE = `__boundary_probe_${process.pid}__`;

interface Boundary {
  /** The folder the offending file sits under. */
  home: string;
  /** A repository-relative module it must not import (or a package name). */
  target: string;
  /** A module it may import, to show the rule does not just refuse everything. */
  allowed: string;
  typeOnly?: boolean;
  /** Import through the `~/` alias instead of a relative path. */
  alias?: boolean;
}

const BOUNDARIES: Boundary[] = [
  { home: "app/forecast", target: "app/services/posts.server", allowed: "app/forecast/rng" },
  { home: "app/forecast", target: "db/store", allowed: "app/forecast/rng" },
  { home: "app/forecast", target: "app/utils/errors", allowed: "app/forecast/rng" },
  { home: "app/forecast", target: "app/components/time", allowed: "app/forecast/rng", alias: true },
  { home: "app/forecast", target: "app/charts/index", allowed: "app/forecast/types" },
  { home: "app/forecast", target: "node:fs", allowed: "zod" },
  { home: "app/charts", target: "vega-lite", allowed: "app/charts/theme" },
  { home: "app/charts", target: "app/routes/_index", allowed: "app/forecast/types", typeOnly: true },
  { home: "app/charts", target: "app/discussion/schemas", allowed: "app/forecast/format" },
  { home: "app/discussion", target: "app/services/comments.server", allowed: "app/discussion/tree" },
  { home: "app/discussion", target: "react", allowed: "zod" },
  { home: "app/utils", target: "app/services/posts.server", allowed: "app/forecast/index" },
  { home: "app/utils", target: "app/components/forecast-editor/form-fields", allowed: "app/utils/errors" },
  { home: "app/services", target: "app/routes/posts.$slug", allowed: "db/store" },
  { home: "app/services", target: "app/actions/http.server", allowed: "app/utils/errors" },
  { home: "db", target: "app/services/index.server", allowed: "db/schema/index" },
  { home: "app/live", target: "app/services/posts.server", allowed: "app/discussion/live-events" },
  { home: "app/components", target: "app/services/posts.server", allowed: "app/services/types", typeOnly: true },
  { home: "app/components", target: "app/actions/http.server", allowed: "app/utils/errors" },
  { home: "app/components", target: "drizzle-orm", allowed: "app/live/use-live-post" },
  { home: "app/actions", target: "app/routes/_index", allowed: "app/components/forecast-editor/form-fields" },
  { home: "app/routes", target: "db/store", allowed: "app/actions/http.server" },
  { home: "app/routes", target: "app/services/posts.server", allowed: "app/services/types", typeOnly: true },
  { home: "server", target: "app/routes/_index", allowed: "app/services/index.server" },
];

function specifier(from: string, target: string, alias: boolean): string {
  if (!target.startsWith("app/") && !target.startsWith("db/")) return target;
  if (alias && target.startsWith("app/")) return `~/${target.slice(4)}`;
  const rel = relative(dirname(from), target).split("\\").join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

function probeSource(from: string, target: string, b: Boundary): string {
  const spec = specifier(from, target, b.alias ?? false);
  return b.typeOnly ? `import type * as probe from "${spec}";\nexport type Probe = typeof probe;\n` : `import * as probe from "${spec}";\nexport const seen = probe;\n`;
}

interface Probe {
  file: string;
  boundary: Boundary;
  depth: number;
  legal: boolean;
}

const probes: Probe[] = [];
for (const [index, boundary] of BOUNDARIES.entries()) {
  for (const depth of [1, 2, 3]) {
    // Depth 1 sits directly in the area's folder (`../x` leaves it); depth 2 and 3 one and two
    // folders further down (`../../x`, `../../../x`).
    const dir = join(boundary.home, ...[PROBE, "nested"].slice(0, depth - 1));
    for (const legal of [false, true]) {
      probes.push({ file: join(dir, `${PROBE}${legal ? "legal" : "illegal"}-${index}.ts`), boundary, depth, legal });
    }
  }
}

let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  for (const p of probes) {
    mkdirSync(join(root, dirname(p.file)), { recursive: true });
    const target = p.legal ? p.boundary.allowed : p.boundary.target;
    writeFileSync(join(root, p.file), probeSource(p.file, target, p.legal ? { ...p.boundary, alias: false } : p.boundary));
  }
  const eslint = new ESLint({ cwd: root });
  const linted = await eslint.lintFiles(probes.map((p) => join(root, p.file)));
  results = new Map(linted.map((r) => [relative(root, r.filePath), r]));
}, 120_000);

afterAll(() => {
  for (const p of probes) rmSync(join(root, p.file), { force: true });
  for (const home of new Set(BOUNDARIES.map((b) => b.home))) rmSync(join(root, home, PROBE), { recursive: true, force: true });
});

const IMPORT_RULES = new Set(["forkcast/layers", "no-restricted-imports"]);

describe("eslint holds every layer boundary at any depth", () => {
  for (const p of probes) {
    const what = `${p.boundary.home} (depth ${p.depth}) ${p.legal ? "may import" : "may not import"} ${p.legal ? p.boundary.allowed : p.boundary.target}${p.boundary.typeOnly ? " (type)" : ""}`;
    it(what, () => {
      const result = results.get(p.file);
      expect(result, `eslint did not lint ${p.file}`).toBeDefined();
      const reported = result!.messages.filter((m) => m.ruleId !== null && IMPORT_RULES.has(m.ruleId));
      if (p.legal) expect(reported.map((m) => m.message)).toEqual([]);
      else expect(reported.length).toBeGreaterThan(0);
    });
  }
});
