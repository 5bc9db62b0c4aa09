import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Model } from "survey-core";
import { describe, expect, it } from "vitest";

import {
  type ChoiceList,
  expandSharedLists,
  findSharedListReferences,
} from "../../engine/grid/shared-lists.ts";

const CODE = /^[a-z][a-z0-9_]*$/;
const FORBIDDEN_NAMES = [
  "nom",
  "nom_famille",
  "adresse",
  "numero_securite_sociale",
  "nir",
  "infraction",
  "date_naissance",
  "jeune",
];
const SUBJECTS = ["youth", "family", "action", "none"];
const NON_TEXT_INPUT_TYPES = ["number", "date", "month", "time"];
const EXPRESSION_KEYS = ["visibleIf", "requiredIf", "enableIf", "rowsVisibleIf", "expression"];

const definitionsDir = fileURLToPath(new URL("../../definitions/", import.meta.url));

type Json = Record<string, unknown>;

function readJsonFiles(folder: string): { file: string; json: Json }[] {
  const dir = join(definitionsDir, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(dir, file), "utf8")) as Json }));
}

const listFiles = readJsonFiles("lists");
const allLists: Record<string, ChoiceList> = Object.fromEntries(
  listFiles.map(({ json }) => [json.code as string, json as unknown as ChoiceList]),
);
const gridFiles = readJsonFiles("grids");

const choice = (value: string, text: string) => ({ value, text });
const sampleLists: Record<string, ChoiceList> = {
  oui_non: {
    code: "oui_non",
    title: "Oui / non",
    choices: [choice("oui", "Oui"), choice("non", "Non")],
  },
  couleurs: { code: "couleurs", title: "Couleurs", choices: [choice("rouge", "Rouge")] },
};

describe("expandSharedLists", () => {
  it("inlines a choices property that is a single list reference", () => {
    const survey = { elements: [{ type: "radiogroup", name: "reponse", choices: "@oui_non" }] };

    const expanded = expandSharedLists(survey, sampleLists);

    expect(expanded.elements[0]?.choices).toEqual([choice("oui", "Oui"), choice("non", "Non")]);
  });

  it("splices lists in place inside an array that mixes references and choices", () => {
    const survey = {
      elements: [
        {
          type: "checkbox",
          name: "reponses",
          choices: [choice("avant", "Avant"), "@oui_non", choice("apres", "Après"), "@couleurs"],
        },
      ],
    };

    const expanded = expandSharedLists(survey, sampleLists);

    const values = (expanded.elements[0]?.choices as { value: string }[]).map((c) => c.value);
    expect(values).toEqual(["avant", "oui", "non", "apres", "rouge"]);
  });

  it("inlines the rows of a matrix", () => {
    const survey = {
      elements: [{ type: "matrix", name: "evolution", rows: "@couleurs", columns: [] }],
    };

    const expanded = expandSharedLists(survey, sampleLists);

    expect(expanded.elements[0]?.rows).toEqual([choice("rouge", "Rouge")]);
  });

  it("reaches questions nested in panels, dynamic panels and matrix columns", () => {
    const survey = {
      pages: [
        {
          name: "page",
          elements: [
            {
              type: "panel",
              name: "bloc",
              elements: [
                {
                  type: "paneldynamic",
                  name: "liste",
                  templateElements: [{ name: "a", choices: "@oui_non" }],
                },
                {
                  type: "matrixdropdown",
                  name: "grille",
                  columns: [{ name: "b", choices: "@couleurs" }],
                },
              ],
            },
          ],
        },
      ],
    };

    const expanded = JSON.stringify(expandSharedLists(survey, sampleLists));

    expect(expanded).not.toContain("@");
    expect(expanded).toContain('"value":"oui"');
    expect(expanded).toContain('"value":"rouge"');
  });

  it("returns a deep copy and leaves the survey and the lists untouched", () => {
    const survey = {
      elements: [{ name: "reponse", choices: "@oui_non", validators: [{ type: "numeric" }] }],
    };
    const before = JSON.stringify(survey);

    const expanded = expandSharedLists(survey, sampleLists);
    (expanded.elements[0]?.choices as unknown as { text: string }[])[0]!.text = "modifié";
    expanded.elements[0]!.validators[0]!.type = "modifié";

    expect(JSON.stringify(survey)).toBe(before);
    expect(sampleLists.oui_non?.choices[0]?.text).toBe("Oui");
  });

  it("leaves choices without references as they are", () => {
    const survey = {
      elements: [{ name: "reponse", choices: [choice("a", "A")], title: "@ pas une liste" }],
    };

    expect(expandSharedLists(survey, sampleLists)).toEqual(survey);
  });

  it("throws a French error naming the list and the question when a list is unknown", () => {
    const survey = { elements: [{ name: "reponse", choices: ["@oui_non", "@inconnue"] }] };

    expect(() => expandSharedLists(survey, sampleLists)).toThrow(
      "liste partagée inconnue : @inconnue (question reponse)",
    );
  });
});

