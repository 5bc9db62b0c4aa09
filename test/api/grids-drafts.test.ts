import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";
import {
  edited,
  hebergementQuestion,
  openDraft,
  pageOf,
  questionIn,
  type Survey,
} from "../support/grids.ts";

// The life of a grid in the designer: draft, concurrent saves, diff,
// publication, compatibility, records on older versions, new grids.

let app: TestServer;
let copil: ApiClient;
let copil2: ApiClient;
let educator: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  copil = await loggedIn(app.url, "copil@demo.bdc");
  copil2 = await loggedIn(app.url, "copil@demo.bdc");
  educator = await loggedIn(app.url, "educateur@demo.bdc");
});
afterAll(() => app.close());

const withHousing = (survey: Survey) =>
  edited(survey, (s) => pageOf(s, "relation").elements.push(hebergementQuestion));

describe("the draft of a published grid", () => {
  it("is made from the newest published version, once", async () => {
    const made = await copil.post("/api/grids/travail_de_rue/draft");
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: "travail_de_rue", revision: 1, newestPublished: 1 });
    const v1 = await copil.get("/api/grids/travail_de_rue/versions/1");
    expect(made.body.survey).toEqual(v1.body.survey);

    const again = await copil.post("/api/grids/travail_de_rue/draft");
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(1);
  });

  it("saves with the revision it started from and answers the next revision", async () => {
    const draft = await openDraft(copil, "alses");
    const saved = await copil.put("/api/grids/alses/draft", {
      revision: draft.revision,
      survey: edited(
        draft.survey,
        (s) => (s.pages[0]!.elements[0]!.title = "Date de la fiche (modifiée)"),
      ),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(draft.revision + 1);
    expect(saved.body.updatedBy).toBe("Membre du COPIL");
  });

  it("answers the second of two saves of one revision with 409 and the first one's changes", async () => {
    const draft = await openDraft(copil, "profil_jeune");
    const first = await copil.put("/api/grids/profil_jeune/draft", {
      revision: draft.revision,
      survey: withHousing(draft.survey),
    });
    expect(first.status).toBe(200);

    const second = await copil2.put("/api/grids/profil_jeune/draft", {
      revision: draft.revision,
      survey: edited(draft.survey, (s) => (questionIn(s, "observations").title = "Remarques")),
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("stale_revision");
    expect(second.body.error.details).toMatchObject({
      current: draft.revision + 1,
      sent: draft.revision,
    });
    expect(second.body.error.details.changes).toEqual([
      expect.objectContaining({
        kind: "question_added",
        code: "hebergement_actuel",
        class: "additive",
      }),
    ]);
    const stored = await copil.get("/api/grids/profil_jeune/draft");
    expect(questionIn(stored.body.survey, "observations").title).not.toBe("Remarques");
  });

  it("refuses a definition with lint errors with 422 and each finding's path", async () => {
    const draft = await openDraft(copil, "profil_jeune");
    const duplicated = edited(draft.survey, (s) =>
      pageOf(s, "residence").elements.push({ type: "text", name: "date_fiche", title: "Encore" }),
    );
    const result = await copil.put("/api/grids/profil_jeune/draft", {
      revision: draft.revision,
      survey: duplicated,
    });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("lint_failed");
    expect(result.body.error.details.findings).toContainEqual(
      expect.objectContaining({ code: "duplicate_code", path: "survey.pages[0].elements[4].name" }),
    );
  });
});

describe("diff and publication", () => {
  it("shows the draft's changes with their class and the records holding each code", async () => {
    const youth = await createYouth(educator);
    await educator.post(
      "/api/responses",
      newResponse(youth.id, validProfile({ suivi_alses: "non" })),
    );

    const diff = await copil.get("/api/grids/profil_jeune/diff?from=1&to=draft");
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({
        kind: "question_added",
        code: "hebergement_actuel",
        class: "additive",
      }),
    );
    expect(diff.body.impact.hebergement_actuel.records).toEqual([]);
  });

  it("counts the records of each version that hold a retired choice, and the tables using the question", async () => {
    const draft = await openDraft(copil, "profil_jeune");
    const retired = edited(draft.survey, (s) => {
      const niveau = questionIn(s, "niveau_relation");
      niveau.choices = niveau.choices.filter(
        (c: { value: string }) => c.value !== "relation_en_construction",
      );
    });
    const saved = await copil.put("/api/grids/profil_jeune/draft", {
      revision: draft.revision,
      survey: retired,
    });
    expect(saved.status).toBe(200);

    const diff = await copil.get("/api/grids/profil_jeune/diff?from=1&to=draft");
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({
        kind: "choice_retired",
        code: "niveau_relation",
        choice: "relation_en_construction",
        class: "breaking",
      }),
    );
    const impact = diff.body.impact.niveau_relation;
    expect(impact.records).toEqual([{ version: 1, count: 1 }]);
    expect(impact.choices.relation_en_construction).toEqual([{ version: 1, count: 1 }]);
    expect(impact.tables.map((t: { code: string }) => t.code)).toContain(
      "niveau_relation_par_sexe",
    );

    // Put the choice back for the tests that follow.
    const back = await copil.put("/api/grids/profil_jeune/draft", {
      revision: saved.body.revision,
      survey: draft.survey,
    });
    expect(back.status).toBe(200);
  });

  it("refuses a publication without a note", async () => {
    const result = await copil.post("/api/grids/profil_jeune/publish", { note: " " });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("note");
  });

  it("publishes the draft as version 2 with its note, author, schema and diff", async () => {
    const published = await copil.post("/api/grids/profil_jeune/publish", {
      note: "Ajout de l'hébergement actuel.",
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      number: 2,
      note: "Ajout de l'hébergement actuel.",
      author: "Membre du COPIL",
    });

    const stored = await app
      .db("grid_versions as v")
      .join("grids as g", "g.id", "v.grid_id")
      .where({ "g.code": "profil_jeune", "v.number": 2 })
      .first("v.status", "v.schema", "v.diff");
    expect(stored.status).toBe("published");
    expect(stored.schema.properties.hebergement_actuel.enum).toEqual(["famille", "tiers", "foyer"]);
    expect(stored.diff).toContainEqual(
      expect.objectContaining({ kind: "question_added", code: "hebergement_actuel" }),
    );
    expect((await copil.get("/api/grids/profil_jeune/draft")).status).toBe(404);

    const audited = await app
      .db("audit_log")
      .where({ action: "grid.version.publish", target_id: "profil_jeune" })
      .orderBy("id", "desc")
      .first();
    expect(audited.details).toMatchObject({ number: 2 });
  });

  it("makes new records use version 2 while version 1 records open with their own version", async () => {
    const youth = await createYouth(educator);
    const old = await app
      .db("responses as r")
      .join("grid_versions as v", "v.id", "r.grid_version_id")
      .where("v.number", 1)
      .whereRaw("r.grid_id = v.grid_id")
      .first("r.id");
    const created = await educator.post(
      "/api/responses",
      newResponse(youth.id, validProfile({ suivi_alses: "non", hebergement_actuel: "tiers" })),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 2, data: { hebergement_actuel: "tiers" } });

    const read = await educator.get(`/api/responses/${old.id}`);
    expect(read.body.version).toBe(1);
    const v1 = await educator.get("/api/grids/profil_jeune/versions/1");
    expect(JSON.stringify(v1.body.survey)).not.toContain("hebergement_actuel");
  });

  it("moves a version 1 record to version 2 as a new revision, validated against version 2", async () => {
    const youth = await createYouth(educator);
    const created = await educator.post("/api/responses", { ...newResponse(youth.id), version: 1 });
    expect(created.body.version).toBe(1);
    const moved = await educator.post(`/api/responses/${created.body.id}/migrate`, {
      revision: 1,
      data: { ...created.body.data, suivi_alses: "non", hebergement_actuel: "foyer" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      version: 2,
      revision: 2,
      data: { hebergement_actuel: "foyer" },
    });
    const revisions = await educator.get(`/api/responses/${created.body.id}/revisions`);
    expect(revisions.body.map((r: { grid_version_id: number }) => r.grid_version_id)[0]).not.toBe(
      moved.body.grid_version_id,
    );
  });

  it("refuses with 422 a version that turns a checkbox into a text", async () => {
    const draft = await openDraft(copil, "profil_jeune");
    const broken = edited(draft.survey, (s) => {
      const q = questionIn(s, "demandes_initiales");
      q.type = "text";
      delete q.choices;
    });
    expect(
      (
        await copil.put("/api/grids/profil_jeune/draft", {
          revision: draft.revision,
          survey: broken,
        })
      ).status,
    ).toBe(200);
    const result = await copil.post("/api/grids/profil_jeune/publish", { note: "Texte libre" });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("incompatible_version");
    expect(result.body.error.details.breaks).toEqual([
      expect.objectContaining({
        rule: "type_family_changed",
        code: "demandes_initiales",
        version: 2,
      }),
    ]);
  });
});

