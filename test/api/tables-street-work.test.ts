import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { insertRecord } from "../support/table-data.ts";
import { cell, column, previewTable, type Table } from "../support/tables.ts";

// Street work, a grid about no young person: four sessions of the educator's
// service (avenir_jeunes_1), whose counts of young people met are breakdowns
// by sex × age band, with places ticked, a number of professionals and a commune.

let app: TestServer;
let head: ApiClient;

const TDR = "travail_de_rue";

beforeAll(async () => {
  app = await startTestServer();
  head = await loggedIn(app.url, "chef@demo.bdc");
  const db = app.db;
  const service = "avenir_jeunes_1";

  // Street work (no young person): four sessions.
  const session = (occurred_on: string, data: Record<string, unknown>) =>
    insertRecord(db, { grid: TDR, organisation: service, occurred_on, data });
  await session("2026-01-10", {
    commune: "59350",
    type_presence: "travail_de_rue",
    lieux: ["pied_immeuble_hall", "place_square_parc"],
    nb_professionnels: 2,
    contacts: { fille: { de_11_15: 3 }, garcon: { de_11_15: 2, de_16_17: 4 } },
  });
  await session("2026-01-20", {
    commune: "59183",
    type_presence: "travail_de_rue",
    lieux: ["place_square_parc"],
    nb_professionnels: 1,
    contacts: { garcon: { de_18_21: 5 } },
  });
  await session("2026-02-05", {
    commune: "62041",
    type_presence: "presence_numerique",
    lieux: [],
    nb_professionnels: 3,
    contacts: { fille: { de_16_17: 1 } },
  });
  await session("2026-02-06", { type_presence: "travail_de_rue" });
});
afterAll(() => app.close());

const preview = (definition: Record<string, unknown>, query = ""): Promise<Table> =>
  previewTable(head, definition, query);

describe("street work: counts breakdowns, checkboxes, numbers, periods", () => {
  it("sums a breakdown's cells by its rows and columns", async () => {
    const table = await preview({
      grid: TDR,
      measure: { kind: "breakdown_sum", question: "contacts" },
      rows: [{ kind: "breakdown_row", question: "contacts" }],
      columns: [{ kind: "breakdown_column", question: "contacts" }],
    });
    expect(cell(table, "fille", "de_11_15")).toBe(3);
    expect(cell(table, "fille", "de_16_17")).toBe(1);
    expect(cell(table, "garcon", "de_11_15")).toBe(2);
    expect(cell(table, "garcon", "de_16_17")).toBe(4);
    expect(cell(table, "garcon", "de_18_21")).toBe(5);
    expect(cell(table, "autre_nsp", "plus_25")).toBe(0);
    expect(table.totals.all).toBe(15);
  });

  it("sums young people met by territory of the session", async () => {
    const table = await preview({
      grid: TDR,
      measure: { kind: "breakdown_sum", question: "contacts" },
      rows: [{ kind: "territory", level: "metropole", question: "commune" }],
    });
    expect(column(table)).toEqual({ metropole: 9, reste_departement: 5, hors_departement: 1 });
  });

  it("counts sessions by place ticked, each session once in the totals", async () => {
    const table = await preview({
      grid: TDR,
      measure: { kind: "count" },
      rows: [{ kind: "checkbox", question: "lieux" }],
      columns: [{ kind: "choice", question: "type_presence" }],
    });
    expect(cell(table, "place_square_parc", "travail_de_rue")).toBe(2);
    expect(cell(table, "pied_immeuble_hall", "travail_de_rue")).toBe(1);
    expect(cell(table, "__non_renseigne", "presence_numerique")).toBe(1);
    expect(cell(table, "__non_renseigne", "travail_de_rue")).toBe(1);
    expect(table.totals.rows[table.rows.findIndex((r) => r.keys[0] === "place_square_parc")]).toBe(
      2,
    );
    expect(table.totals.all).toBe(4);
  });

  it("sums and averages a number question", async () => {
    const rows = [{ kind: "choice", question: "type_presence" }];
    const sum = await preview({
      grid: TDR,
      measure: { kind: "sum", question: "nb_professionnels" },
      rows,
    });
    expect(cell(sum, "travail_de_rue")).toBe(3);
    expect(cell(sum, "presence_numerique")).toBe(3);
    const avg = await preview({
      grid: TDR,
      measure: { kind: "avg", question: "nb_professionnels" },
      rows,
    });
    expect(cell(avg, "travail_de_rue")).toBe(1.5);
    expect(avg.percentages).toBeNull();
  });

  it("groups by month with French labels", async () => {
    const table = await preview({
      grid: TDR,
      measure: { kind: "count" },
      rows: [{ kind: "period", unit: "month" }],
    });
    expect(column(table)).toEqual({ "2026-01": 2, "2026-02": 2 });
    expect(table.rows.map((r) => r.label)).toEqual(["janvier 2026", "février 2026"]);
  });

  it("keeps only the period asked in the query string", async () => {
    const table = await preview(
      { grid: TDR, measure: { kind: "count" }, rows: [] },
      "?from=2026-02-01&to=2026-02-28",
    );
    expect(table.totals.all).toBe(2);
  });

  it("keeps only the records a filter names", async () => {
    const table = await preview({
      grid: TDR,
      measure: { kind: "count" },
      rows: [{ kind: "territory", level: "metropole", question: "commune" }],
      filters: [{ question: "type_presence", values: ["travail_de_rue"] }],
    });
    expect(table.totals.all).toBe(3);
  });

  it("gives percentages of the row, the column and the whole table", async () => {
    const table = await preview({
      grid: TDR,
      measure: { kind: "count" },
      rows: [{ kind: "choice", question: "type_presence" }],
    });
    const i = table.rows.findIndex((r) => r.keys[0] === "travail_de_rue");
    const percentages = table.percentages as { ofAll: number[][]; ofRow: number[][] };
    expect(percentages.ofAll[i]![0]).toBe(75);
    expect(percentages.ofRow[i]![0]).toBe(100);
  });
});
