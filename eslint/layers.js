// The layers of docs/architecture.md as data, and the ESLint rule that holds them.
//
// Each import of our own code is resolved to a file path (relative or `~/`, at any depth) and
// checked against the importing file's area, so `../../../db/store` from a nested model file
// is caught as surely as `../db/store` one folder up. test/architecture.test.ts reuses the
// same resolution to prove the whole graph has no cycle and no upward edge.
import { dirname, join, normalize, relative, resolve, sep } from "node:path";

/**
 * Areas from the bottom up. `may` lists what an area imports at run time; `mayType` what it
 * may import for types only (erased at build, so it drags no code or IO along).
 */
export const AREAS = {
  db: { may: ["db"] },
  forecast: { may: ["forecast"] },
  charts: { may: ["charts", "forecast"] },
  discussion: { may: ["discussion"] },
  utils: { may: ["utils", "forecast", "charts", "discussion"] },
  services: { may: ["services", "utils", "forecast", "charts", "discussion", "db"] },
  live: { may: ["live", "discussion", "styles"], mayType: ["forecast", "services/types"] },
  components: { may: ["components", "live", "utils", "forecast", "charts", "discussion", "styles"], mayType: ["services/types"] },
  actions: { may: ["actions", "components", "utils", "forecast", "charts", "discussion"], mayType: ["services/types"] },
  routes: { may: ["routes", "actions", "components", "live", "utils", "forecast", "charts", "discussion", "styles"], mayType: ["services/types"] },
  shell: { may: ["components", "live", "utils", "styles", "discussion"], mayType: ["services"] },
  server: { may: ["server", "services", "utils", "forecast", "charts", "discussion", "db"] },
  styles: { may: [] },
};

const APP_FOLDERS = new Set(["forecast", "charts", "discussion", "utils", "services", "live", "components", "actions", "routes", "styles"]);

/** The area of a repository-relative path, or null for files no rule governs (tests, benches, scripts). */
export function areaOf(rel) {
  const parts = normalize(rel).split(sep);
  if (parts[0] === "db") return "db";
  if (parts[0] === "server" || rel === "server.ts") return "server";
  if (parts[0] !== "app") return null;
  if (parts.length === 2) return "shell";
  return APP_FOLDERS.has(parts[1]) ? parts[1] : null;
}

/** Is this path a test file? Tests may reach across layers to set up what they check. */
export function isTestFile(rel) {
  return /\.test\.tsx?$/.test(rel) || rel.startsWith(`test${sep}`) || rel.startsWith("test/");
}

/** Resolves one of our import specifiers to a repository-relative path; null for packages. */
export function resolveSpecifier(root, fromRel, spec) {
  let abs;
  if (spec.startsWith("~/")) abs = join(root, "app", spec.slice(2));
  else if (spec.startsWith("./") || spec.startsWith("../") || spec === "." || spec === "..") abs = resolve(root, dirname(fromRel), spec);
  else return null;
  return relative(root, abs.replace(/\?.*$/, ""));
}

function targetKeys(toRel) {
  const area = areaOf(toRel);
  if (area === null) return [];
  const keys = [area];
  if (area === "services" && /^app[/\\]services[/\\]types(\.ts)?$/.test(toRel)) keys.push("services/types");
  return keys;
}

/** Why this import breaks the layers, or null when it is allowed. */
export function importProblem(fromRel, toRel, typeOnly) {
  const from = areaOf(fromRel);
  if (from === null || isTestFile(fromRel)) return null;
  const keys = targetKeys(toRel);
  if (keys.length === 0) {
    return `${from} may only import our own code inside app/, db/ and server/ (got ${toRel}).`;
  }
  const rules = AREAS[from];
  if (keys.some((k) => rules.may.includes(k))) return null;
  if (typeOnly && keys.some((k) => (rules.mayType ?? []).includes(k))) return null;
  const allowed = [...rules.may, ...(rules.mayType ?? []).map((k) => `${k} (types only)`)].join(", ");
  return `${from} may import ${allowed || "nothing of ours"}; not ${keys.at(-1)} (${toRel}). See docs/architecture.md.`;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "Imports of our own code follow the layers in docs/architecture.md, at any depth." },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const fromRel = relative(root, context.filename);
    function check(node, source, typeOnly) {
      if (!source || typeof source.value !== "string") return;
      const toRel = resolveSpecifier(root, fromRel, source.value);
      if (toRel === null) return;
      const problem = importProblem(fromRel, toRel, typeOnly);
      if (problem) context.report({ node: source, message: problem });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source, false),
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
