import { describe, expect, it } from "vitest";
import { readCondition, writeCondition } from "../../designer/src/editor/conditions.ts";

// The condition builder writes SurveyJS expressions and reads them back.

describe("condition builder expressions", () => {
  it("writes one condition on a choice", () => {
    expect(
      writeCondition({
        connector: "and",
        rows: [{ question: "suivi_alses", operator: "=", value: "non" }],
      }),
    ).toBe("{suivi_alses} = 'non'");
  });

  it("joins conditions with the chosen connector and leaves numbers bare", () => {
    const text = writeCondition({
      connector: "or",
      rows: [
        { question: "age", operator: ">", value: "16" },
        { question: "demandes", operator: "contains", value: "logement" },
      ],
    });
    expect(text).toBe("{age} > 16 or {demandes} contains 'logement'");
  });

  it("writes unary operators without a value", () => {
    expect(
      writeCondition({
        connector: "and",
        rows: [{ question: "commune", operator: "notempty", value: "" }],
      }),
    ).toBe("{commune} notempty");
  });

  it("reads back what it writes", () => {
    const condition = {
      connector: "and" as const,
      rows: [
        { question: "a", operator: "=" as const, value: "x" },
        { question: "b", operator: "empty" as const, value: "" },
      ],
    };
    expect(readCondition(writeCondition(condition))).toEqual(condition);
  });

  it("keeps a row whose value is not chosen yet", () => {
    expect(readCondition("{a} = ''")).toEqual({
      connector: "and",
      rows: [{ question: "a", operator: "=", value: "" }],
    });
  });

  it("gives up on parentheses and mixed connectors, leaving the raw expression", () => {
    expect(readCondition("({a} = 'x' or {b} = 'y') and {c} notempty")).toBeNull();
    expect(readCondition("{a} = 'x' or {b} = 'y' and {c} notempty")).toBeNull();
  });
});