describe("findSharedListReferences", () => {
  it("lists each referenced code once, in order of first use", () => {
    const survey = {
      elements: [
        { name: "a", choices: ["@couleurs", choice("x", "X")] },
        { name: "b", choices: "@oui_non" },
        { name: "c", rows: "@couleurs" },
        { name: "d", title: "@titre" },
      ],
    };

    expect(findSharedListReferences(survey)).toEqual(["couleurs", "oui_non"]);
  });
});

describe.each(listFiles)("shared list $file", ({ file, json }) => {
  const list = json as unknown as ChoiceList;

  it("is named after its code and has a title", () => {
    expect(list.code).toBe(basename(file, ".json"));
    expect(list.title.length).toBeGreaterThan(0);
  });

  it("has unique code-shaped values, each with a label", () => {
    const values = list.choices.map((c) => c.value);

    expect(
      values.filter((v) => !CODE.test(v)),
      "values that are not codes",
    ).toEqual([]);
    expect(new Set(values).size).toBe(values.length);
    expect(list.choices.every((c) => typeof c.text === "string" && c.text.length > 0)).toBe(true);
  });
});

// Every element of a survey, however deeply it sits in panels.
function elementsOf(survey: Json): Json[] {
  const found: Json[] = [];
  const visit = (elements: unknown): void => {
    for (const element of (elements as Json[] | undefined) ?? []) {
      found.push(element);
      visit(element.elements);
      visit(element.templateElements);
    }
  };
  for (const page of survey.pages as Json[]) visit(page.elements);
  return found;
}

// Every code a grid defines besides question names: choice values, matrix
// rows and columns, multiple-text items.
function innerCodes(element: Json): string[] {
  const items = [element.choices, element.rows, element.columns, element.items].flatMap((value) =>
    Array.isArray(value) ? (value as Json[]) : [],
  );
  const columnChoices = ((element.columns as Json[] | undefined) ?? []).flatMap(
    (column) => (column.choices as Json[] | undefined) ?? [],
  );
  return [...items, ...columnChoices].map((item) => String(item.value ?? item.name));
}

function expressionsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(expressionsOf);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    EXPRESSION_KEYS.includes(key) && typeof child === "string" ? [child] : expressionsOf(child),
  );
}

