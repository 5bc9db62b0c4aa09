import { describe, expect, it } from "vitest";
import { deriveJsonSchema } from "../../engine/grid/schema.ts";
import type { SurveyElement } from "../../engine/grid/types.ts";
import { createAjv } from "../../engine/response/ajv.ts";
import { surveyOf } from "./fixtures/grids.ts";

// For each question type: one value the derived schema accepts, one it refuses.

function accepts(element: SurveyElement, data: Record<string, unknown>): boolean {
  const validate = createAjv().compile(deriveJsonSchema(surveyOf(element)));
  return validate(data) as boolean;
}

interface TypeCase {
  label: string;
  element: SurveyElement;
  accepted: unknown;
  rejected: unknown;
}

const choices = ["scolarise", "descolarise"];
const columns = [
  { name: "nombre", cellType: "text", inputType: "number" },
  { name: "orientation", choices: ["oui", "non"] },
];

const CASES: TypeCase[] = [
  {
    label: "plain text",
    element: { type: "text", maxLength: 5 },
    accepted: "court",
    rejected: "trop long",
  },
  {
    label: "number text",
    element: { type: "text", inputType: "number", min: 0, max: 30 },
    accepted: 17,
    rejected: "17",
  },
  {
    label: "number text with a numeric validator",
    element: {
      type: "text",
      inputType: "number",
      validators: [{ type: "numeric", minValue: 11, maxValue: 25 }],
    },
    accepted: 11,
    rejected: 26,
  },
  {
    label: "date text",
    element: { type: "text", inputType: "date" },
    accepted: "2026-02-28",
    rejected: "2026-02-30",
  },
  {
    label: "month text",
    element: { type: "text", inputType: "month" },
    accepted: "2026-02",
    rejected: "02/2026",
  },
  {
    label: "time text",
    element: { type: "text", inputType: "time" },
    accepted: "18:30",
    rejected: "18h30",
  },
  {
    label: "email text",
    element: { type: "text", inputType: "email" },
    accepted: "a@b.fr",
    rejected: "a-b.fr",
  },
  {
    label: "comment",
    element: { type: "comment", maxLength: 10 },
    accepted: "Vu au parc",
    rejected: 12,
  },
  {
    label: "radiogroup",
    element: { type: "radiogroup", choices },
    accepted: "scolarise",
    rejected: "Scolarisé",
  },
  {
    label: "dropdown with a none item",
    element: { type: "dropdown", choices, showNoneItem: true },
    accepted: "none",
    rejected: "other",
  },
  {
    label: "checkbox",
    element: { type: "checkbox", choices },
    accepted: ["scolarise", "descolarise"],
    rejected: ["scolarise", "scolarise"],
  },
  {
    label: "tagbox",
    element: { type: "tagbox", choices },
    accepted: ["descolarise"],
    rejected: "descolarise",
  },
  { label: "boolean", element: { type: "boolean" }, accepted: false, rejected: "yes" },
  {
    label: "boolean with its own values",
    element: { type: "boolean", valueTrue: "oui", valueFalse: "non" },
    accepted: "non",
    rejected: true,
  },
  {
    label: "rating",
    element: { type: "rating", rateMin: 1, rateMax: 5 },
    accepted: 5,
    rejected: 6,
  },
  {
    label: "rating with listed values",
    element: { type: "rating", rateValues: [{ value: "faible" }, { value: "fort" }] },
    accepted: "fort",
    rejected: "moyen",
  },
  {
    label: "matrix",
    element: { type: "matrix", rows: ["logement", "sante"], columns: ["stable", "precaire"] },
    accepted: { logement: "stable" },
    rejected: { logement: "inconnu" },
  },
  {
    label: "matrix dropdown",
    element: { type: "matrixdropdown", rows: ["mere", "pere"], columns },
    accepted: { mere: { nombre: 2, orientation: "oui" } },
    rejected: { mere: { nombre: "deux" } },
  },
  {
    label: "dynamic matrix",
    element: { type: "matrixdynamic", columns },
    accepted: [{ nombre: 1 }, { orientation: "non" }],
    rejected: [{ nombre: 1, inconnu: "x" }],
  },
  {
    label: "dynamic panel",
    element: {
      type: "paneldynamic",
      templateElements: [{ type: "text", name: "age", inputType: "number" }],
    },
    accepted: [{ age: 14 }],
    rejected: [{ age: "quatorze" }],
  },
  {
    label: "multiple text",
    element: {
      type: "multipletext",
      items: [{ name: "filles", inputType: "number" }, { name: "lieu" }],
    },
    accepted: { filles: 3, lieu: "parc" },
    rejected: { filles: "trois" },
  },
];

describe("deriveJsonSchema", () => {
  for (const { label, element, accepted, rejected } of CASES) {
    const named = { name: "reponse", ...element };

    it(`accepts a valid answer to a ${label} question`, () => {
      expect(accepts(named, { reponse: accepted })).toBe(true);
    });

    it(`refuses an invalid answer to a ${label} question`, () => {
      expect(accepts(named, { reponse: rejected })).toBe(false);
    });
  }

  it("accepts the other text under <name>-Comment when the question has an other item", () => {
    const element = { type: "radiogroup", name: "lieu", choices: ["parc"], showOtherItem: true };

    expect(accepts(element, { lieu: "other", "lieu-Comment": "Gymnase" })).toBe(true);
  });

  it("refuses a <name>-Comment key when the question has no other item nor comment area", () => {
    const element = { type: "radiogroup", name: "lieu", choices: ["parc"] };

    expect(accepts(element, { lieu: "parc", "lieu-Comment": "Gymnase" })).toBe(false);
  });

  it("accepts a comment area's text under <name>-Comment", () => {
    const element = { type: "boolean", name: "suivi", showCommentArea: true };

    expect(accepts(element, { suivi: true, "suivi-Comment": "Depuis mars" })).toBe(true);
  });

  it("refuses an other text longer than 500 characters", () => {
    const element = { type: "checkbox", name: "lieu", choices: ["parc"], hasOther: true };

    expect(accepts(element, { lieu: ["other"], "lieu-Comment": "x".repeat(501) })).toBe(false);
  });

  it("flattens panels and skips elements that store nothing", () => {
    const schema = deriveJsonSchema(
      surveyOf(
        { type: "html", name: "aide", html: "<p>Aide</p>" },
        { type: "panel", name: "bloc", elements: [{ type: "text", name: "commune" }] },
        { type: "expression", name: "total", expression: "1 + 1" },
      ),
    );

    expect(Object.keys(schema.properties as object)).toEqual(["commune"]);
  });

  it("refuses a key that is no question of the grid", () => {
    expect(accepts({ type: "text", name: "commune" }, { commune: "Lyon", inconnue: 1 })).toBe(
      false,
    );
  });

  it("does not make any question required", () => {
    const element = { type: "text", name: "commune", isRequired: true };

    expect(accepts(element, {})).toBe(true);
  });
});
