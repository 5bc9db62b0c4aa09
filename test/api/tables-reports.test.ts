import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { insertRecord, insertYouth } from "../support/table-data.ts";
import { readShippedTables } from "../../engine/store/shipped.ts";
import { shippedReports } from "../../engine/store/reports.ts";
import { readXlsx } from "../support/xlsx-read.ts";

// The shipped tables and report packs: every one computes against the
// shipped grids, for a service and for the federation, and prints.

let app: TestServer;
let head: ApiClient;
let analyst: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  head = await loggedIn(app.url, "chef@demo.bdc");
  analyst = await loggedIn(app.url, "analyste@demo.bdc");
  const youth = await insertYouth(app.db, {
    organisation: "avenir_jeunes_1",
    sex: "garcon",
    birth_year: 2009,
    commune: "59350",
  });
  await insertRecord(app.db, {
    grid: "profil_jeune",
    organisation: "avenir_jeunes_1",
    subject: youth,
    occurred_on: "2026-02-01",
    data: { niveau_relation: "contact", mode_premier_contact: "contact_rue" },
  });
  await insertRecord(app.db, {
    grid: "alses",
    organisation: "avenir_jeunes_1",
    occurred_on: "2026-02-01",
    data: {
      type_activite_alses: "permanence_bureau",
      eleves_rencontres: { fille: { sixieme: 4 } },
    },
  });
});
afterAll(() => app.close());

const tables = readShippedTables<{ code: string }>();

describe("shipped tables", () => {
  it.each(tables.map((t) => t.code))(
    "computes %s for a service head and for the analyst",
    async (code) => {
      const forService = await head.get(`/api/tables/${code}?year=2026`);
      expect(forService.status, forService.text).toBe(200);
      const forFederation = await analyst.get(`/api/tables/${code}`);
      expect(forFederation.status, forFederation.text).toBe(200);
    },
  );
});

describe("report packs", () => {
  it("name only shipped tables", () => {
    const codes = new Set(tables.map((t) => t.code));
    for (const report of shippedReports()) {
      expect(
        report.tables.filter((code) => !codes.has(code)),
        report.code,
      ).toEqual([]);
    }
  });

  it("lists the four packs", async () => {
    const codes = (await head.get("/api/reports")).body.map((r: { code: string }) => r.code);
    expect(codes).toEqual([
      "focus_alses",
      "rapport_activite_service",
      "synthese_departement",
      "synthese_metropole",
    ]);
  });

  it("computes a pack for one year with every table", async () => {
    const result = await head.get("/api/reports/focus_alses?year=2026");
    expect(result.status).toBe(200);
    expect(result.body.period).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(result.body.tables).toHaveLength(4);
    expect(result.body.tables[1].totals.all).toBe(4);
  });

  it("prints a pack as one HTML page set", async () => {
    const result = await head.get("/api/reports/rapport_activite_service.html?year=2026");
    expect(result.headers.get("content-type")).toContain("text/html");
    expect(result.text).toContain("<h1>Rapport d&#39;activité annuel du service</h1>");
    expect(result.text).toContain("Année 2026 (du 01/01/2026 au 31/12/2026)");
    expect(result.text.match(/<section>/g)).toHaveLength(14);
  });

  it("fits a phone screen and prints in landscape", async () => {
    const result = await head.get("/api/reports/rapport_activite_service.html?year=2026");
    expect(result.text).toContain('<meta name="viewport" content="width=device-width');
    expect(result.text).toContain("@page { size: A4 landscape;");
  });

  it("answers a signed-out visitor with a French page, not JSON", async () => {
    const result = await fetch(`${app.url}/api/reports/rapport_activite_service.html`);
    expect(result.status).toBe(401);
    expect(result.headers.get("content-type")).toContain("text/html");
    const page = await result.text();
    expect(page).toContain('<a href="/">Se reconnecter</a>');
    expect(page).not.toContain('{"error"');
  });

  it("masks small cells in the département synthesis for the analyst", async () => {
    const result = await analyst.get("/api/reports/synthese_departement.html");
    expect(result.text).toContain("petits effectifs masqués");
    expect(result.text).toContain('<td class="masked">masqué</td>');
  });

  it("downloads a pack as XLSX, a sheet per table", async () => {
    const result = await head.download("/api/reports/synthese_metropole.xlsx");
    const sheets = readXlsx(result.body);
    expect(sheets.map((s) => s.rows[0]![0])).toEqual([
      "Jeunes de la métropole par tranche d'âge et sexe",
      "Jeunes de la métropole par commune de résidence",
      "Séances de travail de rue dans la métropole, par commune",
      "Jeunes rencontrés en travail de rue, par territoire et sexe",
    ]);
  });
});
