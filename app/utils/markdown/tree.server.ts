// Structural node types for the few fields we touch. The hoisted `mdast` and
// `hast` type packages in node_modules are the old majors (pulled in by
// @remix-run/dev's MDX stack) while unified 11 uses the new ones nested per
// package, so importing them would type our trees with the wrong version.

export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  alt?: string | null;
  lang?: string | null;
  url?: string;
  title?: string | null;
  identifier?: string;
  align?: (string | null)[] | null;
  data?: object;
}

export interface HNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
  value?: string;
}
