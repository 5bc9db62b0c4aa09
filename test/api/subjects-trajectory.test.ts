import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { accompanimentRecord, createYouth, situationRecord, submit } from "../support/factories.ts";

// Transition tables over a dataset built here, checked against counts made
// by hand. Entry = the "entree" record, else the first; latest = the last.
//
//   young person  situation records (date: moment situation)                  domains
//   A             2025-09-01 entree descolarise, 2026-06-01 point formation,   emploi_insertion, scolarite
//                 2026-09-01 changement emploi_precaire
//   B             2025-10-01 entree college, 2026-07-01 sortie lycee_pro       scolarite
//   C             2025-05-01 point descolarise, 2026-02-01 changement          (none)
//                 emploi_precaire
//   D             2026-01-10 entree, situation not answered                    sante
//   E             2025-12-01 point sans_activite, 2026-03-01 entree college    (none)
//   F (other association), G (other service): entree college, latest emploi_durable

let app: TestServer;
let educator: ApiClient;

const S = "situation_scolaire_pro";
const entryByLatest = {
  code: "scolarite_entree_derniere",
  title: "Situation scolaire ou professionnelle à l'entrée et à la dernière situation",
  kind: "transition",
  grid: "suivi_situation",
  measure: { kind: "count_distinct" },
  rows: [{ kind: "situation_at", question: S, moment: "entry" }],
  columns: [{ kind: "situation_at", question: S, moment: "latest" }],
};

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  const neighbour = await loggedIn(app.url, "educateur.roubaix@demo.bdc");
  const outsider = await loggedIn(app.url, "educateur2@demo.bdc");

  const [a, b, c, d, e] = [
    await createYouth(educator),
    await createYouth(educator),
    await createYouth(educator),
    await createYouth(educator),
    await createYouth(educator),
  ].map((y) => y.id) as [string, string, string, string, string];
  const records = [
    situationRecord(a, "2025-09-01", { moment: "entree", [S]: "descolarise_sans_solution" }),
    situationRecord(a, "2026-06-01", { moment: "point_annuel", [S]: "formation_qualifiante" }),
    situationRecord(a, "2026-09-01", { moment: "changement", [S]: "emploi_precaire" }),
    accompanimentRecord(a, "2025-09-15", {
      domaines_travailles: ["emploi_insertion", "scolarite"],
    }),
    situationRecord(b, "2026-07-01", { moment: "sortie", [S]: "lycee_pro" }),
    situationRecord(b, "2025-10-01", { moment: "entree", [S]: "college" }),
    accompanimentRecord(b, "2025-10-01", { domaines_travailles: ["scolarite"] }),
    situationRecord(c, "2025-05-01", { moment: "point_annuel", [S]: "descolarise_sans_solution" }),
    situationRecord(c, "2026-02-01", { moment: "changement", [S]: "emploi_precaire" }),
    situationRecord(d, "2026-01-10", { moment: "entree" }),
    accompanimentRecord(d, "2026-01-10", { domaines_travailles: ["sante"] }),
    situationRecord(e, "2025-12-01", { moment: "point_annuel", [S]: "sans_activite" }),
    situationRecord(e, "2026-03-01", { moment: "entree", [S]: "college" }),
  ];
  for (const record of records) await submit(educator, record);
  for (const client of [neighbour, outsider]) {
    const youth = (await createYouth(client)).id;
    await submit(
      client,
      situationRecord(youth, "2025-09-01", { moment: "entree", [S]: "college" }),
    );
    await submit(
      client,
      situationRecord(youth, "2026-09-01", { moment: "sortie", [S]: "emploi_durable" }),
    );
  }
});
afterAll(() => app.close());

type Table = {
  rows: { key: string }[];
  columns: { key: string }[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; all: number | null };
  masked: boolean[][];
  notes: string[];
};

function cell(table: Table, row: string, column: string): number | null {
  const r = table.rows.findIndex((h) => h.key === row);
  const c = table.columns.findIndex((h) => h.key === column);
  if (r < 0 || c < 0) throw new Error(`no cell ${row} × ${column}`);
  return table.cells[r]![c]!;
}

const sumOf = (table: Table) => table.cells.flat().reduce<number>((sum, v) => sum + (v ?? 0), 0);

