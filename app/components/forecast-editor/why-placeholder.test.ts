import { describe, expect, it } from "vitest";
import { whyPlaceholder } from "./why-placeholder";

describe("the 'Why this change?' hint", () => {
  it("asks about the change made to this input", () => {
    expect(whyPlaceholder({ label: "Hardware cost halving time", fromText: "2.5 years", toText: "1.5 years" })).toBe("Why 1.5 years rather than 2.5 years? A source or an argument");
    expect(whyPlaceholder({ label: "Largest training run spend in 2025", fromText: "$1B", toText: "$5B" })).toBe("Why $5B rather than $1B? A source or an argument");
  });

  it("names the input when the values are too long to quote", () => {
    const hint = whyPlaceholder({ label: "Anchor weights", fromText: "Short-horizon NN 20%; Medium-horizon NN 30%", toText: "Short-horizon NN 40%; Medium-horizon NN 20%" });
    expect(hint).toBe("What makes you change anchor weights? A source or an argument");
  });

  it("differs between two inputs changed in one fork", () => {
    const a = whyPlaceholder({ label: "Genome anchor", fromText: "10%", toText: "5%" });
    const b = whyPlaceholder({ label: "Lifetime anchor", fromText: "5%", toText: "10%" });
    expect(a).not.toBe(b);
  });
});
