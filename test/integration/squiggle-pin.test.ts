import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SQUIGGLE_VERSION } from "../../app/forecast/squiggle/index";

describe("the pinned Squiggle interpreter", () => {
  it("is the one installed (upgrading it is a reviewed change: bump SQUIGGLE_ADAPTER_VERSION with it)", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../node_modules/@quri/squiggle-lang/package.json", import.meta.url), "utf8")) as { version: string };
    const declared = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> }).dependencies["@quri/squiggle-lang"];
    expect(pkg.version).toBe(SQUIGGLE_VERSION);
    expect(declared).toBe(SQUIGGLE_VERSION);
  });
});
