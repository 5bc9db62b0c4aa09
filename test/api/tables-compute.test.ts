import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { insertRecord, insertYouth, publishVersion } from "../support/table-data.ts";
import { cell, column, previewTable, type Table } from "../support/tables.ts";
import type { SurveyElement } from "../../engine/grid/types.ts";

// A dataset with known counts in the educator's service (avenir_jeunes_1),
// plus one record of another association that must never be counted.
//
// profil_jeune, version 1 (shipped) then version 2, which retires the choice
// « contact » of niveau_relation, renames « relation_en_construction », and
// adds the question accompagne_famille.
//   A  fille   2010-05  Lille (métropole)      v1 2026-03-14 contact,                   [scolarite, emploi_insertion]
//   A  (again)                                v2 2026-09-01 accompagnement_durable,    accompagne_famille oui
//   B  garçon  2008-01  Dunkerque (Nord)       v1 2026-03-14 relation_en_construction,  [scolarite]
//   C  garçon  2010-02  Arras (Pas-de-Calais)  v1 2026-03-14 (no answer),               []
//   D  fille   unknown  no commune             v2 2026-03-14 relation_en_construction,  accompagne_famille non
//   E  autre   2000-06  Roubaix (métropole)    v2 2026-03-14 accompagnement_durable,    (no answer)
//   X  horizons_1 (another association)        v1 2026-03-14 contact

let app: TestServer;
let head: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  head = await loggedIn(app.url, "chef@demo.bdc");
  const db = app.db;
  const service = "avenir_jeunes_1";

  await publishVersion(db, "profil_jeune", (elements) =>
    elements
      .map((e): SurveyElement => {
        if (e.name !== "niveau_relation") return e;
        const choices = (e.choices as { value: string; text: string }[])
          .filter((c) => c.value !== "contact")
          .map((c) =>
            c.value === "relation_en_construction"
              ? { ...c, text: "Relation qui se construit" }
              : c,
          );
        return { ...e, choices };
      })
      .concat([
        {
          type: "radiogroup",
          name: "accompagne_famille",
          title: "Famille accompagnée",
          choices: ["oui", "non"],
        },
      ]),
  );

  const a = await insertYouth(db, {
    organisation: service,
    sex: "fille",
    birth_year: 2010,
    birth_month: 5,
    commune: "59350",
  });
  const b = await insertYouth(db, {
    organisation: service,
    sex: "garcon",
    birth_year: 2008,
    birth_month: 1,
    commune: "59183",
  });
  const c = await insertYouth(db, {
    organisation: service,
    sex: "garcon",
    birth_year: 2010,
    birth_month: 2,
    commune: "62041",
  });
  const d = await insertYouth(db, { organisation: service, sex: "fille" });
  const e = await insertYouth(db, {
    organisation: service,
    sex: "autre_nsp",
    birth_year: 2000,
    birth_month: 6,
    commune: "59512",
  });
  const x = await insertYouth(db, {
    organisation: "horizons_1",
    sex: "fille",
    birth_year: 2010,
    birth_month: 1,
  });
  const profile = (
    subject: string,
    version: number,
    data: Record<string, unknown>,
    on = "2026-03-14",
  ) =>
    insertRecord(db, {
      grid: "profil_jeune",
      version,
      organisation: service,
      subject,
      occurred_on: on,
      data,
    });
  await profile(a, 1, {
    niveau_relation: "contact",
    demandes_initiales: ["scolarite", "emploi_insertion"],
  });
  await profile(
    a,
    2,
    { niveau_relation: "accompagnement_durable", accompagne_famille: "oui" },
    "2026-09-01",
  );
  await profile(b, 1, {
    niveau_relation: "relation_en_construction",
    demandes_initiales: ["scolarite"],
  });
  await profile(c, 1, { demandes_initiales: [] });
  await profile(d, 2, { niveau_relation: "relation_en_construction", accompagne_famille: "non" });
  await profile(e, 2, { niveau_relation: "accompagnement_durable" });
  await insertRecord(db, {
    grid: "profil_jeune",
    organisation: "horizons_1",
    subject: x,
    occurred_on: "2026-03-14",
    data: { niveau_relation: "contact" },
  });
});
afterAll(() => app.close());

const base = { code: "essai", title: "Essai", columns: [] as unknown[] };

const preview = (definition: Record<string, unknown>, query = ""): Promise<Table> =>
  previewTable(head, definition, query);

