import { describe, expect, it } from "vitest";
import { packTree, rowFields, unpackTree } from "./packed-tree";
import { buildTree, limitTree } from "./tree";

interface Row {
  id: number;
  parentId: number | null;
  createdAt: number;
  score: number;
  html: string;
  note: string | null;
  collapsed: boolean;
  author: { id: number; handle: string; displayName: string };
}

const FIELDS = rowFields<Row>({ id: true, parentId: true, createdAt: true, score: true, html: true, note: true, collapsed: true });
const ada = { id: 1, handle: "ada", displayName: "Ada Okafor" };
const moss = { id: 2, handle: "moss", displayName: "Moss \"the mod\" Lee" };
const row = (id: number, parentId: number | null, author = ada, extra: Partial<Row> = {}): Row => ({ id, parentId, createdAt: id * 10, score: id % 3, html: `<p>Comment ${id} — “quoted” \\ </p>`, note: null, collapsed: false, author, ...extra });

describe("packTree", () => {
  const flat = [row(1, null), row(2, 1, moss, { note: "off-topic", collapsed: true }), row(3, 2), row(4, null, moss), row(5, 4), row(6, 4)];

  it("gives back the same tree, every field, order and count included", () => {
    const tree = buildTree(flat, "old");
    expect(unpackTree(packTree(tree, FIELDS), FIELDS)).toEqual(tree);
  });

  it("keeps the counts of replies a limited view left out", () => {
    const { nodes } = limitTree(buildTree(flat, "old"), 2);
    const back = unpackTree(packTree(nodes, FIELDS), FIELDS);
    expect(back).toEqual(nodes);
    expect(back[0]!.hidden).toBe(1);
    expect(back[0]!.children[0]!.hidden).toBe(1);
    expect(back[0]!.children[0]!.children).toEqual([]);
  });

  it("writes each author once, however many comments they wrote", () => {
    const many = Array.from({ length: 50 }, (_, i) => row(i + 1, null, i % 2 ? moss : ada));
    const packed = packTree(buildTree(many, "old"), FIELDS);
    expect(packed.split("Ada Okafor").length - 1).toBe(1);
    expect(packed.split("the mod").length - 1).toBe(1);
  });

  it("is shorter than the same tree written as objects", () => {
    const tree = buildTree(Array.from({ length: 100 }, (_, i) => row(i + 1, i > 0 ? Math.ceil(i / 2) : null, i % 3 ? moss : ada)), "top");
    expect(packTree(tree, FIELDS).length).toBeLessThan(JSON.stringify(tree).length * 0.6);
  });

  it("packs an empty thread", () => {
    expect(unpackTree(packTree([], FIELDS), FIELDS)).toEqual([]);
  });
});
