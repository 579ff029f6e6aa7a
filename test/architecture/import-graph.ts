// Our import graph, read with the TypeScript parser: every file under app/, db/ and server/
// and the imports of our own code it makes, each marked type-only or not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { resolveSpecifier } from "../../eslint/layers.js";

export interface ImportEdge {
  from: string;
  to: string;
  spec: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx|mjs|js)$/;

function walk(root: string, dir: string, out: string[]): string[] {
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) {
      if (name !== "migrations") walk(root, rel, out);
    } else if (SOURCE.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** The files a specifier can name, in the order the bundler tries them. */
function toFile(root: string, rel: string): string | null {
  for (const candidate of [rel, `${rel}.ts`, `${rel}.tsx`, `${rel}.js`, join(rel, "index.ts"), join(rel, "index.tsx")]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

function importsOf(text: string, fileName: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause?.isTypeOnly || (named && named.length > 0 && !clause?.name && named.every((e) => e.isTypeOnly)));
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ spec: arg.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function importGraph(root: string): { files: string[]; edges: ImportEdge[]; unresolved: ImportEdge[] } {
  const files = [...walk(root, "app", []), ...walk(root, "db", []), ...walk(root, "server", []), "server.ts"];
  const edges: ImportEdge[] = [];
  const unresolved: ImportEdge[] = [];
  for (const from of files) {
    for (const { spec, typeOnly } of importsOf(readFileSync(join(root, from), "utf8"), from)) {
      const target = resolveSpecifier(root, from, spec);
      if (target === null) continue;
      const to = toFile(root, target);
      if (to === null) {
        if (!/\.css$/.test(target)) unresolved.push({ from, to: target, spec, typeOnly });
        continue;
      }
      edges.push({ from, to: relative(root, join(root, to)), spec, typeOnly });
    }
  }
  return { files, edges, unresolved };
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export function cycles(files: string[], edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) connect(f);
  return found;
}
