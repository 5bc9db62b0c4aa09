import { describe, expect, it } from "vitest";
import * as ops from "../../designer/src/editor/survey-ops.ts";

// The designer's edits of a definition: each returns a new survey.

const survey = (): ops.Survey => ({
  pages: [
    {
      name: "p1",
      elements: [
        { type: "text", name: "a", title: "A" },
        { type: "text", name: "b", title: "B" },
      ],
    },
    {
      name: "p2",
      elements: [
        { type: "panel", name: "bloc", elements: [{ type: "text", name: "c", title: "C" }] },
      ],
    },
  ],
});
const names = (s: ops.Survey, page = 0) => s.pages[page]!.elements!.map((e) => e.name);

describe("survey edits", () => {
  it("moves a question one step down without touching the original", () => {
    const original = survey();
    const moved = ops.moveElement(original, "a", 1);
    expect(names(moved)).toEqual(["b", "a"]);
    expect(names(original)).toEqual(["a", "b"]);
  });

  it("duplicates a block with fresh codes for it and its questions", () => {
    const copy = ops.duplicateElement(survey(), "bloc");
    const duplicated = copy.pages[1]!.elements![1]!;
    expect(duplicated.name).toBe("bloc_copie");
    expect(duplicated.elements![0]!.name).toBe("c_copie");
  });

  it("adds a new choice question with coded choices and a fresh code", () => {
    const s = survey();
    const element = ops.newElement(s, "checkbox");
    expect(element.name).toBe("nouvelle_question");
    expect(element.choices).toHaveLength(2);
    const added = ops.addElement(s, element, { into: "bloc" });
    expect(ops.locate(added, "nouvelle_question")?.parent?.name).toBe("bloc");
  });

  it("moves a question out of a block to the end of another page", () => {
    const moved = ops.moveToPage(survey(), "c", 0);
    expect(names(moved)).toEqual(["a", "b", "c"]);
    expect(ops.elementNamed(moved, "bloc")!.elements).toEqual([]);
  });

  it("wraps top-level elements in one page", () => {
    expect(
      ops.normalise({ elements: [{ type: "text", name: "x" }] }).pages[0]!.elements![0]!.name,
    ).toBe("x");
  });
});
