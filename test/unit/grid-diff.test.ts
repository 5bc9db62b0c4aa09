import { describe, expect, it } from "vitest";
import { diffSurveys } from "../../engine/grid/diff.ts";
import type { SurveyElement, SurveyJson } from "../../engine/grid/types.ts";

// A small grid, and one edit of it per test: the diff must name exactly that change.

function base(): SurveyJson {
  return {
    pages: [
      {
        name: "p1",
        elements: [
          { type: "text", name: "date_fiche", title: "Date", inputType: "date", isRequired: true },
          {
            type: "radiogroup",
            name: "logement",
            title: "Logement",
            choices: [
              { value: "famille", text: "En famille" },
              { value: "foyer", text: "En foyer" },
              { value: "rue", text: "À la rue" },
            ],
          },
          { type: "comment", name: "remarques", title: "Remarques", description: "Libre" },
        ],
      },
      { name: "p2", elements: [{ type: "text", name: "age", title: "Âge", inputType: "number" }] },
    ],
  };
}

function edit(change: (survey: SurveyJson) => void): SurveyJson {
  const survey = base();
  change(survey);
  return survey;
}

function question(survey: SurveyJson, code: string): SurveyElement {
  for (const page of survey.pages ?? []) {
    const found = page.elements?.find((e) => e.name === code);
    if (found) return found;
  }
  throw new Error(code);
}

const kinds = (from: SurveyJson, to: SurveyJson) =>
  diffSurveys(from, to).map((c) => [c.kind, c.code, c.class]);

