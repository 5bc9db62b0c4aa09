import { describe, expect, it } from "vitest";
import { applyProposal } from "../../engine/grid/apply-proposal.ts";
import type { SurveyJson } from "../../engine/grid/types.ts";

function base(): SurveyJson {
  return {
    pages: [
      {
        name: "p1",
        elements: [
          { type: "text", name: "a", title: "A" },
          { type: "radiogroup", name: "b", title: "B", choices: [{ value: "x", text: "X" }] },
          { type: "text", name: "c", title: "C" },
        ],
      },
    ],
  };
}

const names = (survey: SurveyJson) => survey.pages![0]!.elements!.map((e) => e.name);

describe("applyProposal", () => {
  it("inserts a proposed question after the same neighbour in the draft", () => {
    const proposed = base();
    proposed.pages![0]!.elements!.splice(2, 0, {
      type: "text",
      name: "nouvelle",
      title: "Nouvelle",
    });
    const draft = base();
    draft.pages![0]!.elements!.unshift({ type: "text", name: "du_copil", title: "Du COPIL" });

    const result = applyProposal(base(), proposed, draft);
    expect(result.ok).toBe(true);
    if (result.ok) expect(names(result.survey)).toEqual(["du_copil", "a", "b", "nouvelle", "c"]);
  });

  it("applies a new choice to a question the draft left alone", () => {
    const proposed = base();
    proposed.pages![0]!.elements![1]!.choices!.push({ value: "y", text: "Y" });
    const draft = base();
    draft.pages![0]!.elements![0]!.title = "A modifiée";

    const result = applyProposal(base(), proposed, draft);
    if (!result.ok) throw new Error("conflict");
    expect(result.survey.pages![0]!.elements![1]!.choices).toHaveLength(2);
    expect(result.survey.pages![0]!.elements![0]!.title).toBe("A modifiée");
  });

  it("removes a question the proposal removes", () => {
    const proposed = base();
    proposed.pages![0]!.elements!.pop();
    const result = applyProposal(base(), proposed, base());
    if (!result.ok) throw new Error("conflict");
    expect(names(result.survey)).toEqual(["a", "b"]);
  });

  it("refuses, naming the code, when the draft changed the same question", () => {
    const proposed = base();
    proposed.pages![0]!.elements![1]!.title = "B selon le référent";
    const draft = base();
    draft.pages![0]!.elements![1]!.title = "B selon le COPIL";

    const result = applyProposal(base(), proposed, draft);
    expect(result).toMatchObject({ ok: false, codes: ["b"] });
  });

  it("does not see a conflict when the draft already holds the same change", () => {
    const proposed = base();
    proposed.pages![0]!.elements![1]!.title = "B2";
    const result = applyProposal(base(), proposed, structuredClone(proposed));
    expect(result.ok).toBe(true);
  });
});
