import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { edited, openDraft, questionIn, type Survey } from "../support/grids.ts";

// Referents propose, everyone in the designer discusses, the COPIL decides.

let app: TestServer;
let copil: ApiClient;
let referent: ApiClient;
let v1: Survey;

beforeAll(async () => {
  app = await startTestServer();
  copil = await loggedIn(app.url, "copil@demo.bdc");
  referent = await loggedIn(app.url, "referent@demo.bdc");
  v1 = (await referent.get("/api/grids/profil_jeune/versions/1")).body.survey;
});
afterAll(() => app.close());

const withNewChoice = (survey: Survey) =>
  edited(survey, (s) =>
    questionIn(s, "residence_qpv").choices.push({
      value: "quartier_veille",
      text: "Quartier de veille active",
    }),
  );

describe("a referent's proposal", () => {
  let id: number;

  it("is stored with its base, the proposed definition and the diff", async () => {
    const created = await referent.post("/api/grids/profil_jeune/proposals", {
      survey: withNewChoice(v1),
      rationale: "Les équipes du secteur Est distinguent les quartiers de veille active.",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      grid: "profil_jeune",
      base: 1,
      status: "open",
      author: "Référente BDC Lille-Sud",
    });
    expect(created.body.changes).toEqual([
      expect.objectContaining({
        kind: "choice_added",
        code: "residence_qpv",
        choice: "quartier_veille",
        class: "additive",
      }),
    ]);
    id = created.body.id;
  });

  it("refuses a proposal that changes nothing", async () => {
    const result = await referent.post("/api/grids/profil_jeune/proposals", {
      survey: v1,
      rationale: "Rien",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("survey");
  });

  it("gathers the COPIL's and the referent's comments in order", async () => {
    expect(
      (await copil.post(`/api/proposals/${id}/comments`, { body: "Combien de jeunes concernés ?" }))
        .status,
    ).toBe(201);
    expect(
      (await referent.post(`/api/proposals/${id}/comments`, { body: "Une trentaine par an." }))
        .status,
    ).toBe(201);
    const listed = await referent.get("/api/proposals?grid=profil_jeune");
    expect(listed.status).toBe(200);
    expect(listed.body[0].comments.map((c: { body: string }) => c.body)).toEqual([
      "Combien de jeunes concernés ?",
      "Une trentaine par an.",
    ]);
  });

  it("goes into a new draft when the COPIL accepts it", async () => {
    const accepted = await copil.post(`/api/proposals/${id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: "accepted",
      decidedBy: "Membre du COPIL",
      appliedRevision: 2,
    });

    const draft = await copil.get("/api/grids/profil_jeune/draft");
    expect(
      questionIn(draft.body.survey, "residence_qpv").choices.map((c: { value: string }) => c.value),
    ).toContain("quartier_veille");
    const audited = await app
      .db("audit_log")
      .where({ action: "grid.proposal.accept", target_id: String(id) })
      .first();
    expect(audited).toBeDefined();
  });

  it("cannot be decided twice", async () => {
    const again = await copil.post(`/api/proposals/${id}/reject`, { reason: "Finalement non" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("proposal_closed");
  });
});

describe("a proposal that meets the draft's own changes", () => {
  it("is not applied: 409 names the question both changed, and the proposal stays open", async () => {
    const proposal = await referent.post("/api/grids/profil_jeune/proposals", {
      survey: edited(v1, (s) => (questionIn(s, "observations").title = "Observations de l'équipe")),
      rationale: "Plus clair pour les équipes.",
    });
    const draft = await openDraft(copil, "profil_jeune");
    const saved = await copil.put("/api/grids/profil_jeune/draft", {
      revision: draft.revision,
      survey: edited(
        draft.survey,
        (s) => (questionIn(s, "observations").title = "Observations libres"),
      ),
    });
    expect(saved.status).toBe(200);

    const accepted = await copil.post(`/api/proposals/${proposal.body.id}/accept`, {});
    expect(accepted.status).toBe(409);
    expect(accepted.body.error.code).toBe("proposal_conflict");
    expect(accepted.body.error.details.codes).toEqual(["observations"]);
    expect(accepted.body.error.details.draft[0]).toMatchObject({
      kind: "label_changed",
      to: "Observations libres",
    });

    const still = await referent.get(`/api/proposals/${proposal.body.id}`);
    expect(still.body.status).toBe("open");
    const unchanged = await copil.get("/api/grids/profil_jeune/draft");
    expect(questionIn(unchanged.body.survey, "observations").title).toBe("Observations libres");
  });
});

describe("a proposal based on the draft", () => {
  it("records the draft's revision as its base", async () => {
    const draft = await copil.get("/api/grids/profil_jeune/draft");
    const proposal = await referent.post("/api/grids/profil_jeune/proposals", {
      base: "draft",
      survey: edited(
        draft.body.survey,
        (s) => (questionIn(s, "quartier_residence").description = "Nom du quartier seulement."),
      ),
      rationale: "Éviter les adresses.",
    });
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({ base: "draft", baseRevision: draft.body.revision });
    expect(proposal.body.changes).toEqual([
      expect.objectContaining({ kind: "description_changed", code: "quartier_residence" }),
    ]);
  });
});

describe("rejecting a proposal", () => {
  it("needs a reason, then keeps it for the referent to read", async () => {
    const proposal = await referent.post("/api/grids/travail_de_rue/proposals", {
      survey: edited(
        (await referent.get("/api/grids/travail_de_rue/versions/1")).body.survey,
        (s) => s.pages[0]!.elements.push({ type: "text", name: "meteo", title: "Météo" }),
      ),
      rationale: "La météo change la fréquentation.",
    });
    expect(proposal.status).toBe(201);
    const noReason = await copil.post(`/api/proposals/${proposal.body.id}/reject`, {});
    expect(noReason.status).toBe(400);

    const rejected = await copil.post(`/api/proposals/${proposal.body.id}/reject`, {
      reason: "Hors du champ de la BDC.",
    });
    expect(rejected.status).toBe(200);
    const read = await referent.get(`/api/proposals/${proposal.body.id}`);
    expect(read.body).toMatchObject({
      status: "rejected",
      decisionReason: "Hors du champ de la BDC.",
      decidedBy: "Membre du COPIL",
    });
  });
});