describe("diffSurveys", () => {
  it("finds nothing between a definition and itself", () => {
    expect(diffSurveys(base(), base())).toEqual([]);
  });

  it("reports a new question as additive", () => {
    const to = edit((s) =>
      s.pages![1]!.elements!.push({ type: "boolean", name: "suivi_ase", title: "Suivi ASE" }),
    );
    expect(kinds(base(), to)).toEqual([["question_added", "suivi_ase", "additive"]]);
  });

  it("reports a removed question as breaking", () => {
    const to = edit((s) => s.pages![1]!.elements!.pop());
    expect(diffSurveys(base(), to)).toMatchObject([
      { kind: "question_removed", code: "age", class: "breaking", from: "Âge" },
    ]);
  });

  it("reports a question moved to another page as cosmetic, without moving its neighbours", () => {
    const to = edit((s) => {
      const [moved] = s.pages![0]!.elements!.splice(1, 1);
      s.pages![1]!.elements!.unshift(moved!);
    });
    expect(kinds(base(), to)).toEqual([["question_moved", "logement", "cosmetic"]]);
  });

  it("reports one move when a question goes up among its siblings", () => {
    const to = edit((s) => s.pages![0]!.elements!.reverse());
    const moved = diffSurveys(base(), to).filter((c) => c.kind === "question_moved");
    expect(moved.length).toBe(2);
  });

  it("does not report moves when a question is inserted before others", () => {
    const to = edit((s) =>
      s.pages![0]!.elements!.unshift({ type: "text", name: "lieu", title: "Lieu" }),
    );
    expect(kinds(base(), to)).toEqual([["question_added", "lieu", "additive"]]);
  });

  it("reports a move into a repeated block as breaking", () => {
    const to = edit((s) => {
      const age = s.pages![1]!.elements!.pop()!;
      s.pages![1]!.elements!.push({
        type: "paneldynamic",
        name: "enfants",
        title: "Enfants",
        templateElements: [age],
      });
    });
    expect(kinds(base(), to)).toContainEqual(["question_moved", "age", "breaking"]);
  });

  it("classes radio buttons to drop-down list as a cosmetic type change", () => {
    const to = edit((s) => (question(s, "logement").type = "dropdown"));
    expect(diffSurveys(base(), to)).toMatchObject([
      {
        kind: "type_changed",
        code: "logement",
        class: "cosmetic",
        from: "radiogroup",
        to: "dropdown",
      },
    ]);
  });

  it("classes a single choice turned into a text as a breaking type change", () => {
    const to = edit((s) =>
      Object.assign(question(s, "logement"), { type: "text", choices: undefined }),
    );
    expect(kinds(base(), to)[0]).toEqual(["type_changed", "logement", "breaking"]);
  });

  it("classes a number turned into a date as a breaking type change", () => {
    const to = edit((s) => (question(s, "age").inputType = "date"));
    expect(diffSurveys(base(), to)).toMatchObject([
      { kind: "type_changed", class: "breaking", from: "text:number", to: "text:date" },
    ]);
  });

  it("reports a new label as cosmetic, with both texts", () => {
    const to = edit((s) => (question(s, "age").title = "Âge en années"));
    expect(diffSurveys(base(), to)).toEqual([
      {
        kind: "label_changed",
        code: "age",
        class: "cosmetic",
        from: "Âge",
        to: "Âge en années",
        path: "pages[1].elements[0]",
      },
    ]);
  });

  it("reports a new help text as cosmetic", () => {
    const to = edit((s) => (question(s, "remarques").description = "Sans nom de famille"));
    expect(kinds(base(), to)).toEqual([["description_changed", "remarques", "cosmetic"]]);
  });

  it("classes a question made required as additive and made optional as cosmetic", () => {
    const required = edit((s) => (question(s, "age").isRequired = true));
    expect(kinds(base(), required)).toEqual([["required_changed", "age", "additive"]]);
    expect(kinds(required, base())).toEqual([["required_changed", "age", "cosmetic"]]);
  });

  it("reports each changed condition with its property", () => {
    const to = edit((s) => {
      question(s, "age").visibleIf = "{logement} = 'foyer'";
      question(s, "age").requiredIf = "{logement} = 'rue'";
    });
    expect(diffSurveys(base(), to)).toMatchObject([
      {
        kind: "logic_changed",
        property: "visibleIf",
        from: null,
        to: "{logement} = 'foyer'",
        class: "additive",
      },
      { kind: "logic_changed", property: "requiredIf", class: "additive" },
    ]);
  });

  it("reports validators and ranges as one validators change", () => {
    const to = edit((s) => {
      question(s, "age").min = 11;
      question(s, "age").validators = [{ type: "numeric", maxValue: 25 }];
    });
    expect(diffSurveys(base(), to)).toMatchObject([
      { kind: "validators_changed", code: "age", class: "additive", to: { min: 11 } },
    ]);
  });

  it("reports a new choice as additive", () => {
    const to = edit((s) =>
      question(s, "logement").choices!.push({ value: "hotel", text: "À l'hôtel" }),
    );
    expect(diffSurveys(base(), to)).toMatchObject([
      {
        kind: "choice_added",
        code: "logement",
        choice: "hotel",
        to: "À l'hôtel",
        class: "additive",
      },
    ]);
  });

  it("reports the 'other' choice switched on as an added choice", () => {
    const to = edit((s) => (question(s, "logement").showOtherItem = true));
    expect(diffSurveys(base(), to)).toMatchObject([{ kind: "choice_added", choice: "other" }]);
  });

  it("reports a retired choice as breaking", () => {
    const to = edit((s) => question(s, "logement").choices!.splice(2, 1));
    expect(diffSurveys(base(), to)).toMatchObject([
      {
        kind: "choice_retired",
        code: "logement",
        choice: "rue",
        from: "À la rue",
        class: "breaking",
      },
    ]);
  });

  it("reports a relabelled choice as cosmetic", () => {
    const to = edit(
      (s) => (question(s, "logement").choices![1] = { value: "foyer", text: "En foyer ou MECS" }),
    );
    expect(diffSurveys(base(), to)).toMatchObject([
      {
        kind: "choice_relabelled",
        choice: "foyer",
        from: "En foyer",
        to: "En foyer ou MECS",
        class: "cosmetic",
      },
    ]);
  });

  it("reports reordered choices once, as cosmetic", () => {
    const to = edit((s) => question(s, "logement").choices!.reverse());
    expect(diffSurveys(base(), to)).toMatchObject([
      {
        kind: "choice_reordered",
        code: "logement",
        class: "cosmetic",
        to: ["rue", "foyer", "famille"],
      },
    ]);
  });

  it("reads choices written as 'code|Texte' shorthands", () => {
    const from: SurveyJson = {
      elements: [{ type: "dropdown", name: "q", title: "Q", choices: ["a|Un", "b|Deux"] }],
    };
    const to: SurveyJson = {
      elements: [{ type: "dropdown", name: "q", title: "Q", choices: ["a|Une", "b|Deux"] }],
    };
    expect(diffSurveys(from, to)).toMatchObject([
      { kind: "choice_relabelled", choice: "a", from: "Un", to: "Une" },
    ]);
  });
});
