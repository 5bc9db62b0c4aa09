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

type Entry = { keys: string[]; label: string };
type Table = {
  rowDimensions: string[];
  columnDimensions: string[];
  rows: Entry[];
  columns: Entry[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; all: number | null };
  masked: boolean[][];
  notes: string[];
};

/** Index of an axis entry by its keys joined with "|". */
const at = (entries: Entry[], key: string) => entries.findIndex((e) => e.keys.join("|") === key);

function cell(table: Table, row: string, column: string): number | null {
  const r = at(table.rows, row);
  const c = at(table.columns, column);
  if (r < 0 || c < 0) throw new Error(`no cell ${row} × ${column}`);
  return table.cells[r]![c]!;
}

const sumOf = (table: Table) => table.cells.flat().reduce<number>((sum, v) => sum + (v ?? 0), 0);

describe("situation at entry × latest situation", () => {
  it("counts each young person of the service once, in the cell of their entry and latest situations", async () => {
    const result = await educator.post("/api/tables/preview", entryByLatest);
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
    const table: Table = (await educator.post("/api/tables/preview", entryByLatest)).body;
    const rowTotal = (key: string) => table.totals.rows[at(table.rows, key)];
    const columnTotal = (key: string) => table.totals.columns[at(table.columns, key)];
    expect(rowTotal("college")).toBe(2);
    expect(rowTotal("descolarise_sans_solution")).toBe(2);
    expect(columnTotal("emploi_precaire")).toBe(2);
    // Only the situations met show (nobody of the service ended in a lasting job), the
    // same on both axes so that the diagonal (no change) lines up.
    expect(at(table.columns, "emploi_durable")).toBe(-1);
    const keys = [
      "college",
      "lycee_pro",
      "descolarise_sans_solution",
      "emploi_precaire",
      "__non_renseigne",
    ];
    expect(table.columns.map((c) => c.keys[0])).toEqual(keys);
    expect(table.rows.map((r) => r.keys[0])).toEqual(keys);
    expect(cell(table, "lycee_pro", "college")).toBe(0);
  });

  it("labels the headers in French from the grid", async () => {
    const table: Table = (await educator.post("/api/tables/preview", entryByLatest)).body;
    expect(table.rows[at(table.rows, "college")]!.label).toBe("Collège");
    expect(table.rowDimensions).toEqual(["Situation scolaire / professionnelle (à l'entrée)"]);
    expect(table.columnDimensions).toEqual([
      "Situation scolaire / professionnelle (dernière situation)",
    ]);
    // "Non renseigné" shows because D answered nothing; no version lacked the question.
    expect(table.columns.at(-1)).toEqual({
      keys: ["__non_renseigne"],
      labels: ["Non renseigné"],
      label: "Non renseigné",
    });
    expect(at(table.columns, "__non_demande")).toBe(-1);
  });

  it("with a period, takes situations up to its end, for young people seen during it", async () => {
    const result = await educator.post(
      "/api/tables/preview?from=2026-01-01&to=2026-06-30",
      entryByLatest,
    );
    expect(result.status).toBe(200);
    const table: Table = result.body;
    // B has no record inside the period; A's latest is the June one, not September's.
    expect(table.totals.all).toBe(4);
    expect(cell(table, "descolarise_sans_solution", "formation_qualifiante")).toBe(1);
    expect(cell(table, "descolarise_sans_solution", "emploi_precaire")).toBe(1);
    expect(cell(table, "college", "college")).toBe(1);
    expect(at(table.columns, "lycee_pro")).toBe(-1);
    expect(cell(table, "__non_renseigne", "__non_renseigne")).toBe(1);
  });
});

