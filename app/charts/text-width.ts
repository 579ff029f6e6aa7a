// Approximate text widths for a sans-serif UI face (Inter, or system-ui as a fallback).
//
// Why: without a canvas, vega in Node estimates every glyph as 0.8 em wide, about 50% too
// wide for Inter. Autosize "fit" then squeezes plots to make room for text that is not
// there, and long titles push the chart out of its frame. The server renderer plugs this
// table into vega's textMetrics, and the spec builders wrap titles with the same numbers,
// so both agree on how long a line is. In the browser vega measures with a real canvas.

// Advance widths in em, close to Helvetica's metrics plus a few percent for Inter's wider
// digits and lowercase. Characters not listed count as 0.6 em.
const GROUPS: [string, number][] = [
  [" ", 0.28],
  ["0123456789", 0.6],
  ["ijlI'|", 0.24],
  ["ft.,:;!", 0.3],
  ["r()[]-/·", 0.36],
  ['"*', 0.4],
  ["cksvxyzJ", 0.52],
  ["abdeghnopqu$?_+=<>≈≤≥×~", 0.58],
  ["FLTZ", 0.62],
  ["ABEKPSVXY&–", 0.67],
  ["CDHNRU", 0.73],
  ["wGOQ", 0.77],
  ["mM%", 0.86],
  ["W—→", 0.98],
];

const WIDTH = new Map<string, number>();
for (const [chars, w] of GROUPS) for (const ch of chars) WIDTH.set(ch, w);

/** Width in px of `text` at `fontSize` px; bold text is about 6% wider. */
export function textWidth(text: string, fontSize = 11, bold = false): number {
  let em = 0;
  for (const ch of text) em += WIDTH.get(ch) ?? 0.6;
  return em * fontSize * (bold ? 1.06 : 1);
}
