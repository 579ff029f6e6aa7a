import { describe, expect, it } from "vitest";
import { BODY_MAX_BYTES, fieldErrors, postIntentSchema, postSchema, signupSchema } from "./schemas";
import { slugify } from "./slug";

describe("shared form schemas", () => {
  it("normalises handles and names each field's problem", () => {
    expect(signupSchema.parse({ handle: " Ada_1 ", displayName: "Ada", password: "0123456789" }).handle).toBe("ada_1");
    const bad = signupSchema.safeParse({ handle: "a!", displayName: "", password: "short" });
    expect(bad.success).toBe(false);
    const fields = fieldErrors(bad.error!);
    expect(Object.keys(fields).sort()).toEqual(["displayName", "handle", "password"]);
    expect(fields.password).toMatch(/at least 10/);
  });

  it("refuses direction-control characters in display names", () => {
    expect(signupSchema.safeParse({ handle: "eve", displayName: "ad\u202Emin", password: "0123456789" }).success).toBe(false);
  });

  it("limits titles to 300 characters and bodies to 100 KB", () => {
    expect(postSchema.safeParse({ title: "x".repeat(300), markdown: "ok" }).success).toBe(true);
    expect(postSchema.safeParse({ title: "x".repeat(301), markdown: "ok" }).success).toBe(false);
    expect(postSchema.safeParse({ title: "t", markdown: "x".repeat(BODY_MAX_BYTES) }).success).toBe(true);
    // Measured in UTF-8 bytes: 34,134 three-byte characters exceed 100 KB.
    expect(postSchema.safeParse({ title: "t", markdown: "€".repeat(34_134) }).success).toBe(false);
    expect(postSchema.safeParse({ title: "   ", markdown: "ok" }).success).toBe(false);
    expect(postSchema.safeParse({ title: "t", markdown: " \n " }).success).toBe(false);
  });

  it("dispatches thread intents and rejects unknown ones or non-numeric ids", () => {
    expect(postIntentSchema.parse({ intent: "reply", markdown: "hi", parentId: "" })).toMatchObject({ parentId: null });
    expect(postIntentSchema.parse({ intent: "reply", markdown: "hi", parentId: "12" })).toMatchObject({ parentId: 12 });
    expect(postIntentSchema.safeParse({ intent: "reply", markdown: "hi", parentId: "abc" }).success).toBe(false);
    expect(postIntentSchema.safeParse({ intent: "vote-post", value: "2" }).success).toBe(false);
    expect(postIntentSchema.safeParse({ intent: "drop-table" }).success).toBe(false);
  });

  it("makes readable slugs", () => {
    expect(slugify("Bio Anchors: Where the 2050 Median Comes From!")).toBe("bio-anchors-where-the-2050-median-comes-from");
    expect(slugify("Ünïcödé — títles")).toBe("unicode-titles");
    expect(slugify("???")).toBe("post");
  });
});