describe("situation at entry × domains of accompaniment", () => {
  it("counts a young person in each domain worked on, and once in the total", async () => {
    const table: Table = (
      await educator.post("/api/tables/preview", {
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
    expect(table.totals.columns[at(table.columns, "scolarite")]).toBe(2);
    expect(table.notes).toContain(
      "Un jeune compte sous chacun des domaines travaillés dans ses accompagnements.",
    );
    expect(table.totals.all).toBe(5);
  });

  it("crosses entry and latest on the rows with the domains in columns", async () => {
    const table: Table = (
      await educator.post("/api/tables/preview", {
        ...entryByLatest,
        rows: [...entryByLatest.rows, ...entryByLatest.columns],
        columns: [{ kind: "accompaniment_domain" }],
      })
    ).body;
    expect(cell(table, "college|lycee_pro", "scolarite")).toBe(1);
    expect(cell(table, "descolarise_sans_solution|emploi_precaire", "scolarite")).toBe(1);
    expect(cell(table, "descolarise_sans_solution|emploi_precaire", "__aucun_domaine")).toBe(1);
    expect(table.totals.rows[at(table.rows, "descolarise_sans_solution|emploi_precaire")]).toBe(2);
  });
});

describe("at federation scope", () => {
  it("counts every association's young people and masks cells under the threshold", async () => {
    const analyst = await loggedIn(app.url, "analyste@demo.bdc");
    const table: Table = (await analyst.post("/api/tables/preview", entryByLatest)).body;
    // 7 young people, rounded to 5 like every federation count.
    expect(table.totals.all).toBe(5);
    expect(table.notes).toContain(
      "Tableau fédération : effectifs inférieurs à 5 masqués, autres effectifs arrondis à 5 près.",
    );
    expect(cell(table, "college", "emploi_durable")).toBeNull();
    expect(table.masked[at(table.rows, "college")]![at(table.columns, "emploi_durable")]).toBe(
      true,
    );
  });
});

describe("a definition the engine cannot compute", () => {
  it("is refused when the situation question is a checkbox", async () => {
    const result = await educator.post("/api/tables/preview", {
      ...entryByLatest,
      rows: [{ kind: "situation_at", question: "ressources", moment: "entry" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("rows[0].question");
  });

  it("is refused with an unknown moment", async () => {
    const result = await educator.post("/api/tables/preview", {
      ...entryByLatest,
      columns: [{ kind: "situation_at", question: S, moment: "debut" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("columns[0].moment");
  });
});

describe("a shipped transition table, served like every table", () => {
  it("is listed with the others and computed by GET /api/tables/:code", async () => {
    const list: { code: string; grid: string }[] = (await educator.get("/api/tables")).body;
    expect(list.find((t) => t.code === "parcours_scolaire_pro")?.grid).toBe("suivi_situation");

    const result = await educator.get("/api/tables/parcours_scolaire_pro");
    expect(result.status).toBe(200);
    const table: Table & { kind: string; scope: string } = result.body;
    expect(table.kind).toBe("transition");
    expect(table.scope).toBe("branch");
    expect(cell(table, "descolarise_sans_solution", "emploi_precaire")).toBe(2);
    expect(table.totals.all).toBe(5);
  });

  it("downloads as CSV with its French headers and counts", async () => {
    const result = await educator.get("/api/tables/parcours_scolaire_pro.csv");
    expect(result.status).toBe(200);
    const lines = result.text.replace(/^\uFEFF/, "").split("\r\n");
    const college = lines.find((line) => line.startsWith("Collège;"))!.split(";");
    const header = lines.find((line) => line.includes("Lycée professionnel"))!.split(";");
    expect(college[header.indexOf("Lycée professionnel")]).toBe("1");
    expect(college[header.indexOf("Collège")]).toBe("1");
  });

  it("refuses a federation period that is not whole years, as every table does", async () => {
    const analyst = await loggedIn(app.url, "analyste@demo.bdc");
    const result = await analyst.get("/api/tables/parcours_scolaire_pro?from=2026-03-01");
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("from");
  });
});

describe("a path table made in the app", () => {
  it("is offered by the builder's options of the situation grid only", async () => {
    type Options = {
      measures: { label: string; transition?: boolean }[];
      dimensions: { label: string; group: string; dimension: Record<string, unknown> }[];
    };
    const situation: Options = (await educator.get("/api/tables/options?grid=suivi_situation"))
      .body;
    expect(situation.measures.filter((m) => m.transition).map((m) => m.label)).toEqual([
      "Parcours des jeunes (situation à l'entrée et dernière situation)",
    ]);
    expect(
      situation.dimensions.find(
        (d) => d.label === "À l'entrée : Situation scolaire / professionnelle",
      )?.dimension,
    ).toEqual({ kind: "situation_at", question: S, moment: "entry" });
    // The moment of a record says which is the entry: it is not a situation itself.
    const situations = situation.dimensions.filter((d) => d.dimension.kind === "situation_at");
    expect(situations.some((d) => d.dimension.question === "moment")).toBe(false);
    const profile: Options = (await educator.get("/api/tables/options?grid=profil_jeune")).body;
    expect(profile.measures.some((m) => m.transition)).toBe(false);
  });

  it("is saved by the service head and computed like the shipped ones", async () => {
    const head = await loggedIn(app.url, "chef@demo.bdc");
    const saved = await head.post("/api/tables", {
      ...entryByLatest,
      code: "parcours_du_service",
      title: "Parcours du service",
    });
    expect(saved.status).toBe(201);
    const list: { code: string; kind: string }[] = (await head.get("/api/tables")).body;
    expect(list.find((t) => t.code === "parcours_du_service")?.kind).toBe("transition");
    const table: Table = (await head.get("/api/tables/parcours_du_service")).body;
    expect(table.totals.all).toBe(5);
  });

  it("is refused with the field named, and nothing stored, when a situation is not a choice", async () => {
    const head = await loggedIn(app.url, "chef@demo.bdc");
    const result = await head.post("/api/tables", {
      ...entryByLatest,
      code: "parcours_casse",
      rows: [{ kind: "situation_at", question: "date_situation", moment: "entry" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors).toEqual([
      {
        field: "rows[0].question",
        message:
          "La question « date_situation » n'est pas à choix unique : elle ne peut pas servir de situation.",
      },
    ]);
    const list: { code: string }[] = (await head.get("/api/tables")).body;
    expect(list.some((t) => t.code === "parcours_casse")).toBe(false);
  });

  it("is refused on a grid that is not about a young person", async () => {
    const result = await educator.post("/api/tables/preview", {
      ...entryByLatest,
      grid: "travail_de_rue",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0]).toEqual({
      field: "grid",
      message:
        "La grille « travail_de_rue » ne porte pas sur un jeune : elle ne peut pas décrire sa situation.",
    });
  });
});
