import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";

// A dataset with known counts: three young people of the first service, one
// of whom has two profiles, each profile dated 2026-03-14.
let app: TestServer;
let educator: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  const ines = await createYouth(educator, { sex: "fille", birth_year: 2010, birth_month: 5 });
  const yanis = await createYouth(educator, { sex: "garcon", birth_year: 2008, birth_month: 1 });
  const nolan = await createYouth(educator, { sex: "garcon", birth_year: 2010, birth_month: 3 });
  for (const youth of [ines, ines, yanis, nolan]) {
    const created = await educator.post("/api/responses", newResponse(youth.id, validProfile()));
    expect(created.status).toBe(201);
  }
});
afterAll(() => app.close());

type Entry = { keys: string[]; label: string };
const indexOf = (entries: Entry[], key: string) => entries.findIndex((e) => e.keys[0] === key);

function cell(table: any, rowKey: string, columnKey: string) {
  return table.cells[indexOf(table.rows, rowKey)][indexOf(table.columns, columnKey)];
}

describe("young people by age band and sex", () => {
  it("counts each young person once, in their age band on 31 December", async () => {
    const result = await educator.get("/api/tables/jeunes_par_age_et_sexe");
    expect(result.status).toBe(200);
    const table = result.body;
    // Born 05/2010, 01/2008 and 03/2010: 16, 18 and 16 years old on 31/12/2026.
    expect(cell(table, "de_16_17", "fille")).toBe(1);
    expect(cell(table, "de_16_17", "garcon")).toBe(1);
    expect(cell(table, "de_18_21", "garcon")).toBe(1);
    expect(cell(table, "de_11_15", "fille")).toBe(0);
    expect(table.totals.all).toBe(3);
    expect(table.totals.columns[indexOf(table.columns, "garcon")]).toBe(2);
    expect(table.rows.map((e: Entry) => e.label)).toContain("11-15 ans");
  });

  it("shows another association nothing of this service", async () => {
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    const table = (await outsider.get("/api/tables/jeunes_par_age_et_sexe")).body;
    expect(table.totals.all).toBe(0);
  });

  it("masks cells under the threshold for the federation analyst", async () => {
    const analyst = await loggedIn(app.url, "analyste@demo.bdc");
    const table = (await analyst.get("/api/tables/jeunes_par_age_et_sexe")).body;
    expect(table.scope).toBe("federation");
    expect(cell(table, "de_16_17", "fille")).toBeNull();
    expect(cell(table, "de_16_17", "garcon")).toBeNull();
    expect(table.masked.flat().filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(table.totals.all).toBeNull();
  });

  it("downloads as CSV with a BOM, semicolons and French labels", async () => {
    const result = await educator.get("/api/tables/jeunes_par_age_et_sexe.csv");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("text/csv");
    expect([...result.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = result.text.split("\r\n");
    expect(lines[0]).toBe("Jeunes connus par tranche d'âge et sexe");
    expect(lines[1]).toBe(
      "Toutes les dates — les fiches de votre service ou de votre association.",
    );
    expect(lines[2]).toMatch(/^Âge au 31 décembre;Filles;Garçons;/);
    expect(lines.find((line) => line.startsWith("16-17 ans;"))).toMatch(/^16-17 ans;1;1;.*;2$/);
  });
});

describe("the relation level table", () => {
  it("counts young people by the choice of a question, with its labels", async () => {
    const table = (await educator.get("/api/tables/niveau_relation_par_sexe")).body;
    expect(cell(table, "relation_en_construction", "garcon")).toBe(2);
    expect(table.rows[indexOf(table.rows, "relation_en_construction")].label).toBe(
      "Relation en construction",
    );
  });
});
