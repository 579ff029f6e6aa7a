// The layers hold for the whole code base: no import points up a layer and no module
// imports itself through others (docs/architecture.md).
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importProblem } from "../../eslint/layers.js";
import { cycles, importGraph } from "./import-graph";

const root = resolve(import.meta.dirname, "../..");
const graph = importGraph(root);

describe("the import graph", () => {
  it("is read from the real tree", () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.length).toBeGreaterThan(300);
    expect(graph.unresolved).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    expect(cycles(graph.files, graph.edges)).toEqual([]);
  });

  it("has no import pointing up a layer", () => {
    const upward = graph.edges.flatMap((e) => {
      const problem = importProblem(e.from, e.to, e.typeOnly);
      return problem ? [`${e.from} → ${e.spec}: ${problem}`] : [];
    });
    expect(upward).toEqual([]);
  });

  it("would see a cycle and an upward edge if there were one", () => {
    const files = ["app/services/a.server.ts", "app/services/b.server.ts"];
    const loop = [
      { from: files[0]!, to: files[1]!, spec: "./b.server", typeOnly: true },
      { from: files[1]!, to: files[0]!, spec: "./a.server", typeOnly: false },
    ];
    expect(cycles(files, loop)).toEqual([files]);
    expect(importProblem("app/forecast/models/x.ts", "app/services/posts.server.ts", true)).toMatch(/forecast may import/);
  });
});
