import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { insertRecord, insertYouth } from "../support/table-data.ts";
import { cell, column, type Table } from "../support/tables.ts";

// Federation tables must not give a small count away by difference: shown
// counts are rounded to 5, periods are whole calendar years, and sums and
// means are masked on the records that gave them a value.
//
// profil_jeune records in avenir_jeunes_1, 2026-03-14: girls 10 (contact);
// boys 39: contact 15, relation_en_construction 12, accompagnement_ponctuel 1,
// accompagnement_durable 11.
// intervention records in 2026-05: avenir_jeunes_1 six with duree 11, 20, 30,
// 40, 50, 60; horizons_1 six, one with duree 77; horizons_2 six with duree 40;
// avenir_jeunes_2 six without duree.

let app: TestServer;
let head: ApiClient;
let analyst: ApiClient;

const NOTE =
  "Tableau fédération : effectifs inférieurs à 5 masqués, autres effectifs arrondis à 5 près.";
const ALL_LEVELS = [
  "contact",
  "relation_en_construction",
  "accompagnement_ponctuel",
  "accompagnement_durable",
];

const bySex = (levels: string[]) => ({
  code: "x",
  title: "Jeunes par sexe",
  grid: "profil_jeune",
  measure: { kind: "count" },
  rows: [{ kind: "sex" }],
  columns: [],
  filters: [{ question: "niveau_relation", values: levels }],
});

const durationByService = (kind: "sum" | "avg") => ({
  code: "x",
  title: "Durée des interventions par service",
  grid: "intervention",
  measure: { kind, question: "duree" },
  rows: [{ kind: "organisation", level: "service" }],
  columns: [],
});

async function profile(sex: string, niveau_relation: string, n: number) {
  for (let i = 0; i < n; i++) {
    const subject = await insertYouth(app.db, { organisation: "avenir_jeunes_1", sex });
    await insertRecord(app.db, {
      grid: "profil_jeune",
      organisation: "avenir_jeunes_1",
      subject,
      occurred_on: "2026-03-14",
      data: { niveau_relation },
    });
  }
}

async function interventions(organisation: string, durations: (number | undefined)[]) {
  for (const duree of durations) {
    await insertRecord(app.db, {
      grid: "intervention",
      organisation,
      occurred_on: "2026-05-12",
      data: duree === undefined ? {} : { duree },
    });
  }
}

beforeAll(async () => {
  app = await startTestServer();
  head = await loggedIn(app.url, "chef@demo.bdc");
  analyst = await loggedIn(app.url, "analyste@demo.bdc");
  await profile("fille", "contact", 10);
  await profile("garcon", "contact", 15);
  await profile("garcon", "relation_en_construction", 12);
  await profile("garcon", "accompagnement_ponctuel", 1);
  await profile("garcon", "accompagnement_durable", 11);
  const none = [undefined, undefined, undefined, undefined, undefined];
  await interventions("avenir_jeunes_1", [11, 20, 30, 40, 50, 60]);
  await interventions("horizons_1", [77, ...none]);
  await interventions("horizons_2", [40, 40, 40, 40, 40, 40]);
  await interventions("avenir_jeunes_2", [undefined, ...none]);
});
afterAll(() => app.close());

describe("differencing two federation tables", () => {
  it("masks the single boy in the direct cross-table", async () => {
    const table: Table = (
      await analyst.post("/api/tables/preview", {
        ...bySex(ALL_LEVELS),
        columns: [{ kind: "choice", question: "niveau_relation" }],
      })
    ).body;
    expect(cell(table, "garcon", "accompagnement_ponctuel")).toBeNull();
  });

  it("no longer reveals the boy by removing his category from the filter", async () => {
    const four: Table = (await analyst.post("/api/tables/preview", bySex(ALL_LEVELS))).body;
    const three: Table = (
      await analyst.post(
        "/api/tables/preview",
        bySex(ALL_LEVELS.filter((v) => v !== "accompagnement_ponctuel")),
      )
    ).body;
    // 39 and 38 boys: both read 40.
    expect(column(four).garcon).toBe(40);
    expect(column(three).garcon).toBe(40);
    expect(column(four).fille).toBe(10);
    expect(four.totals.all).toBe(50);
    expect(three.totals.all).toBe(50);
    expect(four.notes).toContain(NOTE);
  });

  it("computes percentages from the rounded figures", async () => {
    const table = (await analyst.post("/api/tables/preview", bySex(ALL_LEVELS))).body;
    const boys = table.rows.findIndex((r: { keys: string[] }) => r.keys[0] === "garcon");
    expect(table.percentages.ofColumn[boys][0]).toBe(80);
  });

  it("shows a service head their own table with exact figures", async () => {
    const table: Table = (await head.post("/api/tables/preview", bySex(ALL_LEVELS))).body;
    expect(table.scope).toBe("branch");
    expect(column(table).garcon).toBe(39);
    expect(table.totals.all).toBe(49);
    expect(table.notes).not.toContain(NOTE);
  });
});

describe("federation periods", () => {
  it("refuses the analyst a period that is not whole calendar years", async () => {
    const result = await analyst.post(
      "/api/tables/preview?from=2026-03-15&to=2026-12-31",
      bySex(ALL_LEVELS),
    );
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_request");
    expect(result.body.error.details.errors[0].field).toBe("from");
    expect(result.body.error.details.errors[0].message).toContain("année civile entière");
  });

  it("refuses the analyst a period ending before the 31st of December", async () => {
    const result = await analyst.post(
      "/api/tables/preview?from=2026-01-01&to=2026-03-13",
      bySex(ALL_LEVELS),
    );
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("to");
  });

  it("accepts whole years for the analyst", async () => {
    const year = await analyst.post("/api/tables/preview?year=2026", bySex(ALL_LEVELS));
    expect(year.status).toBe(200);
    expect(column(year.body).garcon).toBe(40);
    const years = await analyst.post(
      "/api/tables/preview?from=2025-01-01&to=2026-12-31",
      bySex(ALL_LEVELS),
    );
    expect(years.status).toBe(200);
  });

  it("accepts any period for a service head's own table", async () => {
    const result = await head.post(
      "/api/tables/preview?from=2026-03-14&to=2026-03-14",
      bySex(ALL_LEVELS),
    );
    expect(result.status).toBe(200);
    expect(column(result.body).garcon).toBe(39);
  });
});

describe("sums and means at federation scope", () => {
  it("masks a mean given by one record's value, and the next smallest", async () => {
    const table: Table = (await analyst.post("/api/tables/preview", durationByService("avg"))).body;
    expect(cell(table, "horizons_1")).toBeNull();
    expect(cell(table, "horizons_2")).toBeNull();
    expect(table.masked.flat().filter(Boolean)).toHaveLength(2);
    // Means are not counts: shown as they are.
    expect(cell(table, "avenir_jeunes_1")).toBe(35.17);
    // No record answered: no mean at all, and nothing to mask.
    expect(cell(table, "avenir_jeunes_2")).toBeNull();
  });

  it("masks a sum given by one record's value, and leaves the others unrounded", async () => {
    const table: Table = (await analyst.post("/api/tables/preview", durationByService("sum"))).body;
    expect(cell(table, "horizons_1")).toBeNull();
    expect(cell(table, "avenir_jeunes_1")).toBe(211);
    expect(cell(table, "avenir_jeunes_2")).toBe(0);
  });

  it("shows the service head the mean of their own service", async () => {
    const table: Table = (await head.post("/api/tables/preview", durationByService("avg"))).body;
    expect(cell(table, "avenir_jeunes_1")).toBe(35.17);
  });
});
