import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintGrid, type LintCode } from "../../engine/grid/lint.ts";
import { unsafePatternReason } from "../../engine/grid/regex-safety.ts";
import { deriveJsonSchema } from "../../engine/grid/schema.ts";
import { createResponseValidator } from "../../engine/response/validate.ts";
import type { SurveyElement, SurveyJson } from "../../engine/grid/types.ts";
import { envelope, question, surveyOf } from "./fixtures/grids.ts";

// Hostile definitions: the linter answers with findings (code and path), it
// never throws, and it never lets through a pattern that can block the server.

function findingsOf(grid: unknown, code: LintCode) {
  return lintGrid(grid).filter((item) => item.code === code);
}

function gridWith(...elements: SurveyElement[]) {
  return envelope({ survey: surveyOf(...elements) });
}

function regexQuestion(regex: unknown): SurveyElement {
  return question({ validators: [{ type: "regex", regex, text: "Format invalide." }] });
}

function shippedPatterns(): string[] {
  const found = new Set<string>();
  const dir = new URL("../../definitions/grids/", import.meta.url);
  for (const file of readdirSync(dir)) {
    const text = readFileSync(new URL(file, dir), "utf8");
    for (const match of text.matchAll(/"regex":\s*("(?:[^"\\]|\\.)*")/g)) {
      found.add(JSON.parse(match[1]!) as string);
    }
  }
  return [...found];
}

/** Panels inside panels, `depth` levels, with one question at the bottom. */
function nestedPanels(depth: number): SurveyElement {
  let element: SurveyElement = question({});
  for (let level = depth; level > 0; level -= 1) {
    element = { type: "panel", name: `panneau_${level}`, elements: [element] };
  }
  return element;
}

describe("unsafePatternReason", () => {
  it("accepts the simple patterns grids need, the shipped ones included", () => {
    const patterns = ["^[0-9]{5}$", "^[0-9A-Z]{8}$", "^\\d+$", "^[a-z]+(-[a-z]+)?$"];
    expect(shippedPatterns().length).toBeGreaterThan(0);
    for (const pattern of [...patterns, ...shippedPatterns()]) {
      expect(unsafePatternReason(pattern), pattern).toBeUndefined();
    }
  });

  it("refuses nested quantifiers", () => {
    for (const pattern of ["^(a+)+$", "(a*)*", "(.*a){10}", "^(\\w+\\s?)*$", "((ab)+c?)+"]) {
      expect(unsafePatternReason(pattern), pattern).toBe("nested_quantifier");
    }
  });

  it("refuses repeated alternations whose branches may start alike", () => {
    expect(unsafePatternReason("^(a|ab)*$")).toBe("overlapping_alternation");
    expect(unsafePatternReason("^(.|x)+$")).toBe("overlapping_alternation");
    expect(unsafePatternReason("^([0-9]|[A-Z])+$")).toBeUndefined();
  });

  it("refuses backreferences, invalid regexes and long patterns", () => {
    expect(unsafePatternReason("^(a)\\1$")).toBe("backreference");
    expect(unsafePatternReason("^(?<x>a)\\k<x>$")).toBe("backreference");
    expect(unsafePatternReason("^([0-9]$")).toBe("invalid");
    expect(unsafePatternReason(`^${"a".repeat(200)}$`)).toBe("too_long");
  });
});

