import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintGrid } from "../../engine/grid/lint.ts";
import { deriveJsonSchema } from "../../engine/grid/schema.ts";
import { GRID_SUBJECTS, SUPPORTED_TYPES, type SurveyJson } from "../../engine/grid/types.ts";
import { createResponseValidator } from "../../engine/response/validate.ts";

// Random definitions thrown at the linter: it never throws, every finding
// says where and what in French, and a definition it lets through can be
// turned into a schema and a validator that answer without throwing.

const code = fc.oneof(
  fc.constantFrom("situation", "age", "sexe", "commentaire", "a", "situation_2"),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
  fc.string({ maxLength: 10 }),
);
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constant("<script>alert(1)</script>"),
  fc.record({ fr: fc.string({ maxLength: 10 }) }),
);
const expression = fc.oneof(
  fc.constantFrom(
    "{age} < 16",
    "{sexe} = 'f'",
    "{situation} notempty",
    "{a} = ",
    "((",
    "{inconnue} > 3",
    "true",
  ),
  fc.string({ maxLength: 15 }),
);
const choice = fc.oneof(
  code,
  fc.integer(),
  fc.record({ value: fc.oneof(code, fc.integer(), fc.constant(null)), text }, { requiredKeys: [] }),
);

const { element } = fc.letrec<{ element: Record<string, unknown> }>((tie) => ({
  element: fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(...SUPPORTED_TYPES),
        fc.constantFrom("signaturepad", "", "file"),
      ),
      name: code,
      title: text,
      isRequired: fc.boolean(),
      visibleIf: expression,
      requiredIf: expression,
      inputType: fc.constantFrom("date", "number", "month", "time", "email", "texte"),
      choices: fc.array(choice, { maxLength: 4 }),
      rows: fc.array(choice, { maxLength: 3 }),
      columns: fc.array(
        fc.oneof(
          choice,
          fc.record({ name: code, cellType: fc.constantFrom("text", "dropdown", "checkbox") }),
        ),
        {
          maxLength: 3,
        },
      ),
      showOtherItem: fc.boolean(),
      validators: fc.array(
        fc.record(
          {
            type: fc.constantFrom("numeric", "regex", "text", "expression"),
            minValue: fc.integer(),
            regex: fc.string(),
          },
          { requiredKeys: ["type"] },
        ),
        { maxLength: 2 },
      ),
      elements: fc.array(tie("element"), { maxLength: 2 }),
      templateElements: fc.array(tie("element"), { maxLength: 2 }),
    },
    { requiredKeys: ["type"] },
  ),
}));

const envelope = fc.record(
  {
    code: code,
    title: text,
    subject: fc.oneof(fc.constantFrom(...GRID_SUBJECTS), fc.string({ maxLength: 5 })),
    survey: fc.record({
      pages: fc.array(
        fc.record(
          { name: code, elements: fc.array(element, { maxLength: 5 }) },
          { requiredKeys: [] },
        ),
        {
          maxLength: 3,
        },
      ),
    }),
  },
  { requiredKeys: [] },
);

/** Definitions close to valid (unique codes, titles, coded choices), so some pass the linter. */
const nearlyValid = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record(
          {
            type: fc.constantFrom(
              "text",
              "comment",
              "radiogroup",
              "checkbox",
              "dropdown",
              "boolean",
            ),
            name: fc.constant(name),
            title: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== ""),
            isRequired: fc.boolean(),
            visibleIf: fc.constantFrom(
              `{${names[0]}} notempty`,
              `{${names[0]}} = 'oui'`,
              "{inconnue} = 1",
              "((",
            ),
            inputType: fc.constantFrom("date", "number", "text"),
            choices: fc.uniqueArray(fc.constantFrom("oui", "non", "nsp", "autre_choix"), {
              minLength: 1,
              maxLength: 3,
            }),
          },
          { requiredKeys: ["type", "name", "title"] },
        ),
      ),
    ),
  )
  .map((elements) => ({
    code: "grille_aleatoire",
    title: "Grille aléatoire",
    subject: "none",
    survey: { pages: [{ name: "page1", elements }] },
  }));

describe("lintGrid on random definitions", () => {
  it("never throws on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(Array.isArray(lintGrid(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("never throws on grid-shaped definitions, and every finding has a path and a French message", () => {
    fc.assert(
      fc.property(envelope, (value) => {
        for (const finding of lintGrid(value)) {
          expect(typeof finding.path).toBe("string");
          expect(finding.message.length).toBeGreaterThan(10);
          expect(["error", "warning"]).toContain(finding.severity);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("lets through only definitions whose schema and validator work", () => {
    const validator = createResponseValidator();
    let clean = 0;
    fc.assert(
      fc.property(
        fc.oneof(envelope, nearlyValid),
        fc.jsonValue({ maxDepth: 2 }),
        (value, answers) => {
          if (lintGrid(value).some((f) => f.severity === "error")) return;
          clean++;
          const survey = value.survey as SurveyJson;
          expect(() => deriveJsonSchema(survey)).not.toThrow();
          const result = validator.validate(
            { id: `lint-${clean}-${Math.random()}`, survey },
            answers,
          );
          expect(typeof result.ok).toBe("boolean");
        },
      ),
      { numRuns: 300 },
    );
    expect(clean).toBeGreaterThan(0);
  }, 120_000);
});

describe("a grid the linter lets through", () => {
  it("gets a working validator even with a choice question left without choices (found by the property above)", () => {
    const survey: SurveyJson = {
      pages: [{ name: "page1", elements: [{ type: "checkbox", name: "o", title: "Orientation" }] }],
    };
    const result = createResponseValidator().validate({ id: "no-choices", survey }, { o: ["x"] });
    expect(result.ok).toBe(false);
  });
});
