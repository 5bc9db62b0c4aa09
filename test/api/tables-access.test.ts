import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { insertRecord } from "../support/table-data.ts";
import { column } from "../support/tables.ts";
import { readXlsx } from "../support/xlsx-read.ts";

// Who sees what: masking at federation scope, scopes refused, definitions
// refused or saved, and the downloads read back.
//
// profil_jeune records in the service of the educator (avenir_jeunes_1):
// niveau_relation contact 12, relation_en_construction 8, accompagnement_ponctuel 3,
// accompagnement_durable 20; one record's observations start with "=".

let app: TestServer;
let head: ApiClient;
let analyst: ApiClient;
let admin: ApiClient;
let educator: ApiClient;
let outsider: ApiClient;

const byRelation = {
  code: "par_relation",
  title: "Fiches par niveau de relation",
  grid: "profil_jeune",
  measure: { kind: "count" },
  rows: [{ kind: "choice", question: "niveau_relation" }],
  columns: [],
};

beforeAll(async () => {
  app = await startTestServer();
  head = await loggedIn(app.url, "chef@demo.bdc");
  analyst = await loggedIn(app.url, "analyste@demo.bdc");
  admin = await loggedIn(app.url, "admin@demo.bdc");
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  outsider = await loggedIn(app.url, "educateur2@demo.bdc");
  const counts = {
    contact: 12,
    relation_en_construction: 8,
    accompagnement_ponctuel: 3,
    accompagnement_durable: 20,
  };
  for (const [niveau_relation, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const observations = i === 0 && niveau_relation === "contact" ? '=HYPERLINK("x")' : undefined;
      await insertRecord(app.db, {
        grid: "profil_jeune",
        organisation: "avenir_jeunes_1",
        occurred_on: "2026-03-14",
        data: {
          niveau_relation,
          demandes_initiales: i % 2 ? ["scolarite"] : [],
          ...(observations ? { observations } : {}),
        },
      });
    }
  }
  expect((await admin.post("/api/tables", byRelation)).status).toBe(201);
});
afterAll(() => app.close());

describe("federation scope", () => {
  it("shows the service head every count as it is", async () => {
    const table = (await head.get("/api/tables/par_relation")).body;
    expect(column(table)).toMatchObject({
      accompagnement_ponctuel: 3,
      relation_en_construction: 8,
    });
    expect(table.scope).toBe("branch");
  });

  it("masks a small count for the analyst, and the next smallest so the total cannot give it away", async () => {
    const table = (await analyst.get("/api/tables/par_relation")).body;
    expect(table.scope).toBe("federation");
    // 12 and 43 records, rounded to 5 like every federation count.
    expect(column(table)).toEqual({
      contact: 10,
      relation_en_construction: null,
      accompagnement_ponctuel: null,
      accompagnement_durable: 20,
    });
    expect(table.totals.all).toBe(45);
    expect(table.masked.flat().filter(Boolean)).toHaveLength(2);
    expect(table.notes).toContain(
      "Tableau fédération : effectifs inférieurs à 5 masqués, autres effectifs arrondis à 5 près.",
    );
  });

  it("follows the configured threshold", async () => {
    const strict = await startTestServer({ config: { smallCellThreshold: 10 } });
    try {
      await insertRecord(strict.db, {
        grid: "profil_jeune",
        organisation: "horizons_1",
        occurred_on: "2026-01-01",
        data: { niveau_relation: "contact" },
      });
      const client = await loggedIn(strict.url, "analyste@demo.bdc");
      const table = (await client.post("/api/tables/preview", { ...byRelation, code: "x" })).body;
      expect(table.totals.all).toBeNull();
    } finally {
      await strict.close();
    }
  });

  it("refuses the federation scope to an educator", async () => {
    expect((await educator.get("/api/tables/par_relation?scope=federation")).status).toBe(403);
  });

  it("refuses an association scope to an educator of a service", async () => {
    expect((await educator.get("/api/tables/par_relation?scope=association")).status).toBe(403);
  });

  it("uses a definition's federation scope for the analyst and the head's own branch for the head", async () => {
    const federationWide = { ...byRelation, code: "x", scope: "federation" };
    expect((await analyst.post("/api/tables/preview", federationWide)).body.scope).toBe(
      "federation",
    );
    const forHead = (await head.post("/api/tables/preview", federationWide)).body;
    expect(forHead.scope).toBe("branch");
    expect(forHead.totals.all).toBe(43);
  });

  it("counts nothing of another association for its educator", async () => {
    const table = (await outsider.post("/api/tables/preview", { ...byRelation, code: "x" })).body;
    expect(table.totals.all).toBe(0);
  });
});

