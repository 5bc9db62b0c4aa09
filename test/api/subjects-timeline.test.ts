import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import {
  accompanimentRecord,
  actionRecord,
  createYouth,
  familyWorkRecord,
  newResponse,
  situationRecord,
  submit,
  validProfile,
} from "../support/factories.ts";

// A young person's timeline and file: every record about them in date order,
// with their families' and actions' records, and the file computed from them.

let app: TestServer;
let educator: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
});
afterAll(() => app.close());

describe("a young person's timeline", () => {
  it("lists exactly their records, in date order, with grid and version", async () => {
    const youth = await createYouth(educator);
    const other = await createYouth(educator);
    // Entered out of order; one record of another young person on a date in between.
    const situation = await submit(
      educator,
      situationRecord(youth.id, "2026-05-02", { moment: "entree" }),
    );
    const profile = await submit(
      educator,
      newResponse(youth.id, validProfile({ date_fiche: "2026-03-14" })),
    );
    await submit(educator, situationRecord(other.id, "2026-04-01"));
    const accompaniment = await submit(educator, accompanimentRecord(youth.id, "2026-04-20"));

    const result = await educator.get(`/api/subjects/${youth.id}/timeline`);
    expect(result.status).toBe(200);
    expect(result.body.map((e: { id: string }) => e.id)).toEqual([
      profile.id,
      accompaniment.id,
      situation.id,
    ]);
    expect(result.body.map((e: { occurred_on: string }) => e.occurred_on)).toEqual([
      "2026-03-14",
      "2026-04-20",
      "2026-05-02",
    ]);
    expect(result.body[0]).toMatchObject({
      grid: "profil_jeune",
      grid_title: "Fiche jeune",
      version: 1,
    });
  });

  it("orders two records of the same day by the time they were entered", async () => {
    const youth = await createYouth(educator);
    const first = await submit(educator, situationRecord(youth.id, "2026-05-02"));
    const second = await submit(educator, accompanimentRecord(youth.id, "2026-05-02"));
    const result = await educator.get(`/api/subjects/${youth.id}/timeline`);
    expect(result.body.map((e: { id: string }) => e.id)).toEqual([first.id, second.id]);
  });

  it("includes the family work of their family and the collective actions they attended", async () => {
    const youth = await createYouth(educator);
    const family = (await educator.post("/api/subjects", { kind: "family", youth: [youth.id] }))
      .body;
    const action = (
      await educator.post("/api/subjects", {
        kind: "action",
        title: "Sortie au lac",
        starts_on: "2026-06-10",
        youth: [youth.id],
      })
    ).body;
    const unrelated = (
      await educator.post("/api/subjects", {
        kind: "action",
        title: "Atelier",
        starts_on: "2026-06-11",
      })
    ).body;
    const familyWork = await submit(educator, familyWorkRecord(family.id, "2026-02-01"));
    const outing = await submit(educator, actionRecord(action.id, "2026-06-10"));
    await submit(educator, actionRecord(unrelated.id, "2026-06-11"));

    const result = await educator.get(`/api/subjects/${youth.id}/timeline`);
    expect(result.body.map((e: { id: string }) => e.id)).toEqual([familyWork.id, outing.id]);
    expect(result.body.map((e: { via: { kind: string } }) => e.via.kind)).toEqual([
      "family",
      "action",
    ]);
    expect(result.body[1].via.title).toBe("Sortie au lac");
  });

  it("loses an action's records once the young person is unlinked from it", async () => {
    const youth = await createYouth(educator);
    const action = (
      await educator.post("/api/subjects", {
        kind: "action",
        title: "Tournoi",
        starts_on: "2026-05-05",
        youth: [youth.id],
      })
    ).body;
    await submit(educator, actionRecord(action.id, "2026-05-05"));
    expect((await educator.get(`/api/subjects/${youth.id}/timeline`)).body).toHaveLength(1);

    const unlinked = await educator.request(
      "DELETE",
      `/api/subjects/${action.id}/links/${youth.id}`,
    );
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.participants.linked_youth).toBe(0);
    expect((await educator.get(`/api/subjects/${youth.id}/timeline`)).body).toEqual([]);
  });

  it("of a family holds only the family's own records", async () => {
    const youth = await createYouth(educator);
    const family = (await educator.post("/api/subjects", { kind: "family", youth: [youth.id] }))
      .body;
    await submit(educator, newResponse(youth.id));
    const familyWork = await submit(educator, familyWorkRecord(family.id, "2026-02-01"));
    const result = await educator.get(`/api/subjects/${family.id}/timeline`);
    expect(result.body.map((e: { id: string }) => e.id)).toEqual([familyWork.id]);
  });
});