describe("situation at entry × latest situation", () => {
  it("counts each young person of the service once, in the cell of their entry and latest situations", async () => {
    const result = await educator.post("/api/trajectories/transition", entryByLatest);
    expect(result.status).toBe(200);
    const table: Table = result.body;
    expect(cell(table, "descolarise_sans_solution", "emploi_precaire")).toBe(2);
    expect(cell(table, "college", "lycee_pro")).toBe(1);
    expect(cell(table, "college", "college")).toBe(1);
    expect(cell(table, "__non_renseigne", "__non_renseigne")).toBe(1);
    expect(sumOf(table)).toBe(5);
    expect(table.totals.all).toBe(5);
  });

  it("gives row and column totals in young people", async () => {
    const table: Table = (await educator.post("/api/trajectories/transition", entryByLatest)).body;
    const rowTotal = (key: string) => table.totals.rows[table.rows.findIndex((h) => h.key === key)];
    const columnTotal = (key: string) =>
      table.totals.columns[table.columns.findIndex((h) => h.key === key)];
    expect(rowTotal("college")).toBe(2);
    expect(rowTotal("descolarise_sans_solution")).toBe(2);
    expect(columnTotal("emploi_precaire")).toBe(2);
    expect(columnTotal("emploi_durable")).toBe(0);
  });

  it("labels the headers in French from the grid", async () => {
    const table = (await educator.post("/api/trajectories/transition", entryByLatest)).body;
    expect(table.rows.find((h: { key: string }) => h.key === "college").label).toBe("Collège");
    expect(table.columns.at(-1)).toEqual({ key: "__non_demande", label: "Non demandé" });
  });
});

describe("situation at entry × domains of accompaniment", () => {
  it("counts a young person in each domain worked on, and once in the total", async () => {
    const table: Table = (
      await educator.post("/api/trajectories/transition", {
        ...entryByLatest,
        columns: [{ kind: "accompaniment_domain" }],
      })
    ).body;
    expect(cell(table, "descolarise_sans_solution", "emploi_insertion")).toBe(1);
    expect(cell(table, "descolarise_sans_solution", "scolarite")).toBe(1);
    expect(cell(table, "descolarise_sans_solution", "__aucun_domaine")).toBe(1);
    expect(cell(table, "college", "scolarite")).toBe(1);
    expect(cell(table, "college", "__aucun_domaine")).toBe(1);
    expect(cell(table, "__non_renseigne", "sante")).toBe(1);
    expect(sumOf(table)).toBe(6);
    expect(table.totals.columns[table.columns.findIndex((h) => h.key === "scolarite")]).toBe(2);
    expect(table.totals.all).toBe(5);
  });

  it("crosses entry and latest on the rows with the domains in columns", async () => {
    const table: Table = (
      await educator.post("/api/trajectories/transition", {
        ...entryByLatest,
        rows: [...entryByLatest.rows, ...entryByLatest.columns],
        columns: [{ kind: "accompaniment_domain" }],
      })
    ).body;
    expect(cell(table, "college|lycee_pro", "scolarite")).toBe(1);
    expect(cell(table, "descolarise_sans_solution|emploi_precaire", "scolarite")).toBe(1);
    expect(cell(table, "descolarise_sans_solution|emploi_precaire", "__aucun_domaine")).toBe(1);
    expect(
      table.totals.rows[
        table.rows.findIndex((h) => h.key === "descolarise_sans_solution|emploi_precaire")
      ],
    ).toBe(2);
  });
});

describe("at federation scope", () => {
  it("counts every association's young people and masks cells under the threshold", async () => {
    const analyst = await loggedIn(app.url, "analyste@demo.bdc");
    const table: Table = (await analyst.post("/api/trajectories/transition", entryByLatest)).body;
    // 7 young people, rounded to 5 like every federation count.
    expect(table.totals.all).toBe(5);
    expect(table.notes).toContain(
      "Tableau fédération : effectifs inférieurs à 5 masqués, autres effectifs arrondis à 5 près.",
    );
    expect(cell(table, "college", "emploi_durable")).toBeNull();
    expect(
      table.masked[table.rows.findIndex((h) => h.key === "college")]![
        table.columns.findIndex((h) => h.key === "emploi_durable")
      ],
    ).toBe(true);
  });
});

describe("a definition the engine cannot compute", () => {
  it("is refused when the situation question is a checkbox", async () => {
    const result = await educator.post("/api/trajectories/transition", {
      ...entryByLatest,
      rows: [{ kind: "situation_at", question: "ressources", moment: "entry" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("rows[0].question");
  });

  it("is refused with an unknown moment", async () => {
    const result = await educator.post("/api/trajectories/transition", {
      ...entryByLatest,
      columns: [{ kind: "situation_at", question: S, moment: "debut" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("columns[0].moment");
  });
});
