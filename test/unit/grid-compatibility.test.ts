import { describe, expect, it } from "vitest";
import { checkCompatibility, type PublishedSurvey } from "../../engine/grid/compatibility.ts";
import type { SurveyElement, SurveyJson } from "../../engine/grid/types.ts";

// Each rule with one accepted and one refused case, against a short history.

function survey(...elements: SurveyElement[]): SurveyJson {
  return { pages: [{ name: "p1", elements }] };
}

const logement = (
  choices = [
    { value: "famille", text: "En famille" },
    { value: "rue", text: "À la rue" },
  ],
) => ({
  type: "radiogroup",
  name: "logement",
  title: "Logement",
  choices,
});
const activites: SurveyElement = {
  type: "checkbox",
  name: "activites",
  title: "Activités",
  choices: [{ value: "sport", text: "Sport" }],
};
const age: SurveyElement = { type: "text", name: "age", title: "Âge", inputType: "number" };

const v1: PublishedSurvey = { number: 1, survey: survey(logement(), activites, age) };
const rules = (history: PublishedSurvey[], candidate: SurveyJson) =>
  checkCompatibility(history, candidate).map((b) => [b.rule, b.code, b.choice]);

describe("type changes", () => {
  it("accepts radio buttons becoming a drop-down list", () => {
    expect(rules([v1], survey({ ...logement(), type: "dropdown" }, activites, age))).toEqual([]);
  });

  it("refuses a checkbox becoming a text", () => {
    const candidate = survey(
      logement(),
      { type: "text", name: "activites", title: "Activités" },
      age,
    );
    expect(rules([v1], candidate)).toEqual([["type_family_changed", "activites", undefined]]);
  });

  it("refuses a number becoming a choice", () => {
    const candidate = survey(logement(), activites, {
      type: "dropdown",
      name: "age",
      title: "Âge",
      choices: ["a"],
    });
    const found = checkCompatibility([v1], candidate);
    expect(found).toMatchObject([{ rule: "type_family_changed", code: "age", version: 1 }]);
    expect(found[0]!.message).toContain("nouveau code");
  });

  it("accepts the same change when the question takes a new code", () => {
    const candidate = survey(logement(), activites, {
      type: "dropdown",
      name: "tranche_age",
      title: "Âge",
      choices: ["a"],
    });
    expect(rules([v1], candidate)).toEqual([]);
  });

  it("refuses a type that an older version had differently even if the newest agrees", () => {
    const v2 = { number: 2, survey: survey(logement(), activites) };
    const candidate = survey(logement(), activites, { type: "text", name: "age", title: "Âge" });
    expect(rules([v1, v2], candidate)).toEqual([["type_family_changed", "age", undefined]]);
  });

  it("accepts a question moved into a plain block (its answer stays where it was)", () => {
    const candidate = survey(logement(), activites, {
      type: "panel",
      name: "bloc_age",
      title: "Âge",
      elements: [age],
    });
    expect(rules([v1], candidate)).toEqual([]);
  });

  it("refuses a question moved into a repeated block", () => {
    const candidate = survey(logement(), activites, {
      type: "paneldynamic",
      name: "enfants",
      title: "Enfants",
      templateElements: [age],
    });
    expect(rules([v1], candidate)).toEqual([["storage_changed", "age", undefined]]);
  });
});

describe("removed question codes", () => {
  const v2: PublishedSurvey = { number: 2, survey: survey(logement(), activites) };

  it("accepts removing a question: its stored answers stay", () => {
    expect(rules([v1], v2.survey)).toEqual([]);
  });

  it("accepts a removed question brought back as it was", () => {
    expect(rules([v1, v2], survey(logement(), activites, age))).toEqual([]);
  });

  it("refuses a removed question's code reused for another question", () => {
    const candidate = survey(logement(), activites, { ...age, title: "Nombre d'enfants" });
    expect(rules([v1, v2], candidate)).toEqual([["question_code_reused", "age", undefined]]);
  });

  it("accepts relabelling a question that stays", () => {
    expect(rules([v1], survey(logement(), activites, { ...age, title: "Âge en années" }))).toEqual(
      [],
    );
  });
});

describe("retired choice codes", () => {
  const v2: PublishedSurvey = {
    number: 2,
    survey: survey(logement([{ value: "famille", text: "En famille" }]), activites, age),
  };

  it("accepts retiring a choice", () => {
    expect(rules([v1], v2.survey)).toEqual([]);
  });

  it("accepts relabelling a choice that stays in the list", () => {
    const candidate = survey(
      logement([
        { value: "famille", text: "Chez un parent" },
        { value: "rue", text: "À la rue" },
      ]),
      activites,
      age,
    );
    expect(rules([v1], candidate)).toEqual([]);
  });

  it("accepts a retired choice restored with its own label", () => {
    expect(rules([v1, v2], v1.survey)).toEqual([]);
  });

  it("refuses a retired choice's code reused with another meaning", () => {
    const candidate = survey(
      logement([
        { value: "famille", text: "En famille" },
        { value: "rue", text: "Hébergé chez un tiers" },
      ]),
      activites,
      age,
    );
    const found = checkCompatibility([v1, v2], candidate);
    expect(found).toMatchObject([
      { rule: "choice_code_reused", code: "logement", choice: "rue", version: 1 },
    ]);
  });

  it("has nothing to check for a grid never published", () => {
    expect(checkCompatibility([], survey(age))).toEqual([]);
  });
});
