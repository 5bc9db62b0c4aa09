import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";

// The federation's analysts (and the COPIL) read aggregates only: never a
// record, a young person or a free-text answer.

let app: TestServer;
let youth: { id: string; code: string };
let responseId: string;
const NOTE = "Confidentiel : dort chez un ami depuis mars";

beforeAll(async () => {
  app = await startTestServer();
  const educator = await loggedIn(app.url, "educateur@demo.bdc");
  youth = await createYouth(educator, { first_name: "Zéphyrine" });
  const response = newResponse(youth.id, validProfile({ observations: NOTE }));
  await educator.post("/api/responses", response);
  responseId = response.id;
  await app.db("table_definitions").insert({
    code: "observations_libres",
    title: "Tableau sur un texte libre",
    source: "app",
    definition: JSON.stringify({
      code: "observations_libres",
      title: "Tableau sur un texte libre",
      grid: "profil_jeune",
      measure: { kind: "count" },
      rows: [{ kind: "choice", question: "observations" }],
      columns: [{ kind: "sex" }],
    }),
  });
});
afterAll(() => app.close());

for (const email of ["analyste@demo.bdc", "copil@demo.bdc"]) {
  describe(`${email}`, () => {
    let client: ApiClient;
    beforeAll(async () => {
      client = await loggedIn(app.url, email);
    });

    it("gets an empty list of records", async () => {
      const result = await client.get("/api/responses?grid=profil_jeune");
      expect(result.status).toBe(200);
      expect(result.body).toEqual([]);
    });

    it("gets an empty list of young people", async () => {
      const result = await client.get("/api/subjects?q=Z");
      expect(result.status).toBe(200);
      expect(result.body).toEqual([]);
    });

    it("cannot read one record, its revisions or one young person", async () => {
      expect((await client.get(`/api/responses/${responseId}`)).status).toBe(404);
      expect((await client.get(`/api/responses/${responseId}/revisions`)).status).toBe(404);
      expect((await client.get(`/api/subjects/${youth.id}`)).status).toBe(404);
      expect((await client.get(`/api/subjects/${youth.id}/export`)).status).toBe(404);
    });

    it("cannot create a young person or a record", async () => {
      expect((await client.post("/api/subjects", { kind: "youth" })).status).toBe(403);
      const streetWork = { id: crypto.randomUUID(), grid: "travail_de_rue", data: {} };
      expect((await client.post("/api/responses", streetWork)).status).toBe(403);
    });

    it("cannot export records as CSV or XLSX", async () => {
      for (const format of ["csv", "xlsx"]) {
        const result = await client.get(`/api/responses.${format}?grid=profil_jeune`);
        expect(result.status, format).toBe(403);
      }
    });

    it("reads a federation table without any young person's data in it", async () => {
      const result = await client.get("/api/tables/niveau_relation_par_sexe");
      expect(result.status).toBe(200);
      expect(result.body.scope).toBe("federation");
      for (const marker of [youth.id, youth.code, "Zéphyrine", responseId])
        expect(result.text).not.toContain(marker);
    });

    it("never sees a free-text answer, even in a table built on one", async () => {
      const json = await client.get("/api/tables/observations_libres");
      const csv = await client.get("/api/tables/observations_libres.csv");
      // The table engine refuses a dimension on a free-text question; if it ever computed one,
      // the answers still must not show.
      expect([200, 400]).toContain(json.status);
      expect([200, 400]).toContain(csv.status);
      expect(json.text).not.toContain("Confidentiel");
      expect(csv.text).not.toContain("Confidentiel");
    });
  });
}