describe("a young person's file", () => {
  it("lists each accompaniment period with its end reason and shows the open one as current", async () => {
    const youth = await createYouth(educator);
    await submit(
      educator,
      accompanimentRecord(youth.id, "2024-09-01", {
        date_fin: "2025-03-31",
        motif_fin: "perte_contact",
        domaines_travailles: ["scolarite"],
      }),
    );
    await submit(
      educator,
      accompanimentRecord(youth.id, "2026-01-05", {
        domaines_travailles: ["emploi_insertion", "sante"],
        partenaires_mobilises: ["mission_locale"],
      }),
    );
    const file = (await educator.get(`/api/subjects/${youth.id}/file`)).body;
    expect(file.accompaniments).toHaveLength(2);
    expect(file.accompaniments[0]).toMatchObject({
      start: "2024-09-01",
      end: "2025-03-31",
      open: false,
      length_days: 211,
      end_reason: { code: "perte_contact" },
    });
    expect(file.current_accompaniment).toMatchObject({
      start: "2026-01-05",
      end: null,
      open: true,
    });
    expect(file.current_accompaniment.domains.map((d: { code: string }) => d.code)).toEqual([
      "emploi_insertion",
      "sante",
    ]);
    expect(file.current_accompaniment.domains[0].label).toMatch(/[Ee]mploi/);
  });

  it("sets the situation at entry beside the latest one", async () => {
    const youth = await createYouth(educator);
    await submit(
      educator,
      situationRecord(youth.id, "2025-10-01", {
        moment: "entree",
        situation_scolaire_pro: "descolarise_sans_solution",
        hebergement: "famille_parents",
      }),
    );
    await submit(
      educator,
      situationRecord(youth.id, "2026-09-01", {
        moment: "point_annuel",
        situation_scolaire_pro: "apprentissage",
        hebergement: "famille_parents",
      }),
    );
    const { situations } = (await educator.get(`/api/subjects/${youth.id}/file`)).body;
    expect(situations.entry).toMatchObject({
      occurred_on: "2025-10-01",
      moment: { code: "entree" },
    });
    expect(situations.latest).toMatchObject({
      occurred_on: "2026-09-01",
      moment: { code: "point_annuel" },
    });
    const row = (question: string) =>
      situations.rows.find((r: { question: string }) => r.question === question);
    expect(row("situation_scolaire_pro")).toMatchObject({
      entry: [{ code: "descolarise_sans_solution", label: "Déscolarisé sans solution" }],
      latest: [{ code: "apprentissage", label: "Apprentissage / CFA" }],
      changed: true,
    });
    expect(row("hebergement").changed).toBe(false);
  });

  it("has no situations and no accompaniment before any record", async () => {
    const youth = await createYouth(educator);
    const file = (await educator.get(`/api/subjects/${youth.id}/file`)).body;
    expect(file.current_accompaniment).toBeNull();
    expect(file.situations.entry).toBeNull();
    expect(file.timeline).toEqual([]);
  });
});

describe("records about a family or an action", () => {
  it("are refused on a young person, whose kind is not the grid's", async () => {
    const youth = await createYouth(educator);
    const result = await educator.post("/api/responses", familyWorkRecord(youth.id, "2026-02-01"));
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("subject");
  });

  it("are refused on a family of another association", async () => {
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    const family = (await outsider.post("/api/subjects", { kind: "family" })).body;
    const result = await educator.post("/api/responses", familyWorkRecord(family.id, "2026-02-01"));
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0]).toMatchObject({
      field: "subject",
      message: /famille/,
    });
  });
});