describe("lintGrid on hostile definitions", () => {
  it("refuses a catastrophic regex validator with unsafe_pattern at its path", () => {
    expect(findingsOf(gridWith(regexQuestion("^(a+)+$")), "unsafe_pattern")).toMatchObject([
      { path: "survey.pages[0].elements[0].validators[0].regex", severity: "error" },
    ]);
    expect(findingsOf(gridWith(regexQuestion("^[0-9]{5}$")), "unsafe_pattern")).toEqual([]);
  });

  it("refuses a regex validator whose pattern is not a text", () => {
    expect(findingsOf(gridWith(regexQuestion(42)), "unsafe_pattern")).toMatchObject([
      { path: "survey.pages[0].elements[0].validators[0].regex" },
    ]);
  });

  it("checks the regex validators of matrix columns and multiple text items", () => {
    const matrix: SurveyElement = {
      type: "matrixdynamic",
      name: "contacts",
      title: "Contacts",
      columns: [
        { name: "code", cellType: "text", validators: [{ type: "regex", regex: "(a*)*" }] },
      ],
    };
    const items: SurveyElement = {
      type: "multipletext",
      name: "codes",
      title: "Codes",
      items: [{ name: "uai", validators: [{ type: "regex", regex: "(x+x+)+y" }] }],
    };
    expect(findingsOf(gridWith(matrix, items), "unsafe_pattern").map((f) => f.path)).toEqual([
      "survey.pages[0].elements[0].columns[0].validators[0].regex",
      "survey.pages[0].elements[1].items[0].validators[0].regex",
    ]);
  });

  it("reports null validators, pages, elements and choices as invalid_shape", () => {
    const cases: [SurveyJson, string][] = [
      [
        surveyOf(question({ validators: [null] as never })),
        "survey.pages[0].elements[0].validators[0]",
      ],
      [{ pages: [null] } as never, "survey.pages[0]"],
      [surveyOf(null as never), "survey.pages[0].elements[0]"],
      [
        surveyOf(question({ type: "radiogroup", choices: [null, "oui"] as never })),
        "survey.pages[0].elements[0].choices[0]",
      ],
      [{ pages: "x" } as never, "survey.pages"],
    ];
    for (const [survey, path] of cases) {
      expect(findingsOf(envelope({ survey }), "invalid_shape"), path).toMatchObject([{ path }]);
    }
  });

  it("reports matrix columns that are not a list, without throwing", () => {
    const matrix: SurveyElement = {
      type: "matrixdynamic",
      name: "contacts",
      title: "Contacts",
      columns: "x" as never,
    };
    expect(findingsOf(gridWith(matrix), "invalid_shape")).toMatchObject([
      { path: "survey.pages[0].elements[0].columns" },
    ]);
  });

  it("refuses question names that are Object.prototype keys", () => {
    for (const name of ["__proto__", "constructor", "toString"]) {
      const grid = JSON.parse(JSON.stringify(gridWith(question({ name }))));
      expect(findingsOf(grid, "invalid_shape"), name).toMatchObject([
        { path: "survey.pages[0].elements[0].name" },
      ]);
    }
  });

  it("accepts panels 8 deep and refuses 9, and survives 6,000", () => {
    expect(findingsOf(gridWith(nestedPanels(8)), "invalid_shape")).toEqual([]);
    expect(findingsOf(gridWith(nestedPanels(9)), "invalid_shape")).toHaveLength(1);
    const deep = findingsOf(gridWith(nestedPanels(6000)), "invalid_shape");
    expect(deep).toMatchObject([{ path: "survey" }]);
  });

  it("refuses an expression longer than 1,000 characters", () => {
    const visibleIf = Array.from({ length: 5000 }, (_, i) => `{a} = ${i}`).join(" or ");
    const grid = gridWith(question({ name: "a" }), question({ name: "b", visibleIf }));
    expect(findingsOf(grid, "invalid_shape")).toMatchObject([
      { path: "survey.pages[0].elements[1].visibleIf" },
    ]);
  });

  it("refuses more than 1,000 elements", () => {
    const many = Array.from({ length: 1001 }, (_, i) => question({ name: `q_${i}` }));
    expect(findingsOf(gridWith(...many), "invalid_shape")).toMatchObject([
      { path: "survey.pages[0].elements[1000]" },
    ]);
  });

  it("accepts every shipped grid without a shape finding", () => {
    const dir = new URL("../../definitions/grids/", import.meta.url);
    for (const file of readdirSync(dir)) {
      const grid = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
      const codes = lintGrid(grid).map((item) => item.code);
      expect(codes, file).not.toContain("invalid_shape");
      expect(codes, file).not.toContain("unsafe_pattern");
    }
  });
});

describe("deriveJsonSchema and the response validator on hostile stored versions", () => {
  const unusable = {
    ok: false,
    errors: [
      { field: "", message: "Cette grille ne peut pas être évaluée : signalez-le au COPIL." },
    ],
  };

  it("derives a schema without throwing, whatever the shape", () => {
    const surveys = [
      surveyOf(nestedPanels(6000)),
      surveyOf(question({ validators: [null] as never })),
      surveyOf(question({ validators: "x" as never })),
      { pages: [null] } as never,
      surveyOf({ type: "matrixdynamic", name: "m", columns: "x" as never }),
      surveyOf({ type: "paneldynamic", name: "p", templateElements: 3 as never }),
    ];
    for (const survey of surveys) expect(() => deriveJsonSchema(survey)).not.toThrow();
  });

  it("answers one French error, without throwing, for versions survey-core cannot evaluate", () => {
    const validator = createResponseValidator();
    const surveys: SurveyJson[] = [
      { pages: [null] } as never,
      surveyOf(null as never),
      surveyOf(question({ validators: [null] as never })),
      surveyOf(nestedPanels(3000)),
      surveyOf(question({ name: "constructor" })),
    ];
    surveys.forEach((survey, index) => {
      expect(validator.validate({ id: `hostile-${index}`, survey }, {})).toEqual(unusable);
    });
  });

  it("refuses to run a catastrophic regex stored before the linter refused it, at once", () => {
    const validator = createResponseValidator();
    const survey = surveyOf(regexQuestion("^(a+)+$"));
    const started = Date.now();
    const result = validator.validate({ id: "redos", survey }, { situation: `${"a".repeat(40)}!` });
    expect(result).toEqual(unusable);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("still validates a sound version", () => {
    const validator = createResponseValidator();
    const survey = surveyOf(regexQuestion("^[0-9]{5}$"));
    const result = validator.validate({ id: "sound", survey }, { situation: "123" });
    expect(result).toMatchObject({ ok: false, errors: [{ field: "situation" }] });
  });
});
