import { describe, expect, it } from "vitest";
import {
  accompanimentPeriods,
  currentAccompaniment,
  situationComparison,
  type FileRecord,
} from "../../engine/subject/file.ts";
import { gridLabels } from "../../engine/subject/labels.ts";
import { parseActionInput } from "../../engine/subject/group-input.ts";
import { checkTransitionShape } from "../../engine/table/trajectory-definition.ts";
import type { SurveyJson } from "../../engine/grid/types.ts";

// The young person's file computed from records, and the inputs of families,
// actions and transition tables, without a database.

const survey = (elements: Record<string, unknown>[]): SurveyJson =>
  ({ pages: [{ name: "p", elements }] }) as unknown as SurveyJson;

const situationLabels = gridLabels([
  {
    number: 1,
    survey: survey([
      {
        type: "radiogroup",
        name: "moment",
        title: "Moment",
        choices: [{ value: "entree", text: "Entrée" }],
      },
      {
        type: "dropdown",
        name: "situation_scolaire_pro",
        title: "Situation scolaire",
        choices: [
          { value: "college", text: "Collège (v1)" },
          { value: "lycee_pro", text: "Lycée professionnel" },
        ],
      },
    ]),
  },
  {
    number: 2,
    survey: survey([
      {
        type: "radiogroup",
        name: "moment",
        title: "Moment",
        choices: [{ value: "entree", text: "Entrée" }],
      },
      {
        type: "dropdown",
        name: "situation_scolaire_pro",
        title: "Situation scolaire / professionnelle",
        choices: [{ value: "college", text: "Collège" }],
      },
    ]),
  },
]);

let sequence = 0;
function record(grid: string, occurredOn: string, data: Record<string, unknown>): FileRecord {
  sequence++;
  return {
    id: `r${sequence}`,
    grid,
    occurred_on: occurredOn,
    created_at: `2026-01-01T00:00:${String(sequence).padStart(2, "0")}Z`,
    data,
  };
}

describe("situation at entry and latest", () => {
  it("takes the record marked entree as entry even when an earlier one exists", () => {
    const records = [
      record("suivi_situation", "2025-01-01", { situation_scolaire_pro: "lycee_pro" }),
      record("suivi_situation", "2025-03-01", {
        moment: "entree",
        situation_scolaire_pro: "college",
      }),
    ];
    const result = situationComparison(records, situationLabels);
    expect(result.entry?.response_id).toBe(records[1]!.id);
    expect(result.latest?.response_id).toBe(records[1]!.id);
  });

  it("takes the first record as entry when none is marked entree, and labels from the newest version", () => {
    const records = [
      record("suivi_situation", "2026-02-01", { situation_scolaire_pro: "lycee_pro" }),
      record("suivi_situation", "2025-09-01", { situation_scolaire_pro: "college" }),
    ];
    const row = situationComparison(records, situationLabels).rows.find(
      (r) => r.question === "situation_scolaire_pro",
    )!;
    expect(row).toEqual({
      question: "situation_scolaire_pro",
      label: "Situation scolaire / professionnelle",
      entry: [{ code: "college", label: "Collège" }],
      latest: [{ code: "lycee_pro", label: "Lycée professionnel" }],
      changed: true,
    });
  });

  it("orders two records of one day by the time they were entered", () => {
    const first = record("suivi_situation", "2026-02-01", { situation_scolaire_pro: "college" });
    const second = record("suivi_situation", "2026-02-01", { situation_scolaire_pro: "lycee_pro" });
    const result = situationComparison([second, first], situationLabels);
    expect(result.latest?.response_id).toBe(second.id);
  });
});

describe("accompaniment periods", () => {
  const labels = gridLabels([]);

  it("are open until their end date, and the latest open one is current", () => {
    const periods = accompanimentPeriods(
      [
        record("accompagnement", "2024-01-10", {
          date_debut: "2024-01-10",
          date_fin: "2024-06-30",
        }),
        record("accompagnement", "2026-01-10", {
          date_debut: "2026-01-10",
          date_fin: "2026-12-31",
        }),
        record("suivi_situation", "2026-02-01", {}),
      ],
      labels,
      "2026-06-01",
    );
    expect(periods.map((p) => [p.start, p.open, p.length_days])).toEqual([
      ["2024-01-10", false, 172],
      ["2026-01-10", true, 355],
    ]);
    expect(currentAccompaniment(periods)?.start).toBe("2026-01-10");
  });

  it("have no current one when every period has ended", () => {
    const periods = accompanimentPeriods(
      [
        record("accompagnement", "2024-01-10", {
          date_debut: "2024-01-10",
          date_fin: "2024-06-30",
        }),
      ],
      labels,
      "2026-06-01",
    );
    expect(currentAccompaniment(periods)).toBeNull();
  });
});

describe("inputs", () => {
  it("refuses an action whose end comes before its start", () => {
    const { errors } = parseActionInput({
      kind: "action",
      title: "Séjour",
      starts_on: "2026-07-10",
      ends_on: "2026-07-01",
    });
    expect(errors.map((e) => e.field)).toEqual(["ends_on"]);
  });

  it("drops zero counts of anonymous participants", () => {
    const { value } = parseActionInput({
      kind: "action",
      title: "Séjour",
      starts_on: "2026-07-10",
      anonymous_participants: { fille: { de_11_15: 0, de_16_17: 2 }, garcon: { de_11_15: 0 } },
    });
    expect(value.anonymous_participants).toEqual({ fille: { de_16_17: 2 } });
  });

  it("refuses a transition table whose measure counts rows instead of young people", () => {
    const errors = checkTransitionShape({
      code: "t",
      title: "T",
      kind: "transition",
      grid: "suivi_situation",
      measure: { kind: "count" },
      rows: [{ kind: "situation_at", question: "situation_scolaire_pro", moment: "entry" }],
      columns: [],
    });
    expect(errors.map((e) => e.field)).toEqual(["measure"]);
  });
});