describe.each(gridFiles)("grid $file", ({ file, json }) => {
  const survey = expandSharedLists(json.survey as Json, allLists);
  const elements = elementsOf(survey);
  const names = elements.map((element) => String(element.name));

  it("has an envelope with code, title, a known subject and a French survey", () => {
    expect(json.code).toBe(basename(file, ".json"));
    expect(json.code).toMatch(CODE);
    expect(typeof json.title).toBe("string");
    expect(SUBJECTS).toContain(json.subject);
    expect(survey.locale).toBe("fr");
  });

  it("names every element and every choice, row and column with a code", () => {
    const codes = [...names, ...elements.flatMap(innerCodes)];

    expect(
      codes.filter((code) => !CODE.test(code)),
      "names that are not codes",
    ).toEqual([]);
  });

  it("writes every choice, row and matrix column as an object with a label", () => {
    const items = elements.flatMap((element) =>
      [element.choices, element.rows, element.type === "matrix" ? element.columns : []].flatMap(
        (value) => (Array.isArray(value) ? (value as unknown[]) : []),
      ),
    );

    const bare = items.filter((item) => typeof item !== "object" || !(item as Json).text);
    expect(bare, "choices without a code and a label").toEqual([]);
  });

  it("gives every question a title and a unique name", () => {
    const untitled = elements.filter((element) => element.type !== "panel" && !element.title);

    expect(
      untitled.map((element) => element.name),
      "questions without a title",
    ).toEqual([]);
    expect(
      names.filter((name, index) => names.indexOf(name) !== index),
      "duplicates",
    ).toEqual([]);
  });

  it("asks no identifying or forbidden question", () => {
    expect(names.filter((name) => FORBIDDEN_NAMES.includes(name))).toEqual([]);
  });

  it("caps the length of every free-text answer", () => {
    const uncapped = elements.filter(
      (element) =>
        (element.type === "comment" ||
          (element.type === "text" && !NON_TEXT_INPUT_TYPES.includes(String(element.inputType)))) &&
        typeof element.maxLength !== "number",
    );

    expect(
      uncapped.map((element) => element.name),
      "free-text questions without maxLength",
    ).toEqual([]);
  });

  it("refers in its conditions only to questions of the grid", () => {
    const referenced = expressionsOf(survey).flatMap((expression) =>
      [...expression.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
    );
    const unknown = referenced.filter((name) => name !== "item" && !names.includes(name));

    expect(unknown, "unknown questions in conditions").toEqual([]);
  });

  it("counts by the shared age bands whenever a matrix counts by age", () => {
    const bands = allLists.tranches_age!.choices.map((c) => c.value);
    const byAge = elements.filter((element) =>
      ((element.columns as Json[] | undefined) ?? []).some((column) => column.name === "de_11_15"),
    );

    for (const matrix of byAge) {
      expect((matrix.columns as Json[]).map((column) => column.name)).toEqual(bands);
    }
  });

  it("names a required date question as the record's date", () => {
    const dateQuestion = elements.find((element) => element.name === json.dateQuestion);

    expect(dateQuestion, `dateQuestion ${String(json.dateQuestion)}`).toBeDefined();
    expect(dateQuestion?.type).toBe("text");
    expect(dateQuestion?.inputType).toBe("date");
    expect(dateQuestion?.isRequired).toBe(true);
  });

  it("loads in survey-core without unknown properties", () => {
    const model = new Model(survey);

    expect(model.jsonErrors ?? [], "survey-core JSON errors").toEqual([]);
    expect(model.getAllQuestions().length).toBeGreaterThan(0);
  });
});

describe("the default age bands of the tables", () => {
  it("have the codes and labels of the shared list tranches_age, in its order", async () => {
    const { DEFAULT_AGE_BANDS } = await import("../../engine/table/age-bands.ts");
    const list = JSON.parse(
      readFileSync(join(definitionsDir, "lists", "tranches_age.json"), "utf8"),
    ) as { choices: { value: string; text: string }[] };
    expect(DEFAULT_AGE_BANDS.map((b) => ({ value: b.code, text: b.label }))).toEqual(list.choices);
  });

  it("cover every age once, from 0 upwards", async () => {
    const { DEFAULT_AGE_BANDS } = await import("../../engine/table/age-bands.ts");
    DEFAULT_AGE_BANDS.forEach((band, i) => {
      const previous = DEFAULT_AGE_BANDS[i - 1];
      expect(band.min).toBe(previous ? previous.max! + 1 : 0);
    });
    expect(DEFAULT_AGE_BANDS.at(-1)!.max).toBeNull();
  });
});