describe("new grids, export and import", () => {
  const survey = {
    pages: [{ name: "p1", elements: [{ type: "text", name: "lieu", title: "Lieu" }] }],
  };

  it("creates a grid with a draft and no published version", async () => {
    const created = await copil.post("/api/grids", {
      code: "focus_mobilite",
      title: "Focus mobilité",
      subject: "none",
      survey,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: "focus_mobilite",
      revision: 1,
      newestPublished: null,
    });
    const grids = await educator.get("/api/grids");
    expect(grids.body.find((g: { code: string }) => g.code === "focus_mobilite").versions).toEqual(
      [],
    );
  });

  it("refuses a second grid with the same code", async () => {
    const again = await copil.post("/api/grids", {
      code: "focus_mobilite",
      title: "Autre",
      subject: "none",
      survey,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("grid_exists");
  });

  it("publishes a new grid's draft as its version 1", async () => {
    const published = await copil.post("/api/grids/focus_mobilite/publish", {
      note: "Première version.",
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ number: 1, changes: [] });
    const grids = await educator.get("/api/grids");
    expect(
      grids.body.find((g: { code: string }) => g.code === "focus_mobilite").versions,
    ).toHaveLength(1);
  });

  it("exports a version as an envelope file", async () => {
    const exported = await copil.get("/api/grids/profil_jeune/export?version=1");
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      code: "profil_jeune",
      subject: "youth",
      dateQuestion: "date_fiche",
    });
    expect(exported.body.survey.bdcDateQuestion).toBeUndefined();
  });

  it("reports on a plain SurveyJS import without saving it when asked for a dry run", async () => {
    const report = await copil.post("/api/grids/import?dryRun=1", {
      code: "focus_sante",
      title: "Focus santé",
      subject: "youth",
      survey: { elements: [{ type: "boolean", name: "suivi_medical", title: "Suivi médical" }] },
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      code: "focus_sante",
      exists: false,
      saved: false,
      findings: [],
    });
    expect(await app.db("grids").where({ code: "focus_sante" }).first()).toBeUndefined();
  });

  it("refuses an import with lint errors and saves nothing", async () => {
    const result = await copil.post("/api/grids/import", {
      code: "focus_sante",
      title: "Focus santé",
      subject: "youth",
      survey: { elements: [{ type: "boolean", name: "Suivi Médical", title: "Suivi" }] },
    });
    expect(result.status).toBe(422);
    expect(result.body.error.details.findings[0]).toMatchObject({ code: "code_pattern" });
    expect(await app.db("grids").where({ code: "focus_sante" }).first()).toBeUndefined();
  });

  it("imports an exported file as the draft of an existing grid", async () => {
    const exported = await copil.get("/api/grids/travail_famille/export");
    const result = await copil.post("/api/grids/import", { survey: exported.body });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ exists: true, saved: true, changes: [] });
    expect(result.body.draft.revision).toBe(2);
  });
});
