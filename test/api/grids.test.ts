import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";

let app: TestServer;
let educator: ApiClient;
beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
});
afterAll(() => app.close());

describe("shipped grids", () => {
  it("are all published as version 1 on a new database", async () => {
    const result = await educator.get("/api/grids");
    expect(result.status).toBe(200);
    const codes = result.body.map((g: { code: string }) => g.code);
    for (const code of [
      "profil_jeune",
      "suivi_situation",
      "accompagnement",
      "travail_de_rue",
      "action_collective",
      "travail_famille",
      "alses",
    ]) {
      expect(codes).toContain(code);
    }
    const profile = result.body.find((g: { code: string }) => g.code === "profil_jeune");
    expect(profile).toMatchObject({ title: "Fiche jeune", subject: "youth" });
    expect(profile.versions.map((v: { number: number }) => v.number)).toEqual([1]);
  });

  it("serve a version with its SurveyJS definition and shared lists inlined", async () => {
    const result = await educator.get("/api/grids/profil_jeune/versions/1");
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ code: "profil_jeune", number: 1, status: "published" });
    const text = JSON.stringify(result.body.survey);
    expect(text).toContain("niveau_relation");
    expect(text).not.toContain("@domaines");
  });

  it("answer 404 in French for a version that does not exist", async () => {
    const result = await educator.get("/api/grids/profil_jeune/versions/9");
    expect(result.status).toBe(404);
    expect(result.body.error.message).toBe("La version 9 de « profil_jeune » est introuvable.");
  });
});
