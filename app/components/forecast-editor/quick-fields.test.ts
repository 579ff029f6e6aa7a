import { describe, expect, it } from "vitest";
import { getModel, resolveInputs, validateInputs } from "../../forecast/index";
import { fieldsFromInputs, levelKey, readInputs } from "./fields";
import { inputsFromFormFields } from "./form-fields";

const date = getModel("quick-date")!;
const probability = getModel("quick-probability")!;

describe("quick forecast fields", () => {
  it("a stated-percentile input has one field per offered percentile; blank ones are not stated", () => {
    const fields = fieldsFromInputs(date, resolveInputs(date, { question: "When?", answer: [{ p: 0.05, value: 2027 }, { p: 0.5, value: 2029.5 }, { p: 0.95, value: 2040 }] }));
    expect(fields).toMatchObject({ "answer.5": "2027", "answer.10": "", "answer.50": "2029.5", "answer.90": "", "answer.95": "2040", question: "When?" });
    expect(readInputs(date, fields).answer).toEqual([{ p: 0.05, value: 2027 }, { p: 0.5, value: 2029.5 }, { p: 0.95, value: 2040 }]);
    expect(levelKey(0.025)).toBe("2.5");
  });

  it("keeps a percentile the editor does not offer, and reads typed text as the schema will judge it", () => {
    const fields = fieldsFromInputs(date, resolveInputs(date, { question: "When?", answer: [{ p: 0.025, value: 2026 }, { p: 0.95, value: 2040 }] }));
    expect(fields["answer.2.5"]).toBe("2026");
    const typed = { ...fields, "answer.95": "soon" };
    const read = readInputs(date, typed);
    expect(read.answer).toEqual([{ p: 0.025, value: 2026 }, { p: 0.95, value: "soon" }]);
    const checked = validateInputs(date, read);
    expect(checked.ok ? [] : checked.errors).toEqual([{ path: "answer.1.value", message: "Year: the 95th percentile must be a number" }]);
  });

  it("a question read from a form is one clean line", () => {
    const fields = { ...fieldsFromInputs(probability, resolveInputs(probability, {})), question: "  Will it\r\n happen?  ", probability: "35%" };
    expect(inputsFromFormFields(probability, fields)).toEqual({ question: "Will it happen?", probability: 0.35 });
  });
});
