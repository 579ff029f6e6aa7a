// TeX as plain text, for excerpts and meta descriptions where KaTeX's markup cannot go:
// `5 \times 10^{25}` reads "5 × 10²⁵", `P(\text{TAI by } Y)` reads "P(TAI by Y)", `\frac{a}{b}`
// reads "a/b". Not a TeX engine: the common notation written out, anything unknown by its
// name, never a backslash or a brace.

const SYMBOLS: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ", vartheta: "θ",
  iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ", upsilon: "υ",
  phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π",
  Sigma: "Σ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  times: "×", cdot: "·", div: "÷", pm: "±", mp: "∓", ast: "∗", star: "⋆", circ: "∘",
  le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", approx: "≈", sim: "~", simeq: "≃", cong: "≅", equiv: "≡",
  propto: "∝", ll: "≪", gg: "≫", lt: "<", gt: ">",
  infty: "∞", partial: "∂", nabla: "∇", sum: "Σ", prod: "Π", int: "∫", sqrt: "√",
  to: "→", rightarrow: "→", leftarrow: "←", leftrightarrow: "↔", Rightarrow: "⇒", Leftarrow: "⇐", implies: "⇒", iff: "⇔", mapsto: "↦",
  in: "∈", notin: "∉", ni: "∋", subset: "⊂", subseteq: "⊆", supset: "⊃", supseteq: "⊇", cup: "∪", cap: "∩", emptyset: "∅", varnothing: "∅",
  forall: "∀", exists: "∃", neg: "¬", land: "∧", lor: "∨", wedge: "∧", vee: "∨",
  ldots: "…", cdots: "⋯", dots: "…", vdots: "⋮", prime: "′",
  langle: "⟨", rangle: "⟩", lfloor: "⌊", rfloor: "⌋", lceil: "⌈", rceil: "⌉", mid: "|", vert: "|", lvert: "|", rvert: "|", Vert: "‖",
  quad: " ", qquad: " ", degree: "°", percent: "%",
};

/** Commands that print their argument as it is (fonts, text, operator names). */
const AS_IS = new Set(["text", "textrm", "textit", "textbf", "textsf", "texttt", "emph", "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "boldsymbol", "operatorname", "mbox", "hbox", "underline"]);
/** Accents over one letter, as the combining mark. */
const ACCENTS: Record<string, string> = { hat: "\u0302", widehat: "\u0302", bar: "\u0304", overline: "\u0304", tilde: "\u0303", widetilde: "\u0303", vec: "\u20d7", dot: "\u0307", ddot: "\u0308" };
/** Sizing and spacing that mean nothing in one line of text. */
const DROPPED = new Set(["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "middle", "label", "nonumber", "notag"]);

const SUPERSCRIPT: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺", "-": "⁻", "−": "⁻", "(": "⁽", ")": "⁾", n: "ⁿ", i: "ⁱ" };
const SUBSCRIPT: Record<string, string> = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉", "+": "₊", "-": "₋", "(": "₍", ")": "₎" };

const MAX_DEPTH = 40;

function script(text: string, map: Record<string, string>, mark: string): string {
  const t = text.trim();
  if (t === "") return "";
  if ([...t].every((c) => map[c] !== undefined)) return [...t].map((c) => map[c]).join("");
  return /^[\p{L}\p{N}.′]+$/u.test(t) ? `${mark}${t}` : `${mark}(${t})`;
}

/** Brackets a fraction's part when it is more than one term. */
const part = (s: string) => (/^[\p{L}\p{N}.]+$/u.test(s.trim()) ? s.trim() : `(${s.trim()})`);

export function texToText(tex: string): string {
  let i = 0;

  // One argument: a {group}, a \command, or one character.
  const argument = (depth: number): string => {
    while (tex[i] === " ") i++;
    if (i >= tex.length) return "";
    if (tex[i] === "{") {
      i++;
      return sequence(depth + 1, "}");
    }
    if (tex[i] === "\\") return command(depth);
    return tex[i++]!;
  };

  // An optional [argument], skipped (a root's degree, a size).
  const skipOptional = () => {
    if (tex[i] !== "[") return;
    const close = tex.indexOf("]", i);
    i = close === -1 ? tex.length : close + 1;
  };

  const command = (depth: number): string => {
    i++; // the backslash
    const name = /^[A-Za-z]+/.exec(tex.slice(i))?.[0] ?? tex[i] ?? "";
    i += name.length;
    if (name === "\\") return "; ";
    if (name === "," || name === ";" || name === ":" || name === " " || name === ">") return " ";
    if (name === "!") return "";
    if (/^[{}$%&#_]$/.test(name)) return name;
    if (name === "frac" || name === "dfrac" || name === "tfrac" || name === "cfrac") {
      const num = argument(depth);
      const den = argument(depth);
      return `${part(num)}/${part(den)}`;
    }
    if (name === "sqrt") {
      skipOptional();
      return `√${part(argument(depth))}`;
    }
    if (name === "begin" || name === "end") {
      argument(depth);
      return " ";
    }
    if (AS_IS.has(name)) return argument(depth);
    if (ACCENTS[name]) {
      const arg = argument(depth);
      return [...arg].length === 1 ? `${arg}${ACCENTS[name]}` : arg;
    }
    if (DROPPED.has(name)) {
      // \left. and \right. are invisible delimiters.
      if ((name === "left" || name === "right") && tex[i] === ".") i++;
      return "";
    }
    return SYMBOLS[name] ?? name;
  };

  const sequence = (depth: number, until: string | null): string => {
    let out = "";
    while (i < tex.length) {
      const c = tex[i]!;
      if (until !== null && c === until) {
        i++;
        return out;
      }
      if (depth > MAX_DEPTH) {
        // Pathological nesting: the rest as letters, without the markup.
        out += tex.slice(i).replace(/[\\{}^_]/g, "");
        i = tex.length;
        return out;
      }
      if (c === "\\") out += command(depth);
      else if (c === "{") {
        i++;
        out += sequence(depth + 1, "}");
      } else if (c === "}") i++;
      else if (c === "^" || c === "_") {
        i++;
        const arg = argument(depth);
        out += c === "^" ? script(arg, SUPERSCRIPT, "^") : script(arg, SUBSCRIPT, "_");
      } else if (c === "~") {
        out += " ";
        i++;
      } else if (c === "&") {
        out += " ";
        i++;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };

  return sequence(0, null).replace(/\s+/g, " ").trim();
}
