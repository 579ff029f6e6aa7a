// A linear pre-pass over the Markdown source that takes the super-linear
// edge off micromark, where the tree guards (mdast-guards.server.ts) cannot
// help because the cost is in the tokenizer. Measured without it (2 cores):
// 5,000 chars of `- - - …` ~10 s; 100 KB of `>` "Maximum call stack size
// exceeded"; 16,000 chars of `**a ` … `b** ` ~23 s; of `![` … `](y)` ~50 s.
//
// Each rule only touches input no human writes (a 21st container marker on
// one line, a 33rd `*` in a row, hundreds of emphasis/bracket delimiters in
// one paragraph), and top-level fenced code is skipped so code listings are
// never altered. Escaping with a backslash keeps the characters visible.

export const MAX_LINE_MARKERS = 20;
export const MAX_INDENT_COLUMNS = 40;
export const MAX_DELIMITER_RUN = 32;
/**
 * Emphasis and bracket delimiters per paragraph-like block: micromark's
 * resolution of unmatched ones is quadratic to cubic. 400 allows ~100 links
 * in one paragraph; list items and headings each start a fresh block.
 */
export const MAX_BLOCK_DELIMITERS = 400;
/**
 * Characters that start a micromark construct, per block. A failed one leaves
 * a fragment of `data` that micromark later merges with an array splice, so
 * thousands of them in one paragraph cost time quadratic in its length
 * (100 KB of `[a](<b` took ~7 s). Escaped, they become single tokens.
 */
export const MAX_BLOCK_MARKERS = 2000;
const MARKERS = new Set(["<", "!", "&", "`", "$", "~", "*", "_", "[", "]"]);

const RUN_CHARS = new Set(["*", "_", "[", "]", "~"]);

interface Fence {
  char: string;
  length: number;
}

// Only an opener at column 0 counts: such a line always starts a top-level
// code or math fence (it interrupts paragraphs, tables and lazy containers),
// so we never think we are in code where micromark does not, which would let
// pathological text through unmodified.
function fenceOpener(line: string): Fence | null {
  const match = /^(`{3,}|~{3,}|\${2,})(.*)$/.exec(line);
  if (!match) return null;
  const char = match[1][0];
  if ((char === "`" || char === "$") && match[2].includes(char)) return null;
  return { char, length: match[1].length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`+|~+|\$+)[ \t]*$/.exec(line);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** Index just past a container marker (`>`, `-`/`*`/`+`, `1.`/`1)`) at i, or -1. */
function markerEnd(line: string, i: number): number {
  const ch = line[i];
  if (ch === ">") return i + 1;
  const spaceAfter = (j: number) => line[j] === " " || line[j] === "\t";
  if ((ch === "-" || ch === "*" || ch === "+") && spaceAfter(i + 1)) return i + 1;
  let j = i;
  while (j < line.length && j - i < 9 && line[j] >= "0" && line[j] <= "9") j++;
  return j > i && (line[j] === "." || line[j] === ")") && spaceAfter(j + 1) ? j + 1 : -1;
}

interface Prefix {
  line: string;
  /** The line certainly opens a new paragraph-like block (list item, heading). */
  startsBlock: boolean;
}

/**
 * Caps the container prefix: at most MAX_LINE_MARKERS markers (further ones
 * are dropped, their content kept) and MAX_INDENT_COLUMNS of whitespace in
 * total (indentation nests lists just as markers do).
 */
function capPrefix(line: string): Prefix {
  let out = "";
  let i = 0;
  let markers = 0;
  let columns = 0;
  // Whether every marker so far had < 4 columns before it (so it really is a
  // container start and not paragraph continuation text), and the first
  // non-`>` one can interrupt a paragraph (a bullet, or `1.`/`1)`).
  let shallow = true;
  let interruptingList = false;
  let sawList = false;
  for (;;) {
    const start = i;
    let width = 0;
    while (line[i] === " " || line[i] === "\t") width += line[i++] === "\t" ? 4 : 1;
    const end = markerEnd(line, i);
    if (markers < MAX_LINE_MARKERS) {
      if (columns + width <= MAX_INDENT_COLUMNS) out += line.slice(start, i);
      else if (width > 0) out += " ".repeat(Math.max(1, MAX_INDENT_COLUMNS - columns));
      columns += width;
    }
    if (end === -1) {
      shallow &&= width < 4;
      break;
    }
    shallow &&= width < 4;
    if (line[i] !== ">" && !sawList) {
      sawList = true;
      interruptingList = shallow && (end - i === 1 || /^0*1[.)]$/.test(line.slice(i, end)));
    }
    if (markers < MAX_LINE_MARKERS) out += line.slice(i, end);
    markers++;
    i = end;
  }
  if (markers > MAX_LINE_MARKERS) out += " ";
  const rest = line.slice(i);
  const heading = shallow && /^#{1,6}(?:[ \t]|$)/.test(rest);
  return { line: out + rest, startsBlock: (interruptingList && rest.trim() !== "") || heading };
}

function isAlphanumeric(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

interface Budget {
  delimiters: number;
  markers: number;
}

const freshBudget = (): Budget => ({ delimiters: MAX_BLOCK_DELIMITERS, markers: MAX_BLOCK_MARKERS });

function escapeDelimiters(line: string, budget: Budget): string {
  let out = "";
  let runChar = "";
  let runLength = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && i + 1 < line.length) {
      out += ch + line[++i];
      runChar = "";
      continue;
    }
    runLength = ch === runChar ? runLength + 1 : 1;
    runChar = ch;
    // An intraword `_` can neither open nor close emphasis (snake_case, URLs).
    const intraword = ch === "_" && isAlphanumeric(line[i - 1]) && isAlphanumeric(line[i + 1]);
    let escape = RUN_CHARS.has(ch) && runLength > MAX_DELIMITER_RUN;
    if (MARKERS.has(ch) && !intraword) {
      if (--budget.markers < 0) escape = true;
      if ((ch === "*" || ch === "_" || ch === "[" || ch === "]") && --budget.delimiters < 0) escape = true;
    }
    out += escape ? "\\" + ch : ch;
  }
  return out;
}

export function defusePathologicalMarkdown(source: string): string {
  // micromark ends lines at \r too; a cap that missed those lines would be moot.
  const lines = source.split(/\r\n|\r|\n/);
  let fence: Fence | null = null;
  let budget = freshBudget();
  for (let n = 0; n < lines.length; n++) {
    if (fence) {
      if (closesFence(lines[n], fence)) fence = null;
      continue;
    }
    fence = fenceOpener(lines[n]);
    const prefix = fence ? null : capPrefix(lines[n]);
    if (!prefix || prefix.startsBlock || prefix.line.trim() === "") budget = freshBudget();
    if (prefix) lines[n] = escapeDelimiters(prefix.line, budget);
  }
  return lines.join("\n");
}
