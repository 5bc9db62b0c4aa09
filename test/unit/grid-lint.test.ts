import { describe, expect, it } from "vitest";
import { lintGrid, type LintCode } from "../../engine/grid/lint.ts";
import type { SurveyElement } from "../../engine/grid/types.ts";
import { envelope, question, surveyOf } from "./fixtures/grids.ts";

// Each rule: one grid that triggers it (code and path), one that does not.

function findingsOf(grid: unknown, code: LintCode) {
  return lintGrid(grid).filter((item) => item.code === code);
}

function gridWith(...elements: SurveyElement[]) {
  return envelope({ survey: surveyOf(...elements) });
}

describe("lintGrid", () => {
  it("finds nothing wrong in a small valid grid", () => {
    expect(lintGrid(envelope())).toEqual([]);
  });

  it("refuses an envelope that is not an object", () => {
    expect(findingsOf("grille", "invalid_envelope")).toMatchObject([{ path: "" }]);
  });

  it("refuses a grid code that is not a code", () => {
    expect(findingsOf(envelope({ code: "Travail de rue" }), "invalid_grid_code")).toMatchObject([
      { path: "code" },
    ]);
  });

  it("refuses a grid without a title", () => {
    expect(findingsOf(envelope({ title: " " }), "missing_grid_title")).toMatchObject([
      { path: "title" },
    ]);
  });

  it("refuses a subject outside youth, family, action and none", () => {
    const grid = { ...envelope(), subject: "jeune" };

    expect(findingsOf(grid, "invalid_subject")).toMatchObject([{ path: "subject" }]);
  });

  it("accepts each of the four subjects", () => {
    for (const subject of ["youth", "family", "action", "none"] as const) {
      expect(findingsOf(envelope({ subject }), "invalid_subject")).toEqual([]);
    }
  });

  it("refuses a grid without a survey", () => {
    const { survey: _survey, ...rest } = envelope();

    expect(findingsOf(rest, "missing_survey")).toMatchObject([{ path: "survey" }]);
  });

  it("refuses a question name that is not a code, counting positions from 0 in the path", () => {
    const grid = envelope({
      survey: {
        pages: [
          { elements: [question({})] },
          { elements: [question({ name: "ok" }), question({ name: "Situation" })] },
        ],
      },
    });

    const found = findingsOf(grid, "code_pattern");

    expect(found).toMatchObject([
      { path: "survey.pages[1].elements[1].name", question: "Situation" },
    ]);
    expect(found[0]?.message).toContain("question 2 de la page 2");
  });

  it("refuses a choice value, a matrix row, a column name and a multipletext item that are not codes", () => {
    const grid = gridWith(
      question({ type: "radiogroup", name: "a", choices: [{ value: "Oui", text: "Oui" }] }),
      question({ type: "matrix", name: "b", rows: ["ligne-1"], columns: ["ok"] }),
      question({ type: "matrixdropdown", name: "c", rows: ["r"], columns: [{ name: "Col" }] }),
      question({ type: "multipletext", name: "d", items: [{ name: "2x" }] }),
    );

    expect(findingsOf(grid, "code_pattern").map((item) => item.path)).toEqual([
      "survey.pages[0].elements[0].choices[0]",
      "survey.pages[0].elements[2].columns[0].name",
      "survey.pages[0].elements[3].items[0].name",
    ]);
    expect(findingsOf(grid, "choice_without_code").map((item) => item.path)).toEqual([
      "survey.pages[0].elements[1].rows[0]",
    ]);
  });

  it("accepts codes and the value|text shorthand for choices", () => {
    const grid = gridWith(
      question({ type: "dropdown", choices: ["oui|Oui", { value: "non", text: "Non" }] }),
    );

    expect(lintGrid(grid)).toEqual([]);
  });

  it("refuses a question code used twice, even inside a dynamic panel", () => {
    const grid = gridWith(
      question({ name: "age" }),
      question({
        type: "paneldynamic",
        name: "membres",
        templateElements: [question({ name: "age" })],
      }),
    );

    expect(findingsOf(grid, "duplicate_code")).toMatchObject([
      { path: "survey.pages[0].elements[1].templateElements[0].name", question: "age" },
    ]);
  });

  it("accepts the same column name in two different matrices", () => {
    const columns = [{ name: "nombre" }];
    const grid = gridWith(
      question({ type: "matrixdynamic", name: "a", columns }),
      question({ type: "matrixdynamic", name: "b", columns }),
    );

    expect(findingsOf(grid, "duplicate_code")).toEqual([]);
  });

  it("refuses a question type the engine does not support", () => {
    const grid = gridWith(question({ type: "signaturepad", name: "signature" }));

    expect(findingsOf(grid, "unknown_type")).toMatchObject([
      { path: "survey.pages[0].elements[0].type" },
    ]);
  });

  it("refuses a choice that is a bare label or an object without a value", () => {
    const grid = gridWith(
      question({ type: "checkbox", choices: ["Déscolarisé", { text: "En formation" }] }),
    );

    expect(findingsOf(grid, "choice_without_code").map((item) => item.path)).toEqual([
      "survey.pages[0].elements[0].choices[0]",
      "survey.pages[0].elements[0].choices[1]",
    ]);
  });

  it("refuses a condition that survey-core cannot parse", () => {
    const grid = gridWith(question({ name: "a" }), question({ name: "b", visibleIf: "{a} = " }));

    expect(findingsOf(grid, "bad_expression")).toMatchObject([
      { path: "survey.pages[0].elements[1].visibleIf" },
    ]);
  });

  it("refuses a condition calling an unknown function", () => {
    const grid = gridWith(
      question({ name: "a" }),
      question({ name: "b", requiredIf: "inconnue({a}) > 1" }),
    );

    expect(findingsOf(grid, "bad_expression")).toMatchObject([
      { path: "survey.pages[0].elements[1].requiredIf" },
    ]);
  });

  it("accepts conditions on pages, panels and questions that cite existing codes", () => {
    const grid = envelope({
      survey: {
        pages: [
          { elements: [question({ type: "boolean", name: "fumeur" })] },
          {
            visibleIf: "{fumeur} = true",
            elements: [
              {
                type: "paneldynamic",
                name: "membres",
                title: "Membres",
                enableIf: "{fumeur} notempty",
                templateElements: [
                  question({ name: "age" }),
                  question({ name: "ecole", visibleIf: "{panel.age} < 16" }),
                ],
              },
            ],
          },
        ],
      },
    });

    expect(lintGrid(grid)).toEqual([]);
  });

  it("refuses a condition citing a code that is no question of the grid", () => {
    const grid = envelope({
      survey: { pages: [{ visibleIf: "{fumeur} = 'oui'", elements: [question({})] }] },
    });

    expect(findingsOf(grid, "unknown_reference")).toMatchObject([
      { path: "survey.pages[0].visibleIf" },
    ]);
  });

  it("warns about a question without a title", () => {
    const grid = gridWith({ type: "text", name: "commune" });

    expect(findingsOf(grid, "missing_title")).toMatchObject([
      { path: "survey.pages[0].elements[0]", severity: "warning" },
    ]);
  });

  it("refuses a grid with no question that stores an answer", () => {
    const grid = gridWith({ type: "html", name: "aide", html: "<p>Aide</p>" });

    expect(findingsOf(grid, "no_questions")).toMatchObject([{ path: "survey" }]);
  });

  it("refuses a date question that does not exist or is not a date", () => {
    expect(
      findingsOf(envelope({ dateQuestion: "date_action" }), "date_question_missing"),
    ).toMatchObject([{ path: "dateQuestion" }]);
    expect(
      findingsOf(envelope({ dateQuestion: "situation" }), "date_question_missing"),
    ).toMatchObject([{ path: "dateQuestion" }]);
  });

  it("accepts a date question that is a text question of type date", () => {
    const grid = envelope({
      dateQuestion: "date_action",
      survey: surveyOf(question({ name: "date_action", title: "Date", inputType: "date" })),
    });

    expect(findingsOf(grid, "date_question_missing")).toEqual([]);
  });

  it("warns about questions that look like a surname, an address, a national id or an offence", () => {
    const grid = gridWith(
      question({ name: "nom_famille", title: "Nom de famille" }),
      question({ name: "domicile", title: "Adresse du domicile" }),
      question({ name: "nir", title: "Numéro" }),
      question({ name: "faits", title: "Délit commis" }),
      question({ name: "date_naissance", title: "Naissance" }),
    );

    const found = findingsOf(grid, "forbidden_personal_data");

    expect(found.map((item) => item.path)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `survey.pages[0].elements[${i}]`),
    );
    expect(found.every((item) => item.severity === "warning")).toBe(true);
  });

  it("warns about questions that look like a phone, an e-mail or another national identifier", () => {
    const grid = gridWith(
      question({ name: "telephone_jeune", title: "Portable" }),
      question({ name: "contact", title: "Courriel du jeune" }),
      question({ name: "ine", title: "Identifiant" }),
      question({ name: "numero_allocataire", title: "Allocataire" }),
      question({ name: "piece", title: "Numéro de passeport" }),
    );

    const found = findingsOf(grid, "forbidden_personal_data");

    expect(found.map((item) => item.path)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `survey.pages[0].elements[${i}]`),
    );
  });

  it("does not mistake similar words for personal data", () => {
    const grid = gridWith(
      question({ name: "nombre_jeunes", title: "Nombre de jeunes" }),
      question({ name: "prenom", title: "Prénom ou initiales" }),
      question({ name: "oriente_par", title: "Adressé par" }),
      question({ name: "papiers_a_jour", title: "Papiers d'identité à jour" }),
      question({ name: "lieu_commune", title: "Commune du lieu" }),
      question({ name: "college_uai", title: "Collège (code UAI)" }),
    );

    expect(findingsOf(grid, "forbidden_personal_data")).toEqual([]);
  });

  it("writes its messages in French, naming the position a person reads", () => {
    const grid = gridWith(
      question({}),
      question({}),
      question({}),
      question({ name: "Situation" }),
    );

    expect(findingsOf(grid, "code_pattern")[0]?.message).toBe(
      "Le code « Situation » de la question 4 de la page 1 n'est pas valide : utilisez des minuscules " +
        "sans accents, des chiffres et « _ », en commençant par une lettre.",
    );
  });
});
