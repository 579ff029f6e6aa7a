// WOFF → sfnt (app/utils/woff.server.ts): resvg's font loader reads only sfnt, and our social
// cards depend on it reading Inter. The unwrapped font must be a well-formed TrueType file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { woffToSfnt } from "../../app/utils/woff.server";

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve("@fontsource/inter/files/inter-latin-600-normal.woff"));

function tables(sfnt: Buffer) {
  const n = sfnt.readUInt16BE(4);
  return Array.from({ length: n }, (_, i) => {
    const at = 12 + i * 16;
    return { tag: sfnt.toString("latin1", at, at + 4), checksum: sfnt.readUInt32BE(at + 4), offset: sfnt.readUInt32BE(at + 8), length: sfnt.readUInt32BE(at + 12) };
  });
}

/** The OpenType table checksum: the sum of the table's big-endian 32-bit words, zero-padded. */
function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = Buffer.alloc(4);
    data.copy(word, 0, i, Math.min(i + 4, data.length));
    sum = (sum + word.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

describe("woffToSfnt", () => {
  it("unwraps every table at its declared length, each matching its checksum, in tag order", () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.length).toBe(woff.readUInt32BE(16)); // totalSfntSize
    const list = tables(sfnt);
    expect(list.map((t) => t.tag)).toEqual([...list.map((t) => t.tag)].sort());
    for (const t of list) {
      expect(t.offset % 4, t.tag).toBe(0);
      // head's checkSumAdjustment is excluded from its own checksum.
      const data = Buffer.from(sfnt.subarray(t.offset, t.offset + t.length));
      if (t.tag === "head") data.writeUInt32BE(0, 8);
      expect(checksum(data), t.tag).toBe(t.checksum);
    }
    const head = list.find((t) => t.tag === "head")!;
    expect(sfnt.readUInt32BE(head.offset + 12)).toBe(0x5f0f3cf5); // magicNumber
  });

  it("refuses what is not a WOFF file", () => {
    expect(() => woffToSfnt(Buffer.from("wOF2 not really"))).toThrow(/WOFF/);
  });
});
