import { describe, expect, it } from "vitest";
import { getModel } from "../../forecast/index";
import { matchesQuery } from "./input-groups";

const bio = getModel("bio-anchors")!;
const found = (query: string) => bio.inputs.filter((d) => matchesQuery(d, d.group ?? "Inputs", query)).map((d) => d.name);

describe("finding an input in the fork editor", () => {
  it("matches every word, in any case, against the label, the help, the group and the name", () => {
    expect(found("")).toHaveLength(bio.inputs.length);
    expect(found("HALVING")).toContain("hw_halving_years");
    expect(found("hardware halving")).toEqual(["hw_halving_years"]);
    // A word of the group's name finds all its inputs.
    const spending = bio.inputs.filter((d) => d.group === "Spending").map((d) => d.name);
    expect(spending.length).toBeGreaterThan(1);
    expect(found("spending")).toEqual(expect.arrayContaining(spending));
    expect(found("no such words anywhere")).toEqual([]);
  });
});
