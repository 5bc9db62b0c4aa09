import { describe, expect, it } from "vitest";
import type { SurveyJson } from "../../engine/grid/types.ts";
import { createResponseValidator, type ValidationResult } from "../../engine/response/validate.ts";
import { question, surveyOf } from "./fixtures/grids.ts";

// A profile grid: sex, smoking with a follow-up shown only to smokers, age
// with a numeric range, school situation required for minors.
const profile: SurveyJson = surveyOf(
  question({
    type: "radiogroup",
    name: "sexe",
    title: "Sexe",
    choices: ["f", "m", "x"],
    isRequired: true,
  }),
  question({
    type: "radiogroup",
    name: "fumeur",
    title: "Fumeur",
    choices: ["oui", "non"],
    showOtherItem: true,
  }),
  question({
    name: "paquets",
    title: "Paquets par jour",
    inputType: "number",
    isRequired: true,
    visibleIf: "{fumeur} = 'oui'",
  }),
  question({
    name: "age",
    title: "Âge",
    inputType: "number",
    validators: [{ type: "numeric", minValue: 11, maxValue: 25 }],
  }),
  question({ name: "ecole", title: "Établissement scolaire", requiredIf: "{age} < 16" }),
);

const version = { id: 1, survey: profile };

function fieldsOf(result: ValidationResult): string[] {
  return result.ok ? [] : result.errors.map((error) => error.field);
}

describe("createResponseValidator", () => {
  it("refuses data that is not a JSON object", () => {
    const result = createResponseValidator().validate(version, ["f"]);

    expect(result).toEqual({
      ok: false,
      errors: [{ field: "", message: "Les réponses doivent être un objet JSON." }],
    });
  });

  it("accepts a complete response and returns its data", () => {
    const result = createResponseValidator().validate(version, {
      sexe: "f",
      fumeur: "non",
      age: 17,
    });

    expect(result).toEqual({ ok: true, data: { sexe: "f", fumeur: "non", age: 17 } });
  });

  it("reports a required question left empty while visible", () => {
    const result = createResponseValidator().validate(version, { sexe: "f", fumeur: "oui" });

    expect(fieldsOf(result)).toEqual(["paquets"]);
  });

  it("does not require a required question that visibleIf hides", () => {
    const result = createResponseValidator().validate(version, { sexe: "f", fumeur: "non" });

    expect(result.ok).toBe(true);
  });

  it("requires a question whose requiredIf holds, and only then", () => {
    const validator = createResponseValidator();

    expect(fieldsOf(validator.validate(version, { sexe: "m", age: 14 }))).toEqual(["ecole"]);
    expect(validator.validate(version, { sexe: "m", age: 18 }).ok).toBe(true);
  });

  it("drops the value of a hidden question from the cleaned data, even when ill-typed", () => {
    const result = createResponseValidator().validate(version, {
      sexe: "x",
      fumeur: "non",
      paquets: "abc",
    });

    expect(result).toEqual({ ok: true, data: { sexe: "x", fumeur: "non" } });
  });

  it("refuses a value that is not a choice, which survey-core alone would drop silently", () => {
    const result = createResponseValidator().validate(version, { sexe: "zzz" });

    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: "sexe",
          message:
            "La valeur « zzz » n'est pas un choix de la question « Sexe » : choisissez une des réponses proposées.",
        },
      ],
    });
  });

  it("refuses text in a number question", () => {
    const result = createResponseValidator().validate(version, {
      sexe: "f",
      fumeur: "oui",
      paquets: "abc",
    });

    expect(fieldsOf(result)).toEqual(["paquets"]);
  });

  it("refuses a key that is no question of the grid", () => {
    const result = createResponseValidator().validate(version, { sexe: "f", xyz: 1 });

    expect(result).toMatchObject({ ok: false, errors: [{ field: "xyz" }] });
  });

  it("accepts the other choice with its text under <name>-Comment", () => {
    const data = { sexe: "f", fumeur: "other", "fumeur-Comment": "A arrêté le mois dernier" };

    expect(createResponseValidator().validate(version, data)).toEqual({ ok: true, data });
  });

  it("reports a number outside a numeric validator's range", () => {
    const result = createResponseValidator().validate(version, { sexe: "f", age: 40 });

    expect(fieldsOf(result)).toEqual(["age"]);
  });

  it("writes every message in French, naming the question", () => {
    const result = createResponseValidator().validate(version, { fumeur: "oui", age: 40 });

    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
      "La question « Âge » attend un nombre inférieur ou égal à 25.",
      "Question « Sexe » : la réponse à cette question est obligatoire.",
      "Question « Paquets par jour » : la réponse à cette question est obligatoire.",
    ]);
  });

  it("gives independent results when reused across two versions and two calls", () => {
    const validator = createResponseValidator();
    const other = {
      id: 2,
      survey: surveyOf(question({ name: "commune", title: "Commune", isRequired: true })),
    };

    const first = validator.validate(version, { sexe: "f", fumeur: "oui" });
    const second = validator.validate(other, { commune: "Vénissieux" });
    const third = validator.validate(version, { sexe: "m", fumeur: "non" });
    const fourth = validator.validate(other, {});

    expect(fieldsOf(first)).toEqual(["paquets"]);
    expect(second).toEqual({ ok: true, data: { commune: "Vénissieux" } });
    expect(third).toEqual({ ok: true, data: { sexe: "m", fumeur: "non" } });
    expect(fieldsOf(fourth)).toEqual(["commune"]);
  });

  it("drops answers hidden in one panel of a dynamic panel and reports nested errors by path", () => {
    const survey = surveyOf(
      question({
        type: "paneldynamic",
        name: "membres",
        title: "Membres",
        templateElements: [
          question({ name: "age", title: "Âge", inputType: "number", isRequired: true }),
          question({ name: "ecole", title: "École", visibleIf: "{panel.age} < 16" }),
        ],
      }),
    );
    const validator = createResponseValidator();

    const cleaned = validator.validate(
      { id: 3, survey },
      { membres: [{ age: 20, ecole: "Lycée" }] },
    );
    const missing = validator.validate({ id: 3, survey }, { membres: [{ age: 12 }, {}] });

    expect(cleaned).toEqual({ ok: true, data: { membres: [{ age: 20 }] } });
    expect(fieldsOf(missing)).toEqual(["membres.1.age"]);
  });

  it("drops answers that become hidden once another hidden answer is dropped", () => {
    const survey = surveyOf(
      question({ type: "boolean", name: "a", title: "A" }),
      question({ name: "b", title: "B", visibleIf: "{a} = true" }),
      question({ name: "c", title: "C", visibleIf: "{b} notempty" }),
    );

    const result = createResponseValidator().validate(
      { id: 4, survey },
      { a: false, b: "x", c: "y" },
    );

    expect(result).toEqual({ ok: true, data: { a: false } });
  });
});