describe("counting records and young people", () => {
  it("counts records by choice across versions, apart from non renseigné and non demandé", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "choice", question: "niveau_relation" }],
    });
    expect(column(table)).toEqual({
      relation_en_construction: 2,
      accompagnement_ponctuel: 0,
      accompagnement_durable: 2,
      contact: 1,
      __non_renseigne: 1,
    });
    expect(table.totals.all).toBe(6);
  });

  it("labels a choice with the newest version's text and keeps a retired one with its last label", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "choice", question: "niveau_relation" }],
    });
    const labels = Object.fromEntries(table.rows.map((r) => [r.keys[0], r.label]));
    expect(labels.relation_en_construction).toBe("Relation qui se construit");
    expect(labels.contact).toBe("Simple contact");
  });

  it("counts records of versions that did not ask a question as non demandé", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "choice", question: "accompagne_famille" }],
    });
    expect(column(table)).toEqual({ oui: 1, non: 1, __non_renseigne: 1, __non_demande: 3 });
  });

  it("counts each young person once with count_distinct", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count_distinct" },
      rows: [{ kind: "sex" }],
    });
    expect(column(table)).toEqual({ fille: 2, garcon: 2, autre_nsp: 1 });
    expect(table.totals.all).toBe(5);
  });

  it("crosses sex with age bands at the record's date", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "age_band" }],
      columns: [{ kind: "sex" }],
    });
    expect(cell(table, "de_11_15", "fille")).toBe(1);
    expect(cell(table, "de_16_17", "fille")).toBe(1);
    expect(cell(table, "de_18_21", "garcon")).toBe(1);
    expect(cell(table, "de_16_17", "garcon")).toBe(1);
    expect(cell(table, "de_22_25", "autre_nsp")).toBe(1);
    expect(cell(table, "__non_renseigne", "fille")).toBe(1);
    expect(table.totals.all).toBe(6);
  });

  it("computes the age on 31 December of the period's year when asked", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count_distinct" },
      rows: [{ kind: "age_band", at: "year_end" }],
      period: { from: "2026-01-01", to: "2026-12-31" },
    });
    // A and C are 16 on 31/12/2026, B 18, E 26.
    expect(column(table)).toMatchObject({
      de_16_17: 2,
      de_18_21: 1,
      plus_25: 1,
      __non_renseigne: 1,
    });
  });

  it("counts a record once under each ticked choice and once in the totals", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "checkbox", question: "demandes_initiales" }],
      columns: [{ kind: "sex" }],
    });
    expect(cell(table, "scolarite", "fille")).toBe(1);
    expect(cell(table, "scolarite", "garcon")).toBe(1);
    expect(cell(table, "emploi_insertion", "fille")).toBe(1);
    expect(cell(table, "__non_renseigne", "garcon")).toBe(1);
    expect(cell(table, "__non_renseigne", "fille")).toBe(2);
    expect(table.totals.columns).toEqual([3, 2, 1]);
    expect(table.totals.all).toBe(6);
    expect((table.notes as string[]).join(" ")).toContain("plusieurs réponses");
  });

  it("places young people's communes in the métropole, the rest of the département or outside", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count_distinct" },
      rows: [{ kind: "territory", level: "metropole" }],
    });
    expect(column(table)).toEqual({
      metropole: 2,
      reste_departement: 1,
      hors_departement: 1,
      __non_renseigne: 1,
    });
    expect(table.rows[0]!.label).toBe("Métropole Européenne de Lille");
  });

  it("names communes from the official list", async () => {
    const table = await preview({
      grid: "profil_jeune",
      measure: { kind: "count_distinct" },
      rows: [{ kind: "territory", level: "commune" }],
    });
    const labels = table.rows.map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Lille (59350)",
        "Dunkerque (59183)",
        "Arras (62041)",
        "Roubaix (59512)",
      ]),
    );
  });
});

describe("organisation level", () => {
  it("groups an association's records by service", async () => {
    const admin = await loggedIn(app.url, "admin@demo.bdc");
    const result = await admin.post("/api/tables/preview", {
      ...base,
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "organisation", level: "service" }],
    });
    expect(result.status).toBe(200);
    expect(result.body.rows.map((r: { keys: string[] }) => r.keys[0])).toEqual(["avenir_jeunes_1"]);
    expect(result.body.totals.all).toBe(6);
  });
});