describe("refusing a definition", () => {
  it("refuses an unknown question code with a 400 naming the field", async () => {
    const result = await head.post("/api/tables/preview", {
      ...byRelation,
      rows: [{ kind: "choice", question: "niveau_inconnu" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("rows[0].question");
    expect(result.body.error.details.errors[0].message).toContain(
      "n'existe dans aucune version publiée",
    );
  });

  it("refuses SQL in a code without running it", async () => {
    const before = Number((await app.db("responses").count("* as n"))[0]!.n);
    const result = await head.post("/api/tables/preview", {
      ...byRelation,
      rows: [{ kind: "choice", question: "niveau_relation'); delete from responses; --" }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("rows[0].question");
    expect(Number((await app.db("responses").count("* as n"))[0]!.n)).toBe(before);
  });

  it("refuses an unknown choice in a filter", async () => {
    const result = await head.post("/api/tables/preview", {
      ...byRelation,
      filters: [{ question: "niveau_relation", values: ["inexistant"] }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("filters[0].values[0]");
  });

  it("refuses to save a definition for an educator", async () => {
    expect((await educator.post("/api/tables", { ...byRelation, code: "autre" })).status).toBe(403);
  });

  it("refuses a code already taken", async () => {
    const result = await admin.post("/api/tables", byRelation);
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("code");
  });
});

describe("listing tables", () => {
  it("lists shipped tables and those saved in the caller's association", async () => {
    const codes = (await educator.get("/api/tables")).body.map((t: { code: string }) => t.code);
    expect(codes).toContain("par_relation");
    expect(codes).toContain("niveau_relation_par_sexe");
  });

  it("hides a table saved by another association", async () => {
    const codes = (await outsider.get("/api/tables")).body.map((t: { code: string }) => t.code);
    expect(codes).not.toContain("par_relation");
    expect((await outsider.get("/api/tables/par_relation")).status).toBe(404);
  });
});

describe("deleting a table made in the app", () => {
  it("is refused to an educator, the analyst and another association; a shipped one to all", async () => {
    const saved = await head.post("/api/tables", {
      ...byRelation,
      code: "a_supprimer",
      title: "À supprimer",
    });
    expect(saved.status).toBe(201);
    expect((await educator.request("DELETE", "/api/tables/a_supprimer")).status).toBe(403);
    expect((await analyst.request("DELETE", "/api/tables/a_supprimer")).status).toBe(403);
    expect((await outsider.request("DELETE", "/api/tables/a_supprimer")).status).toBe(404);
    const shipped = await admin.request("DELETE", "/api/tables/niveau_relation_par_sexe");
    expect(shipped.status).toBe(400);
    expect(shipped.body.error.details.errors[0].message).toBe(
      "Un tableau livré avec la BDC ne peut pas être supprimé : les rapports s'en servent.",
    );
    expect(
      await app.db("table_definitions").where({ code: "a_supprimer" }).first("id"),
    ).toBeTruthy();
  });

  it("is done by its service's head, audited, and the table is gone", async () => {
    const deleted = await head.request("DELETE", "/api/tables/a_supprimer");
    expect(deleted.status).toBe(204);
    expect((await head.get("/api/tables/a_supprimer")).status).toBe(404);
    expect(
      await app.db("table_definitions").where({ code: "a_supprimer" }).first("id"),
    ).toBeUndefined();
    const audited = await app
      .db("audit_log")
      .where({ action: "table.definition.delete" })
      .first("target_id", "details");
    expect(audited.target_id).toBe("a_supprimer");
    // The journal still names it once gone.
    expect(audited.details.title).toBe("À supprimer");
  });
});

describe("a new release changing the shipped tables", () => {
  it("updates a shipped definition that changed and removes one no longer shipped", async () => {
    const { importShippedTables } = await import("../../engine/store/table-import.ts");
    const { readShippedTables } = await import("../../engine/store/shipped.ts");
    await app
      .db("table_definitions")
      .where({ code: "jeunes_par_association" })
      .update({ title: "Ancien titre" });
    await app.db("table_definitions").insert({
      code: "ancien_tableau_livre",
      title: "Plus livré",
      definition: JSON.stringify({ ...byRelation, code: "ancien_tableau_livre" }),
      source: "shipped",
    });

    await importShippedTables(app.db, readShippedTables());

    const titles = await app
      .db("table_definitions")
      .whereIn("code", ["jeunes_par_association", "ancien_tableau_livre"])
      .select("code", "title");
    expect(titles).toEqual([
      { code: "jeunes_par_association", title: "Jeunes connus par association et sexe" },
    ]);
    // Tables made in the app stay.
    expect(
      await app.db("table_definitions").where({ code: "par_relation" }).first("id"),
    ).toBeTruthy();
  });
});

describe("a new release shipping a code an association already used", () => {
  it("moves the association's table aside and ships its own, so report packs read the shipped one", async () => {
    const { importShippedTables } = await import("../../engine/store/table-import.ts");
    const { readShippedTables } = await import("../../engine/store/shipped.ts");
    const org = await app.db("organisations").where({ code: "avenir_jeunes" }).first("id");
    // As if parcours_hebergement were not shipped yet when the association saved its own.
    await app.db("table_definitions").where({ code: "parcours_hebergement" }).delete();
    await app.db("table_definitions").insert({
      code: "parcours_hebergement",
      title: "Notre tableau maison",
      definition: JSON.stringify({
        ...byRelation,
        code: "parcours_hebergement",
        title: "Notre tableau maison",
      }),
      source: "app",
      organisation_id: org.id,
    });

    await importShippedTables(app.db, readShippedTables());

    const rows = await app
      .db("table_definitions")
      .whereIn("code", ["parcours_hebergement", "parcours_hebergement_local"])
      .orderBy("code")
      .select("code", "source", "title", app.db.raw("definition->>'code' as inner_code"));
    expect(rows).toEqual([
      {
        code: "parcours_hebergement",
        source: "shipped",
        title: "Parcours d'hébergement : lieu de vie à l'entrée et dernier lieu de vie",
        inner_code: "parcours_hebergement",
      },
      {
        code: "parcours_hebergement_local",
        source: "app",
        title: "Notre tableau maison",
        inner_code: "parcours_hebergement_local",
      },
    ]);
    const renamed = await app
      .db("audit_log")
      .where({ action: "table.definition.renamed" })
      .first("target_id", "organisation_id");
    expect(renamed).toEqual({ target_id: "parcours_hebergement_local", organisation_id: org.id });
    expect((await head.get("/api/tables/parcours_hebergement_local")).body.title).toBe(
      "Notre tableau maison",
    );
  });
});

describe("downloads", () => {
  it("writes a table as CSV with a BOM, semicolons and the masked cells named", async () => {
    const result = await analyst.download("/api/tables/par_relation.csv");
    expect(result.headers.get("content-type")).toContain("text/csv");
    expect([...result.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = result.body.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("Fiches par niveau de relation");
    expect(lines[1]).toBe(
      "Toutes les dates — toutes les associations de la fédération (petits effectifs masqués, arrondis).",
    );
    // No column dimension: the single column is the total, not written twice.
    expect(lines[2]).toBe("Niveau de la relation éducative;Total");
    expect(lines).toContain("Simple contact;10");
    expect(lines).toContain("Accompagnement ponctuel;masqué");
  });

  it("writes a table as CSV with commas when asked", async () => {
    const result = await head.get("/api/tables/par_relation.csv?separator=comma");
    expect(result.text).toContain("Simple contact,12\r\n");
  });

  it("writes a table as XLSX with its labels", async () => {
    const result = await head.download("/api/tables/par_relation.xlsx?year=2026");
    expect(result.status).toBe(200);
    // The file says which year it counts, in its name and under the title.
    expect(result.headers.get("content-disposition")).toBe(
      'attachment; filename="par_relation_2026.xlsx"',
    );
    const [sheet] = readXlsx(result.body);
    expect(sheet!.name).toBe("Fiches par niveau de relation");
    expect(sheet!.rows[0]).toEqual(["Fiches par niveau de relation"]);
    expect(sheet!.rows[1]).toEqual([
      "Année 2026 (du 01/01/2026 au 31/12/2026) — les fiches de votre service ou de votre association.",
    ]);
    expect(sheet!.rows).toContainEqual(["Simple contact", 12]);
    expect(sheet!.rows).toContainEqual(["Total", 43]);
  });

  it("exports the records as CSV, a checkbox as one column per choice, formulas neutralised", async () => {
    const result = await head.get("/api/responses.csv?grid=profil_jeune&header=codes");
    // fetch's text() drops the BOM.
    const [header, ...rows] = result.text.trim().split("\r\n");
    const columns = header!.split(";");
    expect(columns.slice(0, 3)).toEqual(["fiche", "version", "date"]);
    expect(columns).toContain("demandes_initiales.scolarite");
    expect(columns).toContain("[texte libre] observations");
    expect(rows).toHaveLength(43);
    expect(result.text).toContain(';"\'=HYPERLINK(""x"")"');
    const scolarite = columns.indexOf("demandes_initiales.scolarite");
    // Odd-numbered records of each level: 6 + 4 + 1 + 10.
    expect(rows.filter((r) => r.split(";")[scolarite] === "1")).toHaveLength(21);
  });

  it("exports the records as XLSX with labels and the version on every row", async () => {
    const result = await head.download("/api/responses.xlsx?grid=profil_jeune");
    const [sheet] = readXlsx(result.body);
    expect(sheet!.rows[0]!.slice(0, 2)).toEqual(["Fiche", "Version de la grille"]);
    expect(sheet!.rows).toHaveLength(44);
    expect(sheet!.rows.slice(1).every((row) => row[1] === 1)).toBe(true);
  });

  it("never exports records to an analyst", async () => {
    expect((await analyst.get("/api/responses.csv?grid=profil_jeune")).status).toBe(403);
    expect((await analyst.download("/api/responses.xlsx?grid=profil_jeune")).status).toBe(403);
  });

  it("exports none of another association's records", async () => {
    const result = await outsider.get("/api/responses.csv?grid=profil_jeune");
    expect(result.text.trim().split("\r\n")).toHaveLength(1);
  });
});
