import { describe, expect, it } from "vitest";
import { texToText } from "./tex-text.server";
import { renderPlainText } from "../markdown.server";

describe("texToText", () => {
  it.each([
    ["5 \\times 10^{25}", "5 × 10²⁵"],
    ["P(\\text{TAI by } Y) = \\Pr[C_Y \\ge R]", "P(TAI by Y) = Pr[C_Y ≥ R]"],
    ["N_{opt} \\propto C^{0.73}", "N_opt ∝ C^0.73"],
    ["\\frac{a+b}{2}", "(a+b)/2"],
    ["\\frac{1}{n}", "1/n"],
    ["\\sqrt[3]{x}", "√x"],
    ["\\left( \\frac{L}{L_0} \\right)^{-\\alpha}", "( L/L₀ )^(-α)"],
    ["10^{27}\\,\\text{FLOP}", "10²⁷ FLOP"],
    ["\\hat{p} \\pm 2", "p̂ ± 2"],
    ["\\mathrm{median} \\approx 2053", "median ≈ 2053"],
    ["a \\\\ b", "a ; b"],
    ["\\$5 \\%", "$5 %"],
    ["\\unknowncommand{x}", "unknowncommandx"],
  ])("%s → %s", (tex, text) => {
    expect(texToText(tex)).toBe(text);
  });

  it("never leaves a backslash, brace, caret or underscore-brace, whatever the nesting", () => {
    for (const tex of ["{".repeat(500) + "x" + "}".repeat(500), "\\frac{\\frac{\\frac{a}{b}}{c}}{d}", "x^{y^{z^{w}}}", "\\", "{", "}}}", "^", "_"]) {
      expect(texToText(tex)).not.toMatch(/[\\{}]|[_^]\{/);
    }
  });
});

describe("plain-text excerpts", () => {
  it("write inline and display math as text, never as TeX", () => {
    const text = renderPlainText("Runs near $5 \\times 10^{25}$ FLOP.\n\n$$\nP(\\text{TAI by } Y)\n$$\n\nEnd.");
    expect(text).toBe("Runs near 5 × 10²⁵ FLOP. P(TAI by Y) End.");
  });
});
