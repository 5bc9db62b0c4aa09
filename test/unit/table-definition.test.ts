import { describe, expect, it } from "vitest";
import { checkDefinitionShape } from "../../engine/table/definition.ts";
import { compileTable } from "../../engine/table/compile.ts";
import { DefinitionCodeError, type ResolveContext } from "../../engine/table/axis.ts";
import type { SurveyJson } from "../../engine/grid/types.ts";

const valid = {
  code: "essai",
  title: "Essai",
  grid: "profil_jeune",
  measure: { kind: "count" },
  rows: [{ kind: "choice", question: "niveau_relation" }],
  columns: [{ kind: "sex" }],
};

const fields = (raw: unknown) => checkDefinitionShape(raw).map((e) => e.field);

describe("checking a table definition's shape", () => {
  it("accepts a complete definition", () => {
    expect(checkDefinitionShape(valid)).toEqual([]);
  });

  it("refuses SQL in a question code, naming the field", () => {
    expect(
      fields({ ...valid, rows: [{ kind: "choice", question: "x'; drop table responses; --" }] }),
    ).toEqual(["rows[0].question"]);
  });

  it("refuses SQL in a filter value", () => {
    const filters = [{ question: "niveau_relation", values: ["contact' or 1=1 --"] }];
    expect(fields({ ...valid, filters })).toEqual(["filters[0].values"]);
  });

  it("refuses an unknown dimension kind and an unknown key", () => {
    expect(fields({ ...valid, rows: [{ kind: "sql" }], extra: 1 })).toEqual([
      "extra",
      "rows[0].kind",
    ]);
  });

  it("refuses a period whose end precedes its start", () => {
    expect(fields({ ...valid, period: { from: "2026-05-01", to: "2026-01-01" } })).toEqual([
      "period.to",
    ]);
  });

  it("refuses breakdown dimensions without the breakdown measure of the same question", () => {
    expect(fields({ ...valid, rows: [{ kind: "breakdown_row", question: "contacts" }] })).toEqual([
      "rows[0]",
    ]);
  });

  it("writes its French messages for people", () => {
    const [error] = checkDefinitionShape({ ...valid, title: "" });
    expect(error!.message).toBe("Donnez un titre au tableau.");
  });
});

const survey: SurveyJson = {
  pages: [
    {
      elements: [
        {
          type: "radiogroup",
          name: "niveau_relation",
          choices: [{ value: "contact", text: "Simple contact" }],
        },
        { type: "checkbox", name: "demandes", choices: ["scolarite"] },
      ],
    },
  ],
};

const context: ResolveContext = {
  gridSubject: "youth",
  versions: [{ id: 7, number: 1, survey }],
  territory: {
    departement: { code: "59", name: "Nord" },
    metropole: { code: "1", name: "M", communes: ["59350"] },
    communeName: () => undefined,
  },
  organisations: [],
};
const options = { gridId: 3, scope: { kind: "all" as const }, period: {} };

describe("compiling a table definition", () => {
  it("binds every code as a parameter and never writes it into the SQL", () => {
    const compiled = compileTable(valid as never, context, options);
    expect(compiled.query.text).not.toContain("niveau_relation");
    expect(compiled.query.bindings).toContain("niveau_relation");
  });

  it("refuses a question no published version has, naming the field", () => {
    const def = { ...valid, rows: [{ kind: "choice", question: "inconnue" }] };
    expect(() => compileTable(def as never, context, options)).toThrow(DefinitionCodeError);
    try {
      compileTable(def as never, context, options);
    } catch (error) {
      expect((error as DefinitionCodeError).field).toBe("rows[0].question");
    }
  });

  it("refuses a checkbox question used as a single-choice dimension", () => {
    const def = { ...valid, rows: [{ kind: "choice", question: "demandes" }] };
    expect(() => compileTable(def as never, context, options)).toThrow(/choix unique/);
  });

  it("uses one GROUPING SETS scan without a checkbox, two with one", () => {
    const single = compileTable(valid as never, context, options).query.text;
    expect(single.match(/grouping sets/g)).toHaveLength(1);
    const multi = { ...valid, rows: [{ kind: "checkbox", question: "demandes" }] };
    const text = compileTable(multi as never, context, options).query.text;
    expect(text.match(/grouping sets/g)).toHaveLength(2);
    expect(text).toContain("union all");
  });
});

describe("fields a definition does not know", () => {
  it("are refused inside a dimension, the measure, a filter and the period, each named", () => {
    const errors = checkDefinitionShape({
      ...valid,
      measure: { kind: "count", x: [[["profond"]]] },
      rows: [{ kind: "choice", question: "niveau_relation", bands: [] }],
      columns: [{ kind: "sex", junk: { a: 1 } }],
      filters: [{ question: "niveau_relation", values: ["contact"], evil: true }],
      period: { from: "2026-01-01", until: "2026-12-31" },
    });
    expect(errors).toEqual([
      { field: "measure.x", message: "Champ inconnu : « x »." },
      { field: "rows[0].bands", message: "Champ inconnu : « bands »." },
      { field: "columns[0].junk", message: "Champ inconnu : « junk »." },
      { field: "filters[0].evil", message: "Champ inconnu : « evil »." },
      { field: "period.until", message: "Champ inconnu : « until »." },
    ]);
  });

  it("are refused in a path table's dimensions and measure too", async () => {
    const { checkTransitionShape } = await import("../../engine/table/trajectory-definition.ts");
    const errors = checkTransitionShape({
      code: "parcours",
      title: "Parcours",
      kind: "transition",
      grid: "suivi_situation",
      measure: { kind: "count_distinct", question: "x" },
      rows: [{ kind: "situation_at", question: "hebergement", moment: "entry", junk: 1 }],
      columns: [{ kind: "accompaniment_domain", bands: [] }, null],
    });
    expect(errors.map((e) => e.field)).toEqual([
      "measure.question",
      "rows[0].junk",
      "columns[0].bands",
      "columns[1].kind",
    ]);
    expect(errors[3]!.message).toBe(
      "Une dimension de parcours est une situation (« situation_at ») ou les domaines d'accompagnement (« accompaniment_domain »).",
    );
  });
});

describe("titles and descriptions", () => {
  it("are bounded: 200 characters for a title, 2,000 for a description", () => {
    expect(checkDefinitionShape({ ...valid, title: "t".repeat(200) })).toEqual([]);
    expect(
      checkDefinitionShape({ ...valid, title: "t".repeat(201), description: "d".repeat(2001) }),
    ).toEqual([
      { field: "title", message: "Le titre dépasse 200 caractères : raccourcissez-le." },
      {
        field: "description",
        message: "La description dépasse 2000 caractères : raccourcissez-la.",
      },
    ]);
  });
});
